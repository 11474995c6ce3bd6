import Foundation
import Testing

@testable import NeoplanKit

/// Files beside this test and in the package's examples/.
private enum DiffFiles {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

  static func load(_ url: URL) throws -> DiffInput {
    try DiffInput.load(path: url.path, catalog: TestCatalog.embedded)
  }

  static func usd(_ major: Decimal) -> Money { Money(major: major, currency: "USD")! }
}

@Suite("BillOfMaterialsDiff")
struct BillOfMaterialsDiffTests {
  let catalog = TestCatalog.embedded

  @Test("a spec, its saved plan and its CSV each diff as unchanged against themselves and each other")
  func selfDiff() throws {
    let specURL = DiffFiles.fixtures.appendingPathComponent("h100-ib-32.yaml")
    let spec = try DiffFiles.load(specURL)
    let plan = try Plan.make(try ClusterSpec.load(path: specURL.path, catalog: catalog))
    let json = try DiffInput.parse(plan.json().rendered(), file: "plan.json", catalog: catalog)
    let csv = try DiffInput.parse(plan.csv(), file: "plan.csv", catalog: catalog)
    #expect(json.kind == .plan)
    #expect(csv.kind == .csv)
    for (a, b) in [(spec, spec), (json, json), (csv, csv), (spec, json), (json, csv), (csv, spec)] {
      let report = try DiffCheck.compare(a, b, catalog: catalog)
      #expect(!report.hasDifferences, "\(a.kind) vs \(b.kind)")
      #expect(report.total.delta.cents == 0)
      #expect(report.lines.allSatisfy { $0.status == .unchanged && $0.match == .id })
    }
    // Spec and plan sides carry the design, so it is compared too (and is equal).
    let report = try DiffCheck.compare(spec, json, catalog: catalog)
    #expect(report.fieldGroups.map(\.name) == ["design"])
    #expect(report.fieldGroups.allSatisfy { $0.changes.isEmpty })
  }

