import Foundation
import Testing

@testable import NeoplanKit

/// Price books replace prices only, match parts by id, maker's or OEM part number, and name the
/// row that matches nothing. Expected BoM lines are the fixture's prices × the design's counts;
/// the counts (128 nodes, 48 QM9700 for 128 HGX H100 on a non-blocking fat tree: 32 leaves +
/// 16 spines, docs/sizing.md) are worked out by hand.
@Suite("Price books")
struct PriceBookTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let spec = "as_of: 2026-11-25\ncompute: {node: hgx-h100-8gpu, nodes: 128}"

  static func plan(with catalog: Catalog) throws -> Plan {
    try Plan.make(try ClusterSpec.parse(spec, file: "test.yaml", catalog: catalog))
  }

  static func line(_ plan: Plan, _ id: String) throws -> LineItem {
    try #require(plan.bom.lines.first { $0.partID == id && !$0.isSpare })
  }

  @Test func yamlBookMatchesAnOEMNumberAndChangesOnlyPrices() throws {
    let rows = try PriceBook.parse(
      """
      prices:
        - part: sys-821ge-tnhr
          price: {amount: 289000.00, currency: USD, as_of: 2026-11-20, source: "Acme quote Q-2026-1187", confidence: quoted}
      """, file: "book.yaml")
    let booked = try Self.plan(with: try TestCatalog.embedded.applying(rows, defaultAsOf: nil))
    let plain = try Self.plan(with: TestCatalog.embedded)
    let node = try Self.line(booked, "hgx-h100-8gpu")
    // Supermicro's number (any case) is an oem_part_numbers entry of hgx-h100-8gpu.
    #expect(node.unitPrice == Money(cents: 28_900_000, currency: "USD"))
    #expect(node.extendedPrice == Money(cents: 128 * 28_900_000, currency: "USD"))
    #expect(node.source == "Acme quote Q-2026-1187")
    #expect(node.confidence == .quoted)
    #expect(node.asOf == Day("2026-11-20"))
    // Nothing else moved: same parts, same quantities, and every other line's price as before.
    #expect(booked.bom.lines.map(\.partID) == plain.bom.lines.map(\.partID))
    #expect(booked.bom.lines.map(\.quantity) == plain.bom.lines.map(\.quantity))
    for (a, b) in zip(booked.bom.lines, plain.bom.lines) where a.partID != "hgx-h100-8gpu" {
      #expect(a.unitPrice == b.unitPrice && a.source == b.source, "\(a.partID)")
    }
    let catalogNode = try #require(TestCatalog.embedded["hgx-h100-8gpu"])
    // The nodes (and their spare, if any) move by (289,000 − catalog price) each.
    let nodeCount = booked.bom.lines.filter { $0.partID == "hgx-h100-8gpu" }.reduce(0) { $0 + $1.quantity }
    #expect(
      booked.bom.total - plain.bom.total
        == Money(cents: 28_900_000, currency: "USD").times(nodeCount) - catalogNode.price.amount.times(nodeCount))
  }

  @Test func csvBookMatchesDellNumberAndIds() throws {
    let rows = try PriceBook.load(path: Self.fixtures.appendingPathComponent("prices.csv").path)
    #expect(rows.count == 2)
    let booked = try Self.plan(with: try TestCatalog.embedded.applying(rows, defaultAsOf: nil))
    #expect(try Self.line(booked, "hgx-h100-8gpu").unitPrice == Money(cents: 30_150_000, currency: "USD"))
    #expect(try Self.line(booked, "hgx-h100-8gpu").source == "Dell quote DQ-77")
    let switches = try Self.line(booked, "nvidia-qm9700")
    #expect(switches.quantity == 48)
    #expect(switches.extendedPrice == Money(cents: 48 * 3_287_000, currency: "USD"))  // 1,577,760.00
    #expect(switches.confidence == .list)
  }

  @Test func vendorQuoteMatchesByOEMPartNumber() throws {
    let rows = try PriceBook.load(path: Self.fixtures.appendingPathComponent("oem-quote.csv").path)
    // Two lines; the Total row is not a price.
    #expect(rows.count == 2)
    let booked = try Self.plan(with: try TestCatalog.embedded.applying(rows, defaultAsOf: Day("2026-11-24")))
    let node = try Self.line(booked, "hgx-h100-8gpu")
    #expect(node.unitPrice == Money(cents: 28_900_000, currency: "USD"))
    #expect(node.asOf == Day("2026-11-24"))
    #expect(node.source.hasSuffix("oem-quote.csv:2"))
    #expect(try Self.line(booked, "nvidia-qm9700").unitPrice == Money(cents: 3_287_000, currency: "USD"))
  }

  @Test func undatedVendorQuoteNeedsADate() throws {
    let rows = try PriceBook.load(path: Self.fixtures.appendingPathComponent("oem-quote.csv").path)
    #expect {
      _ = try TestCatalog.embedded.applying(rows, defaultAsOf: nil)
    } throws: { error in
      let diagnostics = (error as? InputError)?.diagnostics ?? []
      // Said once for the file, at its first row.
      return diagnostics.count == 1 && diagnostics[0].description.contains("oem-quote.csv:2:")
        && diagnostics[0].description.contains("--prices-as-of")
    }
  }

  @Test func rowMatchingNoPartIsALocatedError() throws {
    let rows = try PriceBook.parse(
      """
      prices:
        - part: nvidia-qm9700
          price: {amount: 1.00, currency: USD, as_of: 2026-11-20, source: q, confidence: quoted}
        - part: SVC-EXT-WARRANTY
          price: {amount: 1200.00, currency: USD, as_of: 2026-11-20, source: q, confidence: quoted}
      """, file: "book.yaml")
    #expect {
      _ = try TestCatalog.embedded.applying(rows, defaultAsOf: nil)
    } throws: { error in
      let text = (error as? InputError)?.diagnostics.map(\.description) ?? []
      return text.count == 1 && text[0].hasPrefix("book.yaml:4:")
        && text[0].contains("'SVC-EXT-WARRANTY' matches no catalog part")
    }
  }

  @Test func badCSVFieldsAreLocated() throws {
    #expect {
      _ = try PriceBook.parse(
        "part,unit_price,currency,as_of,source,confidence\nnvidia-qm9700,12x,USD,2026-11-20,q,quoted\n",
        file: "p.csv")
    } throws: { error in
      (error as? InputError)?.diagnostics.first?.description.hasPrefix("p.csv:2:15: error: unit_price:") == true
    }
  }
}
