extension Int {
  /// The largest count a sizing step may produce from floating point: 2^40. Bounds on the
  /// inputs keep real counts far below it; a count clamped here is then refused by the
  /// checked pricing arithmetic (never a trap on `Int(Double.infinity)`).
  static let maxSizedCount = 1 << 40

  /// `value` as a count: NaN is 0, anything beyond ±2^40 (including ±∞) is clamped.
  init(clamping value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= Double(Int.maxSizedCount) {
      self = Int.maxSizedCount
    } else if value <= -Double(Int.maxSizedCount) {
      self = -Int.maxSizedCount
    } else {
      self = Int(value)
    }
  }
}
