import Foundation
import Testing

@testable import NeoplanKit

/// Debt that follows the build, nominal rates, annual tax, DSCR sizing and the lender view.
/// Expected values: by hand (arithmetic in the comment) or reference/finance_reference.py
/// (section "Project finance (issue 9)").
@Suite("Project finance: draws, tax years, DSCR, lender view")
struct ProjectFinanceTests {
  @Test func nominalLoanInterest() {
    // By hand: 12 %/12 = 1 % a month; PMT = 1,000,000 × 0.01 ÷ (1 − 1.01^−48) = 26,333.84;
    // interest = 48 × 26,333.84 − 1,000,000 = 264,024 (python: loan1M.interest(nominal) =
    // 264024.1007325321).
    var capex = [Double](repeating: 0, count: 49)
    capex[0] = 1_000_000
    let nominal = DebtSchedule(
      amount: 1_000_000, capex: capex, monthlyRate: 0.12 / 12, termMonths: 48, leadMonths: 0,
      amortization: .annuity, construction: .capitalised, cfads: capex.map { _ in 0 })
    #expect(nominal.interest.reduce(0, +).rounded() == 264_024)
    #expect(abs(nominal.balance[48]) < 1e-6)
    // The effective reading (1.12^(1/12) − 1) gives 249,615 (python: loan1M.interest(effective)
    // = 249614.95721553732): what the model used to charge.
    var a = FinanceAssumptions()
    a.interestConvention = .effective
    let effective = DebtSchedule(
      amount: 1_000_000, capex: capex, monthlyRate: a.monthlyInterestRate, termMonths: 48, leadMonths: 0,
      amortization: .annuity, construction: .capitalised, cfads: capex.map { _ in 0 })
    #expect(effective.interest.reduce(0, +).rounded() == 249_615)
    #expect(FinanceAssumptions().monthlyInterestRate == 0.01)
    // SemiAnalysis' capital charge: PMT(13 %/12, 72, 350,000) = 7,025.94 (python:
    // semianalysis.PMT = 7025.936822255636).
    let charge = FinanceMath.annuityPayment(principal: 350_000, ratePerPeriod: 0.13 / 12, periods: 72)
    #expect((charge * 100).rounded() / 100 == 7025.94)
  }

