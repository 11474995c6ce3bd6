import Foundation

/// The unit a plan figure is measured in. It decides how a figure is written and shown (power in
/// kW with one decimal, counts whole), never the figure's key.
public enum MeasureUnit: String, Sendable, Hashable, Codable, CaseIterable {
  /// A whole count (switches, cables, racks).
  case count
  /// Gigabits per second (a link or port speed).
  case gigabitsPerSecond = "Gb/s"
  /// Kilowatts (IT, rack or facility power).
  case kilowatts = "kW"
  /// Petabytes (storage capacity).
  case petabytes = "PB"
  /// Terabytes (usable storage).
  case terabytes = "TB"
  /// A dimensionless ratio (a PUE).
  case ratio
  /// A whole percentage (a spares share).
  case percent = "%"
}

/// A number with its unit, exact (`Decimal`), as a plan's JSON writes it.
public struct Measure: Sendable, Hashable, Codable {
  /// The value, exact as written (a power rounded to the JSON's three decimals, say).
  public var value: Decimal
  /// What the value counts or measures.
  public var unit: MeasureUnit

  /// Creates a measure.
  public init(_ value: Decimal, _ unit: MeasureUnit) {
    self.value = value
    self.unit = unit
  }

  /// A whole count.
  public static func count(_ n: Int) -> Measure { Measure(Decimal(n), .count) }

  /// A double as the plan's JSON writes it: rounded to `decimals` places (``NumberFormat/fixed(_:decimals:trimZeros:grouping:minus:)``); `nil`
  /// when not finite (the JSON writes null).
  public static func rounded(_ value: Double, _ unit: MeasureUnit, decimals: Int = 3) -> Measure? {
    jsonRounded(value, decimals).map { Measure($0, unit) }
  }

  /// The value as plain text without locale or exponent (`1853.628`, `-12`):
  /// ``NumberFormat/plain(_:minus:)``.
  public var plainText: String { Measure.plain(value) }

  /// ``NumberFormat/plain(_:minus:)`` of `value`, written from its significand and exponent when
  /// the significand fits in 64 bits and has no trailing zero after the point (what a plan's
  /// figures are); otherwise `NumberFormat.plain` itself. (Start-up: `plain` goes through
  /// Decimal's `description`, which divides the 128-bit mantissa by ten per digit, ~37 k
  /// instructions a figure.)
  static func plain(_ value: Decimal) -> String {
    guard !value.isNaN else { return NumberFormat.plain(value) }
    let significand = value.significand
    let whole = NSDecimalNumber(decimal: significand).uint64Value
    let exponent = value.exponent
    guard Decimal(whole) == significand, exponent >= 0 || whole % 10 != 0, abs(exponent) <= 64 else {
      return NumberFormat.plain(value)
    }
    let digits = String(whole)
    let sign = value.sign == .minus && whole != 0 ? "-" : ""
    if whole == 0 { return "0" }
    if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
    let places = -exponent
    if digits.count > places {
      return sign + digits.dropLast(places) + "." + digits.suffix(places)
    }
    return sign + "0." + String(repeating: "0", count: places - digits.count) + digits
  }
}

/// A figure's value: a number with its unit, a text (an id, a kind), a flag, or none (a section
/// the plan does not have).
public enum FigureValue: Sendable, Hashable, Codable {
  /// A number with its unit.
  case measure(Measure)
  /// A text: a part id, a kind, an oversubscription ratio such as `3:1`.
  case text(String)
  /// A yes/no setting.
  case flag(Bool)
  /// Not there (`storage: null`, a spec section left out).
  case none

  /// The value as the diff's text and JSON show it: numbers plain, flags `true`/`false`, none
  /// `none`.
  public var text: String {
    switch self {
    case .measure(let measure): return measure.plainText
    case .text(let text): return text
    case .flag(let flag): return flag ? "true" : "false"
    case .none: return "none"
    }
  }

  /// The number, when the value is one.
  public var measure: Measure? {
    if case .measure(let measure) = self { return measure }
    return nil
  }
}

/// A named figure of a plan or spec: a dotted path (`fabrics.backend.switches.leaf`,
/// `facility.rack_power_kw`) and its value.
public struct Figure: Sendable, Hashable, Codable {
  /// Dotted path, as the plan's JSON (design) or the spec (spec fields) names it.
  public var path: String
  /// The value.
  public var value: FigureValue

  /// Creates a figure.
  public init(_ path: String, _ value: FigureValue) {
    self.path = path
    self.value = value
  }
}
