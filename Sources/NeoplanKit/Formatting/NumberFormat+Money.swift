import Foundation

extension NumberFormat {
  /// Money from its integer minor units, exact: `money(USD 1234567.89)` → `1,234,567.89`;
  /// with `code`, `USD 1,234,567.89`; `grouping: ""` gives `1234567.89` (JSON, CSV).
  public static func money(_ amount: Money, grouping: String = ",", minus: String = "-", code: Bool = false)
    -> String
  {
    let magnitude = amount.cents.magnitude
    let fraction = magnitude % 100
    let whole = String(magnitude / 100)
    let text =
      (amount.cents < 0 ? minus : "") + (grouping.isEmpty ? whole : DecimalDigits.group(whole, grouping)) + "."
      + (fraction < 10 ? "0" : "") + String(fraction)
    return code ? amount.currency + " " + text : text
  }

  /// A money amount in a larger unit with a suffix, from its integer minor units, exactly:
  /// the amount ÷ 10^`power` rounded half-even to `decimals` places, grouped, then `suffix`.
  /// `compactMoney(USD 48,190,500.00, power: 6, decimals: 1, suffix: "M")` → `48.2M`.
  public static func compactMoney(
    _ amount: Money, power: Int, decimals: Int, suffix: String, grouping: String = ",", minus: String = "-"
  ) -> String {
    // cents ÷ 10^(power + 2) to `decimals` places = cents rounded to 10^(power + 2 - decimals).
    let digits = DecimalDigits(
      negative: amount.cents < 0, integerDigits: String(amount.cents.magnitude), sticky: false,
      decimals: decimals - power - 2)
    return shifted(digits, by: -(power + 2), decimals: max(decimals, 0)).text(grouping: grouping, minus: minus)
      + suffix
  }

  /// Compact magnitudes for chart axes and labels: the value in the largest of `units` (each
  /// 1000 times the previous) in which it still reads below 1000 once rounded, with at most
  /// `maxFractionDigits` decimals, trailing zeros dropped: `compact(1_200_000)` → `1.2M`,
  /// `compact(950)` → `950`, `compact(999_999)` → `1M`, `compact(-2_300_000)` → `-2.3M`.
  /// Non-finite values give `0`.
  public static func compact(
    _ value: Double, maxFractionDigits: Int = 2, decimalSeparator: String = ".", minus: String = "-",
    units: [String] = ["k", "M", "B", "T"]
  ) -> (number: String, unit: String) {
    let places = min(max(maxFractionDigits, 0), 6)
    let levels = min(units.count, (DecimalDigits.maxDecimals + places) / 3)
    guard var digits = DecimalDigits(value, decimals: places) else { return ("0", "") }
    var unit = ""
    var level = 0
    // Step up while the value, rounded in the current unit, reads 1000 or more.
    while level < levels && digits.integer.count > 3 {
      level += 1
      unit = units[level - 1]
      // value ÷ 1000^level to `places` decimals = value to `places − 3·level` decimals, point moved.
      guard let next = DecimalDigits(value, decimals: places - 3 * level) else { break }
      digits = shifted(next, by: -3 * level, decimals: places)
    }
    let text = digits.text(decimalSeparator: decimalSeparator, minus: minus, trimZeros: true)
    return (text, unit)
  }

  /// A calendar day as ISO 8601, `2026-11-21`.
  public static func date(_ day: Day) -> String {
    isoDate(year: day.year, month: day.month, day: day.day)
  }

  /// `YYYY-MM-DD`, or `YYYY-MM` without a day; year padded to four digits, month and day to two.
  public static func isoDate(year: Int, month: Int, day: Int?) -> String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    let yearMonth = pad(year, 4) + "-" + pad(month, 2)
    return day.map { yearMonth + "-" + pad($0, 2) } ?? yearMonth
  }
}
