import Foundation

extension FinanceMath {
  /// Lowest monthly rate searched for IRRs: −99 % per month.
  public static let irrSearchLowerMonthlyRate = -0.99
  /// Highest monthly rate searched for IRRs: +100 % per month (≈ 409,500 % a year).
  public static let irrSearchUpperMonthlyRate = 1.0
  /// Number of grid intervals (log-spaced in 1 + rate) scanned for sign changes of the NPV.
  public static let irrSearchGridIntervals = 4000

  /// All internal rates of return of a monthly cash-flow sequence.
  ///
  /// Method: the NPV is evaluated on a grid of 4,001 monthly rates from −99 % to +100 %, spaced
  /// evenly in log(1 + rate); every grid interval where the NPV changes sign is refined by
  /// bisection (``RootSolver``) to a bracket of at most 1e-10 in the monthly rate. Grid points
  /// where the NPV is exactly zero are roots too. Roots closer than the grid spacing (≈ 0.13 % of
  /// 1 + rate) or that touch zero without crossing it can be missed; the count of sign changes in
  /// the flows (Descartes' bound) is reported so callers can see when more roots were possible.
  ///
  /// The sign of the NPV is evaluated as Σ cₜ (1 + r)^(T − t) (the NPV times (1 + r)^T, same sign,
  /// same roots), which stays finite near r = −99 %.
  ///
  /// Flows with exactly one sign change have exactly one IRR above −100 % (Descartes' rule of
  /// signs on the polynomial in 1 + r), so the NPV's sign along the grid changes once: the grid
  /// interval holding the root is found by binary search (about 12 NPV evaluations instead of
  /// 4,001) and refined by the same bisection, giving the same root to the last bit as the full
  /// scan (a test compares the two on random flows). Flows with more sign changes go through
  /// ``irrCoarseToFine(cashFlows:)``, which does the same per side of a zero rate when it can
  /// prove one root per side, else the scan.
  public static func irr(cashFlows: [Double]) -> IRRResult {
    let signChanges = signChanges(cashFlows: cashFlows)
    guard signChanges > 0 else {
      return IRRResult(monthlyRoots: [], cashFlowSignChanges: 0)
    }
    if signChanges == 1, let roots = singleRootByBinarySearch(cashFlows) {
      return IRRResult(monthlyRoots: roots, cashFlowSignChanges: 1)
    }
    // More sign changes: binary searches on each side of a zero rate when Descartes' rule allows
    // one root per side there (the scan's roots to the last bit), else the scan.
    return irrCoarseToFine(cashFlows: cashFlows)
  }

  /// Σ cₜ (1 + r)^(T − t): the NPV times (1 + r)^T.
  static func scaledNPV(_ cashFlows: [Double], _ rate: Double) -> Double {
    let growth = 1 + rate
    var total = 0.0
    for flow in cashFlows { total = total * growth + flow }
    return total
  }

  /// The monthly rate of grid point `index` (0…intervals), log-spaced in 1 + rate.
  static func irrGridRate(_ index: Int) -> Double {
    let intervals = irrSearchGridIntervals
    if index == 0 { return irrSearchLowerMonthlyRate }
    if index == intervals { return irrSearchUpperMonthlyRate }
    let lowLog = log(1 + irrSearchLowerMonthlyRate)
    let highLog = log(1 + irrSearchUpperMonthlyRate)
    return exp(lowLog + (highLog - lowLog) * Double(index) / Double(intervals)) - 1
  }

  /// The grid scan's answer for flows with one sign change, by binary search over the grid: the
  /// first grid point whose NPV is zero or has left the sign of the lowest point. `nil` (use the
  /// scan) when an NPV on the way is not finite.
  static func singleRootByBinarySearch(_ cashFlows: [Double]) -> [Double]? {
    let first = scaledNPV(cashFlows, irrGridRate(0))
    guard first.isFinite else { return nil }
    if first == 0 { return [irrSearchLowerMonthlyRate] }
    func crossed(_ index: Int) -> Bool? {
      let value = scaledNPV(cashFlows, irrGridRate(index))
      guard value.isFinite else { return nil }
      return value == 0 || (value < 0) != (first < 0)
    }
    guard let crossesAtAll = crossed(irrSearchGridIntervals) else { return nil }
    guard crossesAtAll else { return [] }
    var low = 0  // not crossed
    var high = irrSearchGridIntervals  // crossed
    while high - low > 1 {
      let middle = (low + high) / 2
      guard let here = crossed(middle) else { return nil }
      if here { high = middle } else { low = middle }
    }
    let rate = irrGridRate(high)
    if scaledNPV(cashFlows, rate) == 0 { return [rate] }
    let solution = RootSolver.bisect(lower: irrGridRate(low), upper: rate) { scaledNPV(cashFlows, $0) }
    return solution.root.map { [$0] } ?? []
  }

