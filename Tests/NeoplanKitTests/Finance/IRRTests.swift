import Testing

@testable import NeoplanKit

/// Expected values come from reference/finance_reference.py ("# numeric core" block).
@Suite("IRR: unique, absent and multiple roots")
struct IRRTests {
  @Test func uniqueIRRMatchesNumpyFinancialAndBrentq() {
    let result = FinanceMath.irr(cashFlows: [-1000, 300, 400, 500])
    // numpy_financial.irr([-1000, 300, 400, 500]) = 0.08896339469335035
    // scipy brentq on npf.npv over [-0.5, 1]   = 0.0889633946933498
    #expect(result.status == .unique)
    #expect(financeClose(result.monthly, 0.0889633946933498, relative: 1e-9))
    #expect(result.explanation == nil)
  }

  @Test func monthlyIRRIsAnnualizedByCompounding() {
    let result = FinanceMath.irr(cashFlows: [-10_000.0] + Array(repeating: 450.0, count: 24))
    // numpy_financial.irr([-10000] + [450]*24) = 0.006250746528885909 (monthly)
    #expect(financeClose(result.monthly, 0.006250746528885909, relative: 1e-8))
    // python: (1 + 0.0062507465288861004)**12 - 1 = 0.07764219274001083
    #expect(financeClose(result.annual, 0.07764219274001083, relative: 1e-8))
  }

  @Test func allNegativeFlowsHaveNoIRR() {
    let result = FinanceMath.irr(cashFlows: [-1000, -10, -10, -10])
    #expect(result.monthly == nil)
    #expect(result.annual == nil)
    #expect(result.status == .noSignChange)
    #expect(result.explanation != nil)
    #expect(FinanceMath.irr(cashFlows: [0, 10, 20]).status == .noSignChange)
    #expect(FinanceMath.irr(cashFlows: []).status == .noSignChange)
  }

  @Test func twoRootsAreBothReported() {
    // -100 + 230/(1+r) - 132/(1+r)^2 = 0  <=>  -100 y^2 + 230 y - 132 = 0, y = 1 + r
    // numpy.roots([-100, 230, -132]) - 1 = [0.1, 0.2]; brentq on [0.05,0.15] and [0.15,0.25]
    // gives 0.09999999999999898 and 0.19999999999999968.
    let result = FinanceMath.irr(cashFlows: [-100, 230, -132])
    #expect(result.status == .multipleRoots)
    #expect(result.monthly == nil)
    #expect(result.monthlyRoots.count == 2)
    #expect(financeClose(result.monthlyRoots.first, 0.1, absolute: 1e-9))
    #expect(financeClose(result.monthlyRoots.last, 0.2, absolute: 1e-9))
    #expect(result.cashFlowSignChanges == 2)
    #expect(result.explanation?.contains("2 annual rates") == true)
  }

  @Test func rootAboveTheSearchRangeIsReportedAsMissing() {
    // numpy_financial.irr([-1, 3]) = 2.0: 200 % a month, above the +100 % search bound.
    let result = FinanceMath.irr(cashFlows: [-1, 3])
    #expect(result.status == .noRootInSearchRange)
    #expect(result.monthly == nil)
  }

  @Test func rootAtTheUpperBoundIsFound() {
    // By hand: -1 + 2/(1+r) = 0 at r = 1.0, exactly the upper grid point.
    let result = FinanceMath.irr(cashFlows: [-1, 2])
    #expect(result.status == .unique)
    #expect(financeClose(result.monthly, 1.0, absolute: 1e-10))
  }
}
