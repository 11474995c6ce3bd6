import Foundation

extension PricePath {
  /// The price in operating month `month` (1…`horizonMonths`) as a multiple of the start price.
  ///
  /// - `none`: 1.
  /// - `linear(e)`: 1 − (1 − e) × (m − 1)/(M − 1); 1 when M = 1.
  /// - `annualDecline(r)`: (1 − r)^⌊(m − 1)/12⌋.
  /// - `perYear(list)`: list[⌊(m − 1)/12⌋], the last value for later years, 1 for an empty list.
  public func multiplier(operatingMonth month: Int, horizonMonths: Int) -> Double {
    let yearIndex = max(0, (month - 1) / 12)
    switch self {
    case .none:
      return 1
    case .linear(let endFraction):
      guard horizonMonths > 1 else { return 1 }
      return 1 - (1 - endFraction) * Double(month - 1) / Double(horizonMonths - 1)
    case .annualDecline(let rate):
      return pow(1 - rate, Double(yearIndex))
    case .perYear(let multipliers):
      guard let last = multipliers.last else { return 1 }
      return yearIndex < multipliers.count ? multipliers[yearIndex] : last
    }
  }

  /// The same path with its decline scaled by `factor` (used by the sensitivity analysis):
  /// linear's 1 − endFraction, annualDecline's rate, and each per-year 1 − multiplier are
  /// multiplied by `factor`. `none` has no decline and is returned unchanged.
  public func scalingDecline(by factor: Double) -> PricePath {
    switch self {
    case .none: return .none
    case .linear(let endFraction): return .linear(endFraction: 1 - (1 - endFraction) * factor)
    case .annualDecline(let rate): return .annualDecline(rate: rate * factor)
    case .perYear(let multipliers): return .perYear(multipliers.map { 1 - (1 - $0) * factor })
    }
  }
}
