import Foundation

/// One line of a bill of materials as read from one side of a diff, before matching.
public struct DiffInputLine: Sendable, Hashable {
  /// The catalog part id (or whatever the file's id column holds); `nil` when absent.
  public var partID: String?
  /// A manufacturer part number, when the file gives one.
  public var partNumber: String?
  /// What the file calls the line.
  public var description: String
  /// The BoM category, when the file gives one.
  public var category: String?
  /// How many.
  public var quantity: Int
  /// Price per unit in the side's currency.
  public var unitPrice: Money
  /// `unitPrice × quantity`.
  public var extendedPrice: Money
  /// A spare, not installed.
  public var isSpare: Bool
  /// Where the line is written (CSV and plan files), for notes.
  public var location: SourceLocation?

  /// Creates a line; the extended price is `unitPrice × quantity`.
  public init(
    partID: String?, partNumber: String? = nil, description: String, category: String?, quantity: Int,
    unitPrice: Money, isSpare: Bool = false, location: SourceLocation? = nil
  ) {
    self.partID = partID
    self.partNumber = partNumber
    self.description = description
    self.category = category
    self.quantity = quantity
    self.unitPrice = unitPrice
    self.extendedPrice = unitPrice.times(quantity)
    self.isSpare = isSpare
    self.location = location
  }
}

/// One side of a diff: a spec (planned on the fly), a saved plan or a BoM CSV, reduced to what the
/// diff compares.
public struct DiffInput: Sendable {
  /// What the file was.
  public enum Kind: String, Sendable {
    /// A spec file, planned on the fly.
    case spec
    /// `neoplan plan --format json` output.
    case plan
    /// A BoM CSV: `neoplan plan --format csv` output or a vendor quote.
    case csv
  }

  /// What the file was.
  public var kind: Kind
  /// The file as the user named it.
  public var file: String
  /// The plan's name (specs and plans).
  public var name: String?
  /// The currency of the prices; `nil` for a CSV without a currency column.
  public var currency: String?
  /// The lines in file order.
  public var lines: [DiffInputLine]
  /// Nodes, when known.
  public var nodes: Int?
  /// GPUs, when known (a CSV's count is derived while matching, from its GPU-node lines).
  public var gpus: Int?
  /// Exchange rates the side carries (a spec's `fx:`, a plan's `bom.fxRates`).
  public var fxRates: [ExchangeRate]
  /// The sized design's figures, with their units (specs and plans).
  public var design: [Figure]?
  /// The resolved spec's figures (spec inputs only).
  public var specFields: [Figure]?
  /// Finance figures (specs, and plans saved with `tco` and `returns`), in the side's currency.
  public var finance: FinanceFigures?
  /// Things the reader should know about how the file was read (skipped rows, say).
  public var notes: [String]

  /// Creates a side from its parts.
  public init(
    kind: Kind, file: String, name: String? = nil, currency: String?, lines: [DiffInputLine], nodes: Int? = nil,
    gpus: Int? = nil, fxRates: [ExchangeRate] = [], design: [Figure]? = nil, specFields: [Figure]? = nil,
    finance: FinanceFigures? = nil, notes: [String] = []
  ) {
    self.kind = kind
    self.file = file
    self.name = name
    self.currency = currency
    self.lines = lines
    self.nodes = nodes
    self.gpus = gpus
    self.fxRates = fxRates
    self.design = design
    self.specFields = specFields
    self.finance = finance
    self.notes = notes
  }

  /// A side from a plan made in memory (a spec input): its summary, as a saved plan gives it, and
  /// the resolved spec's figures.
  public init(plan: Plan, file: String) {
    self.init(
      summary: PlanSummary(plan: plan), kind: .spec, file: file, specFields: PlanSummary.specFigures(plan.spec))
  }

