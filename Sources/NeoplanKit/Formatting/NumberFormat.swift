import Foundation

/// Every number neoplan prints — fixed decimals, grouped integers, money, percentages, power,
/// compact axis labels and dates — formatted in one place with one rounding rule.
///
/// - **Rounding**: half-even on the exact value (see ``DecimalDigits``): a `Double` by integer
///   arithmetic on its binary value, a `Decimal` as it is, money from its integer minor units.
///   `0.125` → `0.12`, `2.5` → `2`, `-2.5` → `-2`; `1.005` (held as 1.00499999999999989…) → `1.00`.
/// - **Locale**: none. `.` separates decimals and `,` groups thousands unless the caller passes
///   other separators; no Foundation formatter, no ICU, no `String(format:)`.
/// - **Signs**: `minus` (ASCII `-` by default, `−` in reports) only before a value that does not
///   round to zero; never `-0`.
/// - **Non-finite**: NaN and ±∞ become `nan`, `inf`, `-inf` (callers that must show something else,
///   such as `n/a`, check first).
public enum NumberFormat {
  /// Text for NaN and infinities: `nan`, `inf`, `-inf`.
  static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
  }

  /// `value` with `decimals` fraction digits (0…18), rounded half-even: `fixed(1234.5, decimals: 2)`
  /// → `1234.50`; with `grouping: ","` → `1,234.50`; with `trimZeros`, trailing fraction zeros are
  /// dropped (`12.5`, `40`).
  public static func fixed(
    _ value: Double, decimals: Int, trimZeros: Bool = false, grouping: String = "", decimalSeparator: String = ".",
    minus: String = "-"
  ) -> String {
    if grouping.isEmpty,
      let text = DecimalDigits.fastText(
        value, decimals: decimals, trimZeros: trimZeros, decimalSeparator: decimalSeparator, minus: minus)
    {
      return text
    }
    guard let digits = DecimalDigits(value, decimals: max(decimals, 0)) else { return nonFinite(value) }
    return digits.text(grouping: grouping, decimalSeparator: decimalSeparator, minus: minus, trimZeros: trimZeros)
  }

  /// An exact decimal with `decimals` fraction digits, rounded half-even: `fixed(Decimal(-0.03125),
  /// decimals: 4)` → `-0.0312`; `nan` for NaN.
  public static func fixed(
    _ value: Decimal, decimals: Int, trimZeros: Bool = false, grouping: String = "", decimalSeparator: String = ".",
    minus: String = "-"
  ) -> String {
    guard let digits = DecimalDigits(value, decimals: max(decimals, 0)) else { return "nan" }
    return digits.text(grouping: grouping, decimalSeparator: decimalSeparator, minus: minus, trimZeros: trimZeros)
  }

  /// An exact decimal with all its digits, no rounding, no grouping: `12.5`, `-0.0312`, `16`.
  public static func plain(_ value: Decimal, minus: String = "-") -> String {
    DecimalDigits(exact: value)?.text(minus: minus) ?? "nan"
  }

  /// A whole number with thousands grouped: `1,234,567`, `-1,024`.
  public static func integer(_ value: Int, grouping: String = ",", minus: String = "-") -> String {
    let digits = String(value.magnitude)
    return (value < 0 ? minus : "") + (grouping.isEmpty ? digits : DecimalDigits.group(digits, grouping))
  }

  /// A whole number with thousands grouped: `1,234,567`.
  public static func integer(_ value: UInt64, grouping: String = ",") -> String {
    DecimalDigits.group(String(value), grouping)
  }

  /// A fraction as a percentage with `decimals` places and a `%` sign: `percent(0.1825, decimals: 1)`
  /// → `18.3%`. The fraction's exact value is rounded at `decimals + 2` places and the point
  /// moved, so no binary `× 100` can shift a tie.
  public static func percent(
    _ fraction: Double, decimals: Int = 1, trimZeros: Bool = false, grouping: String = "", minus: String = "-",
    sign: String = "%"
  ) -> String {
    guard let digits = DecimalDigits(fraction, decimals: max(decimals, 0) + 2) else {
      return nonFinite(fraction)
    }
    return shifted(digits, by: 2).text(grouping: grouping, minus: minus, trimZeros: trimZeros) + sign
  }

  /// The units ``power(kilowatts:unit:decimals:trimZeros:grouping:)`` writes.
  public enum PowerUnit: String, Sendable, CaseIterable {
    /// Watts, `W`.
    case watts = "W"
    /// Kilowatts, `kW`.
    case kilowatts = "kW"
    /// Megawatts, `MW`.
    case megawatts = "MW"
  }

  /// A power given in kilowatts, written in `unit` with its symbol: `power(kilowatts: 1853.6)` →
  /// `1,853.6 kW`; `unit: .megawatts, decimals: 2` → `1.85 MW`; `unit: .watts, decimals: 0` → `1,853,600 W`.
  /// The unit change moves the decimal point of the exact value; nothing is multiplied in binary.
  public static func power(
    kilowatts: Double, unit: PowerUnit = .kilowatts, decimals: Int = 1, trimZeros: Bool = false, grouping: String = ","
  ) -> String {
    powerValue(kilowatts: kilowatts, unit: unit, decimals: decimals, trimZeros: trimZeros, grouping: grouping)
      + " " + unit.rawValue
  }

  /// The number of ``power(kilowatts:unit:decimals:trimZeros:grouping:)`` without the unit
  /// symbol (`12.5`, `40`), for texts that place the unit themselves.
  public static func powerValue(
    kilowatts: Double, unit: PowerUnit = .kilowatts, decimals: Int = 1, trimZeros: Bool = false, grouping: String = ""
  ) -> String {
    let places = max(decimals, 0)
    let move: Int
    switch unit {
    case .watts: move = 3
    case .kilowatts: move = 0
    case .megawatts: move = -3
    }
    // value × 10^move to `places` decimals = value to `places + move` decimals, point moved.
    guard let digits = DecimalDigits(kilowatts, decimals: places + move) else { return nonFinite(kilowatts) }
    return shifted(digits, by: move, decimals: places).text(grouping: grouping, trimZeros: trimZeros)
  }

  /// `digits` × 10^`places` by moving the decimal point, keeping `decimals` fraction digits
  /// (by default the ones left after the move).
  static func shifted(_ digits: DecimalDigits, by places: Int, decimals: Int? = nil) -> DecimalDigits {
    var all = digits.integer + digits.fraction
    var pointIndex = digits.integer.count + places  // digits before the point after the move
    if pointIndex < 0 {
      all = String(repeating: "0", count: -pointIndex) + all
      pointIndex = 0
    }
    if pointIndex > all.count { all += String(repeating: "0", count: pointIndex - all.count) }
    var integer = String(all.prefix(pointIndex).drop { $0 == "0" })
    if integer.isEmpty { integer = "0" }
    var fraction = String(all.dropFirst(pointIndex))
    let wanted = decimals ?? fraction.count
    if fraction.count < wanted { fraction += String(repeating: "0", count: wanted - fraction.count) }
    // Only zeros can lie beyond `wanted` (the value was rounded before the move).
    fraction = String(fraction.prefix(wanted))
    return DecimalDigits(negative: digits.negative, integer: integer, fraction: fraction)
  }
}
