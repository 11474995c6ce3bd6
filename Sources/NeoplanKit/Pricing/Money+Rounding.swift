/// Pure-Swift rounding of a binary double to cents, with no formatter, locale or ICU.
///
/// It reproduces, exactly, the two steps `Money(roundingMajor:)` has always taken:
/// 1. the double's exact binary value rounded half-even to 6 decimals (what `"%.6f"` prints), then
/// 2. that 6-decimal number rounded half-even to 2 decimals (the cent).
/// Only integers are used; nothing can overflow or trap.
enum CentRounding {
  /// Largest magnitude handled (major units): `9e12 × 10⁶` still fits in `Int64`.
  static let limit = 9e12

  /// Cents of `value` by the two-step rounding above; `nil` when `value` is not finite or its
  /// magnitude is `limit` or more (the caller decides what such a value means).
  static func cents(ofMajor value: Double) -> Int64? {
    guard value.isFinite, value.magnitude < limit else { return nil }
    guard let micros = roundedMicros(value.magnitude) else { return nil }
    // Step 2: micro-units → cents, half-even on the exact 6-decimal value.
    var cents = micros / 10_000
    let remainder = micros % 10_000
    if remainder > 5_000 || (remainder == 5_000 && cents % 2 != 0) { cents += 1 }
    return value.sign == .minus ? -Int64(cents) : Int64(cents)
  }

  /// `magnitude × 10⁶` rounded half-even to an integer, computed exactly from the double's
  /// significand and exponent (`magnitude = significand × 2^exponent`).
  static func roundedMicros(_ magnitude: Double) -> UInt64? {
    if magnitude == 0 { return 0 }
    let significand = magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0)
    let exponent = Int(magnitude.exponentBitPattern == 0 ? -1074 : Int(magnitude.exponentBitPattern) - 1075)
    // product = significand × 10⁶ < 2⁵³ × 2²⁰, as a 128-bit (high, low) pair.
    let product = significand.multipliedFullWidth(by: 1_000_000)
    if exponent >= 0 {
      // An integer value: exact, and below the limit so the shift cannot overflow.
      guard product.high == 0, exponent < 64, product.low.leadingZeroBitCount > exponent else { return nil }
      return product.low << UInt64(exponent)
    }
    return shiftRightHalfEven(high: product.high, low: product.low, by: -exponent)
  }

  /// `(high·2⁶⁴ + low) / 2^shift`, rounded half-even; `nil` if the quotient does not fit.
  static func shiftRightHalfEven(high: UInt64, low: UInt64, by shift: Int) -> UInt64? {
    if shift >= 128 {
      // The value is below 2^(128 - shift) ≤ 1, and below one half unless shift == 128 and high's top bit is set,
      // which cannot happen (product < 2⁷³).
      return 0
    }
    // quotient = value >> shift; remainder bits compared with one half (bit shift-1).
    let quotientHigh: UInt64
    let quotientLow: UInt64
    if shift >= 64 {
      quotientHigh = 0
      quotientLow = high >> UInt64(shift - 64)
    } else {
      quotientHigh = high >> UInt64(shift)
      quotientLow = (low >> UInt64(shift)) | (high << UInt64(64 - shift))
    }
    guard quotientHigh == 0 else { return nil }
    let halfBit = shift - 1
    let halfSet = bit(halfBit, high: high, low: low)
    let belowHalf = anyBitBelow(halfBit, high: high, low: low)
    var quotient = quotientLow
    if halfSet && (belowHalf || quotient % 2 != 0) { quotient += 1 }
    return quotient
  }

  /// Bit `index` of the 128-bit value.
  static func bit(_ index: Int, high: UInt64, low: UInt64) -> Bool {
    index >= 64 ? (high >> UInt64(index - 64)) & 1 == 1 : (low >> UInt64(index)) & 1 == 1
  }

  /// Whether any bit below `index` is set.
  static func anyBitBelow(_ index: Int, high: UInt64, low: UInt64) -> Bool {
    if index <= 0 { return false }
    if index >= 64 {
      let highBits = index - 64
      let highMask: UInt64 = highBits == 0 ? 0 : (1 << UInt64(highBits)) - 1
      return low != 0 || high & highMask != 0
    }
    return low & ((1 << UInt64(index)) - 1) != 0
  }
}
