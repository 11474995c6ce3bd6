import Foundation

/// Which column of a BoM CSV holds what, found from the header (case-insensitive, with synonyms).
struct BoMCSVColumns {
  enum Role: String, CaseIterable {
    case id, partNumber, description, category, quantity, unitPrice, extendedPrice, currency, spare
  }

  /// Normalized header names (lowercase, runs of other characters as `_`) per role.
  static let synonyms: [Role: [String]] = [
    .id: ["id", "part", "part_id", "partid", "sku"],
    .partNumber: ["part_number", "partnumber", "part_no", "pn", "p_n", "mpn"],
    .description: ["description", "item", "desc", "item_description"],
    .category: ["category", "section"],
    .quantity: ["qty", "quantity"],
    .unitPrice: ["unit_price", "price", "unit_cost", "unitprice", "price_each"],
    .extendedPrice: ["extended_price", "extended", "ext_price", "line_total", "amount", "total"],
    .currency: ["currency", "ccy"],
    .spare: ["spare"],
  ]

  var index: [Role: Int] = [:]
  let header: [CSVField]

  /// `nil` when the header names no known column (the file is not a BoM CSV); throws when it names
  /// some but misses a required one.
  init?(header: [CSVField], file: String) {
    self.header = header
    for (position, field) in header.enumerated() {
      let name = BoMCSVColumns.normalize(field.text)
      for role in Role.allCases where index[role] == nil && BoMCSVColumns.synonyms[role]!.contains(name) {
        index[role] = position
      }
    }
    guard header.count >= 2, index.count >= 2 else { return nil }
  }

  /// The header cell text, normalized for synonym lookup.
  static func normalize(_ text: String) -> String {
    var out = ""
    for scalar in text.lowercased().unicodeScalars {
      if CharacterSet.alphanumerics.contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty, !out.hasSuffix("_") {
        out.append("_")
      }
    }
    while out.hasSuffix("_") { out.removeLast() }
    return out
  }

  /// Problems with the header: a required column missing.
  func missing(file: String) -> Diagnostic? {
    var wanted: [String] = []
    if index[.quantity] == nil { wanted.append("a quantity column (qty, quantity)") }
    if index[.unitPrice] == nil { wanted.append("a unit price column (unit_price, price, unit cost)") }
    if index[.id] == nil, index[.partNumber] == nil, index[.description] == nil {
      wanted.append("an id, part number or description column (id, part_number, description, …)")
    }
    guard !wanted.isEmpty else { return nil }
    return Diagnostic(
      at: SourceLocation(file: file, line: header[0].line, column: header[0].column), keyPath: "",
      message: "the CSV header lacks \(wanted.joined(separator: " and "))",
      expected: "expected a BoM CSV header such as id,description,quantity,unit_price,currency")
  }
}

extension DiffInput {
  /// Reads a BoM CSV: `neoplan plan --format csv` output or a vendor quote.
  static func csv(_ table: CSVTable, columns: BoMCSVColumns, file: String) throws -> DiffInput {
    if let problem = columns.missing(file: file) { throw InputError(problem) }
    var reader = BoMCSVReader(columns: columns, file: file)
    for record in table.records.dropFirst() {
      guard reader.read(record) else { break }
    }
    return try reader.input()
  }

  /// A whole quantity: `128`, `1,024`, `2.0`.
  static func parseQuantity(_ text: String) -> Int? {
    var body = text.trimmingCharacters(in: .whitespaces)
    body = stripGrouping(body) ?? body
    if let dot = body.firstIndex(of: "."), body[body.index(after: dot)...].allSatisfy({ $0 == "0" }) {
      body = String(body[..<dot])
    }
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(body) else { return nil }
    return value
  }

