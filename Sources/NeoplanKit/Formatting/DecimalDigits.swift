import Foundation

/// A number rounded to a fixed count of decimals, as ASCII digits: the one rounding step behind
/// every figure neoplan prints (``NumberFormat``).
///
/// The rule, everywhere: **half-even on the exact value**. A `Double` is rounded from the exact
/// binary value it holds, computed with integer arithmetic on its significand and exponent (no
/// `String(format:)`, no formatter, no locale). So a tie exists only when that value is exactly
/// halfway: `0.125`, `2.5` and `-2.5` are ties (→ `0.12`, `2`, `-2`), while `1.005`, which a
/// `Double` holds as 1.00499999999999989…, is below the tie and gives `1.00`, and `0.135`
/// (0.13500000000000000888…) gives `0.14`. A `Decimal` is exact already and is rounded
/// half-even as it is. A result that rounds to zero is never negative (no `-0`).
struct DecimalDigits: Sendable, Equatable {
  /// True for a value below zero whose rounded digits are not all zero.
  var negative: Bool
  /// The integer digits, without leading zeros (`"0"` for zero).
  var integer: String
  /// Exactly as many fraction digits as decimals were asked for (none for 0 or fewer).
  var fraction: String

  /// Largest count of decimals handled (10¹⁸ fits in `UInt64`); more are clamped to it.
  static let maxDecimals = 18

  /// `value` rounded half-even to `decimals` places (negative: to tens, hundreds, …);
  /// `nil` for NaN and infinities.
  init?(_ value: Double, decimals: Int) {
    guard value.isFinite else { return nil }
    let places = min(max(decimals, -DecimalDigits.maxDecimals), DecimalDigits.maxDecimals)
    let magnitude = value.magnitude
    let significand = magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0)
    let exponent = magnitude.exponentBitPattern == 0 ? -1074 : Int(magnitude.exponentBitPattern) - 1075
    if magnitude == 0 {
      self.init(negative: false, integer: "0", fraction: String(repeating: "0", count: max(places, 0)))
    } else if exponent >= 0 {
      // An integer: exact, possibly far beyond 64 bits.
      let digits =
        exponent <= 10 ? String(significand << UInt64(exponent)) : DecimalDigits.bigInteger(significand, exponent)
      self.init(negative: value < 0, integerDigits: digits, sticky: false, decimals: places)
    } else {
      self.init(negative: value < 0, significand: significand, shift: -exponent, decimals: places)
    }
  }

  /// `value` rounded half-even to `decimals` places; `nil` for NaN.
  init?(_ value: Decimal, decimals: Int) {
    guard !value.isNaN else { return nil }
    let places = min(max(decimals, -DecimalDigits.maxDecimals), DecimalDigits.maxDecimals)
    var input = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &input, places, .bankers)
    guard let digits = DecimalDigits(exact: rounded) else { return nil }
    self = digits
    let count = max(places, 0)
    if fraction.count < count { fraction += String(repeating: "0", count: count - fraction.count) }
  }

  /// The exact digits of a `Decimal` (as many fraction digits as it has); `nil` for NaN.
  init?(exact value: Decimal) {
    guard !value.isNaN else { return nil }
    // Decimal's own description: plain digits, `.` separator, no exponent, no locale.
    let text = value.description
    let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let first = parts.first, first.allSatisfy(\.isASCII), !first.isEmpty else { return nil }
    var integer = String(first.drop { $0 == "0" })
    if integer.isEmpty { integer = "0" }
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    let isZero = integer == "0" && fraction.allSatisfy { $0 == "0" }
    self.init(negative: text.hasPrefix("-") && !isZero, integer: integer, fraction: fraction)
  }

  /// Digits as they are.
  init(negative: Bool, integer: String, fraction: String) {
    self.negative = negative
    self.integer = integer
    self.fraction = fraction
  }

  /// Whether every digit is zero.
  var isZero: Bool { integer == "0" && fraction.allSatisfy { $0 == "0" } }

  /// The text: optional grouping of the integer digits by threes, the decimal separator, `minus`
  /// before a negative value, and, with `trimZeros`, no trailing fraction zeros (nor a bare
  /// separator).
  func text(grouping: String = "", decimalSeparator: String = ".", minus: String = "-", trimZeros: Bool = false)
    -> String
  {
    var fractionDigits = Substring(fraction)
    if trimZeros {
      while fractionDigits.last == "0" { fractionDigits = fractionDigits.dropLast() }
    }
    let whole = grouping.isEmpty ? integer : DecimalDigits.group(integer, grouping)
    let sign = negative && !(integer == "0" && fractionDigits.allSatisfy { $0 == "0" }) ? minus : ""
    return fractionDigits.isEmpty ? sign + whole : sign + whole + decimalSeparator + fractionDigits
  }

  /// `"1234567"` → `"1,234,567"` with `separator` `","`.
  static func group(_ digits: String, _ separator: String) -> String {
    let count = digits.utf8.count
    guard count > 3 else { return digits }
    var out = ""
    out.reserveCapacity(count + (count - 1) / 3 * separator.utf8.count)
    for (index, digit) in digits.enumerated() {
      if index > 0 && (count - index) % 3 == 0 { out += separator }
      out.append(digit)
    }
    return out
  }
}