  @Test("InfiniBand vs Ethernet 128 nodes: the fabric change and its cost")
  func infinibandToEthernet() throws {
    let a = try DiffFiles.load(DiffFiles.examples.appendingPathComponent("h100-ib-128.yaml"))
    let b = try DiffFiles.load(DiffFiles.examples.appendingPathComponent("h100-eth-128.yaml"))
    let report = try DiffCheck.compare(a, b, catalog: catalog)
    #expect(report.hasDifferences)
    func line(_ id: String) -> LineDiff? { report.lines.first { $0.key == id && !$0.isSpare } }

    // 128 nodes × 8 rails = 1,024 node links. QM9700: 64 ports at 400G, so 32 down + 32 up per
    // leaf → 1,024 / 32 = 32 leaves and 1,024 uplinks / 64 = 16 spines = 48 switches at
    // USD 36,000.00 = 1,728,000.00, all removed.
    let qm = try #require(line("nvidia-qm9700"))
    #expect(qm.status == .removed)
    #expect(qm.a?.quantity == 48)
    #expect(qm.extendedDelta(currency: "USD").delta == DiffFiles.usd(-1_728_000))
    // SN5600: 128 ports at 400G → 64 down per leaf → 16 leaves, 1,024 / 128 = 8 spines = 24
    // switches at USD 52,000.00 = 1,248,000.00, all added.
    let sn = try #require(line("nvidia-sn5600"))
    #expect(sn.status == .added)
    #expect(sn.b?.quantity == 24)
    #expect(sn.extendedDelta(currency: "USD").delta == DiffFiles.usd(1_248_000))
    // UFM is licensed per GPU on InfiniBand only: 1,024 × USD 400.00 = 409,600.00 removed.
    let ufm = try #require(line("nvidia-ufm-enterprise"))
    #expect(ufm.status == .removed)
    #expect(ufm.extendedDelta(currency: "USD").delta == DiffFiles.usd(-409_600))
    // Backend subtotal: 1,248,000 − 1,728,000 = −480,000, i.e. −480,000 / 1,728,000 = −27.78 %,
    // shown to one decimal: −27.8 %.
    let backend = try #require(report.categories.first { $0.category == "backend-network" })
    #expect(backend.amounts.delta == DiffFiles.usd(-480_000))
    #expect(backend.amounts.percent == Decimal(string: "-27.8"))
    let software = try #require(report.categories.first { $0.category == "software" })
    #expect(software.amounts.b == DiffFiles.usd(0))
    // Nodes and GPUs are the same, so compute does not change.
    #expect(line("hgx-h100-8gpu")?.status == .unchanged)

    let design = try #require(report.fieldGroups.first { $0.name == "design" })
    func change(_ path: String) -> FieldChange? { design.changes.first { $0.path == path } }
    #expect(change("fabrics.backend.kind").map { [$0.a, $0.b] } == [.text("infiniband"), .text("ethernet")])
    #expect(change("fabrics.backend.switches.leaf")?.delta == -16)
    #expect(change("fabrics.backend.switches.spine")?.delta == -8)
    #expect(change("fabrics.backend.switches.total")?.delta == -24)
    #expect(change("compute.gpus") == nil)
    let spec = try #require(report.fieldGroups.first { $0.name == "spec" })
    #expect(
      spec.changes.contains { $0.path == "backend.kind" && $0.a == .text("infiniband") && $0.b == .text("ethernet") })
    #expect(spec.changes.contains { $0.path == "backend.switch" && $0.b == .text("nvidia-sn5600") })
    #expect(
      spec.changes.contains {
        $0.path == "software" && $0.a == .text("nvidia-ufm-enterprise") && $0.b == FigureValue.none
      })
    // Per GPU: both sides have 1,024 GPUs.
    #expect(report.a.gpus == 1024 && report.b.gpus == 1024)
    #expect(report.perGPU?.a == report.total.a.divided(by: 1024))
    // The text fits 100 columns.
    #expect(report.text().split(separator: "\n").allSatisfy { $0.count <= 100 })
  }

  @Test("a vendor quote against a plan: renamed, re-priced, missing and extra lines")
  func vendorQuote() throws {
    let a = try DiffFiles.load(DiffFiles.fixtures.appendingPathComponent("h100-ib-32.yaml"))
    let b = try DiffFiles.load(DiffFiles.fixtures.appendingPathComponent("vendor-quote.csv"))
    #expect(b.kind == .csv)
    #expect(b.currency == "USD")
    let report = try DiffCheck.compare(a, b, catalog: catalog)
    func line(_ key: String) -> LineDiff? { report.lines.first { $0.key == key && !$0.isSpare } }

    // Price change: 317,000.00 → 310,000.00 = −7,000.00 per node (−7,000 / 317,000 = −2.208 %),
    // × 32 nodes = −224,000.00.
    let node = try #require(line("hgx-h100-8gpu"))
    #expect(node.status == .changed)
    #expect(node.unitPriceDelta?.delta == DiffFiles.usd(-7_000))
    #expect(node.unitPriceDelta?.percent == Decimal(string: "-2.2"))
    #expect(node.extendedDelta(currency: "USD").delta == DiffFiles.usd(-224_000))
    // Renamed line, found by its part number MQM9700-NS2F: 12 × 36,000.00 as planned.
    let qm = try #require(line("nvidia-qm9700"))
    #expect(qm.match == .partNumber)
    #expect(qm.status == .unchanged)
    #expect(qm.matchNotes.first?.contains("MQM9700-NS2F") == true)
    // Found by description (vendor + model, other case and spacing), one more switch: 5 → 6,
    // +15,000.00 (+20.0 %).
    let sn = try #require(line("nvidia-sn4600c"))
    #expect(sn.match == .description)
    #expect(sn.quantityDelta == 1)
    #expect(sn.extendedDelta(currency: "USD").delta == DiffFiles.usd(15_000))
    #expect(sn.extendedDelta(currency: "USD").percent == 20)
    // A typo ("managment") is a close, unique match, and reported as such.
    let oob = try #require(line("nvidia-sn2201"))
    #expect(oob.match == .fuzzyDescription)
    #expect(oob.status == .unchanged)
    // Missing from the quote: 3 × 15,000.00 = 45,000.00.
    let mgmt = try #require(line("mgmt-server-1u"))
    #expect(mgmt.status == .removed)
    #expect(mgmt.extendedDelta(currency: "USD").delta == DiffFiles.usd(-45_000))
    // Extra line the catalog does not know: 32 × 1,200.00 = 38,400.00.
    let warranty = try #require(line("SVC-EXT-WARRANTY"))
    #expect(warranty.status == .added)
    #expect(warranty.match == .unidentified)
    #expect(warranty.category == BillOfMaterialsDiff.uncategorized)
    #expect(warranty.extendedDelta(currency: "USD").delta == DiffFiles.usd(38_400))
    // Spares in the quote ("(spare)" in the description) match the plan's spares.
    #expect(report.lines.filter(\.isSpare).count == 5)
    #expect(report.lines.filter(\.isSpare).allSatisfy { $0.status == .unchanged })
    // Nothing else changed: 4 differences among 22 plan lines + 1 extra.
    #expect(
      report.changedLines.map(\.key).sorted() == [
        "SVC-EXT-WARRANTY", "hgx-h100-8gpu", "mgmt-server-1u", "nvidia-sn4600c",
      ])

    // Optics and cabling: 384 + 12 spare twin-port SR8 at 1,170.00 = 449,280 + 14,040; 256 + 8
    // SR4 at 750.00 = 192,000 + 6,000; 512 + 16 fibres at 120.00 = 61,440 + 1,920; 166 + 5 AOCs
    // at 250.00 = 41,500 + 1,250; 76 + 3 Cat6 at 6.00 = 456 + 18; together 767,904.00.
    // Plan total: 10,144,000 + 432,000 + 124,600 + 123,000 + 767,904 + 120,000 + 275,000
    // + 102,400 + 139,500 = 12,228,404.00. Delta: −224,000 + 15,000 − 45,000 + 38,400 = −215,600.00.
    #expect(report.total.a == DiffFiles.usd(12_228_404))
    #expect(report.total.delta == DiffFiles.usd(-215_600))
    #expect(report.total.b == DiffFiles.usd(12_012_804))
    // Where the −215,600.00 comes from: the node's price (32 × −7,000 = −224,000), one more
    // SN4600C at the plan's price (+1 × 15,000), the management servers the quote leaves out
    // (−3 × 15,000 = −45,000, a scope gap in management-network) and the warranty it adds (+38,400).
    #expect(report.breakdown.priceDelta == DiffFiles.usd(-224_000))
    #expect(report.breakdown.quantityDelta == DiffFiles.usd(15_000))
    #expect(report.breakdown.missingFromB == DiffFiles.usd(-45_000))
    #expect(report.breakdown.extraInB == DiffFiles.usd(38_400))
    #expect(report.breakdown.missingCategories == ["management-network"])
    // Subtotals: quote lines take the plan's categories.
    func category(_ name: String) -> Money? { report.categories.first { $0.category == name }?.amounts.delta }
    #expect(category("compute") == DiffFiles.usd(-224_000))
    #expect(category("frontend-network") == DiffFiles.usd(15_000))
    #expect(category("management-network") == DiffFiles.usd(-45_000))
    #expect(category("optics-cabling") == DiffFiles.usd(0))
    #expect(category("uncategorized") == DiffFiles.usd(38_400))
    // Per GPU: the quote's 32 × 8-GPU nodes = 256 GPUs. 12,228,404 / 256 = 47,767.203125 →
    // 47,767.20; 12,012,804 / 256 = 46,925.015625 → 46,925.02; delta 46,925.02 − 47,767.20 = −842.18.
    #expect(report.b.gpus == 256)
    #expect(report.perGPU?.a == DiffFiles.usd(Decimal(string: "47767.20")!))
    #expect(report.perGPU?.b == DiffFiles.usd(Decimal(string: "46925.02")!))
    #expect(report.perGPU?.delta == DiffFiles.usd(Decimal(string: "-842.18")!))
    // The quote's Total row is checked against its lines (12,012,804.00, the B total above) and
    // said to match.
    #expect(
      report.notes.contains {
        $0.contains("vendor-quote.csv:24: the quote's Total row, 12,012,804.00, matches the sum of the 22 lines")
      })
    // No design comparison against a CSV.
    #expect(report.fieldGroups.isEmpty)
  }

  private func side(_ currency: String?, _ lines: [(String, Int, Decimal)], rates: [ExchangeRate] = []) -> DiffInput {
    DiffInput(
      kind: .csv, file: "\(currency ?? "none").csv", currency: currency,
      lines: lines.map {
        DiffInputLine(
          partID: $0.0, description: "", category: "compute", quantity: $0.1,
          unitPrice: Money(major: $0.2, currency: currency ?? "XXX")!)
      }, fxRates: rates)
  }

  @Test("currencies are reconciled with a known rate, else a clear error")
  func currencies() throws {
    let rate = ExchangeRate(
      from: "EUR", to: "USD", rate: Decimal(string: "1.08")!, asOf: Day("2026-11-01")!, source: "test")
    let a = side("USD", [("hgx-h100-8gpu", 2, 300_000)], rates: [rate])
    // EUR 277,777.78 × 1.08 = 299,999.9976 → USD 300,000.00 (half-even to the cent): unchanged.
    let b = side("EUR", [("hgx-h100-8gpu", 2, Decimal(string: "277777.78")!)])
    let report = try DiffCheck.compare(a, b, catalog: catalog)
    #expect(report.currency == "USD")
    #expect(report.b.conversion?.rate == Decimal(string: "1.08"))
    #expect(!report.hasDifferences)
    // The other way round the rate is inverted: EUR is the report currency. USD 300,000.00 ×
    // (1 / 1.08) = 277,777.777… → EUR 277,777.78.
    let reverse = try DiffCheck.compare(b, a, catalog: catalog)
    #expect(reverse.currency == "EUR")
    #expect(reverse.lines.first?.b?.unitPrice == Money(major: Decimal(string: "277777.78")!, currency: "EUR"))
    // No rate at all: an input error naming both currencies.
    #expect {
      _ = try DiffCheck.compare(side("USD", [("x", 1, 1)]), side("GBP", [("x", 1, 1)]), catalog: catalog)
    } throws: { error in
      "\(error)".contains("prices are in GBP but USD.csv is in USD and no exchange rate is known")
    }
    // A side without a currency takes the other side's.
    let untyped = try DiffCheck.compare(
      side("USD", [("x", 1, 5)]), side(nil, [("x", 1, 5)]), catalog: catalog)
    #expect(!untyped.hasDifferences)
  }

  @Test("lines of one part in several categories are summed; differing unit prices averaged")
  func aggregation() throws {
    let a = side("USD", [("cat6-3m", 10, 6)])
    var b = side("USD", [("cat6-3m", 4, 6), ("cat6-3m", 6, 7)])
    b.lines[1].category = "management-network"
    let report = try DiffCheck.compare(a, b, catalog: catalog)
    let line = try #require(report.lines.first)
    #expect(report.lines.count == 1)
    #expect(line.b?.quantity == 10)
    // 4 × 6.00 + 6 × 7.00 = 66.00 against 60.00; average unit 6.60.
    #expect(line.extendedDelta(currency: "USD").delta == DiffFiles.usd(6))
    #expect(line.b?.unitPrice == DiffFiles.usd(Decimal(string: "6.6")!))
    // Subtotals keep each line's own category.
    #expect(report.categories.first { $0.category == "management-network" }?.amounts.b == DiffFiles.usd(42))
  }

  @Test("fuzzy matching is conservative: ambiguous or distant descriptions stay unmatched")
  func fuzzyIsConservative() throws {
    let a = side("USD", [("nvidia-qm9700", 1, 36_000)])
    let far = DiffInput(
      kind: .csv, file: "q.csv", currency: "USD",
      lines: [
        DiffInputLine(
          partID: nil, description: "InfiniBand switch", category: nil, quantity: 1,
          unitPrice: DiffFiles.usd(36_000))
      ])
    let report = try DiffCheck.compare(a, far, catalog: catalog)
    #expect(report.lines.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.added, .removed])
    #expect(report.lines.contains { $0.match == .unidentified })
  }

  @Test("JSON and CSV outputs are deterministic and exact")
  func renderings() throws {
    let a = try DiffFiles.load(DiffFiles.fixtures.appendingPathComponent("h100-ib-32.yaml"))
    let b = try DiffFiles.load(DiffFiles.fixtures.appendingPathComponent("vendor-quote.csv"))
    let report = try DiffCheck.compare(a, b, catalog: catalog)
    let json = report.json().rendered()
    #expect(json == (try DiffCheck.compare(a, b, catalog: catalog)).json().rendered())
    #expect(json.contains("\"delta\": -215600.00"))
    let csv = report.csv()
    let records = try CSVTable.parse(csv, file: "out.csv").records
    // Header + one row per line: 22 plan lines (1 compute, 1 backend, 2 frontend, 2 management,
    // 10 optics, 2 racks-power, 1 cooling, 1 software, 2 services) + 1 extra.
    #expect(records.count == 24)
    #expect(csv.hasSuffix("\r\n"))
    let node = try #require(records.first { $0[3].text == "hgx-h100-8gpu" })
    #expect(node.map(\.text)[0] == "changed")
    #expect(node[15].text == "-224000.00")
  }
}