  @Test func debtFollowsASixMonthBuild() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.node250k, assumptions: FinanceScenario.lead6)
    let months = result.cashFlows.months
    // By hand: capex 250,000 ÷ 6 = 41,666.67 a month, 60 % drawn (25,000): equity pays 16,666.67
    // in months 0…5 and nothing in month 6 (interest capitalised); python: lead6.equity[0..6].
    for month in 0..<6 {
      #expect(financeClose(months[month].debtDrawdown, 25_000, relative: 1e-12))
      #expect(financeClose(months[month].equity, -16_666.666666666664, relative: 1e-12))
    }
    #expect(months[6].equity == 0)
    #expect(months[0...6].allSatisfy { $0.equity <= 0 && $0.revenue == 0 })
    // python: lead6.capitalisedInterest = 5338.380267525; balanceAtRevenueStart = 155338.380267525
    #expect(financeClose(result.lender.capitalisedInterest, 5338.380267525, relative: 1e-10))
    #expect(financeClose(months[6].debtBalance, 155_338.380267525, relative: 1e-12))
    // One equity IRR; python: lead6.equity.allIRRsMonthly = [0.018025828585283676],
    // irrAnnual = 0.23909772839998333
    #expect(result.equityIRR.status == .unique)
    #expect(financeClose(result.equityIRR.annual, 0.23909772839998333, relative: 1e-8))
    // Sources and uses: capex 250,000 + IDC 5,338.38 = debt 155,338.38 + equity 100,000.
    let uses = result.sourcesAndUses.uses.reduce(0) { $0 + $1.amount }
    let sources = result.sourcesAndUses.sources.reduce(0) { $0 + $1.amount }
    #expect(financeClose(uses, 255_338.380267525, relative: 1e-12))
    #expect(financeClose(sources, uses, relative: 1e-12))
    #expect(financeClose(result.sourcesAndUses.sources.first { $0.item == "equity" }?.amount, 100_000, relative: 1e-12))
  }

  @Test func interestDuringConstructionCanBePaid() {
    var a = FinanceScenario.lead6
    a.interestDuringConstruction = .paid
    let flows = CashFlowModel.build(inputs: FinanceScenario.node250k, assumptions: a)
    // By hand: month 1 pays 1 % on the 25,000 drawn in month 0 = 250, so equity −16,916.67;
    // month 6 pays 1 % of 150,000 = 1,500 (python: lead6paid.equity[0..6]).
    #expect(financeClose(flows.months[1].equity, -16_916.666666666664, relative: 1e-12))
    #expect(financeClose(flows.months[6].equity, -1500, relative: 1e-12))
    #expect(flows.months.allSatisfy { $0.interestCapitalised == 0 })
  }

  @Test func taxIsAnnualWithLossesCarriedForward() throws {
    var a = FinanceScenario.worked
    a.marketPricePerGPUHour = 5
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.workedInputs, assumptions: a)
    let years = result.cashFlows.projectTaxYears
    // python: worked5.taxYear1 = (140920.1142857143, 0, 0, 29593.224): 21 % × 140,920.11;
    // year 2 (95268.0) → 20,006.28; year 3 is a loss of 40,384.11 (the sale at book loss), carried
    // forward and forfeited. Total 49,599.50 vs 59,516.73 when taxed month by month (python:
    // worked5.totalTaxUnlevered); after-tax IRR 35.90 % vs 32.14 %.
    #expect(financeClose(years[1].tax, 29_593.224, relative: 1e-10))
    #expect(financeClose(years[2].tax, 20_006.28, relative: 1e-10))
    #expect(years[3].tax == 0)
    #expect(financeClose(years[3].lossCarriedForward, 40_384.1142857143, relative: 1e-10))
    #expect(financeClose(result.cashFlows.months.reduce(0) { $0 + $1.projectTax }, 49_599.504, relative: 1e-10))
    #expect(financeClose(result.projectAfterTax.irr.annual, 0.35904067018537655, relative: 1e-8))
    // Paid once a year, in the year's last month.
    #expect(financeClose(result.cashFlows.months[12].projectTax, 29_593.224, relative: 1e-10))
    #expect(result.cashFlows.months[1...11].allSatisfy { $0.projectTax == 0 })
  }

  @Test func debtSizedToATargetDSCR() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.dscrInputs, assumptions: FinanceScenario.dscr)
    // python: dscr.debtPrincipal = 1651609.253742889; dscr.minDSCR = 1.3 (year 4, the tightest)
    #expect(financeClose(result.cashFlows.debtPrincipal, 1_651_609.253742889, relative: 1e-9))
    #expect(financeClose(result.lender.minDSCR, 1.3, relative: 1e-12))
    // python: dscr.statement1…4 dscr = 1.4414845288340123, 1.4904148544542326, 1.439720604521423, 1.3
    let expected = [1.4414845288340123, 1.4904148544542326, 1.439720604521423, 1.3]
    #expect(result.lender.dscrByYear.map(\.year) == [1, 2, 3, 4])
    for (entry, value) in zip(result.lender.dscrByYear, expected) {
      #expect(financeClose(entry.value, value, relative: 1e-9))
    }
    // DSCR recomputed from the statements' own columns.
    for statement in result.statements where statement.year >= 1 && statement.debtService > 0 {
      let cfads = statement.revenue - statement.prepaymentApplied - statement.opex - statement.unleveredTax
      let service = statement.interestPaid + statement.debtRepaid - statement.balloon
      #expect(financeClose(statement.cfads, cfads, relative: 1e-12))
      #expect(financeClose(statement.dscr, cfads / service, relative: 1e-12))
    }
    // python: dscr.llcr = 1.433332731075777; dscr.maxLTV = 1.1088769236187743
    #expect(financeClose(result.lender.llcr, 1.433332731075777, relative: 1e-9))
    #expect(financeClose(result.lender.maxLTV, 1.1088769236187743, relative: 1e-9))
    // LTV above the default 1.0 covenant in months 13…33 (python: dscr.monthsLTVabove1).
    let ltvMonths = result.lender.breaches.filter { $0.covenant == "maxLTV" }.map(\.month)
    #expect(ltvMonths == Array(13...33))
    #expect(!result.lender.breaches.contains { $0.covenant == "minDSCR" })
  }

  @Test func otherRepaymentProfilesSitOnTheTarget() throws {
    var straight = FinanceScenario.dscr
    straight.amortization = .straightLine
    let s = try FinanceEngine.evaluate(inputs: FinanceScenario.dscrInputs, assumptions: straight)
    // python: dscr.straight.debtPrincipal = 1624480.2324348267, tightest in year 1 at 1.3
    #expect(financeClose(s.cashFlows.debtPrincipal, 1_624_480.2324348267, relative: 1e-9))
    #expect(financeClose(s.lender.dscrByYear.first?.value, 1.3, relative: 1e-12))
    var sculpted = FinanceScenario.dscr
    sculpted.amortization = .sculpted
    let c = try FinanceEngine.evaluate(inputs: FinanceScenario.dscrInputs, assumptions: sculpted)
    // python: dscr.sculpted.debtPrincipal = 1804093.2237123125; dscrByYear 1.3144…, 1.3, 1.3054…, 1.3226…
    #expect(financeClose(c.cashFlows.debtPrincipal, 1_804_093.2237123125, relative: 1e-9))
    #expect(financeClose(c.lender.minDSCR, 1.3, relative: 1e-12))
    #expect(financeClose(c.lender.dscrByYear.last?.value, 1.322591556748621, relative: 1e-9))
  }

  @Test func statementsReconcileToTheMonthlyFlowsToTheCent() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.dscrInputs, assumptions: FinanceScenario.dscr)
    let months = result.cashFlows.months
    func cents(_ value: Double) -> Int64 { Money(roundingMajor: value, currency: "USD").cents }
    for statement in result.statements {
      let year = months.filter { $0.year == statement.year }
      func sum(_ value: (MonthlyCashFlow) -> Double) -> Double { year.reduce(0) { $0 + value($1) } }
      #expect(cents(statement.cashFlowToEquity) == cents(sum(\.equity)))
      #expect(cents(statement.cashFlowToFirm) == cents(sum(\.projectAfterTax)))
      #expect(cents(statement.revenue) == cents(sum(\.revenue)))
      #expect(cents(statement.debtDrawn) == cents(sum(\.debtDrawdown)))
      #expect(cents(statement.debtRepaid) == cents(sum(\.principalRepayment)))
      #expect(cents(statement.tax) == cents(sum(\.equityTax)))
      // Cash to equity from the statement's own lines.
      let fromLines =
        statement.ebitda - statement.prepaymentApplied + statement.prepaymentReceived - statement.capex
        + statement.residualValue - statement.tax + statement.debtDrawn - statement.interestPaid
        - statement.debtRepaid - statement.financingFees - statement.reserveChange
      #expect(cents(fromLines) == cents(statement.cashFlowToEquity))
    }
    // python: dscr.statement1 revenue 1114488.2779661017 (70 % contracted + ramped market)
    #expect(financeClose(result.statements[1].revenue, 1_114_488.2779661017, relative: 1e-12))
    #expect(
      financeClose(result.statements.last?.cumulativeCashToEquity, months.reduce(0) { $0 + $1.equity }, relative: 1e-12)
    )
  }

  @Test func prepaymentFundsTheBuild() throws {
    var a = FinanceScenario.dscr
    a.debtSizing = .shareOfCapex(0.5)
    a.contracts[0].prepayment = 0.2
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.dscrInputs, assumptions: a)
    // By hand: 20 % × 64 × 730 × 0.7 × 2.20 × 48 = 690,708.48 (python: prepaid.prepaymentReceived)
    let prepaid = result.sourcesAndUses.sources.first { $0.item == "prepayments" }?.amount
    #expect(financeClose(prepaid, 690_708.48, relative: 1e-12))
    // Debt 1,000,000 (50 %); equity in the build 2,000,000 − 1,000,000 − 690,708.48 = 309,291.52,
    // paid in three equal months (python: prepaid.equity[0..3]).
    #expect(financeClose(result.cashFlows.equityInvested, 309_291.52, relative: 1e-12))
    #expect(result.cashFlows.months[0...3].allSatisfy { $0.equity <= 0 })
    // python: prepaid.revenue.contract.year1 = 863385.6; market.year1 = 251102.67796610174
    #expect(financeClose(result.statements[1].revenueByTranche[0], 863_385.6, relative: 1e-12))
    #expect(financeClose(result.statements[1].revenueByTranche[1], 251_102.67796610174, relative: 1e-12))
  }

  @Test func depreciationLifeMovesTaxNotPreTaxCash() throws {
    var four = FinanceAssumptions()
    four.depreciationYears = 4
    var six = FinanceAssumptions()
    six.depreciationYears = 6
    let a = try FinanceEngine.evaluate(inputs: FinanceScenario.node250k, assumptions: four)
    let b = try FinanceEngine.evaluate(inputs: FinanceScenario.node250k, assumptions: six)
    #expect(a.cashFlows.projectPreTaxFlows == b.cashFlows.projectPreTaxFlows)
    // By hand: year-1 depreciation 250,000 ÷ 4 = 62,500 and 250,000 ÷ 6 = 41,666.67.
    #expect(financeClose(a.statements[1].depreciation, 62_500, relative: 1e-12))
    #expect(financeClose(b.statements[1].depreciation, 41_666.666666666664, relative: 1e-12))
    // Faster depreciation defers tax: less in year 1, and a different after-tax series.
    #expect(a.statements[1].unleveredTax < b.statements[1].unleveredTax)
    #expect(a.projectAfterTax.npv != b.projectAfterTax.npv)
  }

  @Test func advanceRateOnHardware() throws {
    var a = FinanceAssumptions()
    a.debtSizing = .advanceRate(0.65)
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.node250k, assumptions: a)
    // By hand: 65 % × 250,000 of hardware = 162,500, drawn at month 0; LTV at close = 0.65.
    #expect(financeClose(result.cashFlows.debtPrincipal, 162_500, relative: 1e-12))
    #expect(financeClose(result.lender.ltvByYear.first?.value, 0.65, relative: 1e-12))
  }

  @Test func feesAndReserveAtClose() throws {
    var a = FinanceScenario.lead6
    a.upfrontFee = 0.02
    a.reserveMonths = 6
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.node250k, assumptions: a)
    let months = result.cashFlows.months
    // By hand: fee 2 % × 150,000 = 3,000 at month 0, so equity −16,666.67 − 3,000 = −19,666.67.
    #expect(financeClose(months[0].equity, -19_666.666666666664, relative: 1e-12))
    // Reserve 6 × the annuity payment PMT(1 %, 48, 155,338.38) = 6 × 4,090.66 = 24,543.93, funded at
    // month 6 and released at month 54 (python: lead6fees.reserve = 24543.9320533633).
    #expect(financeClose(months[6].reserveChange, 24_543.9320533633, relative: 1e-10))
    #expect(financeClose(months[54].reserveChange, -24_543.9320533633, relative: 1e-10))
    // python: lead6fees.equity[54] = 24283.227943876063; equity.irrAnnual = 0.17188187749623363
    #expect(financeClose(months[54].equity, 24_283.227943876063, relative: 1e-9))
    #expect(financeClose(result.equityIRR.annual, 0.17188187749623363, relative: 1e-8))
    // Sources and uses: capex 250,000 + IDC 5,338.38 + fees 3,000 + reserve 24,543.93 =
    // debt 155,338.38 + equity 127,543.93.
    let equity = result.sourcesAndUses.sources.first { $0.item == "equity" }?.amount
    #expect(financeClose(equity, 127_543.9320533633, relative: 1e-10))
    #expect(
      result.sourcesAndUses.uses.map(\.item) == [
        "capex", "interest during construction", "fees", "debt service reserve",
      ])
  }
}
