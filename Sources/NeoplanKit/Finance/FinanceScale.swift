import Foundation

/// An upper bound on every amount the finance model can produce, checked before it runs, so
/// that each figure fits `Int64` cents when it becomes ``Money`` (issue 11: `market_price: 1e308`
/// trapped in `Money(roundingMajor:)`).
///
/// The bound adds, over the whole horizon, the largest possible revenue, every opex line and
/// capex with every percentage of it that the model applies (maintenance, insurance,
/// installation, shipping, residual value, interest). Any sum, difference or cumulative figure of
/// the model is at most this total; it must stay below ``limitMajor`` (10^16 major units, about a
/// ninth of what `Int64` cents hold).
enum FinanceScale {
  /// The largest total accepted, in major units.
  static let limitMajor = 1e16

  /// Throws a located error when the finance figures could leave the range of ``Money``.
  static func check(inputs: FinanceInputs, assumptions a: FinanceAssumptions, spec: ClusterSpec) throws {
    let years = Double(max(1, a.horizonYears))
    let hours = 8784 * years  // a leap year of hours, every year
    let gpus = Double(inputs.gpuCount)
    let pue = max(a.pue ?? 0, inputs.facilityPUE ?? 0, 1)
    let price = max(a.marketPricePerGPUHour, a.contracts.map(\.pricePerGPUHour).max() ?? 0)
    let revenue = price * maxMultiplier(a.pricePath, years: a.horizonYears) * gpus * hours
    var opex = a.electricityPerKWh * inputs.itPowerKW * pue * hours
    switch a.facilityCost {
    case .colocation(let perKWMonth): opex += perKWMonth * inputs.itPowerKW * pue * 12 * years
    case .hosting(let perNodeMonth): opex += perNodeMonth * Double(inputs.nodeCount) * 12 * years
    }
    opex += a.staff.fteCount * a.staff.costPerFTEYear * years
    opex += a.softwarePerGPUYear * gpus * years
    opex += a.bandwidthPerMonth * 12 * years
    let capex = inputs.capexByCategory.reduce(inputs.sparesCapex) { $0 + abs($1.amount) }
    // The loan is at most the capex (whatever sizes it) plus its fee; its interest is at most
    // simple interest over the build and the tenor.
    let residual: Double = max(a.residualValuePercent ?? 0, a.residualCurve.max() ?? 0)
    let loanYears: Double = Double(a.debtTermMonths + 24) / 12
    let debt: Double = (1 + a.upfrontFee) * (1 + abs(a.interestRateAnnual) * loanYears)
    let running: Double = (a.maintenancePercentOfHardwarePerYear + a.insurancePercentPerYear) * years
    let oneOff: Double = 1 + a.installationPercent + a.shippingAndTaxesPercent + residual
    let percentages: Double = oneOff + running + debt
    let sales: Double = revenue * (1 + a.salesAndOtherPercentOfRevenue)
    let total: Double = sales + opex + capex * percentages
    guard total.isFinite, total <= limitMajor else {
      let key = revenue >= opex && revenue >= capex ? "finance.market_price" : "compute.nodes"
      throw InputError(
        spec.diagnostic(
          key,
          "the finance figures over \(a.horizonYears) years could reach \(NumberBounds.display(total)) \(spec.currency), above 10^16",
          expected: "expected lower prices, a smaller cluster or a shorter horizon (see docs/reliability.md)"))
    }
  }

  /// The largest multiplier of the starting price that `path` reaches within `years`.
  static func maxMultiplier(_ path: PricePath, years: Int) -> Double {
    switch path {
    case .none: return 1
    case .linear(let endFraction): return max(1, endFraction)
    case .annualDecline(let rate): return rate < 0 ? pow(1 - rate, Double(max(0, years - 1))) : 1
    case .perYear(let multipliers): return max(1, multipliers.max() ?? 1)
    }
  }
}
