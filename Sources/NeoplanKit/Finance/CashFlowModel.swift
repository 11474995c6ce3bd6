/// One month of the cash-flow model. Amounts are in major units of the plan currency; costs are
/// positive amounts, and the `project…`/`equity` fields are signed net flows (+ = received).
public struct MonthlyCashFlow: Sendable, Equatable, Hashable, Codable {
  /// Timeline month: 0 = purchase; flows are at month end.
  public var month: Int
  /// Operating month 1…M, or `nil` during the lead time and at month 0.
  public var operatingMonth: Int?
  /// Statement (and tax) year: 0 = the build (months 0…L), then operating years 1…
  public var year: Int
  /// Market price per GPU-hour this month (0 outside operation).
  public var marketPricePerGPUHour: Double
  /// Utilization of the uncontracted GPUs this month, ramp included (0 outside operation).
  public var utilization: Double
  /// Rental revenue earned (recognised) this month, all tranches.
  public var revenue: Double
  /// Revenue by tranche: one per contract (spec order), then the market.
  public var revenueByTranche: [Double]
  /// Contract prepayments received: paid at signing and spent on the build, so received pro rata
  /// to the capex.
  public var prepaymentReceived: Double
  /// Part of this month's revenue already prepaid (earned, not received now).
  public var prepaymentApplied: Double
  /// Operating cost by line.
  public var opex: OpexBreakdown
  /// Capex paid this month.
  public var capex: Double
  /// Proceeds from selling the hardware (last month only).
  public var residualValue: Double
  /// Straight-line depreciation (tax only, not a cash flow).
  public var depreciation: Double
  /// Taxable gain on the sale of the hardware (residual − net book value; last month only).
  public var gainOnSale: Double
  /// Unlevered pre-tax flow: revenue − prepaymentApplied + prepaymentReceived − opex − capex +
  /// residual value.
  public var projectPreTax: Double
  /// Unlevered tax paid (the tax year's tax, in its last month).
  public var projectTax: Double
  /// Unlevered after-tax flow (cash flow to the firm): projectPreTax − projectTax.
  public var projectAfterTax: Double
  /// Cash flow available for debt service in operating months: revenue − prepaymentApplied −
  /// opex − unlevered tax paid (0 during the build).
  public var cfads: Double
  /// Debt drawn (pro rata to the capex paid).
  public var debtDrawdown: Double
  /// Interest accrued on the opening balance.
  public var interest: Double
  /// Interest paid in cash (accrued interest less any capitalised).
  public var interestPaid: Double
  /// Interest added to the loan during the build.
  public var interestCapitalised: Double
  /// Principal repaid, including any balloon.
  public var principalRepayment: Double
  /// Balance still owed at the last month, repaid then (included in ``principalRepayment``).
  public var balloonRepayment: Double
  /// Debt outstanding at month end.
  public var debtBalance: Double
  /// Arrangement fee paid (month 0).
  public var financingFees: Double
  /// Cash put into (+) or released from (−) the debt-service reserve.
  public var reserveChange: Double
  /// Levered tax paid (interest deducted; the tax year's tax, in its last month).
  public var equityTax: Double
  /// Equity flow: projectPreTax − equityTax + debtDrawdown − interestPaid − principalRepayment −
  /// financingFees − reserveChange.
  public var equity: Double
}

/// The monthly cash flows of a plan under a set of assumptions.
public struct MonthlyCashFlows: Sendable, Equatable, Hashable, Codable {
  /// Months 0…L + M, where L is the lead time and M the number of operating months.
  public var months: [MonthlyCashFlow]
  /// Capex by category.
  public var capex: CapexBreakdown
  /// Loan amount drawn over the build (capitalised interest not included).
  public var debtPrincipal: Double
  /// Level monthly debt payment of an annuity loan (0 for other profiles).
  public var debtPayment: Double
  /// Unlevered tax by statement year.
  public var projectTaxYears: [TaxYear]
  /// Levered tax by statement year.
  public var equityTaxYears: [TaxYear]
  /// Names of the revenue tranches, in ``MonthlyCashFlow/revenueByTranche`` order.
  public var trancheNames: [String]

  /// Unlevered pre-tax flows by month.
  public var projectPreTaxFlows: [Double] { months.map(\.projectPreTax) }
  /// Unlevered after-tax flows by month.
  public var projectAfterTaxFlows: [Double] { months.map(\.projectAfterTax) }
  /// Equity (levered, after-tax) flows by month.
  public var equityFlows: [Double] { months.map(\.equity) }
  /// Equity invested: what equity pays in during the build (months 0…L).
  public var equityInvested: Double {
    -months.filter { $0.year == 0 }.reduce(0) { $0 + min(0, $1.equity) }
  }
}