extension DecimalDigits {
  /// `significand / 2^shift` (shift ≥ 1) rounded half-even to `decimals` places, exactly.
  init(negative: Bool, significand: UInt64, shift: Int, decimals: Int) {
    // Integer part and the remaining binary fraction `fractionBits / 2^shift`.
    let integerPart = shift >= 64 ? 0 : significand >> UInt64(shift)
    let fractionBits = shift >= 64 ? significand : significand & ((1 << UInt64(shift)) - 1)
    if decimals <= 0 {
      let half = DecimalDigits.bit(shift - 1, high: 0, low: fractionBits)
      let below = DecimalDigits.anyBitBelow(shift - 1, high: 0, low: fractionBits)
      if decimals == 0 {
        let up = half && (below || integerPart % 2 == 1)
        self.init(
          negative: negative && (integerPart > 0 || up), integer: String(integerPart + (up ? 1 : 0)), fraction: "")
      } else {
        self.init(negative: negative, integerDigits: String(integerPart), sticky: fractionBits != 0, decimals: decimals)
      }
      return
    }
    let (whole, quotient) = DecimalDigits.roundedParts(
      integerPart: integerPart, fractionBits: fractionBits, shift: shift, decimals: decimals)
    let digits = String(quotient)
    self.init(
      negative: negative && (whole > 0 || quotient > 0), integer: String(whole),
      fraction: String(repeating: "0", count: decimals - digits.count) + digits)
  }

  /// `integerPart + fractionBits / 2^shift` rounded half-even to `decimals ≥ 1` places, as the
  /// integer part and the fraction digits as a number below 10^decimals.
  static func roundedParts(integerPart: UInt64, fractionBits: UInt64, shift: Int, decimals: Int) -> (
    whole: UInt64, fraction: UInt64
  ) {
    // fraction × 10^decimals / 2^shift, rounded half-even; the quotient is below 10^decimals.
    let scale = DecimalDigits.powerOfTen(decimals)
    let product = fractionBits.multipliedFullWidth(by: scale)
    var quotient: UInt64 = 0
    var half = false
    var below = false
    if shift < 128 {
      quotient =
        shift >= 64
        ? product.high >> UInt64(shift - 64)
        : (product.low >> UInt64(shift)) | (shift == 0 ? 0 : product.high << UInt64(64 - shift))
      half = DecimalDigits.bit(shift - 1, high: product.high, low: product.low)
      below = DecimalDigits.anyBitBelow(shift - 1, high: product.high, low: product.low)
    }
    var whole = integerPart
    if half && (below || quotient % 2 == 1) { quotient += 1 }
    if quotient == scale {
      quotient = 0
      whole += 1
    }
    return (whole, quotient)
  }

