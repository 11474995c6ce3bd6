import Foundation

/// The deterministic plan's monthly structure, computed once, from which each risk path is
/// evaluated without re-running the finance engine (no break-even solves, no sensitivity, no
/// statements): revenue, opex, tax, debt and the returns of one path.
///
/// It follows ``CashFlowModel`` line for line (docs/finance.md); a path with no perturbation
/// gives the plan's flows (tested against ``CashFlowModel`` and ``FinanceEngine``).
struct RiskPathModel: Sendable {
  let inputs: FinanceInputs
  let assumptions: FinanceAssumptions
  let lead: Int
  let horizon: Int
  let count: Int
  /// GPU-hours per month, all GPUs.
  let hours: Double
  /// Plan market price per operating month k (index k, 1…M; index 0 unused).
  let planPrice: [Double]
  /// Opex per timeline month without electricity and revenue-linked costs.
  let fixedOpex: [Double]
  /// Electricity of a month at the plan price: base + slope × busy share (0 with hosting).
  let electricityBase: Double
  let electricitySlope: Double
  /// Capex by timeline month at the plan.
  let planCapex: [Double]
  let planCapexTotal: Double
  let hardware: Double
  let depreciationMonths: Int
  let residual: Double
  let contracts: [ContractMix]
  let gpusPerNode: Int

  init(inputs: FinanceInputs, assumptions a: FinanceAssumptions) {
    self.inputs = inputs
    assumptions = a
    lead = max(0, a.leadTimeMonths)
    horizon = max(0, a.horizonMonths)
    count = lead + horizon + 1
    hours = FinanceMath.hoursPerMonth * Double(inputs.gpuCount)
    planPrice = (0...horizon).map { k in
      k == 0 ? 0 : a.marketPricePerGPUHour * a.pricePath.multiplier(operatingMonth: k, horizonMonths: a.horizonMonths)
    }
    var noPower = a
    noPower.electricityPerKWh = 0
    noPower.salesAndOtherPercentOfRevenue = 0
    var fixed = [Double](repeating: 0, count: lead + horizon + 1)
    for k in stride(from: 1, through: horizon, by: 1) {
      fixed[lead + k] =
        OperatingSchedule.opex(operatingMonth: k, revenue: 0, busyShare: 0, inputs: inputs, assumptions: noPower).total
    }
    fixedOpex = fixed
    if case .colocation = a.facilityCost {
      let perDraw =
        inputs.itPowerKW * a.effectivePUE(facilityPUE: inputs.facilityPUE) * FinanceMath.hoursPerMonth
        * a.electricityPerKWh
      if let flat = a.averageDrawFraction {
        electricityBase = perDraw * flat
        electricitySlope = 0
      } else {
        electricityBase = perDraw * a.idleDrawFraction
        electricitySlope = perDraw * (a.busyDrawFraction - a.idleDrawFraction)
      }
    } else {
      electricityBase = 0
      electricitySlope = 0
    }
    let capex = CapexBreakdown(inputs: inputs, assumptions: a)
    planCapexTotal = capex.total
    var schedule = [Double](repeating: 0, count: lead + horizon + 1)
    if lead == 0 {
      schedule[0] = capex.total
    } else {
      for month in 0..<lead { schedule[month] = capex.total / Double(lead) }
    }
    planCapex = schedule
    hardware = inputs.hardwareCapexIncludingSpares
    depreciationMonths = max(1, a.depreciationYears * 12)
    residual = horizon > 0 ? a.effectiveResidualFraction * hardware : 0
    contracts = a.contracts
    gpusPerNode = inputs.nodeCount > 0 ? max(1, inputs.gpuCount / inputs.nodeCount) : 1
  }
}
