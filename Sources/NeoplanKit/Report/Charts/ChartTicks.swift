import Foundation

/// Axis tick computation with "nice" steps of 1, 2 or 5 × 10ⁿ.
public enum ChartTicks {
  /// Ticks covering `lower…upper`: evenly spaced multiples of the smallest nice step (1, 2 or 5 × 10ⁿ)
  /// that is at least `(upper − lower) / targetCount`, from the largest multiple ≤ `lower` to the
  /// smallest multiple ≥ `upper`.
  ///
  /// `0…37` → `[0, 10, 20, 30, 40]`; `-2.3e6…5.1e6` → `[-4e6, -2e6, 0, 2e6, 4e6, 6e6]`.
  /// Bounds are swapped when reversed; a non-finite bound is replaced by the other (by `0…1` when
  /// both are); an empty range is widened to include zero (`0…1` for `0…0`). Always returns at
  /// least two finite ticks.
  public static func nice(lower: Double, upper: Double, targetCount: Int = 5) -> [Double] {
    var low = lower.isFinite ? lower : (upper.isFinite ? upper : 0)
    var high = upper.isFinite ? upper : (lower.isFinite ? lower : 1)
    if low > high { swap(&low, &high) }
    if low == high {
      if low > 0 {
        low = 0
      } else if high < 0 {
        high = 0
      } else {
        high = 1
      }
    }
    guard let step = niceStep(span: high - low, targetCount: targetCount) else { return [low, high] }
    // A small tolerance in step units absorbs representation error (0.3 / 0.1 = 2.9999999999999996).
    let first = (low / step.value + 1e-9).rounded(.down)
    let last = (high / step.value - 1e-9).rounded(.up)
    guard first.isFinite, last.isFinite, abs(first) < 1e12, abs(last) < 1e12, last > first, last - first <= 10_000
    else { return [low, high] }
    let start = Int(first)
    let end = Int(last)
    return (start...end).map { step.tick($0) }
  }

  /// The nice step for `span / targetCount` as `mantissa × 10^exponent` with mantissa 1, 2 or 5;
  /// `nil` when the span is not positive and finite.
  static func niceStep(span: Double, targetCount: Int) -> NiceStep? {
    let raw = span / Double(max(1, targetCount))
    guard raw.isFinite, raw > 0 else { return nil }
    var exponent = Int(log10(raw).rounded(.down))
    for _ in 0..<2 {
      for mantissa in [1, 2, 5] {
        let step = NiceStep(mantissa: mantissa, exponent: exponent)
        if step.value >= raw * (1 - 1e-12) { return step.value.isFinite ? step : nil }
      }
      exponent += 1
    }
    return nil
  }

  /// A step `mantissa × 10^exponent`, computed so that ticks are exact decimals where possible
  /// (`3 × 0.1` is computed as `3 / 10`).
  struct NiceStep: Equatable {
    var mantissa: Int
    var exponent: Int

    var value: Double { tick(1) }

    func tick(_ index: Int) -> Double {
      let numerator = Double(index * mantissa)
      return exponent >= 0
        ? numerator * pow(10, Double(exponent)) : numerator / pow(10, Double(-exponent))
    }
  }
}
