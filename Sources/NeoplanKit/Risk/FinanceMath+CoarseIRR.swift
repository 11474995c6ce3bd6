import Foundation

extension FinanceMath {
  /// The IRRs of a monthly cash-flow sequence for Monte Carlo paths, on the same 4,001-point
  /// grid as ``irr(cashFlows:)`` but without evaluating every point when the flows change sign
  /// more than once.
  ///
  /// One sign change: the exact binary search of ``irr(cashFlows:)``. More: Descartes' rule of
  /// signs bounds the roots separately for negative and positive rates (first by the sign changes
  /// of the running sums from each end, which is O(T), else on the NPV polynomial Taylor-shifted
  /// so each range maps to y > 0); when each range can hold at most one root, the NPV's sign
  /// changes at most once on each side of a zero rate, so each crossing is found by binary search
  /// over the grid and refined by the same bisection: the same roots, to the last bit, as the
  /// full scan. Otherwise (or when a shifted coefficient is too close to zero to trust its sign)
  /// it runs the full scan.
  public static func irrCoarseToFine(cashFlows: [Double]) -> IRRResult {
    let signChanges = signChanges(cashFlows: cashFlows)
    guard signChanges > 0 else { return IRRResult(monthlyRoots: [], cashFlowSignChanges: 0) }
    if signChanges == 1, let roots = singleRootByBinarySearch(cashFlows) {
      return IRRResult(monthlyRoots: roots, cashFlowSignChanges: 1)
    }
    // At most one root below a zero rate, and at most one above: the cheap bound first, then the
    // tighter one, side by side.
    let belowOK =
      cumulativeSignChanges(cashFlows.reversed()) <= 1 || (shiftedSignChanges(cashFlows).map { $0 <= 1 } ?? false)
    let aboveOK =
      belowOK
      && (cumulativeSignChanges(cashFlows) <= 1 || (shiftedSignChanges(cashFlows.reversed()).map { $0 <= 1 } ?? false))
    guard aboveOK else { return irrByGridScan(cashFlows: cashFlows, signChanges: signChanges) }
    return regionRoots(cashFlows)
      .map { IRRResult(monthlyRoots: $0, cashFlowSignChanges: signChanges) }
      ?? irrByGridScan(cashFlows: cashFlows, signChanges: signChanges)
  }

  /// The monthly rates of the 4,001-point grid, computed once.
  static let irrGridRates: [Double] = (0...irrSearchGridIntervals).map(irrGridRate)

  /// The last grid index with a negative rate.
  static let irrGridLastNegative: Int = {
    var index = 0
    while index < irrSearchGridIntervals && irrGridRate(index + 1) < 0 { index += 1 }
    return index
  }()

  /// The scan's roots when each side of a zero rate holds at most one root: the NPV's sign along
  /// the grid then changes at most once in [0, z], once between z and z + 1, and once in
  /// [z + 1, 4000] (z the last negative-rate index), so each crossing is found by binary search.
  /// `nil` (use the scan) when a probed NPV is zero or not finite.
  static func regionRoots(_ cashFlows: [Double]) -> [Double]? {
    let z = irrGridLastNegative
    let probes = [0, z, z + 1, irrSearchGridIntervals].map { scaledNPV(cashFlows, irrGridRates[$0]) }
    guard probes.allSatisfy({ $0.isFinite && $0 != 0 }) else { return nil }
    var roots: [Double] = []
    let ranges = [
      (0, z, probes[0], probes[1]), (z, z + 1, probes[1], probes[2]),
      (z + 1, irrSearchGridIntervals, probes[2], probes[3]),
    ]
    for (low, high, lowValue, highValue) in ranges where (lowValue < 0) != (highValue < 0) {
      guard let root = crossing(cashFlows, from: low, to: high, firstSign: lowValue < 0) else { return nil }
      roots.append(contentsOf: root)
    }
    return roots
  }

  /// Sign changes of the running sums of `flows` (zeros skipped): a bound on the roots with
  /// 0 < v < 1 of Σ flows[t] vᵗ. Σ aₜ vᵗ = (1 − v) Σ Sₜ vᵗ + … is, on (0, 1), (1 − v) times the
  /// power series with coefficients S₀, …, S_T, S_T, …, whose sign changes bound its positive
  /// roots (Descartes for power series; Norström 1972). In the flows' order this bounds the IRRs
  /// above 0 (v = 1/(1 + r)); reversed, those below 0 (v = 1 + r).
  static func cumulativeSignChanges<C: Collection>(_ flows: C) -> Int where C.Element == Double {
    var total = 0.0
    var previous = 0.0
    var changes = 0
    for flow in flows {
      total += flow
      if total != 0 {
        if previous != 0 && (total < 0) != (previous < 0) { changes += 1 }
        previous = total
      }
    }
    return changes
  }

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
    a.withUnsafeMutableBufferPointer { a in
      magnitude.withUnsafeMutableBufferPointer { m in
        for i in 0..<n {
          var j = n - 1
          while j >= i {
            a[j] += a[j + 1]
            m[j] += m[j + 1]
            j -= 1
          }
        }
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
  private static func crossing(_ cashFlows: [Double], from low: Int, to high: Int, firstSign: Bool) -> [Double]? {
    var low = low
    var high = high
    while high - low > 1 {
      let middle = (low + high) / 2
      let value = scaledNPV(cashFlows, irrGridRates[middle])
      guard value.isFinite else { return nil }
      if value == 0 || (value < 0) != firstSign { high = middle } else { low = middle }
    }
    let rate = irrGridRates[high]
    if scaledNPV(cashFlows, rate) == 0 { return [rate] }
    let solution = RootSolver.bisect(lower: irrGridRates[low], upper: rate) { scaledNPV(cashFlows, $0) }
    return solution.root.map { [$0] } ?? []
  }
}
