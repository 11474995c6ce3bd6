import Foundation

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): a 64-bit generator whose every path gets its own stream, seeded from
/// (seed, path index), so results do not depend on which thread ran the path.
public struct SplitMix64: Sendable, RandomNumberGenerator {
  private var state: UInt64

  /// A generator with the given state.
  public init(state: UInt64) { self.state = state }

  /// The generator of path `index` under `seed`: the seed's stream advanced to a state mixed
  /// with the index, so neighbouring paths are unrelated.
  public init(seed: UInt64, path index: Int) {
    var mixer = SplitMix64(state: seed ^ 0x5851_F42D_4C95_7F2D)
    let base = mixer.next()
    state = base &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
    _ = next()
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in (0, 1): 53 random bits, never 0 (so its logarithm is finite).
  public mutating func uniform() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1p-53
  }

  /// A standard normal number by Box–Muller (one of the pair; the other is discarded so each
  /// draw uses a fixed amount of the stream).
  public mutating func normal() -> Double {
    let u1 = uniform()
    let u2 = uniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A normal number with the given mean and standard deviation, clamped to `range`. With
  /// `sd` = 0 it returns the mean without using the stream.
  public mutating func normal(mean: Double, sd: Double, within range: ClosedRange<Double>) -> Double {
    guard sd > 0 else { return min(range.upperBound, max(range.lowerBound, mean)) }
    return min(range.upperBound, max(range.lowerBound, mean + sd * normal()))
  }

  /// A Poisson count with mean `lambda`: by inversion below 30, else the normal approximation
  /// rounded and floored at 0 (its error is below 1 % of the mean there).
  public mutating func poisson(_ lambda: Double) -> Int {
    guard lambda > 0 else { return 0 }
    if lambda >= 30 {
      return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
    }
    var k = 0
    var p = exp(-lambda)
    var cumulative = p
    let u = uniform()
    while u > cumulative && k < 1_000 {
      k += 1
      p *= lambda / Double(k)
      cumulative += p
    }
    return k
  }
}
