extension OperatingSchedule {
  /// Unlevered pre-tax flow of timeline month `m`: revenue − prepaymentApplied +
  /// prepaymentReceived − opex − capex + residual value. The one expression both
  /// ``CashFlowModel/build(inputs:assumptions:)`` and
  /// ``CashFlowModel/projectPreTaxFlows(inputs:assumptions:)`` use, so both give the same bits.
  func projectPreTax(month m: Int) -> Double {
    revenue[m] - prepaymentApplied[m] + prepaymentReceived[m] - opex[m].total - capex[m] + residual[m]
  }

  /// ``projectPreTax(month:)`` of every timeline month.
  var projectPreTaxFlows: [Double] { (0..<capex.count).map { projectPreTax(month: $0) } }

  /// ``projectPreTaxFlows`` of this schedule repriced to each of `startPrices` in turn
  /// (`assumptions`: those it was built with).
  func projectPreTaxFlows(inputs: FinanceInputs, assumptions: FinanceAssumptions, startPrices: [Double])
    -> [[Double]]
  {
    var schedule = self
    var a = assumptions
    return startPrices.map { price in
      a.marketPricePerGPUHour = price
      schedule.reprice(inputs: inputs, assumptions: a)
      return schedule.projectPreTaxFlows
    }
  }

  /// The schedule at another starting market price (`a.marketPricePerGPUHour`; `a` otherwise the
  /// assumptions it was built with): each operating month's price, revenue and sales & other
  /// cost, computed as ``init(inputs:assumptions:capexTotal:)`` computes them. Nothing else
  /// depends on the market price: contract revenue (so the prepayments), utilization, the other
  /// opex lines (electricity follows the busy share, which follows utilization), capex,
  /// depreciation and the residual value.
  mutating func reprice(inputs: FinanceInputs, assumptions a: FinanceAssumptions) {
    let lead = max(0, a.leadTimeMonths)
    for k in 1..<max(0, a.horizonMonths) + 1 {
      let month = lead + k
      fillRevenue(month: month, operatingMonth: k, inputs: inputs, assumptions: a)
      opex[month].salesAndOther = OperatingSchedule.salesAndOther(revenue: revenue[month], assumptions: a)
    }
  }
}

extension CashFlowModel {
  /// The unlevered pre-tax flows alone: `build(inputs:assumptions:).projectPreTaxFlows`, the same
  /// values bit for bit, without the tax, the debt schedule and the monthly records the full
  /// model also builds. The break-even solves (break-even prices, cost per GPU-hour, the
  /// utilization sweep and the sensitivity tornado) read nothing else.
  static func projectPreTaxFlows(inputs: FinanceInputs, assumptions a: FinanceAssumptions) -> [Double] {
    let capex = CapexBreakdown(inputs: inputs, assumptions: a)
    let ops = OperatingSchedule(inputs: inputs, assumptions: a, capexTotal: capex.total)
    return ops.projectPreTaxFlows
  }

  /// ``projectPreTaxFlows(inputs:assumptions:)`` at each starting market price of `startPrices`
  /// in turn (every other assumption as given), the same values bit for bit. The operating
  /// schedule is built once, at the first price, and repriced for the others (see
  /// ``OperatingSchedule/reprice(inputs:assumptions:)``).
  static func projectPreTaxFlows(
    inputs: FinanceInputs, assumptions: FinanceAssumptions, startPrices: [Double]
  ) -> [[Double]] {
    guard let first = startPrices.first else { return [] }
    var a = assumptions
    a.marketPricePerGPUHour = first
    let capex = CapexBreakdown(inputs: inputs, assumptions: a)
    let schedule = OperatingSchedule(inputs: inputs, assumptions: a, capexTotal: capex.total)
    return [schedule.projectPreTaxFlows]
      + schedule.projectPreTaxFlows(inputs: inputs, assumptions: a, startPrices: Array(startPrices.dropFirst()))
  }
}