  /// An exact price: `36000`, `36,000.00`, `$36,000.00`, `-500.00`, `(500.00)`; at most two decimals.
  static func parseMoney(_ text: String, currency: String) -> Money? {
    var body = text.trimmingCharacters(in: .whitespaces)
    var negative = false
    if body.hasPrefix("("), body.hasSuffix(")") {
      negative = true
      body = String(body.dropFirst().dropLast())
    }
    if body.hasPrefix("-") {
      negative.toggle()
      body.removeFirst()
    }
    if let first = body.first, "$€£¥".contains(first) { body.removeFirst() }
    body = body.trimmingCharacters(in: .whitespaces)
    body = stripGrouping(body) ?? body
    let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
    guard !body.isEmpty, pieces.count <= 2, !pieces[0].isEmpty,
      pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      pieces.count == 1 || (1...2).contains(pieces[1].count),
      let value = Decimal(string: body, locale: Locale(identifier: "en_US_POSIX")),
      let money = Money(major: negative ? -value : value, currency: currency),
      money.cents.magnitude <= UInt64(DiffInput.maxCents)
    else { return nil }
    return money
  }

  /// `1,234,567.50` → `1234567.50`; `nil` when the commas are not thousands separators.
  static func stripGrouping(_ text: String) -> String? {
    guard text.contains(",") else { return nil }
    let integer = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
    let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
    guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
    return text.replacingOccurrences(of: ",", with: "")
  }
}

/// A quote's "Total", "Subtotal" or "Grand total" row: recognized by its label, checked against the
/// lines instead of being read as one.
enum TotalRow {
  /// What the row says it totals.
  struct Label {
    /// The label as written, e.g. `Grand Total`.
    var text: String
    /// A subtotal (or a total of a named section): the lines since the previous total row.
    var isSection: Bool
  }

  /// Running sums of the lines, in cents.
  struct Sums {
    /// Quantity × unit price.
    var computed: Int64 = 0
    /// The file's extended prices where given, else quantity × unit price.
    var stated: Int64 = 0
    /// How many lines.
    var count = 0

    mutating func add(computed: Int64, stated: Int64) {
      self.computed += computed
      self.stated += stated
      count += 1
    }
  }

  /// The row's label when one of its text cells (any column but quantity, prices and currency) is a
  /// total label and it names no part: `Total`, `Total USD`, `Total:`, `Grand total`, `Subtotal`,
  /// `Sub-total`, `Total hardware` (a section).
  static func label(of record: [CSVField], columns: BoMCSVColumns) -> Label? {
    let amounts = [BoMCSVColumns.Role.quantity, .unitPrice, .extendedPrice, .currency].compactMap {
      columns.index[$0]
    }
    var found: Label?
    for (position, field) in record.enumerated() where !amounts.contains(position) {
      let text = field.text.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { continue }
      if found == nil, let label = parse(text) {
        found = label
      } else if [columns.index[.id], columns.index[.partNumber], columns.index[.description]].contains(position) {
        return nil  // names a part (or something else) besides the label
      }
    }
    return found
  }

  /// `Total`, `Total (USD)`, `Grand total:` → a total; `Subtotal`, `Sub total`, `Total hardware` →
  /// a section; anything else `nil`.
  static func parse(_ text: String) -> Label? {
    let words = text.lowercased().split { !$0.isLetter }.map(String.init)
    var rest: ArraySlice<String>
    var isSection = false
    switch words.first {
    case "total": rest = words.dropFirst()
    case "subtotal":
      rest = words.dropFirst()
      isSection = true
    case "sub" where words.dropFirst().first == "total":
      rest = words.dropFirst(2)
      isSection = true
    case "grand" where words.dropFirst().first == "total": rest = words.dropFirst(2)
    default: return nil
    }
    // A currency code or "amount"/"price" after the word changes nothing; other words name a section.
    let plain: Set<String> = ["amount", "price", "cost", "due", "incl", "excl", "all"]
    let qualifiers = rest.filter { !(($0.count == 3 && $0.allSatisfy(\.isASCII)) || plain.contains($0)) }
    if !qualifiers.isEmpty {
      guard qualifiers.count <= 3 else { return nil }
      isSection = true
    }
    return Label(text: text.trimmingCharacters(in: CharacterSet(charactersIn: ": ")), isSection: isSection)
  }
}
