import Foundation

/// The loan, month by month: drawn as capex is paid, interest during construction paid or
/// capitalised, then repaid over the tenor from the first operating month.
///
/// Monthly interest = opening balance × monthly rate. Repayment month n = 1…tenor falls at timeline
/// month L + n: annuity (level payment on the balance at the end of the build), straight line
/// (balance ÷ tenor of principal each month) or sculpted (debt service ∝ positive CFADS, with the
/// present value of the debt service at the loan rate equal to the balance). Whatever is still
/// owed in the last month of the model is repaid then (a balloon, from the sale of the hardware).
struct DebtSchedule: Sendable {
  var amount: Double
  var draw: [Double]
  var interest: [Double]
  var interestPaid: [Double]
  var interestCapitalised: [Double]
  var principal: [Double]
  var balloon: [Double]
  var balance: [Double]
  /// Scheduled monthly payment of an annuity (0 otherwise).
  var payment: Double
  /// Arrangement fee, paid at month 0.
  var fees: [Double]
  /// Debt-service reserve: + when equity funds it (end of the build), − when it is released
  /// (last repayment month).
  var reserveChange: [Double]

  init(
    amount: Double, capex: [Double], monthlyRate i: Double, termMonths: Int, leadMonths lead: Int,
    amortization: Amortization, construction: InterestDuringConstruction, cfads: [Double],
    upfrontFee: Double = 0, reserveMonths: Int = 0
  ) {
    self.amount = amount
    let count = capex.count
    let zeros = [Double](repeating: 0, count: count)
    fees = zeros
    reserveChange = zeros
    if count > 0 { fees[0] = upfrontFee * amount }
    let capexTotal = capex.reduce(0, +)
    draw = capex.map { capexTotal > 0 ? amount * $0 / capexTotal : 0 }
    (interest, interestPaid, interestCapitalised, principal, balloon, balance) = (
      zeros, zeros, zeros, zeros, zeros, zeros
    )
    payment = 0
    var open = 0.0
    for month in 0..<min(count, lead + 1) {
      let due = open * i
      interest[month] = due
      if construction == .capitalised { interestCapitalised[month] = due } else { interestPaid[month] = due }
      open += draw[month] + interestCapitalised[month]
      balance[month] = open
    }
    guard open > 0, count > lead + 1 else { return }
    let tenor = max(1, termMonths)
    let lastRepayment = min(count - 1, lead + tenor)
    let service = scheduledService(
      balance: open, rate: i, tenor: tenor, lead: lead, lastRepayment: lastRepayment,
      amortization: amortization, cfads: cfads)
    payment =
      amortization == .annuity ? FinanceMath.annuityPayment(principal: open, ratePerPeriod: i, periods: tenor) : 0
    for month in (lead + 1)..<count {
      let due = open * i
      interest[month] = due
      interestPaid[month] = due
      var repaid = 0.0
      if month <= lastRepayment {
        let n = month - lead
        switch amortization {
        case .annuity: repaid = payment - due
        case .straightLine: repaid = balance[lead] / Double(tenor)
        case .sculpted: repaid = service[month] - due
        }
        if n == tenor { repaid = open }
      }
      if month == count - 1 && open - repaid > 0 {
        balloon[month] = open - repaid
        repaid = open
      }
      principal[month] = repaid
      open -= repaid
      if abs(open) < 1e-9 * max(1, amount) { open = 0 }
      balance[month] = open
    }
    if reserveMonths > 0 {
      let reserve = Double(reserveMonths) * (interestPaid[lead + 1] + principal[lead + 1] - balloon[lead + 1])
      reserveChange[lead] += reserve
      reserveChange[lastRepayment] -= reserve
    }
  }

  /// Sculpted debt service by month: balance × CFADS⁺(m) ÷ Σ CFADS⁺(n) v^(n − L) over the tenor.
  private func scheduledService(
    balance: Double, rate i: Double, tenor: Int, lead: Int, lastRepayment: Int,
    amortization: Amortization, cfads: [Double]
  ) -> [Double] {
    var service = [Double](repeating: 0, count: cfads.count)
    guard amortization == .sculpted, lastRepayment > lead else { return service }
    var presentValue = 0.0
    for month in (lead + 1)...lastRepayment {
      presentValue += max(0, cfads[month]) / pow(1 + i, Double(month - lead))
    }
    guard presentValue > 0 else { return service }
    for month in (lead + 1)...lastRepayment { service[month] = balance * max(0, cfads[month]) / presentValue }
    return service
  }

  /// Scheduled debt service (interest paid + principal, without any balloon) in each month.
  var debtService: [Double] {
    interestPaid.indices.map { interestPaid[$0] + principal[$0] - balloon[$0] }
  }
}

extension CashFlowModel {
  /// The loan amount for the assumptions' sizing rule, capped at the capex not funded by
  /// prepayments.
  ///
  /// Debt service is linear in the amount (draws, capitalised interest and every repayment
  /// profile scale with it), so the DSCR-target loan is the unit loan scaled by the tightest
  /// operating year: amount = min over years of CFADS(y) ÷ (target × debt service of a loan of 1).
  static func debtAmount(
    assumptions a: FinanceAssumptions, capex: [Double], hardware: Double, cfads: [Double], prepayments: Double
  ) -> Double {
    let capexTotal = capex.reduce(0, +)
    let fundable = max(0, capexTotal - prepayments)
    switch a.debtSizing ?? .shareOfCapex(a.debtShare) {
    case .shareOfCapex(let share): return min(fundable, share * capexTotal)
    case .advanceRate(let rate): return min(fundable, rate * hardware)
    case .targetDSCR(let target):
      let lead = max(0, a.leadTimeMonths)
      let unit = DebtSchedule(
        amount: 1, capex: capex, monthlyRate: a.monthlyInterestRate, termMonths: a.debtTermMonths,
        leadMonths: lead, amortization: a.amortization, construction: a.interestDuringConstruction,
        cfads: cfads)
      var serviceByYear: [Int: Double] = [:]
      var cfadsByYear: [Int: Double] = [:]
      for (month, service) in unit.debtService.enumerated() {
        let year = StatementCalendar.year(of: month, lead: lead)
        guard year >= 1 else { continue }
        serviceByYear[year, default: 0] += service
        cfadsByYear[year, default: 0] += cfads[month]
      }
      var amount = fundable
      for (year, service) in serviceByYear where service > 0 {
        amount = min(amount, cfadsByYear[year, default: 0] / (target * service))
      }
      return max(0, amount)
    }
  }
}
