import Testing

@testable import NeoplanKit

/// Expected values come from reference/finance_reference.py (scenario blocks named in each
/// comment) or are worked by hand from the conventions in docs/finance.md.
@Suite("Monthly cash-flow model")
struct CashFlowModelTests {
  let worked = CashFlowModel.build(inputs: FinanceScenario.workedInputs, assumptions: FinanceScenario.worked)

  @Test func linearPricePathStartsAtStartAndEndsAtEndFraction() {
    let operating = worked.months.filter { $0.operatingMonth != nil }
    #expect(operating.count == 36)
    // By hand: month 1 = start = 3.0; month M = 0.5 × 3.0 = 1.5 (python: worked.month36 price 1.5)
    #expect(financeClose(operating.first?.marketPricePerGPUHour, 3.0, relative: 1e-15))
    #expect(financeClose(operating.last?.marketPricePerGPUHour, 1.5, relative: 1e-14))
    // By hand: month 18 = 3 × (1 − 0.5 × 17/35) = 2.2714285714285714
    #expect(financeClose(operating[17].marketPricePerGPUHour, 2.2714285714285714, relative: 1e-14))
  }

  @Test func otherPricePathsFollowTheirDefinitions() {
    // By hand: annualDecline(0.4) keeps the price for 12 months, then × 0.6 each year.
    let decline = PricePath.annualDecline(rate: 0.4)
    #expect(decline.multiplier(operatingMonth: 12, horizonMonths: 36) == 1)
    #expect(financeClose(decline.multiplier(operatingMonth: 13, horizonMonths: 36), 0.6))
    #expect(financeClose(decline.multiplier(operatingMonth: 36, horizonMonths: 36), 0.36))
    let list = PricePath.perYear([1, 0.7, 0.5])
    #expect(list.multiplier(operatingMonth: 24, horizonMonths: 36) == 0.7)
    #expect(list.multiplier(operatingMonth: 25, horizonMonths: 36) == 0.5)
    #expect(PricePath.linear(endFraction: 0.5).multiplier(operatingMonth: 1, horizonMonths: 1) == 1)
  }

  @Test func workedExampleMonthOneLineByLine() {
    let month1 = worked.months[1]
    // By hand: 8 GPUs × 730 h × 0.8 × $3.00 = 14,016 (python: worked.revenue[first] = 14016.000000000002)
    #expect(financeClose(month1.revenue, 14_016, relative: 1e-12))
    // By hand: 10 kW × 0.8 × 1.25 × 730 h × $0.10 = 730 (python: worked.electricityPerMonth = 730.0)
    #expect(financeClose(month1.opex.electricity, 730, relative: 1e-12))
    // By hand: 10 kW × $200 = 2,000; maintenance 3 % × 300k / 12 = 750; insurance 0.5 % × 300k / 12 = 125
    #expect(financeClose(month1.opex.colocation, 2000, relative: 1e-12))
    #expect(financeClose(month1.opex.maintenance, 750, relative: 1e-12))
    #expect(financeClose(month1.opex.insurance, 125, relative: 1e-12))
    // By hand: sales 5 % × 14,016 = 700.8; total opex = 730 + 2000 + 750 + 125 + 100 + 700.8 = 4405.8
    #expect(financeClose(month1.opex.total, 4405.8, relative: 1e-12))
    // python: worked.pre[1] = 9610.2
    #expect(financeClose(month1.projectPreTax, 9610.2, relative: 1e-12))
    // By hand: depreciation 300k / 60 = 5,000; tax 21 % × (9610.2 − 5000) = 968.142
    #expect(financeClose(month1.depreciation, 5000, relative: 1e-12))
    #expect(financeClose(month1.projectTax, 968.142, relative: 1e-11))
    // python: worked.month1 interest 1423.318940187457 principal 3514.992641129891
    //         tax_l 669.2450225606342 equity 4002.643396122019
    #expect(financeClose(month1.interest, 1423.318940187457, relative: 1e-11))
    #expect(financeClose(month1.principalRepayment, 3514.992641129891, relative: 1e-11))
    #expect(financeClose(month1.equityTax, 669.2450225606342, relative: 1e-10))
    #expect(financeClose(month1.equity, 4002.643396122019, relative: 1e-10))
    // python: worked.debtPayment(-npf.pmt) = 4938.311581317348
    #expect(financeClose(worked.debtPayment, 4938.311581317348, relative: 1e-12))
  }

  @Test func workedExampleLastMonthIncludesResidualValue() {
    let last = worked.months[36]
    // python: worked.month36 revenue 7008.000000000001, resid 30000.0, pre 32952.6, equity 28014.28841868266
    #expect(financeClose(last.revenue, 7008, relative: 1e-12))
    #expect(financeClose(last.residualValue, 30_000, relative: 1e-12))
    #expect(financeClose(last.projectPreTax, 32_952.6, relative: 1e-12))
    #expect(financeClose(last.equity, 28_014.28841868266, relative: 1e-10))
    #expect(worked.months.count == 37)
  }

