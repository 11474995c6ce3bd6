import Foundation
import Testing

@testable import NeoplanKit

/// Input detection, quote Total rows, the absent side in CSV, the HTML colour rule and number
/// formatting. Every expectation below is worked out by hand in the comments.
@Suite("Diff: detection, Total rows, CSV absent side, HTML tones and numbers")
struct DiffInputDetectionAndTotalsTests {
  let catalog = TestCatalog.embedded

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

  func message(_ text: String, file: String) -> String {
    do {
      _ = try DiffInput.parse(text, file: file, catalog: catalog)
      return "(parsed)"
    } catch {
      return "\(error)"
    }
  }

  // MARK: - 1. Not a spec, a saved plan or a BoM CSV

  @Test("Markdown, prose, unrelated YAML and JSON: 'not a spec, a saved plan or a BoM CSV', whatever parser failed")
  func notRecognized() {
    let prefix = "error: not a spec, a saved plan or a BoM CSV"
    // Markdown: a YAML error (line 3 "Usage: run: it" has a second mapping value), a CSV error
    // (a quote inside a field) and no BoM header: none of them is what the user needs to hear.
    let markdown = "# neoplan\n\nUsage: run: it, then \"see\" the docs\n\n- one: two\n"
    let texts: [(String, String)] = [
      ("README.md", markdown),
      ("words.txt", "just some words, nothing more\n"),
      ("other.yaml", "name: foo\nitems:\n  - a\n"),
      ("other.json", "{\"name\": \"foo\"}\n"),
      ("list.json", "[1, 2]\n"),
      ("broken.json", "{\"name\": \n"),
      ("nul.bin", "id,qty\u{0}\u{1}\n"),
    ]
    for (file, text) in texts {
      let error = message(text, file: file)
      #expect(error.hasPrefix("\(file):1:1: \(prefix)"), "\(file): \(error)")
      #expect(!error.contains("invalid YAML"), "\(file): \(error)")
    }
    #expect(message("[1, 2]\n", file: "l.json").contains("a JSON document that is not an object"))
    #expect(message("name: foo\n", file: "y.yaml").contains("a YAML mapping with neither schemaVersion"))
  }

