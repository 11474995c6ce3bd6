import Testing

@testable import NeoplanKit

/// `BillOfMaterialsDiff.compare`, checking on every report that the total change splits exactly
/// into price, quantity, missing-from-B and extra-in-B, each summed here from the lines directly.
enum DiffCheck {
  static func compare(_ a: DiffInput, _ b: DiffInput, catalog: Catalog) throws -> DiffReport {
    let report = try BillOfMaterialsDiff.compare(a, b, catalog: catalog)
    let split = report.breakdown
    #expect(split.priceDelta + split.quantityDelta + split.missingFromB + split.extraInB == report.total.delta)
    var missing: Int64 = 0
    var extra: Int64 = 0
    var matched: Int64 = 0
    for line in report.lines {
      switch (line.a, line.b) {
      case (let a?, nil): missing -= a.extendedPrice.cents
      case (nil, let b?): extra += b.extendedPrice.cents
      case (let a?, let b?): matched += b.extendedPrice.cents - a.extendedPrice.cents
      case (nil, nil): break
      }
    }
    #expect(split.missingFromB.cents == missing)
    #expect(split.extraInB.cents == extra)
    #expect(split.priceDelta.cents + split.quantityDelta.cents == matched)
    return report
  }
}
