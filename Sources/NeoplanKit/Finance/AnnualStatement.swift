/// One statement year: sums of the monthly cash flows of the year (year 0 = the build, months
/// 0…L; year y = operating months 12(y − 1) + 1 … 12y), with the year's tax detail.
public struct AnnualStatement: Sendable, Equatable, Codable {
  /// Statement year (0 = the build).
  public var year: Int
  /// Revenue earned, all tranches.
  public var revenue: Double
  /// Revenue by tranche (``MonthlyCashFlows/trancheNames`` order).
  public var revenueByTranche: [Double]
  /// Opex by line.
  public var opexLines: OpexBreakdown
  /// Total opex.
  public var opex: Double
  /// revenue − opex.
  public var ebitda: Double
  /// Straight-line depreciation.
  public var depreciation: Double
  /// ebitda − depreciation.
  public var ebit: Double
  /// Gain (or loss) on the sale of the hardware.
  public var gainOnSale: Double
  /// Interest accrued (paid or capitalised).
  public var interest: Double
  /// Arrangement fees paid (deducted from taxable income).
  public var financingFees: Double
  /// Cash put into (+) or released from (−) the debt-service reserve.
  public var reserveChange: Double
  /// Levered taxable income before losses: ebit + gainOnSale − interest − financingFees.
  public var taxableIncome: Double
  /// Losses brought forward used this year.
  public var lossUsed: Double
  /// Losses carried forward at the year end.
  public var lossCarriedForward: Double
  /// Levered tax.
  public var tax: Double
  /// Tax the project would pay unlevered (used in CFADS).
  public var unleveredTax: Double
  /// taxableIncome − tax.
  public var netIncome: Double
  /// Capex paid.
  public var capex: Double
  /// Residual value received.
  public var residualValue: Double
  /// Prepayments received.
  public var prepaymentReceived: Double
  /// Revenue of the year that was prepaid earlier.
  public var prepaymentApplied: Double
  /// Debt drawn.
  public var debtDrawn: Double
  /// Interest paid in cash.
  public var interestPaid: Double
  /// Principal repaid (balloon included).
  public var debtRepaid: Double
  /// Debt outstanding at the year end.
  public var debtBalance: Double
  /// Unlevered after-tax cash flow (cash flow to the firm).
  public var cashFlowToFirm: Double
  /// Levered after-tax cash flow (cash flow to equity).
  public var cashFlowToEquity: Double
  /// Cumulative cash flow to equity at the year end.
  public var cumulativeCashToEquity: Double
  /// Cash flow available for debt service: revenue − prepaymentApplied − opex − unleveredTax
  /// (operating years only).
  public var cfads: Double
  /// Balance repaid in the last month from the sale (part of ``debtRepaid``, not of
  /// ``debtService``).
  public var balloon: Double
  /// Scheduled debt service: interest paid + principal, without a balloon.
  public var debtService: Double
  /// cfads ÷ debtService; `nil` in the build year or without debt service.
  public var dscr: Double?
}

extension AnnualStatement {
  /// The statements of a set of monthly cash flows, one per statement year.
  static func statements(of flows: MonthlyCashFlows) -> [AnnualStatement] {
    let years = (flows.months.map(\.year).max() ?? -1) + 1
    var result: [AnnualStatement] = []
    var cumulative = 0.0
    for year in 0..<years {
      let months = flows.months.filter { $0.year == year }
      func sum(_ value: (MonthlyCashFlow) -> Double) -> Double { months.reduce(0) { $0 + value($1) } }
      let tranches = flows.trancheNames.indices.map { index in sum { $0.revenueByTranche[index] } }
      let tax = year < flows.equityTaxYears.count ? flows.equityTaxYears[year] : nil
      let revenue = sum(\.revenue)
      let opex = sum(\.opex.total)
      let ebit = revenue - opex - sum(\.depreciation)
      let interest = sum(\.interest)
      let taxable = ebit + sum(\.gainOnSale) - interest - sum(\.financingFees)
      let service = sum { $0.interestPaid + $0.principalRepayment - $0.balloonRepayment }
      let equity = sum(\.equity)
      cumulative += equity
      result.append(
        AnnualStatement(
          year: year, revenue: revenue, revenueByTranche: tranches,
          opexLines: months.reduce(OpexBreakdown()) { $0 + $1.opex }, opex: opex, ebitda: revenue - opex,
          depreciation: sum(\.depreciation), ebit: ebit, gainOnSale: sum(\.gainOnSale), interest: interest,
          financingFees: sum(\.financingFees), reserveChange: sum(\.reserveChange),
          taxableIncome: taxable, lossUsed: tax?.lossUsed ?? 0, lossCarriedForward: tax?.lossCarriedForward ?? 0,
          tax: sum(\.equityTax), unleveredTax: sum(\.projectTax), netIncome: taxable - sum(\.equityTax),
          capex: sum(\.capex),
          residualValue: sum(\.residualValue), prepaymentReceived: sum(\.prepaymentReceived),
          prepaymentApplied: sum(\.prepaymentApplied), debtDrawn: sum(\.debtDrawdown),
          interestPaid: sum(\.interestPaid), debtRepaid: sum(\.principalRepayment),
          debtBalance: months.last?.debtBalance ?? 0, cashFlowToFirm: sum(\.projectAfterTax),
          cashFlowToEquity: equity, cumulativeCashToEquity: cumulative, cfads: sum(\.cfads),
          balloon: sum(\.balloonRepayment), debtService: service,
          dscr: year >= 1 && service > 0 ? sum(\.cfads) / service : nil))
    }
    return result
  }
}
