import Foundation
import Testing

@testable import NeoplanKit

private enum Files {
  static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let fixtures = here.appendingPathComponent("Fixtures")
  static let examples = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples")
  static let ib = examples.appendingPathComponent("h100-ib-128.yaml").path
  static let eth = examples.appendingPathComponent("h100-eth-128.yaml").path
  static let small = fixtures.appendingPathComponent("h100-ib-32.yaml").path
  static let quote = fixtures.appendingPathComponent("vendor-quote.csv").path
}

@Suite("Diff finance and HTML")
struct DiffFinanceAndHTMLTests {
  let catalog = TestCatalog.embedded

  func load(_ path: String) throws -> DiffInput { try DiffInput.load(path: path, catalog: catalog) }
  func plan(_ path: String) throws -> Plan { try Plan.make(try ClusterSpec.load(path: path, catalog: catalog)) }

  @Test("a spec against itself and against its saved plan: every finance figure present, every delta zero")
  func selfDiffFinance() throws {
    let spec = try load(Files.ib)
    let saved = try DiffInput.parse(try plan(Files.ib).json().rendered(), file: "plan.json", catalog: catalog)
    #expect(saved.finance != nil)
    for (a, b) in [(spec, spec), (spec, saved), (saved, spec)] {
      let report = try DiffCheck.compare(a, b, catalog: catalog)
      let finance = try #require(report.finance)
      #expect(finance.map(\.metric) == FinanceMetric.allCases)
      #expect(!report.hasDifferences)
      for change in finance {
        #expect(!change.differs, "\(change.metric)")
        if change.a.value != nil { #expect(change.delta == 0, "\(change.metric)") }
      }
    }
  }

  @Test("InfiniBand vs Ethernet: capex moves by the BoM change less the UFM subscription, which is opex")
  func infinibandToEthernetFinance() throws {
    let report = try DiffCheck.compare(try load(Files.ib), try load(Files.eth), catalog: catalog)
    let finance = try #require(report.finance)
    func change(_ metric: FinanceMetric) throws -> FinanceChange { try #require(finance.first { $0.metric == metric }) }
    // UFM Enterprise is licensed per endpoint: 128 nodes × 8 backend NIC ports = 1,024 endpoints at
    // USD 400.00 for a 1-year term = 409,600.00 — a subscription, so software opex, not capex. The
    // Ethernet side has no subscription licence it lacks on the IB side (storage software is on
    // both, equal). Installation and shipping percentages are 0 by default, so
    // Δ capex = Δ BoM total − Δ subscriptions = Δ total − (0 − 409,600.00).
    let ufm = try #require(report.lines.first { $0.key == "nvidia-ufm-enterprise" })
    #expect(ufm.a?.quantity == 128 * 8)
    #expect(ufm.a?.unitPrice == Money(major: 400, currency: "USD"))
    let subscriptionDelta: Decimal = -(128 * 8 * 400)
    let capex = try change(.capex)
    #expect(capex.delta == report.total.delta.major - subscriptionDelta)
    // Δ BoM total: at the old SN5600 price (45,000.00) it was −1,122,732.00;
    // 24 SN5600 at 52,000.00 instead of 45,000.00 add 24 × 7,000 = 168,000.00, so −954,732.00
    // (nothing else priced differently appears on only one side). Δ capex = −954,732 + 409,600.
    #expect(report.total.delta.major == Decimal(string: "-954732.00"))
    #expect(capex.delta == Decimal(string: "-545132.00"))

    // Every figure is the plan's own, as its JSON writes it.
    let planA = try plan(Files.ib)
    let planB = try plan(Files.eth)
    func exact(_ value: Double?, _ digits: Int) -> Decimal? {
      value.map {
        Decimal(
          string: NumberFormat.fixed($0, decimals: digits, trimZeros: true), locale: Locale(identifier: "en_US_POSIX"))!
      }
    }
    #expect(capex.a.value == Money(roundingMajor: planA.finance.capex.total, currency: "USD").major)
    let npv = try change(.npv)
    #expect(
      npv.delta
        == (Money(roundingMajor: planB.finance.npv, currency: "USD")
        - Money(roundingMajor: planA.finance.npv, currency: "USD")).major)
    let irr = try change(.projectIRR)
    #expect(irr.a.value == exact(planA.finance.projectIRR.annual, 6))
    #expect(irr.b.value == exact(planB.finance.projectIRR.annual, 6))
    let cost = try change(.costPerGPUHour)
    #expect(cost.a.value == exact(planA.finance.costPerGPUHour, 4))
    #expect(cost.delta == exact(planB.finance.costPerGPUHour, 4)! - exact(planA.finance.costPerGPUHour, 4)!)
    let discount = planA.financeAssumptions.discountRate
    let atDiscount = try change(.breakEvenAtDiscountRate)
    #expect(
      atDiscount.a.value == exact(planA.finance.breakEven.first { $0.targetIRR == discount }?.startPricePerGPUHour, 4))
    #expect(try change(.discountRate).delta == 0)
    #expect(report.hasDifferences)

    // JSON: fields.finance, money exact, rates as fractions.
    let json = report.json()
    guard case .object(let root) = json, case .object(let fields) = root["fields"],
      case .array(let rows) = fields["finance"]
    else {
      Issue.record("no fields.finance")
      return
    }
    let capexRow = rows.first { $0.member("path") == .string("tco.capex") }
    #expect(capexRow?.member("delta") == .number("-545132.00"))
    #expect(capexRow?.member("unit") == .string("money"))
    let irrRow = rows.first { $0.member("path") == .string("returns.projectIRR") }
    #expect(
      irrRow?.member("a") == .number(NumberFormat.fixed(planA.finance.projectIRR.annual!, decimals: 6, trimZeros: true))
    )
    // The text report fits 100 columns and carries the finance block.
    let text = report.text()
    #expect(text.contains("-545,132.00"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
  }

  @Test("a null IRR stays null with its reason; a plan saved without finance is noted, not compared")
  func nullIRRAndMissingFinance() throws {
    let base = try plan(Files.small)
    guard case .object(var document) = base.json(), case .object(var returns) = document["returns"] else {
      Issue.record("plan JSON without returns")
      return
    }
    returns["projectIRR"] = .null
    returns["projectIRRReason"] = .string("no sign change in the cash flows")
    document["returns"] = .object(returns)
    let edited = try DiffInput.parse(JSONValue.object(document).rendered(), file: "edited.json", catalog: catalog)
    let report = try DiffCheck.compare(try load(Files.small), edited, catalog: catalog)
    let irr = try #require(report.finance?.first { $0.metric == .projectIRR })
    #expect(irr.b.value == nil)
    #expect(irr.b.reason == "no sign change in the cash flows")
    #expect(irr.delta == nil)
    #expect(irr.differs)
    #expect(report.hasDifferences)
    #expect(report.text().contains("B: no sign change in the cash flows"))
    let html = try report.html()
    #expect(html.contains("B: no sign change in the cash flows"))
    #expect(xmlProblems(html) == nil)

    document["tco"] = nil
    document["returns"] = nil
    let old = try DiffInput.parse(JSONValue.object(document).rendered(), file: "old.json", catalog: catalog)
    #expect(old.finance == nil)
    let withoutFinance = try DiffCheck.compare(try load(Files.small), old, catalog: catalog)
    #expect(withoutFinance.finance == nil)
    #expect(withoutFinance.notes.contains { $0.hasPrefix("old.json has no tco and returns") })
    #expect(!withoutFinance.hasDifferences)
  }

  @Test("finance figures in another currency are converted: money to the cent, rates to 4 decimals")
  func convertedFinance() throws {
    let figures = FinanceFigures(
      currency: "EUR",
      values: [
        .capex: FinanceValue(value: Decimal(string: "1000.01")), .costPerGPUHour: FinanceValue(value: 2),
        .projectIRR: FinanceValue(value: Decimal(string: "0.1")),
      ])
    let converted = figures.converted(rate: Decimal(string: "1.08")!, to: "USD")
    #expect(converted.currency == "USD")
    // 1,000.01 × 1.08 = 1,080.0108 → 1,080.01; 2 × 1.08 = 2.16; an IRR has no currency.
    #expect(converted.values[.capex]?.value == Decimal(string: "1080.01"))
    #expect(converted.values[.costPerGPUHour]?.value == Decimal(string: "2.16"))
    #expect(converted.values[.projectIRR]?.value == Decimal(string: "0.1"))
  }

  @Test("HTML: well-formed, self-contained, every label found, both languages, deterministic")
  func htmlReport() throws {
    let report = try DiffCheck.compare(try load(Files.ib), try load(Files.eth), catalog: catalog)
    for language in ReportLanguage.allCases {
      let html = try report.html(language: language)
      #expect(xmlProblems(html) == nil, "\(language): \(xmlProblems(html) ?? "")")
      #expect(!html.contains("<script"))
      #expect(!html.contains("src=\""))
      #expect(!html.contains("href=\""))
      #expect(!html.contains("url("))
      #expect(!html.contains("NaN"))
      #expect(html.range(of: #"\[[A-Za-z_-]+\]"#, options: .regularExpression) == nil)
      #expect(html.contains("nvidia-qm9700"))
      // Δ capex and Δ total, formatted with a true minus sign.
      #expect(html.contains("−545,132.00"))
      #expect(html.contains("−954,732.00"))
      #expect(html.contains("fabrics.backend.switches.leaf"))
      #expect(html == (try report.html(language: language)))
    }
    #expect(try report.html(language: .zhCN).contains("物料清单对比"))
  }

  @Test("HTML: a vendor quote with markup and control characters in a description is escaped")
  func hostileQuote() throws {
    let hostile = #"<script>alert("x")</script> & 'q' {{L.lang}}"#
    let csv = """
      part,description,qty,unit_price
      hgx-h100-8gpu,HGX,4,310000.00
      ,"\(hostile.replacingOccurrences(of: "\"", with: "\"\""))\u{1}",2,99.00
      """
    let quote = try DiffInput.parse(csv, file: "<quote>.csv", catalog: catalog)
    let report = try DiffCheck.compare(try load(Files.small), quote, catalog: catalog)
    #expect(report.lines.contains { $0.match == .unidentified && $0.description.contains("<script>") })
    for language in ReportLanguage.allCases {
      let html = try report.html(language: language)
      #expect(xmlProblems(html) == nil, "\(xmlProblems(html) ?? "")")
      #expect(!html.contains("<script"))
      #expect(html.contains("&lt;script&gt;"))
      #expect(html.contains("{{L.lang}}"))
      #expect(html.contains("&lt;quote&gt;.csv"))
      #expect(!html.contains("\u{1}"))
    }
  }

  @Test("HTML: the vendor quote shows unmatched and description-matched lines")
  func htmlMatching() throws {
    let report = try DiffCheck.compare(try load(Files.small), try load(Files.quote), catalog: catalog)
    #expect(report.finance == nil)
    let html = try report.html()
    #expect(xmlProblems(html) == nil)
    #expect(html.contains("Unmatched and description-matched lines"))
    #expect(html.contains("close description"))
    #expect(html.contains("unidentified"))
    #expect(!html.contains("Finance is not compared"))
  }

  @Test("HTML: a templates folder overrides diff.html by name")
  func templateOverride() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neoplan-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "<p>{{header.a.name}} {{L.diff_title}}</p>".write(
      to: folder.appendingPathComponent("diff.html.mustache"), atomically: true, encoding: .utf8)
    let report = try DiffCheck.compare(try load(Files.ib), try load(Files.eth), catalog: catalog)
    #expect(try report.html(templatesDirectory: folder.path) == "<p>h100-ib-128 Bill of materials diff</p>")
  }
}

extension JSONValue {
  fileprivate func member(_ key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }
}
