import Foundation
import Testing

@testable import NeoplanKit

@Suite("Bracketed root solver")
struct RootSolverTests {
  @Test func convergesWithinStatedTolerance() {
    let solution = RootSolver.bisect(lower: 0, upper: 2) { $0 * $0 * $0 - 2 }
    // scipy brentq(lambda x: x**3 - 2, 0, 2) = 1.2599210498948732 (= 2**(1/3))
    #expect(solution.status == .converged)
    #expect(financeClose(solution.root, 1.2599210498948732, absolute: RootSolver.defaultTolerance))
    #expect(solution.bracketWidth <= RootSolver.defaultTolerance)
  }

  @Test func discontinuousFunctionStillTerminates() {
    // A step with no zero: bisection closes in on the jump at 0.3 and stops.
    let solution = RootSolver.bisect(lower: -1, upper: 2) { $0 < 0.3 ? -1 : 1 }
    #expect(solution.status == .converged)
    #expect(financeClose(solution.root, 0.3, absolute: 1e-9))
    #expect(solution.iterations <= RootSolver.defaultMaxIterations)
  }

  @Test func wildlyOscillatingFunctionTerminates() {
    // sin(1/x) has infinitely many roots near 0; the solver returns one of them, in bounded time.
    let solution = RootSolver.bisect(lower: -1, upper: 0.7) { x in x == 0 ? 1 : sin(1 / x) }
    #expect(solution.iterations <= RootSolver.defaultMaxIterations)
    #expect(solution.root != nil)
  }

  @Test func zeroToleranceStopsAtFloatingPointResolution() {
    let solution = RootSolver.bisect(lower: 0, upper: 2, tolerance: 0) { $0 * $0 - 2 }
    #expect(solution.status == .converged)
    #expect(solution.iterations <= RootSolver.defaultMaxIterations)
    // By hand: sqrt(2) = 1.4142135623730951.
    #expect(financeClose(solution.root, 1.4142135623730951, absolute: 1e-15))
  }

  @Test func iterationCapIsReported() {
    let solution = RootSolver.bisect(lower: 0, upper: 2, maxIterations: 5) { $0 * $0 - 2 }
    #expect(solution.status == .maxIterationsReached)
    #expect(solution.iterations == 5)
    // By hand: 5 halvings of a width-2 bracket leave 2/32 = 0.0625.
    #expect(solution.bracketWidth == 0.0625)
  }

  @Test func missingBracketAndBadValuesAreReported() {
    #expect(RootSolver.bisect(lower: 0, upper: 1) { $0 + 1 }.status == .noSignChange)
    #expect(RootSolver.bisect(lower: 1, upper: 0) { $0 }.status == .invalidBracket)
    #expect(RootSolver.bisect(lower: 0, upper: .infinity) { $0 }.status == .invalidBracket)
    #expect(RootSolver.bisect(lower: -1, upper: 1) { _ in .nan }.status == .nonFiniteValue)
    let nanInside = RootSolver.bisect(lower: -1, upper: 2) { x in abs(x - 0.5) < 0.01 ? .nan : x - 0.5 }
    #expect(nanInside.status == .nonFiniteValue)
  }
}
