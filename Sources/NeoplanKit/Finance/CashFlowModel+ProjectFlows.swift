extension OperatingSchedule {
  /// Unlevered pre-tax flow of timeline month `m`: revenue − prepaymentApplied +
  /// prepaymentReceived − opex − capex + residual value. The one expression both
  /// ``CashFlowModel/build(inputs:assumptions:)`` and
  /// ``CashFlowModel/projectPreTaxFlows(inputs:assumptions:)`` use, so both give the same bits.
  func projectPreTax(month m: Int) -> Double {
    revenue[m] - prepaymentApplied[m] + prepaymentReceived[m] - opex[m].total - capex[m] + residual[m]
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
    return (0..<ops.capex.count).map { ops.projectPreTax(month: $0) }
  }
}
