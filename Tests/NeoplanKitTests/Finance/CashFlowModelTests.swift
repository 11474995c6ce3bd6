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
    // By hand: depreciation 300k / 60 = 5,000. Tax is paid once a year, in month 12:
    // year 1 pre-tax 102,768.0686 (python: worked.year1 preTax 102768.06857142858) − 60,000 of
    // depreciation = 42,768.0686 × 21 % = 8,981.2944 (python: worked.year1 taxU 8981.2944)
    #expect(financeClose(month1.depreciation, 5000, relative: 1e-12))
    #expect(month1.projectTax == 0)
    #expect(financeClose(worked.months[12].projectTax, 8981.2944, relative: 1e-11))
    // By hand: 12 % nominal is 1 % a month: interest 150,000 × 1 % = 1,500; PMT(1 %, 36, 150k)
    // = 4,982.15 (python: worked.debtPayment(-npf.pmt) = 4982.146471927675), principal 3,482.15
    // python: worked.month1 interest 1500.0 principal 3482.1464719276746 tax_l 0.0 equity 4628.053528072326
    #expect(financeClose(month1.interest, 1500, relative: 1e-12))
    #expect(financeClose(month1.principalRepayment, 3482.1464719276746, relative: 1e-11))
    #expect(month1.equityTax == 0)
    #expect(financeClose(month1.equity, 4628.053528072326, relative: 1e-10))
    #expect(financeClose(worked.debtPayment, 4982.146471927675, relative: 1e-12))
  }

  @Test func workedExampleLastMonthIncludesResidualValue() {
    let last = worked.months[36]
    // python: worked.month36 revenue 7008.0, resid 30000.0, pre 32952.6, equity 27970.453528072107
    #expect(financeClose(last.revenue, 7008, relative: 1e-12))
    #expect(financeClose(last.residualValue, 30_000, relative: 1e-12))
    #expect(financeClose(last.projectPreTax, 32_952.6, relative: 1e-12))
    #expect(financeClose(last.equity, 27_970.453528072107, relative: 1e-10))
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
    zero.residualValuePercent = 0
    let flows = CashFlowModel.build(inputs: FinanceScenario.node250k, assumptions: zero)
    #expect(flows.months.allSatisfy { $0.revenue == 0 })
    // python: zero.sumPre = -398356.3412000001
    #expect(financeClose(flows.projectPreTaxFlows.reduce(0, +), -398_356.3412000001, relative: 1e-11))
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
    // python: debt100.debtPayment(-npf.pmt) = 6583.458857981938; totalInterest = 66006.0251831333
    #expect(financeClose(flows.debtPayment, 6583.458857981938, relative: 1e-12))
    #expect(financeClose(flows.months.reduce(0) { $0 + $1.interest }, 66_006.0251831333, relative: 1e-10))
    // Loan is repaid by month 48: nothing is paid after it.
    #expect(flows.months[49...].allSatisfy { $0.interest == 0 && $0.principalRepayment == 0 })
  }

  @Test func priceFallingBelowOpexTurnsMonthlyFlowsNegative() {
    let flows = CashFlowModel.build(inputs: FinanceScenario.node250k, assumptions: FinanceScenario.falling)
    // python: falling.monthly pre-tax flows by year = [13183.853783333334, 3723.053783333334,
    //   -61.26621666666597, -2199.994216666666, -2805.4854166666664] (draw 0.3 + 0.5 × 0.9;
    //   maintenance only after the 3-year warranty)
    let expected = [
      13_183.853783333334, 3723.053783333334, -61.26621666666597, -2199.994216666666, -2805.4854166666664,
    ]
    for (year, value) in expected.enumerated() {
      #expect(financeClose(flows.months[12 * year + 1].projectPreTax, value, relative: 1e-10))
    }
  }

  @Test func lossesCarryForwardByTaxYear() {
    // Year 0 (month 0) loses 150; year 1 earns 120 (a loss of 30 in month 3 inside it); year 2 earns 60.
    var income = [Double](repeating: 0, count: 25)
    income[0] = -150
    income[3] = -30
    income[7] = 150
    income[20] = 60
    // By hand, no cap, rate 50 %: year 1 income 120 is sheltered by the 150 pool (30 left);
    // year 2: 60 − 30 = 30 taxed → 15, paid in month 24 (the year's last month).
    let open = TaxCalculator.annual(taxableIncome: income, leadMonths: 0, rate: 0.5, cap: nil)
    #expect(open.byMonth[12] == 0)
    #expect(open.byMonth[24] == 15)
    #expect(open.byMonth.reduce(0, +) == 15)
    // By hand, cap 80 %: year 1 uses min(150, 0.8 × 120 = 96) → tax 0.5 × 24 = 12, pool 54;
    // year 2 uses min(54, 48) = 48 → tax 0.5 × 12 = 6, pool 6 forfeited.
    let capped = TaxCalculator.annual(taxableIncome: income, leadMonths: 0, rate: 0.5, cap: 0.8)
    #expect(capped.byMonth[12] == 12)
    #expect(capped.byMonth[24] == 6)
    #expect(capped.years.map(\.lossCarriedForward) == [150, 54, 6])
  }
}
