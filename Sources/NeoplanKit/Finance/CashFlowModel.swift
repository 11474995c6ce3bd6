/// One month of the cash-flow model. Amounts are in major units of the plan currency; costs are
/// positive amounts, and the `project…`/`equity` fields are signed net flows (+ = received).
public struct MonthlyCashFlow: Sendable, Equatable, Hashable, Codable {
  /// Timeline month: 0 = purchase; flows are at month end.
  public var month: Int
  /// Operating month 1…M, or `nil` during the lead time and at month 0.
  public var operatingMonth: Int?
  /// Market price per GPU-hour this month (0 outside operation).
  public var marketPricePerGPUHour: Double
  /// Utilization of the uncontracted GPUs this month (0 outside operation).
  public var utilization: Double
  /// Rental revenue.
  public var revenue: Double
  /// Operating cost by line.
  public var opex: OpexBreakdown
  /// Capex paid this month.
  public var capex: Double
  /// Proceeds from selling the hardware (last month only).
  public var residualValue: Double
  /// Straight-line depreciation (tax only, not a cash flow).
  public var depreciation: Double
  /// Unlevered pre-tax flow: revenue − opex − capex + residual value.
  public var projectPreTax: Double
  /// Tax on unlevered taxable income (no interest deduction), after loss carry-forward.
  public var projectTax: Double
  /// Unlevered after-tax flow: projectPreTax − projectTax.
  public var projectAfterTax: Double
  /// Debt drawn (month 0).
  public var debtDrawdown: Double
  /// Interest paid.
  public var interest: Double
  /// Principal repaid (including any balance still outstanding at the last month).
  public var principalRepayment: Double
  /// Tax on levered taxable income (interest deducted), after loss carry-forward.
  public var equityTax: Double
  /// Equity flow: projectPreTax − equityTax + debtDrawdown − interest − principalRepayment.
  public var equity: Double
}

/// The monthly cash flows of a plan under a set of assumptions.
public struct MonthlyCashFlows: Sendable, Equatable, Hashable, Codable {
  /// Months 0…L + M, where L is the lead time and M the number of operating months.
  public var months: [MonthlyCashFlow]
  /// Capex by category.
  public var capex: CapexBreakdown
  /// Debt drawn at month 0.
  public var debtPrincipal: Double
  /// Level monthly debt payment (interest + principal).
  public var debtPayment: Double

  /// Unlevered pre-tax flows by month.
  public var projectPreTaxFlows: [Double] { months.map(\.projectPreTax) }
  /// Unlevered after-tax flows by month.
  public var projectAfterTaxFlows: [Double] { months.map(\.projectAfterTax) }
  /// Equity (levered, after-tax) flows by month.
  public var equityFlows: [Double] { months.map(\.equity) }
  /// Equity invested: total capex minus debt drawn.
  public var equityInvested: Double { capex.total - debtPrincipal }
}

