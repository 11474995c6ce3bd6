import Foundation

extension FinanceMath {
  /// Grid points skipped between the coarse samples of ``irrCoarseToFine(cashFlows:)``.
  static let irrCoarseStride = 50

  /// The IRRs of a monthly cash-flow sequence for Monte Carlo paths, on the same 4,001-point
  /// grid as ``irr(cashFlows:)`` but without evaluating every point when the flows change sign
  /// more than once.
  ///
  /// One sign change: the exact binary search of ``irr(cashFlows:)``. More: Descartes' rule of
  /// signs is applied separately to negative and positive rates (the NPV polynomial Taylor-shifted
  /// so each range maps to y > 0); when each range can hold at most one root, the NPV's sign is
  /// sampled at every 50th grid point plus the two points around a zero rate, and each coarse
  /// interval where it changes is narrowed to its grid interval by binary search and refined by
  /// the same bisection: the same roots, to the last bit, as the full scan. Otherwise (or when
  /// a shifted coefficient is too close to zero to trust its sign) it runs the full scan.
  public static func irrCoarseToFine(cashFlows: [Double]) -> IRRResult {
    let signChanges = signChanges(cashFlows: cashFlows)
    guard signChanges > 0 else { return IRRResult(monthlyRoots: [], cashFlowSignChanges: 0) }
    if signChanges == 1, let roots = singleRootByBinarySearch(cashFlows) {
      return IRRResult(monthlyRoots: roots, cashFlowSignChanges: 1)
    }
    guard let below = shiftedSignChanges(cashFlows), below <= 1,
      let above = shiftedSignChanges(cashFlows.reversed()), above <= 1
    else { return irrByGridScan(cashFlows: cashFlows, signChanges: signChanges) }
    var roots: [Double] = []
    var previousIndex = 0
    var previousValue = scaledNPV(cashFlows, irrGridRate(0))
    if previousValue == 0 { roots.append(irrSearchLowerMonthlyRate) }
    for index in coarseGrid {
      let value = scaledNPV(cashFlows, irrGridRate(index))
      guard value.isFinite, previousValue.isFinite else {
        return irrByGridScan(cashFlows: cashFlows, signChanges: signChanges)
      }
      if previousValue != 0, value == 0 || (value < 0) != (previousValue < 0) {
        roots.append(contentsOf: crossing(cashFlows, from: previousIndex, to: index, firstSign: previousValue < 0))
      }
      previousIndex = index
      previousValue = value
    }
    var distinct: [Double] = []
    for root in roots.sorted() where distinct.last.map({ abs(root - $0) > 1e-9 }) ?? true {
      distinct.append(root)
    }
    return IRRResult(monthlyRoots: distinct, cashFlowSignChanges: signChanges)
  }

  /// Every 50th grid index, and the two indices around a zero rate (so no coarse interval holds
  /// both a negative and a positive rate).
  static let coarseGrid: [Int] = {
    var zero = 0
    while zero < irrSearchGridIntervals && irrGridRate(zero + 1) < 0 { zero += 1 }
    let points = Set(
      Array(stride(from: irrCoarseStride, through: irrSearchGridIntervals, by: irrCoarseStride)) + [zero, zero + 1])
    return points.filter { $0 > 0 && $0 <= irrSearchGridIntervals }.sorted()
  }()

  /// Sign changes of the coefficients of A(1 + y), where A(z) = Σ coefficients[k] zᵏ: by
  /// Descartes, a bound on the number of roots of A above z = 1; `nil` when a coefficient is within 1e-9 of the sum of the magnitudes that
  /// formed it (its sign is not reliable).
  ///
  /// For flows c₀…c_T: A(z) = Σ cₜ zᵗ has A(1/(1 + r)) = NPV(r), so its roots above 1 are the
  /// IRRs below 0; with the flows reversed, A(z) = Σ c_{T−t} zᵗ = (1 + r)^T NPV(r) at z = 1 + r,
  /// whose roots above 1 are the IRRs above 0.
  static func shiftedSignChanges<C: Collection>(_ coefficients: C) -> Int? where C.Element == Double {
    var a = Array(coefficients)
    var magnitude = a.map { abs($0) }
    let n = a.count - 1
    guard n >= 1 else { return 0 }
    for i in 0..<n {
      for j in stride(from: n - 1, through: i, by: -1) {
        a[j] += a[j + 1]
        magnitude[j] += magnitude[j + 1]
      }
    }
    var changes = 0
    var previous = 0.0
    for (value, size) in zip(a, magnitude) {
      if abs(value) <= 1e-9 * size { if size > 0 { return nil } else { continue } }
      if previous != 0 && (value < 0) != (previous < 0) { changes += 1 }
      previous = value
    }
    return changes
  }

  /// The root between grid points `low` (NPV of sign `firstSign`, non-zero) and `high` (the
  /// other sign, or zero): the first grid point that is zero or has crossed, then bisection.
  private static func crossing(_ cashFlows: [Double], from low: Int, to high: Int, firstSign: Bool) -> [Double] {
    var low = low
    var high = high
    while high - low > 1 {
      let middle = (low + high) / 2
      let value = scaledNPV(cashFlows, irrGridRate(middle))
      if value == 0 || (value < 0) != firstSign { high = middle } else { low = middle }
    }
    let rate = irrGridRate(high)
    if scaledNPV(cashFlows, rate) == 0 { return [rate] }
    let solution = RootSolver.bisect(lower: irrGridRate(low), upper: rate) { scaledNPV(cashFlows, $0) }
    return solution.root.map { [$0] } ?? []
  }
}
