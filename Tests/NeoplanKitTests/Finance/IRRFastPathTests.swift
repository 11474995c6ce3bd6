import Foundation
import PropertyBased
import Testing

@testable import NeoplanKit

/// The binary-search path for flows with one sign change gives the full grid scan's roots to the
/// last bit, so every IRR in every report is unchanged by it.
@Suite("IRR: binary search equals the grid scan")
struct IRRFastPathTests {
  /// Random project-like flows: an outlay over 1–6 months, then 12–120 months of income (some
  /// months zero), scaled from 1 to 10^9; their IRRs range from total loss to very high.
  @Test func sameRootsAsTheScan() async {
    await propertyCheck(
      count: 400, input: Gen.int(in: 1...6), Gen.int(in: 12...120), Gen.int(in: 1...2_000), Gen.int(in: 0...9)
    ) { outlayMonths, incomeMonths, incomeScale, magnitude in
      let scale = pow(10.0, Double(magnitude))
      var flows: [Double] = (0..<outlayMonths).map { month in -scale * Double(100 + month * 37 % 11) }
      let monthly: Double = scale * Double(incomeScale) / 1000
      for month in 0..<incomeMonths {
        let factor = Double(1 + month % 5)
        flows.append(month % 7 == 3 ? 0 : monthly * factor)
      }
      #expect(FinanceMath.signChanges(cashFlows: flows) == 1)
      let fast = FinanceMath.irr(cashFlows: flows)
      let scan = FinanceMath.irrByGridScan(cashFlows: flows, signChanges: 1)
      #expect(fast == scan, "\(outlayMonths) \(incomeMonths) \(incomeScale) \(magnitude)")
    }
  }

  /// Hand cases: −100 then +110 a month later is 10 % a month; a flow whose root lies outside
  /// −99 %…+100 % a month (−1 then +1,000) has none in range.
  @Test func handCases() {
    let ten = FinanceMath.irr(cashFlows: [-100, 110])
    #expect(abs((ten.monthly ?? 0) - 0.10) < 1e-9)
    #expect(FinanceMath.irr(cashFlows: [-1, 1000]).status == .noRootInSearchRange)
    // A near-total loss: −100 then +1.5 is r = 1.5 / 100 − 1 = −98.5 % a month.
    let loss = FinanceMath.irr(cashFlows: [-100, 1.5])
    #expect(abs((loss.monthly ?? 0) + 0.985) < 1e-9)
    #expect(loss == FinanceMath.irrByGridScan(cashFlows: [-100, 1.5], signChanges: 1))
    // Two sign changes still take the scan and list both roots: −100, +230, −132 has NPV zero at
    // 1 + r = 1.1 and 1.2 (x² − 2.3x + 1.32 = (x − 1.1)(x − 1.2)).
    let two = FinanceMath.irr(cashFlows: [-100, 230, -132])
    #expect(two.monthlyRoots.count == 2)
    #expect(abs(two.monthlyRoots[0] - 0.1) < 1e-9 && abs(two.monthlyRoots[1] - 0.2) < 1e-9)
  }
}
