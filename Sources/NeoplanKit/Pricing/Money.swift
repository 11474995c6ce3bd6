import Foundation

/// An exact amount of money: integer minor units (cents) of a currency with two decimals.
/// Arithmetic is exact; the only rounding (half-even, to the cent) happens in `converted`
/// and `divided(by:)`.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Amount in minor units (1/100 of the currency unit).
  public var cents: Int64
  /// ISO 4217 code, e.g. `USD`, `CNY`.
  public var currency: String

  /// Creates an amount from minor units.
  public init(cents: Int64, currency: String) {
    self.cents = cents
    self.currency = currency
  }

  /// Zero in `currency`.
  public static func zero(_ currency: String) -> Money { Money(cents: 0, currency: currency) }

  /// Creates an amount from an exact decimal in major units; `nil` if it has more than
  /// two decimals or does not fit.
  public init?(major: Decimal, currency: String) {
    var scaled = major * 100
    var rounded = Decimal()
    NSDecimalRound(&rounded, &scaled, 0, .plain)
    guard rounded == scaled, abs(rounded) < Decimal(Int64.max / 4) else { return nil }
    self.cents = Int64(truncating: rounded as NSDecimalNumber)
    self.currency = currency
  }

  /// Rounds a finance result (binary floating point, major units) to the cent, half-even.
  /// The one place where finance figures become money.
  /// Never traps: NaN is 0 and a value beyond ±9×10^16 is clamped to ±`Int64.max` cents
  /// (input bounds and ``FinanceScale`` keep accepted input far below that).
  public init(roundingMajor value: Double, currency: String) {
    guard value.isFinite, abs(value) < 9e16 else {
      self.cents = value.isNaN ? 0 : (value < 0 ? -Int64.max : Int64.max)
      self.currency = currency
      return
    }
    // Fast path, same result without ICU (Money+Rounding.swift); the formatter only for huge values.
    if let cents = CentRounding.cents(ofMajor: value) {
      self.cents = cents
      self.currency = currency
      return
    }
    var decimal =
      Decimal(string: NumberFormat.fixed(value, decimals: 6), locale: Locale(identifier: "en_US_POSIX"))
      ?? Decimal(value)
    decimal *= 100
    var rounded = Decimal()
    NSDecimalRound(&rounded, &decimal, 0, .bankers)
    self.cents = Int64(truncating: rounded as NSDecimalNumber)
    self.currency = currency
  }

  /// The amount in major units, exactly.
  public var major: Decimal { Decimal(cents) / 100 }

  /// `amount × quantity`, exact.
  public func times(_ quantity: Int) -> Money {
    Money(cents: cents * Int64(quantity), currency: currency)
  }

  /// Converts at `rate` (units of `target` per unit of `currency`), rounding half-even to the cent.
  public func converted(rate: Decimal, to target: String) -> Money {
    var product = Decimal(cents) * rate
    var rounded = Decimal()
    NSDecimalRound(&rounded, &product, 0, .bankers)
    return Money(cents: Int64(truncating: rounded as NSDecimalNumber), currency: target)
  }

  /// `amount ÷ divisor`, rounded half-even to the cent.
  public func divided(by divisor: Int) -> Money {
    precondition(divisor > 0, "divisor must be positive")
    let d = Int64(divisor)
    var quotient = cents / d
    let remainder = cents % d
    let twice = abs(remainder) * 2
    if twice > d || (twice == d && quotient % 2 != 0) {
      quotient += cents < 0 ? -1 : 1
    }
    return Money(cents: quotient, currency: currency)
  }

  /// Sum of two amounts of the same currency.
  public static func + (lhs: Money, rhs: Money) -> Money {
    precondition(lhs.currency == rhs.currency, "currency mismatch \(lhs.currency) vs \(rhs.currency)")
    return Money(cents: lhs.cents + rhs.cents, currency: lhs.currency)
  }

  /// Difference of two amounts of the same currency.
  public static func - (lhs: Money, rhs: Money) -> Money {
    precondition(lhs.currency == rhs.currency, "currency mismatch \(lhs.currency) vs \(rhs.currency)")
    return Money(cents: lhs.cents - rhs.cents, currency: lhs.currency)
  }

  /// Orders by amount (same currency).
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

  /// Major units with two decimals and no grouping, e.g. `-1234.50` (JSON, CSV).
  public var plainString: String { NumberFormat.money(self, grouping: "") }

  /// Grouped for reading, e.g. `1,234,567.89` — independent of the machine's locale.
  public var groupedString: String { NumberFormat.money(self) }

  /// `USD 1,234.50`.
  public var description: String { "\(currency) \(groupedString)" }
}

/// A dated exchange rate: one unit of `from` is `rate` units of `to`.
public struct ExchangeRate: Sendable, Hashable {
  /// Source currency.
  public var from: String
  /// Target currency.
  public var to: String
  /// Units of `to` per unit of `from`, exact.
  public var rate: Decimal
  /// Date of the rate.
  public var asOf: Day
  /// Where the rate comes from.
  public var source: String

  /// Creates a rate.
  public init(from: String, to: String, rate: Decimal, asOf: Day, source: String) {
    self.from = from
    self.to = to
    self.rate = rate
    self.asOf = asOf
    self.source = source
  }
}