  @Test("a binary file (not UTF-8) is the same diagnostic, from load")
  func binaryFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("neoplan-diff-\(UUID().uuidString).bin")
    try Data([0x7F, 0x45, 0x4C, 0x46, 0xFF, 0xFE, 0x00, 0x01]).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect {
      _ = try DiffInput.load(path: url.path, catalog: catalog)
    } throws: { error in
      "\(error)".hasPrefix("\(url.path):1:1: error: not a spec, a saved plan or a BoM CSV: a binary file")
    }
  }

  @Test("a spec or plan with a syntax error, and a BoM CSV with a CSV error, keep their located errors")
  func brokenSpecStaysYAMLError() {
    // Line 4 is "   nodes: 4": three spaces and "nodes", so its ':' is at column 9, where libyaml
    // finds a mapping value it does not allow.
    let spec = "# cluster\nname: x\ncompute:\n   nodes: 4\n  node: hgx-h100-8gpu\n"
    let specError = message("name: x\ncompute:\n  node: hgx\n   nodes: 4\n", file: "x.yaml")
    #expect(specError.hasPrefix("x.yaml:4:9: error: invalid YAML: mapping values are not allowed"), "\(specError)")
    // Comments before the keys do not hide the intent (the error is on line 5 here).
    #expect(message(spec, file: "c.yaml").hasPrefix("c.yaml:5:"), "\(message(spec, file: "c.yaml"))")
    // A saved plan in JSON that is cut short: the JSON error, not "not a spec".
    #expect(message("{\"schemaVersion\": 1,\n \"bom\": \n", file: "p.json").contains("invalid YAML"))
    // A BoM CSV (its header names quantity and price) with "foo"x in row 2: the quote closes at
    // column 5, so the text after it is at column 6.
    #expect(
      message("id,qty,unit_price\n\"foo\"x,1,2\n", file: "q.csv").hasPrefix(
        "q.csv:2:6: error: text after a closing quote"))
  }

  // MARK: - 2. Total rows

  @Test("the fixture quote's Total row matches its lines and the notes say so")
  func totalRowMatches() throws {
    let quote = try DiffInput.load(
      path: Self.fixtures.appendingPathComponent("vendor-quote.csv").path, catalog: catalog)
    // The 22 lines, quantity × unit price: 9,920,000 + 432,000 + 49,600 + 90,000 + 78,000 + 449,280
    // + 192,000 + 61,440 + 41,500 + 456 + 14,040 + 6,000 + 1,920 + 1,250 + 18 + 36,000 + 84,000
    // + 275,000 + 102,400 + 96,000 + 43,500 + 38,400 = 12,012,804.00, the Total row on line 24
    // (twin-port SR8 at 1,170.00: 384 × 1,170 = 449,280 and 12 × 1,170 = 14,040).
    #expect(quote.lines.count == 22)
    #expect(
      quote.notes.contains {
        $0.hasSuffix(
          "vendor-quote.csv:24: the quote's Total row, 12,012,804.00, matches the sum of the 22 lines above it")
      }, "\(quote.notes)")
    #expect(!quote.notes.contains { $0.contains("skipped a row without a quantity") })
  }

  @Test("a Total row that differs from its lines is a clear note; subtotals check their section")
  func totalRowDiffers() throws {
    let csv = """
      id,description,qty,unit_price,amount,currency
      nvidia-qm9700,,2,600000.00,"1,200,000.00",USD
      rack-48u,,1,"14,567.00","14,567.00",USD
      ,Subtotal,,,"1,214,567.00",
      cat6-3m,,10,6.00,60.00,USD
      ,Sub-total cabling,,,50.00,
      ,Total,,,"1,234,567.00",USD
      ,Grand total,,,,
      ,Total (EUR),,,5.00,EUR
      Section heading,,,,,

      """
    let input = try DiffInput.parse(csv, file: "q.csv", catalog: catalog)
    // Only the three priced rows are lines.
    #expect(input.lines.map(\.quantity) == [2, 1, 10])
    #expect(
      input.notes == [
        // 2 × 600,000.00 + 1 × 14,567.00 = 1,214,567.00: the subtotal matches.
        "q.csv:4: the quote's Subtotal row, 1,214,567.00, matches the sum of the 2 lines above it",
        // The section after the subtotal: 10 × 6.00 = 60.00, the row says 50.00, 10.00 lower.
        "q.csv:6: the quote's Sub-total cabling row says 50.00 but the 1 line after the Subtotal row (line 4) adds up to 60.00: a difference of 10.00 (the row is lower); the diff uses the lines",
        // All lines: 1,214,567.00 + 60.00 = 1,214,627.00; 1,234,567.00 − 1,214,627.00 = 19,940.00.
        "q.csv:7: the quote's Total row says 1,234,567.00 but the 3 lines above it add up to 1,214,627.00: a difference of 19,940.00 (the row is higher); the diff uses the lines",
        "q.csv:8: skipped the quote's Grand total row: it has no amount to check",
        "q.csv:9: the quote's Total (EUR) row is in EUR, the lines in USD; not checked",
        "q.csv:10: skipped a row without a quantity (Section heading)",
      ])
  }

  @Test("the brief's example: a Total 20,000.00 above its lines")
  func totalRowExample() throws {
    let csv =
      "description,qty,unit_price,extended\nA,1,1200000.00,1200000.00\nB,1,14567.00,14567.00\nTotal:,,,1234567.00\n"
    let input = try DiffInput.parse(csv, file: "t.csv", catalog: catalog)
    // 1,200,000.00 + 14,567.00 = 1,214,567.00; 1,234,567.00 − 1,214,567.00 = 20,000.00.
    #expect(
      input.notes == [
        "t.csv:4: the quote's Total row says 1,234,567.00 but the 2 lines above it add up to 1,214,567.00: a difference of 20,000.00 (the row is higher); the diff uses the lines"
      ])
  }

  @Test("a Total that sums the quote's own (wrong) extended prices says so")
  func totalOfStatedExtendedPrices() throws {
    // Line 2 states 250.00 for 2 × 100.00 = 200.00; the Total 250.00 + 50.00 = 300.00 sums the
    // stated prices, the lines add up to 200.00 + 50.00 = 250.00.
    let csv = "description,qty,unit_price,extended\nA,2,100.00,250.00\nB,1,50.00,50.00\nTotal,,,300.00\n"
    let notes = try DiffInput.parse(csv, file: "s.csv", catalog: catalog).notes
    #expect(notes.count == 2)
    #expect(
      notes.last
        == "s.csv:4: the quote's Total row says 300.00 but the 2 lines above it add up to 250.00: a difference of 50.00 (the row is higher); the diff uses the lines; the row is the sum of the quote's extended prices, which differ from quantity × unit price as noted"
    )
  }

  @Test("total labels")
  func totalLabels() {
    #expect(TotalRow.parse("Total")?.isSection == false)
    #expect(TotalRow.parse("TOTAL USD:")?.isSection == false)
    #expect(TotalRow.parse("Grand Total")?.isSection == false)
    #expect(TotalRow.parse("Subtotal")?.isSection == true)
    #expect(TotalRow.parse("Sub total")?.isSection == true)
    #expect(TotalRow.parse("Total hardware")?.isSection == true)
    #expect(TotalRow.parse("Totally new switch") == nil)
    #expect(TotalRow.parse("HGX H100") == nil)
  }

  // MARK: - 3. The absent side in CSV

  @Test("CSV: a removed line has B's quantity, unit price and extended price empty; an added line A's")
  func csvAbsentSide() throws {
    let a = try DiffInput.load(path: Self.examples.appendingPathComponent("h100-ib-128.yaml").path, catalog: catalog)
    let b = try DiffInput.load(path: Self.examples.appendingPathComponent("h100-eth-128.yaml").path, catalog: catalog)
    let table = try CSVTable.parse(try DiffCheck.compare(a, b, catalog: catalog).csv(), file: "d.csv")
    let rows = table.records.map { $0.map(\.text) }
    let header = rows[0]
    func column(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
    let removed = try #require(rows.first { $0[3] == "nvidia-qm9700" && $0[5] == "no" })
    let added = try #require(rows.first { $0[3] == "nvidia-sn5600" && $0[5] == "no" })
    // 48 QM9700 at 36,000.00 = 1,728,000.00 removed; 24 SN5600 at 52,000.00 = 1,248,000.00 added.
    #expect(column(removed, "status") == "removed")
    #expect(
      ["quantity_a", "unit_price_a", "extended_price_a"].map { column(removed, $0) } == [
        "48", "36000.00", "1728000.00",
      ])
    #expect(["quantity_b", "unit_price_b", "extended_price_b"].map { column(removed, $0) } == ["", "", ""])
    #expect(column(removed, "quantity_delta") == "-48")
    #expect(column(removed, "extended_price_delta") == "-1728000.00")
    #expect(column(added, "status") == "added")
    #expect(["quantity_a", "unit_price_a", "extended_price_a"].map { column(added, $0) } == ["", "", ""])
    #expect(
      ["quantity_b", "unit_price_b", "extended_price_b"].map { column(added, $0) } == ["24", "52000.00", "1248000.00"])
    #expect(column(added, "extended_price_delta") == "1248000.00")
  }

  // MARK: - 4 and 5. HTML tones and numbers

  func englishLocale() throws -> ReportLocale {
    try ReportLocale.load(.en, templateDirectories: try ReportTemplates.load(overrideDirectory: nil).directories)
  }

  func usd(_ major: Decimal) -> Money { Money(major: major, currency: "USD")! }

  func amounts(_ quantity: Int, _ unit: Decimal) -> LineAmounts {
    LineAmounts(
      quantity: quantity, unitPrice: usd(unit), extendedPrice: usd(unit * Decimal(quantity)), description: "",
      partID: nil, locations: [])
  }

  /// A removed line (2 × 100.00), an added one (1 × 50.00), a dearer one (1 × 10.00 → 1 × 12.00) and
  /// design fields in kW and counts.
  func syntheticReport() -> DiffReport {
    func kW(_ text: String) -> FigureValue { .measure(Measure(Decimal(string: text)!, .kilowatts)) }
    func line(_ key: String, _ a: LineAmounts?, _ b: LineAmounts?) -> LineDiff {
      LineDiff(
        key: key, partID: key, description: key, category: "compute", isSpare: false, a: a, b: b, match: .id,
        matchNotes: [])
    }
    let side = DiffSideSummary(file: "x.yaml", kind: .spec, name: "x", currency: "USD", gpus: nil, conversion: nil)
    return DiffReport(
      a: side, b: side, currency: "USD",
      lines: [
        line("gone-part", amounts(2, 100), nil), line("new-part", nil, amounts(1, 50)),
        line("dearer-part", amounts(1, 10), amounts(1, 12)),
      ],
      // A: 200.00 + 10.00 = 210.00; B: 50.00 + 12.00 = 62.00; Δ −148.00.
      categories: [CategoryDelta(category: "compute", amounts: MoneyDelta(a: usd(210), b: usd(62)))],
      total: MoneyDelta(a: usd(210), b: usd(62)), perGPU: nil,
      fieldGroups: [
        FieldGroup(
          name: "design", title: "Design",
          changes: [
            FieldChange(path: "facility.facilityPowerKW", a: kW("1853.628"), b: kW("1824.417")),
            FieldChange(path: "fabrics.backend.links", a: .measure(.count(1024)), b: .measure(.count(12288))),
            FieldChange(
              path: "facility.pue", a: .measure(Measure(Decimal(string: "1.300")!, .ratio)),
              b: .measure(Measure(Decimal(string: "1.25")!, .ratio))),
          ])
      ],
      finance: nil, notes: [])
  }

  @Test("HTML: one colour rule — a cost increase is worse (red), a decrease better (green); markers uncoloured")
  func htmlTones() throws {
    let report = syntheticReport()
    let model = DiffViewModel(report: report, locale: try englishLocale())
    let rows = report.changedLines.map { model.lineRow($0) }
    // Removed: Δ −200.00, a saving: better. Added: Δ +50.00: worse. Dearer: Δ +2.00: worse.
    #expect(rows.map { $0["tone"] as? String } == ["better", "worse", "worse"])
    #expect(rows.map { $0["marker"] as? String } == ["−", "+", "~"])
    #expect(model.tone(cost: 0) == "")
    #expect(model.totals().first?["tone"] as? String == "better")
    #expect(model.summary().first?["tone"] as? String == "better")
    let html = try report.html()
    #expect(html.contains(#"<td class="num delta better">−200.00</td>"#))
    #expect(html.contains(#"<td class="num delta worse">+50.00</td>"#))
    // The total card and total row: 62.00 − 210.00 = −148.00, a saving, green.
    #expect(
      html.contains(#"<div class="card better"><div class="label">Total change (USD)</div><div class="value">−148.00"#))
    #expect(html.contains(#"<td class="num delta better">−148.00</td>"#))
    // No rule colours a row's delta by its status any more.
    #expect(!html.contains("tr.removed td"))
    #expect(!html.contains("tr.added td"))
    #expect(xmlProblems(html) == nil)
  }

  @Test("finance tones: costs worse when they rise, returns better when they rise, the discount rate neutral")
  func financeTones() throws {
    let model = DiffViewModel(report: syntheticReport(), locale: try englishLocale())
    func change(_ metric: FinanceMetric, _ a: Decimal, _ b: Decimal) -> FinanceChange {
      FinanceChange(metric: metric, a: FinanceValue(value: a), b: FinanceValue(value: b))
    }
    #expect(model.financeTone(change(.capex, 100, 120)) == "worse")
    #expect(model.financeTone(change(.costPerGPUHour, 2, 1)) == "better")
    #expect(model.financeTone(change(.paybackMonths, 30, 36)) == "worse")
    #expect(model.financeTone(change(.projectIRR, Decimal(string: "0.1")!, Decimal(string: "0.12")!)) == "better")
    #expect(model.financeTone(change(.npv, 100, 90)) == "worse")
    #expect(model.financeTone(change(.discountRate, Decimal(string: "0.08")!, Decimal(string: "0.1")!)) == "")
    #expect(model.financeTone(change(.tco, 5, 5)) == "")
  }

  @Test("HTML numbers: grouped, kW with one decimal, counts whole, locale-independent")
  func htmlNumbers() throws {
    #expect(DiffViewModel.number(Decimal(string: "1853.628")!, unit: .kilowatts) == "1,853.6")
    #expect(DiffViewModel.number(Decimal(string: "-29.211")!, unit: .kilowatts) == "-29.2")
    #expect(DiffViewModel.number(40, unit: .kilowatts) == "40.0")
    #expect(DiffViewModel.number(12288, unit: .count) == "12,288")
    #expect(DiffViewModel.number(Decimal(string: "1.300")!, unit: .ratio) == "1.3")
    #expect(DiffViewModel.number(Decimal(string: "1234567.5")!, unit: .petabytes) == "1,234,567.5")
    for language in ReportLanguage.allCases {
      let html = try syntheticReport().html(language: language)
      // 1853.628 → 1,853.6; 1824.417 → 1,824.4; 1824.417 − 1853.628 = −29.211 → −29.2.
      #expect(html.contains(#"<td class="val">1,853.6</td><td class="val">1,824.4</td><td class="num">−29.2</td>"#))
      // 12,288 − 1,024 = +11,264.
      #expect(html.contains(#"<td class="val">1,024</td><td class="val">12,288</td><td class="num">+11,264</td>"#))
      // 1.25 − 1.3 = −0.05.
      #expect(html.contains(#"<td class="val">1.3</td><td class="val">1.25</td><td class="num">−0.05</td>"#))
      #expect(!html.contains("1853.628"))
    }
  }
}
