import Foundation

/// Time-value-of-money functions used by the finance engine.
///
/// Conventions: cash flows are per month; index 0 is "now" and is not discounted; a positive
/// amount is money received, a negative amount money paid.
public enum FinanceMath {
  /// Hours in a month: 8760 / 12 = 730.
  public static let hoursPerMonth = 730.0

  /// The monthly rate equivalent to an annual effective rate: (1 + annual)^(1/12) − 1.
  public static func monthlyRate(fromAnnual annual: Double) -> Double {
    pow(1 + annual, 1.0 / 12.0) - 1
  }

  /// The annual effective rate equivalent to a monthly rate: (1 + monthly)^12 − 1.
  public static func annualRate(fromMonthly monthly: Double) -> Double {
    pow(1 + monthly, 12) - 1
  }

  /// Level payment per period that repays `principal` over `periods` periods at `ratePerPeriod`,
  /// payments at period end: P × r / (1 − (1 + r)^−n); P / n when r = 0.
  ///
  /// Returned as a positive amount (numpy-financial's `pmt` returns it negated). Returns 0 when
  /// `periods` ≤ 0 or `principal` is 0.
  public static func annuityPayment(principal: Double, ratePerPeriod: Double, periods: Int)
    -> Double
  {
    guard periods > 0, principal != 0 else { return 0 }
    if ratePerPeriod == 0 { return principal / Double(periods) }
    return principal * ratePerPeriod / (1 - pow(1 + ratePerPeriod, -Double(periods)))
  }

  /// Net present value at `ratePerPeriod`: Σ cashFlows[t] / (1 + rate)^t, t from 0 (so the first
  /// flow is not discounted, as in numpy-financial's `npv`).
  public static func npv(ratePerPeriod: Double, cashFlows: [Double]) -> Double {
    var discount = 1.0
    var total = 0.0
    let factor = 1 / (1 + ratePerPeriod)
    for flow in cashFlows {
      total += flow * discount
      discount *= factor
    }
    return total
  }

  /// Multiple on invested capital: cash returned ÷ cash invested.
  ///
  /// `returned` is every flow except the investment itself (operating cash, residual value, taxes
  /// and debt service as applicable), summed without discounting; so MOIC = 1 + Σ flows ÷ invested
  /// when the flows include the investment as a negative amount. `nil` when `invested` ≤ 0.
  public static func moic(invested: Double, returned: Double) -> Double? {
    guard invested > 0 else { return nil }
    return returned / invested
  }

  /// Payback month: the month after the last month whose cumulative cash flow (months 0…t) is
  /// negative, i.e. the first month t ≥ 1 from which the cumulative cash stays ≥ 0 to the end of
  /// the flows. `nil` when the cumulative cash never goes negative (nothing was invested: a
  /// series funded entirely by others has no payback) or is still negative at the end.
  public static func paybackMonth(cashFlows: [Double]) -> Int? {
    var cumulative = 0.0
    var lastNegative: Int?
    for (month, flow) in cashFlows.enumerated() {
      cumulative += flow
      if cumulative < 0 { lastNegative = month }
    }
    guard let lastNegative, lastNegative + 1 < cashFlows.count else { return nil }
    return max(1, lastNegative + 1)
  }

  /// Number of sign changes in a cash-flow sequence, ignoring zeros. By Descartes' rule of signs
  /// this bounds the number of IRRs above −100 %.
  public static func signChanges(cashFlows: [Double]) -> Int {
    var changes = 0
    var previous: Double = 0
    for flow in cashFlows where flow != 0 {
      if previous != 0 && (flow > 0) != (previous > 0) { changes += 1 }
      previous = flow
    }
    return changes
  }
}
