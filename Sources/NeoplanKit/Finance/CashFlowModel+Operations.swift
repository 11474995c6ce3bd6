/// The operating side of the model, month by month (timeline months 0…L + M): capex, revenue by
/// tranche, prepayments, opex, depreciation and the sale of the hardware. No financing, no tax.
struct OperatingSchedule: Sendable {
  var capex: [Double]
  var revenue: [Double]
  /// Revenue by tranche: one entry per contract, then the market.
  var revenueByTranche: [[Double]]
  var prepaymentReceived: [Double]
  var prepaymentApplied: [Double]
  var opex: [OpexBreakdown]
  var price: [Double]
  var utilization: [Double]
  var depreciation: [Double]
  var gainOnSale: [Double]
  var residual: [Double]

  init(inputs: FinanceInputs, assumptions a: FinanceAssumptions, capexTotal: Double) {
    let lead = max(0, a.leadTimeMonths)
    let horizon = max(0, a.horizonMonths)
    let count = lead + horizon + 1
    let zeros = [Double](repeating: 0, count: count)
    capex = zeros
    revenue = zeros
    revenueByTranche = Array(repeating: zeros, count: a.contracts.count + 1)
    prepaymentReceived = zeros
    prepaymentApplied = zeros
    opex = Array(repeating: OpexBreakdown(), count: count)
    price = zeros
    utilization = zeros
    depreciation = zeros
    gainOnSale = zeros
    residual = zeros
    if lead == 0 {
      capex[0] = capexTotal
    } else {
      for month in 0..<lead { capex[month] = capexTotal / Double(lead) }
    }
    var accumulated = 0.0
    let depreciationMonths = max(1, a.depreciationYears * 12)
    let hardware = inputs.hardwareCapexIncludingSpares
    for k in 1..<horizon + 1 {
      let month = lead + k
      fillRevenue(month: month, operatingMonth: k, inputs: inputs, assumptions: a)
      opex[month] = OperatingSchedule.opex(
        operatingMonth: k, revenue: revenue[month], busyShare: busyShare(month: month, assumptions: a),
        inputs: inputs, assumptions: a, hardware: hardware)
      if k <= depreciationMonths {
        depreciation[month] = capexTotal / Double(depreciationMonths)
        accumulated += depreciation[month]
      }
    }
    if horizon > 0 {
      let last = count - 1
      residual[last] = a.effectiveResidualFraction * inputs.hardwareCapexIncludingSpares
      gainOnSale[last] = residual[last] - (capexTotal - accumulated)
    }
    // Prepayments are paid at signing and spent on the build: received pro rata to the capex, up
    // to the capex. What exceeds the capex cannot be spent on the build and would reach equity
    // before any revenue: it is received with the first operating month instead.
    var prepaid = 0.0
    for (index, contract) in a.contracts.enumerated() where contract.prepayment > 0 {
      prepaid += contract.prepayment * revenueByTranche[index].reduce(0, +)
      for month in 0..<count {
        prepaymentApplied[month] += contract.prepayment * revenueByTranche[index][month]
      }
    }
    if prepaid > 0 {
      let duringBuild = capexTotal > 0 ? min(prepaid, capexTotal) : 0
      for month in 0..<count where capexTotal > 0 {
        prepaymentReceived[month] += duringBuild * capex[month] / capexTotal
      }
      if prepaid > duringBuild, lead + 1 < count { prepaymentReceived[lead + 1] += prepaid - duringBuild }
    }
  }

  /// Revenue of operating month `k`: each contract active in its term (take-or-pay, every hour
  /// billed), and the remaining GPUs at the market price × utilization × ramp.
  mutating func fillRevenue(
    month: Int, operatingMonth k: Int, inputs: FinanceInputs, assumptions a: FinanceAssumptions
  ) {
    let hours = FinanceMath.hoursPerMonth * Double(inputs.gpuCount)
    let marketPrice =
      a.marketPricePerGPUHour * a.pricePath.multiplier(operatingMonth: k, horizonMonths: a.horizonMonths)
    let ramp = a.utilizationRampMonths > 0 ? min(1, Double(k) / Double(a.utilizationRampMonths)) : 1
    let util = a.utilization(yearIndex: (k - 1) / 12) * ramp
    price[month] = marketPrice
    utilization[month] = util
    // The revenue is summed from 0 over the tranches in order, contracts then the market.
    var contracted = 0.0
    var total = 0.0
    for index in a.contracts.indices {
      let contract = a.contracts[index]
      if k <= a.termMonths(of: contract) {
        contracted += contract.share
        revenueByTranche[index][month] = hours * contract.share * contract.pricePerGPUHour
      }
      total += revenueByTranche[index][month]
    }
    let marketShare = max(0, 1 - contracted)
    let market = hours * marketShare * util * marketPrice
    revenueByTranche[a.contracts.count][month] = market
    revenue[month] = total + market
  }

  /// Share of the GPUs busy in `month`: contracted GPUs count as busy, the rest at utilization.
  private func busyShare(month: Int, assumptions a: FinanceAssumptions) -> Double {
    let operatingMonth = month - max(0, a.leadTimeMonths)
    var contracted = 0.0
    for contract in a.contracts where operatingMonth <= a.termMonths(of: contract) {
      contracted += contract.share
    }
    contracted = min(1, contracted)
    return contracted + (1 - contracted) * utilization[month]
  }

  /// Opex of operating month `k` by line (docs/finance.md §1). `hardware`: the inputs' hardware
  /// capex including spares, when the caller has it already (it sums the capex lines).
  static func opex(
    operatingMonth k: Int, revenue: Double, busyShare: Double, inputs: FinanceInputs,
    assumptions a: FinanceAssumptions, hardware: Double? = nil
  ) -> OpexBreakdown {
    let hardware = hardware ?? inputs.hardwareCapexIncludingSpares
    var opex = OpexBreakdown()
    switch a.facilityCost {
    case .colocation(let perKWMonth):
      let draw = a.averageDrawFraction ?? (a.idleDrawFraction + (a.busyDrawFraction - a.idleDrawFraction) * busyShare)
      let pue = a.effectivePUE(facilityPUE: inputs.facilityPUE)
      opex.electricity = inputs.itPowerKW * draw * pue * FinanceMath.hoursPerMonth * a.electricityPerKWh
      opex.colocation = inputs.itPowerKW * perKWMonth
    case .hosting(let perNodeMonth):
      opex.hosting = Double(inputs.nodeCount) * perNodeMonth
    }
    if k > 12 * max(0, a.warrantyYears) {
      opex.maintenance = a.maintenancePercentOfHardwarePerYear * hardware / 12
    }
    opex.staff = a.staff.fteCount * a.staff.costPerFTEYear / 12
    opex.software = a.softwarePerGPUYear * Double(inputs.gpuCount) / 12
    for subscription in inputs.subscriptions where subscription.termYears > 0 {
      if (k - 1) % (12 * subscription.termYears) == 0 { opex.software += subscription.amountPerTerm }
    }
    opex.insurance = a.insurancePercentPerYear * hardware / 12
    opex.bandwidth = a.bandwidthPerMonth
    opex.salesAndOther = salesAndOther(revenue: revenue, assumptions: a)
    return opex
  }

  /// The sales & other cost of a month with `revenue`.
  static func salesAndOther(revenue: Double, assumptions a: FinanceAssumptions) -> Double {
    a.salesAndOtherPercentOfRevenue * revenue
  }
}
