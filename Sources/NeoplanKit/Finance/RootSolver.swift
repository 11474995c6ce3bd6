/// Bracketed root finding that always terminates.
///
/// Bisection on an interval whose end values have opposite signs: every step halves the bracket,
/// so it stops after at most `maxIterations` steps, or earlier when the bracket is no wider than
/// `tolerance` (absolute, in x) or the midpoint is an exact zero or cannot be split further in
/// floating point.
public enum RootSolver {
  /// Default absolute tolerance on x: the final bracket is at most 1e-10 wide.
  public static let defaultTolerance = 1e-10
  /// Default iteration cap. 200 halvings shrink any finite bracket below Double resolution.
  public static let defaultMaxIterations = 200

  /// Finds a root of `function` in [`lower`, `upper`] by bisection.
  ///
  /// - Returns: a ``RootSolution`` whose `status` says whether it converged; `root` is the best
  ///   estimate (bracket midpoint) when it converged or ran out of iterations, else `nil`.
  public static func bisect(
    lower: Double, upper: Double,
    tolerance: Double = defaultTolerance,
    maxIterations: Int = defaultMaxIterations,
    _ function: (Double) -> Double
  ) -> RootSolution {
    guard lower.isFinite, upper.isFinite, lower < upper else {
      return RootSolution(root: nil, status: .invalidBracket, iterations: 0, bracketWidth: .nan)
    }
    var a = lower
    var b = upper
    var fa = function(a)
    let fb = function(b)
    guard fa.isFinite, fb.isFinite else {
      return RootSolution(root: nil, status: .nonFiniteValue, iterations: 0, bracketWidth: b - a)
    }
    if fa == 0 { return RootSolution(root: a, status: .converged, iterations: 0, bracketWidth: 0) }
    if fb == 0 { return RootSolution(root: b, status: .converged, iterations: 0, bracketWidth: 0) }
    guard (fa < 0) != (fb < 0) else {
      return RootSolution(root: nil, status: .noSignChange, iterations: 0, bracketWidth: b - a)
    }
    var iterations = 0
    while iterations < max(0, maxIterations) {
      if b - a <= tolerance {
        return RootSolution(
          root: a + (b - a) / 2, status: .converged, iterations: iterations, bracketWidth: b - a)
      }
      let mid = a + (b - a) / 2
      if mid <= a || mid >= b {
        // The bracket holds two adjacent Doubles: no finer answer exists.
        return RootSolution(root: mid, status: .converged, iterations: iterations, bracketWidth: b - a)
      }
      iterations += 1
      let fm = function(mid)
      guard fm.isFinite else {
        return RootSolution(root: nil, status: .nonFiniteValue, iterations: iterations, bracketWidth: b - a)
      }
      if fm == 0 {
        return RootSolution(root: mid, status: .converged, iterations: iterations, bracketWidth: 0)
      }
      if (fm < 0) == (fa < 0) {
        a = mid
        fa = fm
      } else {
        b = mid
      }
    }
    let converged = b - a <= tolerance
    return RootSolution(
      root: a + (b - a) / 2, status: converged ? .converged : .maxIterationsReached,
      iterations: iterations, bracketWidth: b - a)
  }
}

/// The outcome of a bracketed root search.
public struct RootSolution: Sendable, Equatable {
  /// Best estimate of the root (midpoint of the final bracket), or `nil` if none was found.
  public var root: Double?
  /// Why the search stopped.
  public var status: RootSolverStatus
  /// Function evaluations made after the two end points.
  public var iterations: Int
  /// Width of the final bracket.
  public var bracketWidth: Double
}

/// Why a bracketed root search stopped.
public enum RootSolverStatus: String, Sendable, Equatable, Codable {
  /// The bracket is within tolerance (or at floating-point resolution), or a zero was hit exactly.
  case converged
  /// The iteration cap was reached before the tolerance; `root` is the best estimate.
  case maxIterationsReached
  /// The function has the same sign at both ends: no root is bracketed.
  case noSignChange
  /// The function returned NaN or an infinity.
  case nonFiniteValue
  /// The bounds are not finite or `lower` ≥ `upper`.
  case invalidBracket
}
