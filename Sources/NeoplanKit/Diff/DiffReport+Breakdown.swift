/// The total change of a diff split into what changed in price and what changed in scope. The four
/// parts add up to the total change exactly:
/// `priceDelta + quantityDelta + missingFromB + extraInB = total B − total A`.
public struct DeltaBreakdown: Sendable, Hashable {
  /// Matched lines (on both sides): the change of extended price not explained by the quantity,
  /// i.e. B's quantity × the unit-price change (exactly: extended B − extended A − quantityDelta).
  public var priceDelta: Money
  /// Matched lines: the quantity change valued at A's unit price.
  public var quantityDelta: Money
  /// Lines only in A (scope B leaves out), as a negative amount: −Σ A's extended prices.
  public var missingFromB: Money
  /// Lines only in B (scope A does not have): Σ B's extended prices.
  public var extraInB: Money
  /// Categories of the lines missing from B, largest amount first.
  public var missingCategories: [String]
  /// Categories of the lines only in B, largest amount first.
  public var extraCategories: [String]

  /// The sum of the four parts: the total change.
  public var totalDelta: Money { priceDelta + quantityDelta + missingFromB + extraInB }

  /// Splits the lines' changes; amounts are in `currency` (A's).
  init(lines: [LineDiff], currency: String) {
    var price = Money.zero(currency)
    var quantity = Money.zero(currency)
    var missing = Money.zero(currency)
    var extra = Money.zero(currency)
    var missingByCategory: [String: Int64] = [:]
    var extraByCategory: [String: Int64] = [:]
    for line in lines {
      switch (line.a, line.b) {
      case (let a?, let b?):
        let byQuantity = a.unitPrice.times(b.quantity - a.quantity)
        quantity = quantity + byQuantity
        price = price + (b.extendedPrice - a.extendedPrice - byQuantity)
      case (let a?, nil):
        missing = missing - a.extendedPrice
        missingByCategory[line.category, default: 0] += a.extendedPrice.cents
      case (nil, let b?):
        extra = extra + b.extendedPrice
        extraByCategory[line.category, default: 0] += b.extendedPrice.cents
      case (nil, nil):
        continue
      }
    }
    func ranked(_ amounts: [String: Int64]) -> [String] {
      amounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    }
    priceDelta = price
    quantityDelta = quantity
    missingFromB = missing
    extraInB = extra
    missingCategories = ranked(missingByCategory)
    extraCategories = ranked(extraByCategory)
  }
}
