import Foundation
import Testing

/// `--catalog` overrides and the `neoplan catalog` subcommands.
@Suite("catalog")
struct CatalogCommandTests {
  static let example = Repo.examples.appendingPathComponent("h100-ib-128.yaml").path

  /// A switch part in the catalog schema of docs/catalog.md; `price` is the indented body of
  /// the `price:` mapping.
  static func switchPart(id: String, model: String = "Test switch", price: String) -> String {
    """
      - id: \(id)
        kind: switch
        vendor: NVIDIA
        model: \(model)
        specs:
          fabric: infiniband
          cages: 32
          cage_form_factor: osfp
          port_modes:
            - {speed_gbps: 400, ports: 64}
            - {speed_gbps: 200, ports: 128}
          rack_units: 1
          power_typical_w: 750
          power_max_w: 1100
        price:
    \(price)

    """
  }

  static func catalogFolder(_ parts: [String], file: String = "parts.yaml") throws -> URL {
    let folder = try TempDir.make("catalog")
    let text = "schema: 1\nparts:\n" + parts.joined()
    try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
    return folder
  }

  static func planJSON(_ extra: [String] = []) throws -> JSON {
    let result = try CLI.run(["plan", example, "--format", "json"] + extra)
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result.stderrText)")
    return try JSON.parse(result.stdoutText)
  }

  static func lines(_ plan: JSON, id: String) -> [JSON] {
    (plan[path: "bom.lines"]?.array ?? []).filter { $0[path: "id"]?.string == id }
  }

  static func categoryTotal(_ plan: JSON, _ name: String) -> Decimal? {
    plan[path: "bom.categories"]?.array?.first { $0[path: "category"]?.string == name }?[path: "total"]?.decimal
  }

  // MARK: - Override

  @Test func overridingAPriceMovesTheSubtotalsByPriceDifferenceTimesQuantity() throws {
    let newPrice = Decimal(string: "29876.54")!
    let folder = try Self.catalogFolder([
      Self.switchPart(
        id: "nvidia-qm9700", model: "Quantum-2 QM9700 (test override)",
        price: """
                amount: 29876.54
                currency: USD
                as_of: 2026-11-01
                source: "Quote TEST-OVERRIDE-1"
                confidence: quoted
          """)
    ])
    defer { try? FileManager.default.removeItem(at: folder) }

    let validate = try CLI.run(["catalog", "validate", folder.path])
    #expect(validate.exitCode == 0, "the override folder itself should validate: \(validate)")

    let before = try Self.planJSON()
    let after = try Self.planJSON(["--catalog", folder.path])

    let oldLines = Self.lines(before, id: "nvidia-qm9700")
    let newLines = Self.lines(after, id: "nvidia-qm9700")
    try #require(!oldLines.isEmpty, "h100-ib-128 should use nvidia-qm9700")
    let oldPrice = try #require(oldLines[0][path: "unitPrice"]?.decimal)
    #expect(oldPrice != newPrice)
    #expect(newLines.map { $0[path: "quantity"] } == oldLines.map { $0[path: "quantity"] }, "quantities changed")
    for line in newLines {
      #expect(line[path: "unitPrice"]?.decimal == newPrice)
      #expect(line[path: "source"]?.string == "Quote TEST-OVERRIDE-1")
    }

    let delta = newPrice - oldPrice
    let quantity = { (lines: [JSON], category: String?) -> Int in
      lines.filter { category == nil || $0[path: "category"]?.string == category }
        .reduce(0) { $0 + ($1[path: "quantity"]?.int ?? 0) }
    }
    let backendQuantity = quantity(oldLines, "backend-network")
    #expect(backendQuantity > 0)
    let backendBefore = try #require(Self.categoryTotal(before, "backend-network"))
    let backendAfter = try #require(Self.categoryTotal(after, "backend-network"))
    #expect(backendAfter - backendBefore == delta * Decimal(backendQuantity))

    let totalBefore = try #require(before[path: "bom.total"]?.decimal)
    let totalAfter = try #require(after[path: "bom.total"]?.decimal)
    #expect(totalAfter - totalBefore == delta * Decimal(quantity(oldLines, nil)))
  }

  // MARK: - validate

  @Test func embeddedCatalogValidates() throws {
    let result = try CLI.run(["catalog", "validate"])
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdoutText.contains("catalog ok"))
  }

  /// A price dated after the date its source carries is a warning, not an error: exit 0, the
  /// catalog is reported ok, and stderr names each late price at its part, compiler-style.
  @Test func lateAsOfIsWarnedAtThePart() throws {
    let folder = try Self.catalogFolder([
      Self.switchPart(
        id: "test-late-url",
        price: """
                amount: 1000.00
                currency: USD
                as_of: 2025-04-01
                source: "https://example.com/entry/2025/03/16/080000"
                confidence: list
          """),
      Self.switchPart(
        id: "test-late-field",
        price: """
                amount: 1000.00
                currency: USD
                as_of: 2024-09-01
                source: "Quote TEST-4"
                source_date: 2024-08-22
                confidence: list
          """),
      Self.switchPart(id: "test-undated", price: Self.goodPrice),
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let yaml = try String(contentsOf: folder.appendingPathComponent("parts.yaml"), encoding: .utf8)
    let result = try CLI.run(["catalog", "validate", folder.path])
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stdoutText.contains("catalog ok: 3 parts"))
    let warnings = result.stderrText.split(separator: "\n").map(String.init)
    let file = folder.appendingPathComponent("parts.yaml").path
    let urlLine = try #require(Self.lineNumbers(of: "- id: test-late-url", in: yaml).first)
    let fieldLine = try #require(Self.lineNumbers(of: "- id: test-late-field", in: yaml).first)
    #expect(
      warnings == [
        "\(file):\(fieldLine):5: warning: test-late-field.price.as_of: as_of 2024-09-01 is later than the date its source_date is (2024-08-22); expected the date of the figure itself (as_of ≤ 2024-08-22), or a source_date if the URL date is not the page's",
        "\(file):\(urlLine):5: warning: test-late-url.price.as_of: as_of 2025-04-01 is later than the date its source URL carries (2025-03-16); expected the date of the figure itself (as_of ≤ 2025-03-16), or a source_date if the URL date is not the page's",
      ], "\(result.stderrText)")
  }

  static let noSource = """
          amount: 1000.00
          currency: USD
          as_of: 2026-01-01
          confidence: list
    """
  static let estimateWithoutNote = """
          amount: 1000.00
          currency: USD
          as_of: 2026-01-01
          source: "Quote TEST-2"
          confidence: estimate
    """
  static let goodPrice = """
          amount: 1000.00
          currency: USD
          as_of: 2026-01-01
          source: "Quote TEST-3"
          confidence: list
    """

  /// The 1-based numbers of the lines of `text` that contain `needle`.
  static func lineNumbers(of needle: String, in text: String) -> [Int] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { $0.element.contains(needle) }.map { $0.offset + 1 }
  }

  /// Runs `catalog validate DIR` and returns the diagnostics as (line, column, text), checking the
  /// common shape: exit 2, nothing on stdout, every stderr line `DIR/parts.yaml:L:C: error: ...`.
  static func validateFailing(_ folder: URL) throws -> [(line: Int, column: Int, text: String)] {
    let result = try CLI.run(["catalog", "validate", folder.path])
    #expect(result.exitCode == 2, "\(result)")
    #expect(result.stdout.isEmpty)
    expectNoCrash(result.stderrText, "catalog validate")
    let file = folder.appendingPathComponent("parts.yaml").path
    var diagnostics: [(Int, Int, String)] = []
    for line in result.stderrText.split(separator: "\n").map(String.init) {
      guard line.hasPrefix(file + ":"), let match = line.dropFirst(file.count).prefixMatch(of: /:(\d+):(\d+): error:\s/)
      else {
        Issue.record("not a located error for \(file): \(line)")
        continue
      }
      diagnostics.append((Int(match.1)!, Int(match.2)!, line))
    }
    return diagnostics
  }

  @Test func brokenCatalogReportsEveryProblemInOneRun() throws {
    let folder = try Self.catalogFolder([
      Self.switchPart(id: "test-no-source", price: Self.noSource),
      Self.switchPart(id: "test-estimate", price: Self.estimateWithoutNote),
      Self.switchPart(id: "test-dup", price: Self.goodPrice),
      Self.switchPart(id: "test-dup", price: Self.goodPrice),
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = Self.diagnosticsText(try Self.validateFailing(folder))
    #expect(text.contains("parts[0].price.source"), "missing source not reported:\n\(text)")
    #expect(text.contains("parts[1].price.note"), "estimate without note not reported:\n\(text)")
    #expect(text.contains("duplicate part id 'test-dup'"), "duplicate id not reported:\n\(text)")
  }

  static func diagnosticsText(_ diagnostics: [(line: Int, column: Int, text: String)]) -> String {
    diagnostics.map(\.text).joined(separator: "\n")
  }

  /// A price problem is reported once, inside the part's price block, naming `key`.
  static func expectLocatedInPrice(id: String, price: String, key: String) throws {
    let folder = try Self.catalogFolder([Self.switchPart(id: id, price: price)])
    defer { try? FileManager.default.removeItem(at: folder) }
    let yaml = try String(contentsOf: folder.appendingPathComponent("parts.yaml"), encoding: .utf8)
    let diagnostics = try Self.validateFailing(folder)
    #expect(diagnostics.count == 1)
    let priceLine = try #require(Self.lineNumbers(of: "price:", in: yaml).first)
    let lastPriceLine = try #require(Self.lineNumbers(of: "confidence:", in: yaml).first)
    for d in diagnostics {
      #expect(d.text.contains(key), "\(d.text)")
      #expect((priceLine...lastPriceLine).contains(d.line), "line \(d.line) is outside the price block: \(d.text)")
    }
  }

  @Test func priceWithoutSourceIsLocatedInThePrice() throws {
    try Self.expectLocatedInPrice(id: "test-no-source", price: Self.noSource, key: "price.source")
  }

  @Test func estimateWithoutNoteIsLocatedInThePrice() throws {
    try Self.expectLocatedInPrice(id: "test-estimate", price: Self.estimateWithoutNote, key: "price.note")
  }

  @Test func duplicateIdPointsAtTheSecondDefinitionAndNamesTheFirst() throws {
    let folder = try Self.catalogFolder([
      Self.switchPart(id: "test-dup", price: Self.goodPrice),
      Self.switchPart(id: "test-dup", model: "Second", price: Self.goodPrice),
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let yaml = try String(contentsOf: folder.appendingPathComponent("parts.yaml"), encoding: .utf8)
    let idLines = Self.lineNumbers(of: "- id: test-dup", in: yaml)
    try #require(idLines.count == 2)
    let diagnostics = try Self.validateFailing(folder)
    #expect(diagnostics.count == 1)
    let d = try #require(diagnostics.first)
    #expect(d.line == idLines[1], "\(d.text)")
    #expect(d.text.contains("duplicate part id 'test-dup'"))
    #expect(d.text.contains("parts.yaml:\(idLines[0]):"), "the first definition is not named: \(d.text)")
  }

  // MARK: - list and show

  /// The (id, kind) of each row of `catalog list`.
  static func listRows(_ arguments: [String]) throws -> [(id: String, kind: String)] {
    let result = try CLI.run(["catalog", "list"] + arguments)
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let lines = result.stdoutText.split(separator: "\n")
    #expect(lines.first?.hasPrefix("id") == true, "no header row: \(lines.first ?? "")")
    return lines.dropFirst().map { line in
      let columns = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      return (columns.first ?? "", columns.count > 1 ? columns[1] : "")
    }
  }

  @Test func listKindSwitchListsOnlyAndAllSwitches() throws {
    let switches = try Self.listRows(["--kind", "switch"])
    #expect(!switches.isEmpty)
    for row in switches { #expect(row.kind == "switch", "\(row.id) is a \(row.kind)") }
    #expect(switches.contains { $0.id == "nvidia-qm9700" })
    let all = try Self.listRows([])
    #expect(Set(all.filter { $0.kind == "switch" }.map(\.id)) == Set(switches.map(\.id)))
    #expect(all.count > switches.count)
  }

  @Test func listUnknownKindIsAnInputError() throws {
    let result = try CLI.run(["catalog", "list", "--kind", "swich"])
    #expect(result.exitCode == 2, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderrText.contains("error:"))
    expectNoCrash(result.stderrText, "catalog list --kind swich")
  }

  @Test func showPrintsTheSourceURL() throws {
    let plan = try Self.planJSON()
    let source = try #require(Self.lines(plan, id: "nvidia-qm9700").first?[path: "source"]?.string)
    #expect(source.hasPrefix("https://"))
    let result = try CLI.run(["catalog", "show", "nvidia-qm9700"])
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdoutText.contains("nvidia-qm9700"))
    #expect(result.stdoutText.contains(source), "source \(source) not shown:\n\(result.stdoutText)")
  }

  @Test func showUnknownPartSuggestsOne() throws {
    let result = try CLI.run(["catalog", "show", "nvidia-qm970"])
    #expect(result.exitCode == 2, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderrText.contains("did you mean 'nvidia-qm9700'"), "\(result.stderrText)")
  }
}