  /// Reads `path` and detects what it is.
  public static func load(path: String, catalog: Catalog) throws -> DiffInput {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: path, line: 1, column: 1), keyPath: "", message: "cannot read the file",
          expected: "expected an existing spec, saved plan (neoplan plan --format json) or BoM CSV"))
    }
    guard let text = String(data: data, encoding: .utf8), !text.unicodeScalars.contains("\u{0}") else {
      throw notRecognized(file: path, because: "a binary file, not UTF-8 text")
    }
    return try parse(text, file: path, catalog: catalog)
  }

  /// Detects the kind from the content — a JSON or YAML mapping with `schemaVersion` is a saved
  /// plan, one with `compute` a spec, a CSV header naming quantity and price columns a BoM CSV —
  /// and reads it. Anything else (Markdown, prose, an unrelated YAML or JSON document) is "not a
  /// spec, a saved plan or a BoM CSV" at `file:1:1`, whichever parser failed first; a syntax error
  /// is reported as such only in a file that declares itself a spec or plan (a top-level
  /// `compute:` or `schemaVersion:` key), and a CSV error only in a file whose header names BoM
  /// columns.
  public static func parse(_ text: String, file: String, catalog: Catalog) throws -> DiffInput {
    if text.unicodeScalars.contains("\u{0}") { throw notRecognized(file: file, because: "a binary file, not text") }
    let start = text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{FEFF}" }
    let looksLikeJSON = start == "{" || start == "["
    let declared = declaresSpecOrPlan(text, json: looksLikeJSON)
    var document: YAMLValue?
    do {
      document = try YAMLValue.parse(text, file: file)
    } catch {
      // A spec or plan with a syntax error: the error, at its place, is what the user needs.
      if declared { throw error }
    }
    if let document, case .mapping = document.node {
      let map = try document.mapping()
      if map["schemaVersion"] != nil { return try plan(document, file: file) }
      if map["compute"] != nil {
        let spec = try ClusterSpec.parse(text, file: file, catalog: catalog)
        return DiffInput(plan: try Plan.make(spec), file: file)
      }
      if looksLikeJSON || !text.contains(",") {
        throw notRecognized(
          file: file, at: document.location,
          because:
            "a \(looksLikeJSON ? "JSON object" : "YAML mapping") with neither schemaVersion (saved plans) nor compute (specs)"
        )
      }
    } else if looksLikeJSON {
      throw notRecognized(
        file: file, at: document?.location,
        because: document == nil ? "not valid JSON" : "a JSON document that is not an object")
    }
    let table: CSVTable
    do {
      table = try CSVTable.parse(text, file: file)
    } catch {
      // A CSV error matters only in a file that is meant as a BoM CSV: one whose header names
      // BoM columns.
      if let header = try? CSVTable.parse(firstLine(of: text), file: file).records.first,
        BoMCSVColumns(header: header, file: file) != nil
      {
        throw error
      }
      throw notRecognized(file: file)
    }
    if let header = table.records.first, let columns = BoMCSVColumns(header: header, file: file) {
      return try csv(table, columns: columns, file: file)
    }
    throw notRecognized(file: file)
  }

  /// The diagnostic for a file that is none of the three kinds, with why when known.
  static func notRecognized(file: String, at location: SourceLocation? = nil, because reason: String? = nil)
    -> InputError
  {
    InputError(
      Diagnostic(
        at: location ?? SourceLocation(file: file, line: 1, column: 1), keyPath: "",
        message: "not a spec, a saved plan or a BoM CSV" + (reason.map { ": \($0)" } ?? ""),
        expected:
          "expected a spec (YAML with compute:), a saved plan (neoplan plan --format json) or a CSV with a header naming id, part number or description, quantity and unit price"
      ))
  }

  /// True when the text says it is a spec or a saved plan: a YAML file whose first content line is a
  /// top-level key and which has a top-level `compute:` or `schemaVersion:` key, or a JSON text
  /// with a `"compute"` or `"schemaVersion"` key. Markdown, prose and other documents are not.
  static func declaresSpecOrPlan(_ text: String, json: Bool) -> Bool {
    if json { return text.contains("\"schemaVersion\"") || text.contains("\"compute\"") }
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[lines.startIndex] = first.dropFirst() }
    let content = lines.filter { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed != "---" && !trimmed.hasPrefix("%")
    }
    func topLevelKey(_ line: Substring) -> String? {
      guard let colon = line.firstIndex(of: ":"), let first = line.first, first.isLetter || first == "_" else {
        return nil
      }
      let key = line[..<colon]
      let after = line[line.index(after: colon)...]
      guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
        after.isEmpty || after.first == " " || after.first == "\t"
      else { return nil }
      return String(key)
    }
    guard let first = content.first, topLevelKey(first) != nil else { return false }
    return content.contains { ["compute", "schemaVersion"].contains(topLevelKey($0)) }
  }

  /// The text up to the first line break (the header of a CSV).
  static func firstLine(of text: String) -> String {
    String(text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
  }
}