/// Builds the monthly cash flows of a plan.
///
/// Conventions (see docs/finance.md): month 0 pays the capex, or with a lead time of L months the
/// capex is paid in L equal parts at months 0…L−1; operating month k (1…M, M = 12 × years) falls
/// at timeline month L + k, with revenue and opex at month end; the residual value arrives in the
/// last month. 730 hours a month. Debt is drawn pro rata to capex and repaid from month L + 1; tax
/// is computed per statement year and paid in its last month.
public enum CashFlowModel {
  /// Builds the cash flows. The assumptions should pass ``FinanceAssumptions/validate()``.
  public static func build(inputs: FinanceInputs, assumptions a: FinanceAssumptions)
    -> MonthlyCashFlows
  {
    let parts = CashFlowSeries(inputs: inputs, assumptions: a)
    let (lead, ops, projectTax, debt, equityTax) = (
      parts.lead, parts.ops, parts.projectTax, parts.debt, parts.equityTax
    )
    let months = (0..<ops.capex.count).map { m in
      let preTax = ops.projectPreTax(month: m)
      return MonthlyCashFlow(
        month: m, operatingMonth: m > lead ? m - lead : nil, year: StatementCalendar.year(of: m, lead: lead),
        marketPricePerGPUHour: ops.price[m], utilization: ops.utilization[m], revenue: ops.revenue[m],
        revenueByTranche: ops.revenueByTranche.map { $0[m] }, prepaymentReceived: ops.prepaymentReceived[m],
        prepaymentApplied: ops.prepaymentApplied[m], opex: ops.opex[m], capex: ops.capex[m],
        residualValue: ops.residual[m], depreciation: ops.depreciation[m], gainOnSale: ops.gainOnSale[m],
        projectPreTax: preTax, projectTax: projectTax.byMonth[m], projectAfterTax: preTax - projectTax.byMonth[m],
        cfads: parts.cfads[m], debtDrawdown: debt.draw[m], interest: debt.interest[m],
        interestPaid: debt.interestPaid[m], interestCapitalised: debt.interestCapitalised[m],
        principalRepayment: debt.principal[m], balloonRepayment: debt.balloon[m], debtBalance: debt.balance[m],
        financingFees: debt.fees[m], reserveChange: debt.reserveChange[m], equityTax: equityTax.byMonth[m],
        equity: parts.equity(month: m, preTax: preTax))
    }
    return MonthlyCashFlows(
      months: months, capex: parts.capex, debtPrincipal: parts.debtAmount, debtPayment: debt.payment,
      projectTaxYears: projectTax.years, equityTaxYears: equityTax.years,
      trancheNames: a.contracts.map(\.name) + ["market"])
  }
}

/// The model's monthly series before ``CashFlowModel/build(inputs:assumptions:)`` gathers them
/// into ``MonthlyCashFlow`` records: the operating schedule, the unlevered tax, CFADS, the debt
/// schedule and the levered tax. The sensitivity tornado reads its flows from here directly.
struct CashFlowSeries {
  let lead: Int
  let capex: CapexBreakdown
  let ops: OperatingSchedule
  let projectTax: (byMonth: [Double], years: [TaxYear])
  let cfads: [Double]
  let debtAmount: Double
  let debt: DebtSchedule
  let equityTax: (byMonth: [Double], years: [TaxYear])

  /// Builds the series; `schedule`: the operating schedule of these inputs and assumptions when
  /// the caller has it already.
  init(inputs: FinanceInputs, assumptions a: FinanceAssumptions, schedule: OperatingSchedule? = nil) {
    let lead = max(0, a.leadTimeMonths)
    let capex = CapexBreakdown(inputs: inputs, assumptions: a)
    let ops = schedule ?? OperatingSchedule(inputs: inputs, assumptions: a, capexTotal: capex.total)
    let count = ops.capex.count
    let operatingIncome = (0..<count).map { m in
      ops.revenue[m] - ops.opex[m].total - ops.depreciation[m] + ops.gainOnSale[m]
    }
    let projectTax = TaxCalculator.annual(
      taxableIncome: operatingIncome, leadMonths: lead, rate: a.taxRate, cap: a.lossCarryForwardCap)
    let cfads = (0..<count).map { m in
      m <= lead ? 0 : ops.revenue[m] - ops.prepaymentApplied[m] - ops.opex[m].total - projectTax.byMonth[m]
    }
    let amount = CashFlowModel.debtAmount(
      assumptions: a, capex: ops.capex, hardware: inputs.hardwareCapexIncludingSpares, cfads: cfads,
      prepayments: ops.prepaymentReceived.reduce(0, +))
    let debt = DebtSchedule(
      amount: amount, capex: ops.capex, monthlyRate: a.monthlyInterestRate, termMonths: a.debtTermMonths,
      leadMonths: lead, amortization: a.amortization, construction: a.interestDuringConstruction, cfads: cfads,
      upfrontFee: a.upfrontFee, reserveMonths: a.reserveMonths)
    equityTax = TaxCalculator.annual(
      taxableIncome: (0..<count).map { operatingIncome[$0] - debt.interest[$0] - debt.fees[$0] }, leadMonths: lead,
      rate: a.taxRate, cap: a.lossCarryForwardCap)
    (self.lead, self.capex, self.ops, self.projectTax, self.cfads, self.debtAmount, self.debt) = (
      lead, capex, ops, projectTax, cfads, amount, debt
    )
  }

  /// Equity flow of month `m` whose unlevered pre-tax flow is `preTax`: preTax − equity tax +
  /// debt drawn − interest paid − principal − fees − reserve change.
  func equity(month m: Int, preTax: Double) -> Double {
    preTax - equityTax.byMonth[m] + debt.draw[m] - debt.interestPaid[m] - debt.principal[m] - debt.fees[m]
      - debt.reserveChange[m]
  }

  /// ``MonthlyCashFlows/projectPreTaxFlows`` of the built model.
  var projectPreTaxFlows: [Double] { ops.projectPreTaxFlows }

  /// ``MonthlyCashFlows/equityFlows`` of the built model.
  var equityFlows: [Double] { (0..<ops.capex.count).map { equity(month: $0, preTax: ops.projectPreTax(month: $0)) } }
}
