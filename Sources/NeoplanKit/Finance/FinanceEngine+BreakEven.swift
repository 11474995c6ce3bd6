extension FinanceEngine {
  /// Unlevered pre-tax NPV of the plan at an annual discount rate.
  public static func projectNPV(
    inputs: FinanceInputs, assumptions: FinanceAssumptions, annualRate: Double
  ) -> Double {
    FinanceMath.npv(
      ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: annualRate),
      cashFlows: CashFlowModel.projectPreTaxFlows(inputs: inputs, assumptions: assumptions))
  }

  /// Flat price per GPU-hour at which the unlevered pre-tax NPV at the discount rate is zero, at
  /// 100 % utilization, without contracts (`pricePath` `.none`).
  ///
  /// The NPV is affine in the price (revenue and the sales % are linear in it; everything else
  /// does not depend on it), so the price is solved exactly from the NPVs at prices 0 and 1:
  /// p = −NPV(0) ÷ (NPV(1) − NPV(0)). `nil` when the NPV does not depend on the price.
  public static func costPerGPUHour(inputs: FinanceInputs, assumptions: FinanceAssumptions)
    -> Double?
  {
    var flat = assumptions
    flat.pricePath = .none
    flat.utilization = [1]
    flat.contracts = []
    flat.utilizationRampMonths = 0
    return breakEvenStartPrice(inputs: inputs, assumptions: flat, targetIRR: assumptions.discountRate)
  }

  /// Starting market price on the assumed price path at which the unlevered pre-tax NPV at
  /// `targetIRR` is zero, i.e. the project IRR equals the target (when that IRR is unique).
  ///
  /// Solved exactly, as the NPV is affine in the starting price (contract revenue, if any, is a
  /// fixed part). `nil` when the NPV does not depend on the market price (e.g. zero utilization
  /// and everything under contract). The result can be negative when contracts alone clear the
  /// target.
  public static func breakEvenStartPrice(
    inputs: FinanceInputs, assumptions: FinanceAssumptions, targetIRR: Double
  ) -> Double? {
    breakEvenStartPrices(inputs: inputs, assumptions: assumptions, targetIRRs: [targetIRR])[0]
  }

  /// ``breakEvenStartPrice(inputs:assumptions:targetIRR:)`` at each of `targetIRRs`. The flows at
  /// starting prices 0 and 1 do not depend on the target, so they are computed once (and the
  /// second from the first's operating schedule).
  static func breakEvenStartPrices(
    inputs: FinanceInputs, assumptions: FinanceAssumptions, targetIRRs: [Double]
  ) -> [Double?] {
    breakEvenStartPrices(
      pricedFlows: CashFlowModel.projectPreTaxFlows(inputs: inputs, assumptions: assumptions, startPrices: [0, 1]),
      targetIRRs: targetIRRs)
  }

  /// The break-even starting prices at `targetIRRs` from the pre-tax flows at starting prices 0
  /// and 1 (`pricedFlows[0]`, `pricedFlows[1]`).
  static func breakEvenStartPrices(pricedFlows flows: [[Double]], targetIRRs: [Double]) -> [Double?] {
    targetIRRs.map { target in
      let rate = FinanceMath.monthlyRate(fromAnnual: target)
      return solveAffine(
        atZero: FinanceMath.npv(ratePerPeriod: rate, cashFlows: flows[0]),
        atOne: FinanceMath.npv(ratePerPeriod: rate, cashFlows: flows[1]))
    }
  }

  /// Lowest flat utilization in [0, 1] at which the unlevered pre-tax NPV at the discount rate is
  /// ≥ 0 at the assumed market prices; `nil` if NPV < 0 even at 100 %.
  ///
  /// The NPV is affine in utilization, so the root is exact: 0 when NPV(0) ≥ 0, else
  /// −NPV(0) ÷ (NPV(1) − NPV(0)).
  public static func breakEvenUtilization(inputs: FinanceInputs, assumptions: FinanceAssumptions)
    -> Double?
  {
    var scenario = assumptions
    func npv(_ utilization: Double) -> Double {
      scenario.utilization = [utilization]
      return projectNPV(inputs: inputs, assumptions: scenario, annualRate: assumptions.discountRate)
    }
    let atZero = npv(0)
    if atZero >= 0 { return 0 }
    let atFull = npv(1)
    guard atFull >= 0 else { return nil }
    return min(1, max(0, -atZero / (atFull - atZero)))
  }

  /// Root of an affine function from its values at 0 and 1; `nil` if its slope is negligible
  /// (below 1e-12 of the value at 0, or zero).
  static func solveAffine(_ function: (Double) -> Double) -> Double? {
    let atZero = function(0)
    return solveAffine(atZero: atZero, atOne: function(1))
  }

  /// Root of an affine function from its values at 0 and 1 (see ``solveAffine(_:)``).
  static func solveAffine(atZero: Double, atOne: Double) -> Double? {
    let slope = atOne - atZero
    guard slope.isFinite, atZero.isFinite, abs(slope) > 1e-12 * max(1, abs(atZero)) else {
      return nil
    }
    return -atZero / slope
  }
}
