import Foundation

/// The spec's top-level scalars: name, as-of date, currency and exchange rates.
struct SpecHeader {
  var name: String
  var asOf: Day
  var currency: String
  var fxRates: [ExchangeRate]
}

extension SpecDecoder {
  /// Decodes `name`, `as_of`, `currency` and `fx`.
  mutating func decodeHeader(_ root: KeyedMapping<SpecSection>) throws -> SpecHeader {
    let name = try root[.name]?.string() ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    let asOf = try root.required(
      .asOf, expected: "the plan's as-of date, YYYY-MM-DD (prices are judged against it)"
    ).day()
    let currencyValue = root[.currency]
    let currency = try currencyValue?.string() ?? ClusterSpec.Defaults.currency
    if let currencyValue, !(currency.count == 3 && currency.allSatisfy({ $0.isASCII && $0.isUppercase })) {
      throw currencyValue.error(
        "'\(currency)' is not a currency code", expected: "expected 3 capital letters, e.g. USD")
    }
    var fxRates: [ExchangeRate] = []
    if let fxValue = root[.fx] {
      for item in try fxValue.sequence() {
        fxRates.append(try exchangeRate(item, to: currency))
      }
    }
    return SpecHeader(name: name, asOf: asOf, currency: currency, fxRates: fxRates)
  }

  /// One `fx:` item.
  private mutating func exchangeRate(_ item: YAMLValue, to currency: String) throws -> ExchangeRate {
    let m = try mapping(item, as: FXKey.self)
    let from = try m.required(.from, expected: "the currency converted from, e.g. CNY").string()
    let rateValue = try m.required(.rate, expected: "units of \(currency) per unit of \(from)")
    let rate = try rateValue.decimal(maxFractionDigits: 10)
    guard rate > 0 else { throw rateValue.error("rate must be above 0", expected: "expected a positive rate") }
    return ExchangeRate(
      from: from, to: currency, rate: rate,
      asOf: try m.required(.asOf, expected: "the date of the rate").day(),
      source: try m.required(.source, expected: "where the rate comes from").string())
  }
}