  @Test func leadTimeSpreadsCapexAndDelaysRevenue() {
    let flows = CashFlowModel.build(inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full)
    // python: full.capexTotal = 2247000.0 (= 2.1M × 1.07); pre[0] = pre[1] = -749000.0 (one third each)
    #expect(financeClose(flows.capex.total, 2_247_000, relative: 1e-12))
    #expect(financeClose(flows.months[0].projectPreTax, -749_000, relative: 1e-12))
    #expect(financeClose(flows.months[1].projectPreTax, -749_000, relative: 1e-12))
    #expect(financeClose(flows.months[2].capex, 749_000, relative: 1e-12))
    #expect(flows.months[3].revenue == 0)
    #expect(flows.months[3].operatingMonth == nil)
    #expect(flows.months[4].operatingMonth == 1)
    // python: full.revenue[firstOperatingMonth] = 92272.0 (contract 0.5 × 2.2 + 0.5 × 0.7 × 2.5)
    #expect(financeClose(flows.months[4].revenue, 92_272, relative: 1e-12))
    // python: full.revenue[lastMonth] = 44347.5; full.pre[last] = 225650.40833333333
    #expect(financeClose(flows.months.last?.revenue, 44_347.5, relative: 1e-12))
    #expect(financeClose(flows.months.last?.projectPreTax, 225_650.40833333333, relative: 1e-11))
    // Hosting is all-in: no electricity line. python: full.fixedOpexPerMonth = 27366.666666666668
    #expect(flows.months[4].opex.electricity == 0)
    #expect(
      financeClose(
        flows.months[4].opex.total - flows.months[4].opex.salesAndOther, 27_366.666666666668, relative: 1e-12))
    #expect(flows.capex.lines.map(\.category) == ["hardware", "spares", "installation", "shipping & taxes"])
  }

  @Test func zeroUtilizationEarnsNothingAndHasNoIRR() {
    var zero = FinanceAssumptions()
    zero.utilization = [0]
    let flows = CashFlowModel.build(inputs: FinanceScenario.node250k, assumptions: zero)
    #expect(flows.months.allSatisfy { $0.revenue == 0 })
    // python: zero.sumPre = -444959.0431999999
    #expect(financeClose(flows.projectPreTaxFlows.reduce(0, +), -444_959.0431999999, relative: 1e-11))
    let irr = FinanceMath.irr(cashFlows: flows.projectPreTaxFlows)
    #expect(irr.status == .noSignChange)
    #expect(irr.annual == nil)
  }

  @Test func fullDebtLeavesNoEquityInvested() {
    let flows = CashFlowModel.build(inputs: FinanceScenario.node250k, assumptions: FinanceScenario.debt100)
    // python: debt100.equity[0] = 0.0; debt100.principal.sum = 250000.0
    #expect(flows.months[0].equity == 0)
    #expect(flows.equityInvested == 0)
    #expect(financeClose(flows.months.reduce(0) { $0 + $1.principalRepayment }, 250_000, relative: 1e-12))
    // python: debt100.debtPayment(-npf.pmt) = 6508.4112354975905; totalInterest = 62403.739303884286
    #expect(financeClose(flows.debtPayment, 6508.4112354975905, relative: 1e-12))
    #expect(financeClose(flows.months.reduce(0) { $0 + $1.interest }, 62_403.739303884286, relative: 1e-10))
    // Loan is repaid by month 48: nothing is paid after it.
    #expect(flows.months[49...].allSatisfy { $0.interest == 0 && $0.principalRepayment == 0 })
  }

  @Test func priceFallingBelowOpexTurnsMonthlyFlowsNegative() {
    let flows = CashFlowModel.build(inputs: FinanceScenario.node250k, assumptions: FinanceScenario.falling)
    // python: falling.monthly pre-tax flows by year = [12518.682613333336, 3057.8826133333355,
    //   -726.4373866666656, -2240.1653866666657, -2845.656586666666]
    let expected = [
      12_518.682613333336, 3057.8826133333355, -726.4373866666656, -2240.1653866666657, -2845.656586666666,
    ]
    for (year, value) in expected.enumerated() {
      #expect(financeClose(flows.months[12 * year + 1].projectPreTax, value, relative: 1e-10))
    }
  }

  @Test func lossesCarryForward() {
    // By hand: losses of 100 + 50 shelter the profit of 120 fully and 30 of the next 60; 30 × 0.5 = 15.
    #expect(TaxCalculator.taxes(taxableIncome: [-100, -50, 120, 60], rate: 0.5) == [0, 0, 0, 15])
  }
}
