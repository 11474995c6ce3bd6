/// One tax year of one series (unlevered or levered).
public struct TaxYear: Sendable, Equatable, Hashable, Codable {
  /// Taxable income of the year before losses carried forward.
  public var taxableIncome: Double
  /// Losses brought forward that offset this year's income.
  public var lossUsed: Double
  /// Losses carried forward to the next year (after this year's loss or use).
  public var lossCarriedForward: Double
  /// Tax due, paid in the year's last month.
  public var tax: Double
}

/// Income tax per tax year with losses carried forward.
///
/// A tax year is a statement year: year 0 is the build (months 0…L), year y ≥ 1 is operating
/// year y (timeline months L + 12(y − 1) + 1 … L + 12y). A year's loss adds to the pool; a profit
/// first uses the pool, up to `cap` × the profit (US: 80 %), and the rest is taxed at `rate`.
/// Losses never expire and are never carried back; a pool left at the end is forfeited. The
/// year's tax is paid in its last month.
enum TaxCalculator {
  /// Monthly tax payments (non-zero only in year-end months) and the per-year detail.
  static func annual(
    taxableIncome: [Double], leadMonths: Int, rate: Double, cap: Double?
  ) -> (byMonth: [Double], years: [TaxYear]) {
    let yearCount =
      taxableIncome.isEmpty ? 0 : StatementCalendar.year(of: taxableIncome.count - 1, lead: leadMonths) + 1
    var income = [Double](repeating: 0, count: yearCount)
    for (month, value) in taxableIncome.enumerated() {
      income[StatementCalendar.year(of: month, lead: leadMonths)] += value
    }
    var pool = 0.0
    var years: [TaxYear] = []
    var byMonth = [Double](repeating: 0, count: taxableIncome.count)
    for (year, taxable) in income.enumerated() {
      var used = 0.0
      var tax = 0.0
      if taxable <= 0 {
        pool -= taxable
      } else {
        used = min(pool, (cap ?? 1) * taxable)
        pool -= used
        tax = rate * (taxable - used)
      }
      years.append(TaxYear(taxableIncome: taxable, lossUsed: used, lossCarriedForward: pool, tax: tax))
      let paidIn = min(taxableIncome.count - 1, StatementCalendar.lastMonth(ofYear: year, lead: leadMonths))
      byMonth[paidIn] += tax
    }
    return (byMonth, years)
  }
}

/// Statement years on the monthly timeline: year 0 is the build (months 0…L), year y ≥ 1 is
/// operating year y (months L + 12(y − 1) + 1 … L + 12y).
public enum StatementCalendar {
  /// The statement year of timeline month `month` with a lead time of `lead` months.
  public static func year(of month: Int, lead: Int) -> Int {
    month <= lead ? 0 : (month - lead - 1) / 12 + 1
  }

  /// The last timeline month of statement year `year`.
  public static func lastMonth(ofYear year: Int, lead: Int) -> Int {
    lead + 12 * year
  }
}
