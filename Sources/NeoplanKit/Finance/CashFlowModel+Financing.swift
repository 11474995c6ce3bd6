/// A level-payment (annuity) loan drawn at month 0 and repaid from month 1.
///
/// The monthly rate is (1 + annual)^(1/12) − 1. If the term runs past the last month of the
/// model, the outstanding balance is repaid in full in the last month (the hardware is sold).
struct DebtSchedule: Sendable {
  let principal: Double
  let payment: Double
  private let interestByMonth: [Double]
  private let principalByMonth: [Double]

  init(principal: Double, annualRate: Double, termMonths: Int, lastMonth: Int) {
    self.principal = principal
    let monthlyRate = FinanceMath.monthlyRate(fromAnnual: annualRate)
    let term = max(1, termMonths)
    payment = FinanceMath.annuityPayment(
      principal: principal, ratePerPeriod: monthlyRate, periods: term)
    var interest = [Double](repeating: 0, count: lastMonth + 1)
    var repaid = [Double](repeating: 0, count: lastMonth + 1)
    var balance = principal
    if principal > 0 && lastMonth >= 1 {
      for month in 1...lastMonth where balance > 0 {
        let due = balance * monthlyRate
        interest[month] = due
        var principalPart = month < term ? payment - due : balance
        if month == lastMonth { principalPart = balance }
        principalPart = min(principalPart, balance)
        repaid[month] = principalPart
        balance -= principalPart
      }
    }
    interestByMonth = interest
    principalByMonth = repaid
  }

  func drawdown(month: Int) -> Double { month == 0 ? principal : 0 }
  func interest(month: Int) -> Double { interestByMonth[month] }
  func principal(month: Int) -> Double { principalByMonth[month] }
}

/// Income tax with losses carried forward.
///
/// Tax is computed month by month: a loss adds to the carry-forward pool; a profit first uses up
/// the pool, and the rest is taxed at `rate`. Losses carry forward without limit or expiry and
/// are never carried back; a pool left at the end of the horizon is forfeited.
enum TaxCalculator {
  static func taxes(taxableIncome: [Double], rate: Double) -> [Double] {
    var lossPool = 0.0
    return taxableIncome.map { income in
      if income <= 0 {
        lossPool -= income
        return 0
      }
      let offset = min(lossPool, income)
      lossPool -= offset
      return rate * (income - offset)
    }
  }
}
