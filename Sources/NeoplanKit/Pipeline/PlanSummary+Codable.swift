import Foundation

// The plan summary's values in their own Codable form: money as its amount text and currency,
// dates as `YYYY-MM-DD`, rates as exact decimal text. (A saved plan's JSON is read by
// ``PlanSummary/read(_:file:)``, with located errors.)

extension Money: Codable {
  private enum CodingKeys: String, CodingKey { case amount, currency }

  /// Decodes `{"amount": "1234.50", "currency": "USD"}`.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let text = try container.decode(String.self, forKey: .amount)
    let currency = try container.decode(String.self, forKey: .currency)
    guard let major = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
      let money = Money(major: major, currency: currency)
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .amount, in: container, debugDescription: "'\(text)' is not an amount exact to the cent")
    }
    self = money
  }

  /// Encodes `{"amount": "1234.50", "currency": "USD"}`.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(plainString, forKey: .amount)
    try container.encode(currency, forKey: .currency)
  }
}

extension Day: Codable {
  /// Decodes `YYYY-MM-DD`.
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not YYYY-MM-DD")
    }
    self = day
  }

  /// Encodes `YYYY-MM-DD`.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension ExchangeRate: Codable {
  private enum CodingKeys: String, CodingKey { case from, to, rate, asOf, source }

  /// Decodes a rate with its rate as exact decimal text.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let text = try container.decode(String.self, forKey: .rate)
    guard let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
      throw DecodingError.dataCorruptedError(forKey: .rate, in: container, debugDescription: "'\(text)' is not a rate")
    }
    self.init(
      from: try container.decode(String.self, forKey: .from), to: try container.decode(String.self, forKey: .to),
      rate: rate, asOf: try container.decode(Day.self, forKey: .asOf),
      source: try container.decode(String.self, forKey: .source))
  }

  /// Encodes the rate as exact decimal text.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(from, forKey: .from)
    try container.encode(to, forKey: .to)
    try container.encode(NumberFormat.plain(rate), forKey: .rate)
    try container.encode(asOf, forKey: .asOf)
    try container.encode(source, forKey: .source)
  }
}