  /// The common case of ``NumberFormat/fixed(_:decimals:trimZeros:grouping:decimalSeparator:minus:)``
  /// without grouping, built in one string: a finite `value` below 2⁶³ at 1…18 decimals.
  /// `nil` when the value is outside that case (the general path handles it).
  static func fastText(
    _ value: Double, decimals: Int, trimZeros: Bool, decimalSeparator: String, minus: String
  ) -> String? {
    guard value.isFinite, decimals >= 1, decimals <= maxDecimals else { return nil }
    let magnitude = value.magnitude
    let significand = magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0)
    let exponent = magnitude.exponentBitPattern == 0 ? -1074 : Int(magnitude.exponentBitPattern) - 1075
    var whole: UInt64
    var fraction: UInt64 = 0
    if magnitude == 0 {
      whole = 0
    } else if exponent >= 0 {
      guard exponent <= 10 else { return nil }
      whole = significand << UInt64(exponent)
    } else {
      let shift = -exponent
      let integerPart = shift >= 64 ? 0 : significand >> UInt64(shift)
      let fractionBits = shift >= 64 ? significand : significand & ((1 << UInt64(shift)) - 1)
      (whole, fraction) = roundedParts(
        integerPart: integerPart, fractionBits: fractionBits, shift: shift, decimals: decimals)
    }
    var places = decimals
    if trimZeros {
      while places > 0 && fraction % 10 == 0 {
        fraction /= 10
        places -= 1
      }
    }
    var out = value < 0 && (whole != 0 || fraction != 0) ? minus : ""
    out += String(whole)
    if places > 0 {
      out += decimalSeparator
      let digits = String(fraction)
      if digits.utf8.count < places { out += String(repeating: "0", count: places - digits.utf8.count) }
      out += digits
    }
    return out
  }

  /// Integer `digits` (plus a fraction that is non-zero when `sticky`) rounded half-even to
  /// `decimals ≤ 0` places, i.e. to a multiple of 10^-decimals; with `decimals > 0`, zero fraction
  /// digits are appended (the value is an integer).
  init(negative: Bool, integerDigits digits: String, sticky: Bool, decimals: Int) {
    if decimals >= 0 {
      self.init(negative: negative && digits != "0", integer: digits, fraction: String(repeating: "0", count: decimals))
      return
    }
    let cut = -decimals
    var kept = Array(digits.utf8.dropLast(min(cut, digits.utf8.count)))
    let dropped = Array(digits.utf8.suffix(cut))
    let padded = [UInt8](repeating: UInt8(ascii: "0"), count: cut - dropped.count) + dropped
    // Compare the dropped digits (and the sticky fraction) with one half: 5 then zeros.
    let first = padded[0]
    let restZero = padded.dropFirst().allSatisfy { $0 == UInt8(ascii: "0") } && !sticky
    let lastKeptOdd = (kept.last.map { ($0 - UInt8(ascii: "0")) % 2 == 1 }) ?? false
    let up = first > UInt8(ascii: "5") || (first == UInt8(ascii: "5") && (!restZero || lastKeptOdd))
    if up { DecimalDigits.increment(&kept) }
    while kept.first == UInt8(ascii: "0") && kept.count > 1 { kept.removeFirst() }
    if kept.isEmpty || kept == [UInt8(ascii: "0")] {
      self.init(negative: false, integer: "0", fraction: "")
    } else {
      let text = String(decoding: kept, as: UTF8.self) + String(repeating: "0", count: cut)
      self.init(negative: negative, integer: text, fraction: "")
    }
  }

  /// Adds one to ASCII decimal digits.
  static func increment(_ digits: inout [UInt8]) {
    var index = digits.count - 1
    while index >= 0 {
      if digits[index] == UInt8(ascii: "9") {
        digits[index] = UInt8(ascii: "0")
        index -= 1
      } else {
        digits[index] += 1
        return
      }
    }
    digits.insert(UInt8(ascii: "1"), at: 0)
  }

  /// 10^n for 0 ≤ n ≤ 18.
  static func powerOfTen(_ n: Int) -> UInt64 {
    var result: UInt64 = 1
    for _ in 0..<n { result *= 10 }
    return result
  }

  /// The decimal digits of `significand × 2^exponent` (a large integer), by repeated doubling in
  /// base 10⁹.
  static func bigInteger(_ significand: UInt64, _ exponent: Int) -> String {
    var limbs: [UInt64] = []  // little-endian, base 10⁹
    var rest = significand
    while rest > 0 {
      limbs.append(rest % 1_000_000_000)
      rest /= 1_000_000_000
    }
    var remaining = exponent
    while remaining > 0 {
      let step = min(remaining, 29)  // limb × 2^29 + carry stays far below 2^64
      var carry: UInt64 = 0
      for index in limbs.indices {
        let value = limbs[index] << UInt64(step) + carry
        limbs[index] = value % 1_000_000_000
        carry = value / 1_000_000_000
      }
      while carry > 0 {
        limbs.append(carry % 1_000_000_000)
        carry /= 1_000_000_000
      }
      remaining -= step
    }
    guard let top = limbs.last else { return "0" }
    var text = String(top)
    for limb in limbs.dropLast().reversed() {
      let digits = String(limb)
      text += String(repeating: "0", count: 9 - digits.count) + digits
    }
    return text
  }

  /// Bit `index` of the 128-bit value `high·2⁶⁴ + low` (false for a negative index).
  static func bit(_ index: Int, high: UInt64, low: UInt64) -> Bool {
    if index < 0 || index >= 128 { return false }
    return index >= 64 ? (high >> UInt64(index - 64)) & 1 == 1 : (low >> UInt64(index)) & 1 == 1
  }

  /// Whether any bit below `index` of `high·2⁶⁴ + low` is set.
  static func anyBitBelow(_ index: Int, high: UInt64, low: UInt64) -> Bool {
    if index <= 0 { return false }
    if index >= 128 { return high != 0 || low != 0 }
    if index >= 64 {
      let highBits = index - 64
      let highMask: UInt64 = highBits == 0 ? 0 : (1 << UInt64(highBits)) - 1
      return low != 0 || high & highMask != 0
    }
    return low & ((1 << UInt64(index)) - 1) != 0
  }
}
