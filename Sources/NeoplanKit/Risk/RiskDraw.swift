import Foundation

/// The random inputs of one path.
struct RiskDraw: Sendable, Equatable {
  /// Market price factor of each operating year (cumulative), 1 = the plan.
  var priceFactor: [Double]
  /// Utilization of each operating year (the plan's plus noise, within 0…1).
  var utilization: [Double]
  /// Utilization ramp in months.
  var rampMonths: Int
  /// Capex multiplier, 1 + overrun.
  var capexFactor: Double
  /// Electricity price multiplier.
  var electricityFactor: Double
  /// Share of the market GPU-hours available (1 − downtime).
  var availability: Double
  /// Operating month in which each contract's counterparty defaults (`nil`: none in its term).
  var defaultMonth: [Int?]
  /// Share of a defaulted contract's unpaid remaining value that is recovered.
  var recoveryRate: Double = 0

  /// The plan itself.
  static func plan(_ model: RiskPathModel) -> RiskDraw {
    let a = model.assumptions
    return RiskDraw(
      priceFactor: Array(repeating: 1, count: a.horizonYears),
      utilization: (0..<a.horizonYears).map { a.utilization(yearIndex: $0) },
      rampMonths: a.utilizationRampMonths, capexFactor: 1, electricityFactor: 1, availability: 1,
      defaultMonth: Array(repeating: nil, count: a.contracts.count))
  }

  /// Draws path `index` under `risk`. The draw order is fixed (price, utilization, ramp, capex,
  /// electricity, failures by mode, defaults by contract) so a path depends only on (seed, index).
  static func draw(model: RiskPathModel, risk: RiskAssumptions, index: Int) -> RiskDraw {
    var rng = SplitMix64(seed: risk.seed, path: index)
    let a = model.assumptions
    var draw = plan(model)
    draw.recoveryRate = risk.recoveryRate
    let sd = risk.priceDeclineSD
    var factor = 1.0
    for year in 0..<a.horizonYears {
      if year > 0 {
        let d = rng.normal(
          mean: risk.priceDeclineMean, sd: sd,
          within: (risk.priceDeclineMean - 4 * sd)...(risk.priceDeclineMean + 4 * sd))
        factor *= exp(-d)
      }
      draw.priceFactor[year] = factor
    }
    for year in 0..<a.horizonYears {
      draw.utilization[year] = rng.normal(mean: draw.utilization[year], sd: risk.utilizationSD, within: 0...1)
    }
    let ramp = rng.normal(mean: Double(a.utilizationRampMonths), sd: risk.rampMonthsSD, within: 0...120)
    draw.rampMonths = Int(ramp.rounded())
    draw.capexFactor = 1 + rng.normal(mean: risk.capexOverrunMean, sd: risk.capexOverrunSD, within: -0.5...2)
    draw.electricityFactor = rng.normal(mean: 1, sd: risk.electricitySD, within: 0...5)
    let nodeHours = Double(model.inputs.nodeCount) * FinanceMath.hoursPerMonth * Double(a.horizonMonths)
    var downNodeHours = 0.0
    for mode in risk.failureModes where mode.mtbfHours > 0 {
      let units = Double(model.inputs.nodeCount * mode.unitsPerNode)
      let failures = rng.poisson(units * FinanceMath.hoursPerMonth * Double(a.horizonMonths) / mode.mtbfHours)
      downNodeHours += Double(failures) * mode.mttrHours
    }
    draw.availability = nodeHours > 0 ? max(0, 1 - downNodeHours / nodeHours) : 1
    let p = risk.contractDefaultProbability
    for (index, contract) in a.contracts.enumerated() where p > 0 {
      let monthlyHazard = -log(1 - min(p, 0.999_999)) / 12
      let month = Int((-log(rng.uniform()) / monthlyHazard).rounded(.up))
      draw.defaultMonth[index] = month <= a.termMonths(of: contract) ? max(1, month) : nil
    }
    return draw
  }
}