/// Builds the monthly cash flows of a plan.
///
/// Conventions (see docs/finance.md): month 0 pays the capex, or with a lead time of L months the
/// capex is paid in L equal parts at months 0…L−1; operating month k (1…M, M = 12 × years) falls
/// at timeline month L + k, with revenue and opex at month end; the residual value arrives in the
/// last month. 730 hours a month. Monthly rates are (1 + annual)^(1/12) − 1.
public enum CashFlowModel {
  /// Builds the cash flows. The assumptions should pass ``FinanceAssumptions/validate()``.
  public static func build(inputs: FinanceInputs, assumptions a: FinanceAssumptions)
    -> MonthlyCashFlows
  {
    let hours = FinanceMath.hoursPerMonth
    let leadMonths = max(0, a.leadTimeMonths)
    let horizonMonths = max(0, a.horizonMonths)
    let lastMonth = leadMonths + horizonMonths
    let capex = CapexBreakdown(inputs: inputs, assumptions: a)
    let capexTotal = capex.total
    let hardwareBase = inputs.hardwareCapexIncludingSpares
    let gpus = Double(inputs.gpuCount)
    let pue = a.effectivePUE(facilityPUE: inputs.facilityPUE)

    // Operating costs that do not depend on revenue.
    var fixedOpex = OpexBreakdown()
    switch a.facilityCost {
    case .colocation(let perKWMonth):
      fixedOpex.electricity =
        inputs.itPowerKW * a.averageDrawFraction * pue * hours * a.electricityPerKWh
      fixedOpex.colocation = inputs.itPowerKW * perKWMonth
    case .hosting(let perNodeMonth):
      fixedOpex.hosting = Double(inputs.nodeCount) * perNodeMonth
    }
    fixedOpex.maintenance = a.maintenancePercentOfHardwarePerYear * hardwareBase / 12
    fixedOpex.staff = a.staff.fteCount * a.staff.costPerFTEYear / 12
    fixedOpex.software = a.softwarePerGPUYear * gpus / 12
    fixedOpex.insurance = a.insurancePercentPerYear * hardwareBase / 12
    fixedOpex.bandwidth = a.bandwidthPerMonth

    let depreciationMonths = max(1, a.depreciationYears * 12)
    let monthlyDepreciation = capexTotal / Double(depreciationMonths)
    let residual = a.residualValuePercent * hardwareBase

    let debt = DebtSchedule(
      principal: a.debtShare * capexTotal, annualRate: a.interestRateAnnual,
      termMonths: a.debtTermMonths, lastMonth: lastMonth)

    var months: [MonthlyCashFlow] = []
    months.reserveCapacity(lastMonth + 1)
    var accumulatedDepreciation = 0.0
    for month in 0...lastMonth {
      var flow = MonthlyCashFlow(
        month: month, operatingMonth: nil, marketPricePerGPUHour: 0, utilization: 0, revenue: 0,
        opex: OpexBreakdown(), capex: 0, residualValue: 0, depreciation: 0, projectPreTax: 0,
        projectTax: 0, projectAfterTax: 0, debtDrawdown: 0, interest: 0, principalRepayment: 0,
        equityTax: 0, equity: 0)
      if leadMonths == 0 {
        if month == 0 { flow.capex = capexTotal }
      } else if month < leadMonths {
        flow.capex = capexTotal / Double(leadMonths)
      }
      var taxableGainOnSale = 0.0
      if month > leadMonths {
        let k = month - leadMonths
        flow.operatingMonth = k
        let price =
          a.marketPricePerGPUHour
          * a.pricePath.multiplier(operatingMonth: k, horizonMonths: horizonMonths)
        let utilization = a.utilization(yearIndex: (k - 1) / 12)
        flow.marketPricePerGPUHour = price
        flow.utilization = utilization
        var pricePerGPU = utilization * price
        if let contract = a.contractMix, k <= (contract.termMonths ?? horizonMonths) {
          pricePerGPU =
            contract.share * contract.pricePerGPUHour + (1 - contract.share) * utilization * price
        }
        flow.revenue = gpus * hours * pricePerGPU
        var opex = fixedOpex
        opex.salesAndOther = a.salesAndOtherPercentOfRevenue * flow.revenue
        flow.opex = opex
        if k <= depreciationMonths {
          flow.depreciation = monthlyDepreciation
          accumulatedDepreciation += monthlyDepreciation
        }
        if month == lastMonth {
          flow.residualValue = residual
          taxableGainOnSale = residual - (capexTotal - accumulatedDepreciation)
        }
      }
      flow.projectPreTax = flow.revenue - flow.opex.total - flow.capex + flow.residualValue
      flow.debtDrawdown = debt.drawdown(month: month)
      flow.interest = debt.interest(month: month)
      flow.principalRepayment = debt.principal(month: month)
      let operatingIncome = flow.revenue - flow.opex.total - flow.depreciation + taxableGainOnSale
      flow.projectTax = operatingIncome  // taxable income for now; taxed below
      flow.equityTax = operatingIncome - flow.interest
      months.append(flow)
    }

    let projectTaxes = TaxCalculator.taxes(
      taxableIncome: months.map(\.projectTax), rate: a.taxRate)
    let equityTaxes = TaxCalculator.taxes(taxableIncome: months.map(\.equityTax), rate: a.taxRate)
    for index in months.indices {
      months[index].projectTax = projectTaxes[index]
      months[index].equityTax = equityTaxes[index]
      let m = months[index]
      months[index].projectAfterTax = m.projectPreTax - m.projectTax
      months[index].equity =
        m.projectPreTax - m.equityTax + m.debtDrawdown - m.interest - m.principalRepayment
    }
    return MonthlyCashFlows(
      months: months, capex: capex, debtPrincipal: debt.principal, debtPayment: debt.payment)
  }
}
