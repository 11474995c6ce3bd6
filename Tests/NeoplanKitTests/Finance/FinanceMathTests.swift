import Testing

@testable import NeoplanKit

/// Expected values come from reference/finance_reference.py ("# numeric core" block) or by hand.
@Suite("Finance math: rates, annuity, NPV, MOIC, payback")
struct FinanceMathTests {
  @Test func monthlyAndAnnualRatesAreEquivalent() {
    // python: monthly(0.12) = (1.12)**(1/12) - 1 = 0.009488792934583046
    #expect(financeClose(FinanceMath.monthlyRate(fromAnnual: 0.12), 0.009488792934583046, relative: 1e-12))
    // python: annual(0.01) = 1.01**12 - 1 = 0.12682503013196977
    #expect(financeClose(FinanceMath.annualRate(fromMonthly: 0.01), 0.12682503013196977, relative: 1e-12))
    let roundTrip = FinanceMath.annualRate(fromMonthly: FinanceMath.monthlyRate(fromAnnual: 0.37))
    #expect(financeClose(roundTrip, 0.37, relative: 1e-12))
  }

  @Test func annuityPaymentMatchesNumpyFinancial() {
    // numpy_financial.pmt(0.01, 36, 100000) = -3321.4309812851166 (pmt is negative = paid)
    #expect(
      financeClose(
        FinanceMath.annuityPayment(principal: 100_000, ratePerPeriod: 0.01, periods: 36),
        3321.4309812851166, relative: 1e-12))
    // numpy_financial.pmt(monthly(0.12), 48, 1e6) = -26033.644941990362
    #expect(
      financeClose(
        FinanceMath.annuityPayment(
          principal: 1_000_000, ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: 0.12), periods: 48),
        26033.644941990362, relative: 1e-12))
    // By hand: at a zero rate the payment is principal / periods = 1200 / 12 = 100.
    #expect(FinanceMath.annuityPayment(principal: 1200, ratePerPeriod: 0, periods: 12) == 100)
    #expect(FinanceMath.annuityPayment(principal: 1200, ratePerPeriod: 0.01, periods: 0) == 0)
  }

  @Test func npvMatchesNumpyFinancial() {
    // numpy_financial.npv(0.01, [-1000, 300, 400, 500]) = 174.44319669688758
    #expect(
      financeClose(
        FinanceMath.npv(ratePerPeriod: 0.01, cashFlows: [-1000, 300, 400, 500]), 174.44319669688758,
        relative: 1e-12))
    // numpy_financial.npv(monthly(0.12), [-10000] + [450]*24) = -382.0479874291105
    let flows = [-10_000.0] + Array(repeating: 450.0, count: 24)
    #expect(
      financeClose(
        FinanceMath.npv(ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: 0.12), cashFlows: flows),
        -382.0479874291105, relative: 1e-11))
    // By hand: at a zero rate the NPV is the plain sum.
    #expect(FinanceMath.npv(ratePerPeriod: 0, cashFlows: [-1000, 300, 400, 500]) == 200)
  }

  @Test func paybackMonthIsWhenCumulativeCashStaysNonNegative() {
    // python: cumsum([-1000, 300, 400, 500]) = [-1000, -700, -300, 200] -> month 3
    #expect(FinanceMath.paybackMonth(cashFlows: [-1000, 300, 400, 500]) == 3)
    // By hand: cumulative -1000, -700, -300 never reaches 0.
    #expect(FinanceMath.paybackMonth(cashFlows: [-1000, 300, 400]) == nil)
    // By hand: -100, 0 (exactly zero counts as paid back), 50 -> month 1.
    #expect(FinanceMath.paybackMonth(cashFlows: [-100, 100, 50]) == 1)
    // By hand: -100, 0, -50: recovered in month 1 but negative again at the end -> none.
    #expect(FinanceMath.paybackMonth(cashFlows: [-100, 100, -50]) == nil)
    // By hand: cumulative -100, 20, -30, 60: negative last in month 2 -> month 3.
    #expect(FinanceMath.paybackMonth(cashFlows: [-100, 120, -50, 90]) == 3)
    // Nothing invested (equity of a fully debt-funded build), never negative -> none, not month 1.
    #expect(FinanceMath.paybackMonth(cashFlows: [0, 0, 0, 10]) == nil)
  }

  @Test func moicIsCashReturnedOverCashInvested() {
    // By hand: invested 1000, returned 300 + 400 + 500 = 1200 -> 1.2.
    #expect(financeClose(FinanceMath.moic(invested: 1000, returned: 1200), 1.2))
    #expect(FinanceMath.moic(invested: 0, returned: 50) == nil)
  }

  @Test func signChangesIgnoreZeros() {
    // By hand: - + - has two changes; zeros are skipped.
    #expect(FinanceMath.signChanges(cashFlows: [-100, 0, 230, 0, -132]) == 2)
    #expect(FinanceMath.signChanges(cashFlows: [-1, -2, 0]) == 0)
  }
}