  /// Every sign change of the NPV on the 4,001-point grid, refined by bisection.
  static func irrByGridScan(cashFlows: [Double], signChanges: Int) -> IRRResult {
    func scaledNPV(_ rate: Double) -> Double { FinanceMath.scaledNPV(cashFlows, rate) }
    let intervals = irrSearchGridIntervals
    var roots: [Double] = []
    var previousRate = irrSearchLowerMonthlyRate
    var previousValue = scaledNPV(previousRate)
    if previousValue == 0 { roots.append(previousRate) }
    for index in 1...intervals {
      let rate = irrGridRate(index)
      let value = scaledNPV(rate)
      if value == 0 {
        roots.append(rate)
      } else if previousValue.isFinite, value.isFinite, previousValue != 0,
        (value < 0) != (previousValue < 0)
      {
        let solution = RootSolver.bisect(lower: previousRate, upper: rate, scaledNPV)
        if let root = solution.root { roots.append(root) }
      }
      previousRate = rate
      previousValue = value
    }
    var distinct: [Double] = []
    for root in roots.sorted() where distinct.last.map({ abs(root - $0) > 1e-9 }) ?? true {
      distinct.append(root)
    }
    return IRRResult(monthlyRoots: distinct, cashFlowSignChanges: signChanges)
  }
}

/// Whether a cash-flow sequence has exactly one IRR, and why not.
public enum IRRStatus: String, Sendable, Equatable, Codable {
  /// Exactly one IRR was found in the search range.
  case unique
  /// The flows never change sign (all ≥ 0 or all ≤ 0), so no rate makes the NPV zero.
  case noSignChange
  /// The flows change sign, but the NPV does not cross zero between −99 % and +100 % a month.
  case noRootInSearchRange
  /// The NPV is zero at more than one rate; every root is listed and none is "the" IRR.
  case multipleRoots
}

/// The internal rate(s) of return of a monthly cash-flow sequence.
public struct IRRResult: Sendable, Equatable, Codable {
  /// Every monthly rate found at which the NPV is zero, ascending.
  public var monthlyRoots: [Double]
  /// Sign changes in the cash-flow sequence (an upper bound on the number of IRRs).
  public var cashFlowSignChanges: Int

  /// Creates a result from the roots found.
  public init(monthlyRoots: [Double], cashFlowSignChanges: Int) {
    self.monthlyRoots = monthlyRoots
    self.cashFlowSignChanges = cashFlowSignChanges
  }

  /// Classification of the roots.
  public var status: IRRStatus {
    if monthlyRoots.count == 1 { return .unique }
    if monthlyRoots.count > 1 { return .multipleRoots }
    return cashFlowSignChanges == 0 ? .noSignChange : .noRootInSearchRange
  }

  /// The monthly IRR when it is unique, else `nil` (see ``status``).
  public var monthly: Double? { monthlyRoots.count == 1 ? monthlyRoots[0] : nil }

  /// The annualized IRR, (1 + monthly)^12 − 1, when it is unique, else `nil`.
  public var annual: Double? { monthly.map(FinanceMath.annualRate(fromMonthly:)) }

  /// Every root annualized, ascending.
  public var annualRoots: [Double] { monthlyRoots.map(FinanceMath.annualRate(fromMonthly:)) }

  /// A one-line explanation for reports when there is no single IRR; `nil` when unique.
  public var explanation: String? {
    switch status {
    case .unique:
      return nil
    case .noSignChange:
      return "no IRR: the cash flows never change sign, so no discount rate makes the NPV zero"
    case .noRootInSearchRange:
      return "no IRR between −99 % and +100 % a month, although the cash flows change sign "
        + "\(cashFlowSignChanges) times"
    case .multipleRoots:
      let list = annualRoots.map { NumberFormat.fixed($0, decimals: 4) }.joined(separator: ", ")
      return "no single IRR: the NPV is zero at \(monthlyRoots.count) annual rates (\(list)) "
        + "because the cash flows change sign \(cashFlowSignChanges) times; use the NPV instead"
    }
  }
}
