import Foundation

/// The figures of one path.
struct PathOutcome: Sendable, Equatable {
  /// Unlevered pre-tax IRR (annual), `nil` when not unique.
  var projectIRR: Double?
  /// Equity IRR (annual), `nil` when not unique.
  var equityIRR: Double?
  /// Unlevered pre-tax NPV at the discount rate.
  var npv: Double
  /// Equity NPV at the cost of equity.
  var equityNPV: Double
  /// Payback month of the unlevered pre-tax flows; `nil` if never.
  var paybackMonth: Int?
  /// Lowest annual DSCR; `nil` without debt service.
  var minDSCR: Double?
  /// Whether a covenant (DSCR or LTV) failed.
  var breach: Bool
}

/// The operating months of one path: revenue, prepayments, opex, capex, depreciation.
private struct PathOperations {
  var capex: [Double]
  var revenue: [Double]
  var received: [Double]
  var applied: [Double]
  var opex: [Double]
  var depreciation: [Double]
  var gain: [Double]
}

extension RiskPathModel {
  /// Evaluates one path. `cumulative`, when given, receives the cumulative unlevered pre-tax cash
  /// of each timeline month (``count`` values).
  func evaluate(_ draw: RiskDraw, cumulative: UnsafeMutableBufferPointer<Double>? = nil) -> PathOutcome {
    let a = assumptions
    let (project, equity, debt, cfads) = cashFlows(draw)
    if let cumulative {
      var total = 0.0
      for m in 0..<min(count, cumulative.count) {
        total += project[m]
        cumulative[m] = total
      }
    }
    let (minDSCR, breach) = lenderTests(debt: debt, cfads: cfads)
    return PathOutcome(
      projectIRR: Self.annualIRR(project), equityIRR: Self.annualIRR(equity),
      npv: FinanceMath.npv(ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: a.discountRate), cashFlows: project),
      equityNPV: FinanceMath.npv(ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: a.costOfEquity), cashFlows: equity),
      paybackMonth: FinanceMath.paybackMonth(cashFlows: project), minDSCR: minDSCR, breach: breach)
  }

  /// The unlevered pre-tax and the equity flows of a path, with its loan and CFADS.
  func cashFlows(_ draw: RiskDraw) -> (project: [Double], equity: [Double], debt: DebtSchedule, cfads: [Double]) {
    let a = assumptions
    let ops = operations(draw)
    var income = [Double](repeating: 0, count: count)
    for m in 0..<count { income[m] = ops.revenue[m] - ops.opex[m] - ops.depreciation[m] + ops.gain[m] }
    let projectTax = TaxCalculator.annual(
      taxableIncome: income, leadMonths: lead, rate: a.taxRate, cap: a.lossCarryForwardCap
    ).byMonth
    var cfads = [Double](repeating: 0, count: count)
    for m in (lead + 1)..<max(lead + 1, count) {
      cfads[m] = ops.revenue[m] - ops.applied[m] - ops.opex[m] - projectTax[m]
    }
    var project = [Double](repeating: 0, count: count)
    for m in 0..<count {
      project[m] = ops.revenue[m] - ops.applied[m] + ops.received[m] - ops.opex[m] - ops.capex[m]
      if m == count - 1 { project[m] += residual }
    }
    let amount = CashFlowModel.debtAmount(
      assumptions: a, capex: ops.capex, hardware: hardware, cfads: cfads, prepayments: ops.received.reduce(0, +))
    let debt = DebtSchedule(
      amount: amount, capex: ops.capex, monthlyRate: a.monthlyInterestRate, termMonths: a.debtTermMonths,
      leadMonths: lead, amortization: a.amortization, construction: a.interestDuringConstruction, cfads: cfads)
    for m in 0..<count { income[m] -= debt.interest[m] }
    let equityTax = TaxCalculator.annual(
      taxableIncome: income, leadMonths: lead, rate: a.taxRate, cap: a.lossCarryForwardCap
    ).byMonth
    var equity = [Double](repeating: 0, count: count)
    for m in 0..<count {
      equity[m] = project[m] - equityTax[m] + debt.draw[m] - debt.interestPaid[m] - debt.principal[m]
    }
    return (project, equity, debt, cfads)
  }

  /// The annual IRR when unique; −100 % when the flows never turn positive (no cash ever comes
  /// back); `nil` otherwise (several roots, or none in the search range).
  static func annualIRR(_ flows: [Double]) -> Double? {
    let result = FinanceMath.irrCoarseToFine(cashFlows: flows)
    if let annual = result.annual { return annual }
    if result.status == .noSignChange, flows.contains(where: { $0 < 0 }), !flows.contains(where: { $0 > 0 }) {
      return -1
    }
    return nil
  }

  /// The lowest annual DSCR and whether a DSCR or LTV covenant failed (as ``LenderView``).
  private func lenderTests(debt: DebtSchedule, cfads: [Double]) -> (Double?, Bool) {
    guard debt.amount > 0 else { return (nil, false) }
    let a = assumptions
    var minDSCR: Double?
    var breach = false
    var yearCFADS = 0.0
    var yearService = 0.0
    for m in (lead + 1)..<max(lead + 1, count) {
      yearCFADS += cfads[m]
      yearService += debt.interestPaid[m] + debt.principal[m] - debt.balloon[m]
      if m == StatementCalendar.lastMonth(ofYear: StatementCalendar.year(of: m, lead: lead), lead: lead)
        || m == count - 1
      {
        if yearService > 0 {
          let dscr = yearCFADS / yearService
          minDSCR = min(minDSCR ?? dscr, dscr)
          if dscr < a.covenants.minDSCR { breach = true }
        }
        yearCFADS = 0
        yearService = 0
      }
    }
    for m in 0..<count where !breach {
      let collateral = hardware * a.residualCurveValue(years: Double(max(0, m - lead)) / 12)
      let ltv = collateral > 0 ? debt.balance[m] / collateral : (debt.balance[m] > 0 ? .infinity : 0)
      if ltv > a.covenants.maxLTV { breach = true }
    }
    return (minDSCR, breach)
  }

  /// Revenue (contracts, then the market), prepayments, opex, capex and depreciation of a path.
  private func operations(_ draw: RiskDraw) -> PathOperations {
    let a = assumptions
    let zeros = [Double](repeating: 0, count: count)
    var ops = PathOperations(
      capex: planCapex.map { $0 * draw.capexFactor }, revenue: zeros, received: zeros, applied: zeros, opex: zeros,
      depreciation: zeros, gain: zeros)
    let capexTotal = planCapexTotal * draw.capexFactor
    var accumulated = 0.0
    var prepaidValue = [Double](repeating: 0, count: contracts.count)
    for k in stride(from: 1, through: horizon, by: 1) {
      let month = lead + k
      let year = (k - 1) / 12
      let ramp = draw.rampMonths > 0 ? min(1, Double(k) / Double(draw.rampMonths)) : 1
      let util = draw.utilization[min(year, draw.utilization.count - 1)] * ramp * draw.availability
      var contracted = 0.0
      var revenue = 0.0
      for (index, contract) in contracts.enumerated() {
        let term = a.termMonths(of: contract)
        let monthly = hours * contract.share * contract.pricePerGPUHour
        if let defaulted = draw.defaultMonth[index], defaulted <= k {
          if defaulted == k {
            // Default: the rest of the term is lost; the recovery is received now, and any
            // prepaid part not yet earned is recognised now.
            let remaining = monthly * Double(term - k + 1)
            let prepaid = contract.prepayment * remaining
            revenue += prepaid + draw.recoveryRate * (1 - contract.prepayment) * remaining
            ops.applied[month] += prepaid
          }
          continue
        }
        guard k <= term else { continue }
        contracted += contract.share
        revenue += monthly
        ops.applied[month] += contract.prepayment * monthly
        prepaidValue[index] += contract.prepayment * monthly
      }
      let marketPrice = planPrice[k] * draw.priceFactor[min(year, draw.priceFactor.count - 1)]
      revenue += hours * max(0, 1 - contracted) * util * marketPrice
      ops.revenue[month] = revenue
      let contractedBusy = min(1, contracted)
      let busy = contractedBusy + (1 - contractedBusy) * util
      ops.opex[month] =
        fixedOpex[month] + (electricityBase + electricitySlope * busy) * draw.electricityFactor
        + a.salesAndOtherPercentOfRevenue * revenue
      if k <= depreciationMonths {
        ops.depreciation[month] = capexTotal / Double(depreciationMonths)
        accumulated += ops.depreciation[month]
      }
    }
    if horizon > 0 { ops.gain[count - 1] = residual - (capexTotal - accumulated) }
    // Prepayments are paid at signing on the whole contract (whatever happens later) and spent
    // on the build: received pro rata to the capex.
    for (index, contract) in contracts.enumerated() where contract.prepayment > 0 {
      let term = a.termMonths(of: contract)
      let total =
        draw.defaultMonth[index] == nil
        ? prepaidValue[index] : contract.prepayment * hours * contract.share * contract.pricePerGPUHour * Double(term)
      for month in 0..<count where capexTotal > 0 { ops.received[month] += total * ops.capex[month] / capexTotal }
    }
    return ops
  }

}
