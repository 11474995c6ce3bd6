import Foundation

/// A covenant test that failed.
public struct CovenantBreach: Sendable, Equatable, Codable {
  /// Which covenant: "minDSCR" or "maxLTV".
  public var covenant: String
  /// Timeline month of the test (a year end for DSCR).
  public var month: Int
  /// The tested value.
  public var value: Double
  /// The covenant's limit.
  public var limit: Double
}

/// The loan as a lender reads it.
public struct LenderView: Sendable, Equatable, Codable {
  /// Loan amount drawn over the build (capitalised interest excluded).
  public var debtAmount: Double
  /// Interest capitalised during the build.
  public var capitalisedInterest: Double
  /// Interest of the build period, whether paid by equity or capitalised (the "interest during
  /// construction" use of funds).
  public var interestDuringConstruction: Double = 0
  /// Annual DSCR of each operating year with debt service.
  public var dscrByYear: [YearValue]
  /// Lowest annual DSCR; `nil` without debt service.
  public var minDSCR: Double?
  /// Mean of the annual DSCRs; `nil` without debt service.
  public var averageDSCR: Double?
  /// Loan-life cover ratio: PV at the loan rate of CFADS over the tenor ÷ the balance when
  /// repayment starts; `nil` without debt.
  public var llcr: Double?
  /// LTV (debt balance ÷ collateral value on the residual curve) at each year end.
  public var ltvByYear: [YearValue]
  /// Highest monthly LTV; `nil` without debt.
  public var maxLTV: Double?
  /// Failed covenant tests, in month order.
  public var breaches: [CovenantBreach]
}

/// A value for a statement year.
public struct YearValue: Sendable, Equatable, Codable {
  /// Statement year.
  public var year: Int
  /// The value.
  public var value: Double
}

extension LenderView {
  /// The lender view of `flows` and their statements.
  static func make(
    flows: MonthlyCashFlows, statements: [AnnualStatement], assumptions a: FinanceAssumptions, hardware: Double
  ) -> LenderView {
    let lead = max(0, a.leadTimeMonths)
    let dscr = statements.compactMap { s in s.dscr.map { YearValue(year: s.year, value: $0) } }
    var breaches: [CovenantBreach] = []
    for entry in dscr where entry.value < a.covenants.minDSCR {
      breaches.append(
        CovenantBreach(
          covenant: "minDSCR", month: StatementCalendar.lastMonth(ofYear: entry.year, lead: lead),
          value: entry.value, limit: a.covenants.minDSCR))
    }
    var maxLTV: Double?
    var ltvByYear: [YearValue] = []
    for m in flows.months where flows.debtPrincipal > 0 {
      let collateral = hardware * a.residualCurveValue(years: Double(max(0, m.month - lead)) / 12)
      let ltv = collateral > 0 ? m.debtBalance / collateral : (m.debtBalance > 0 ? .infinity : 0)
      maxLTV = max(maxLTV ?? ltv, ltv)
      if m.month == StatementCalendar.lastMonth(ofYear: m.year, lead: lead) {
        ltvByYear.append(YearValue(year: m.year, value: ltv))
      }
      if ltv > a.covenants.maxLTV {
        breaches.append(CovenantBreach(covenant: "maxLTV", month: m.month, value: ltv, limit: a.covenants.maxLTV))
      }
    }
    breaches.sort { ($0.month, $0.covenant) < ($1.month, $1.covenant) }
    let opening = flows.months.indices.contains(lead) ? flows.months[lead].debtBalance : 0
    var llcr: Double?
    if opening > 0 {
      let i = a.monthlyInterestRate
      let end = min(flows.months.count - 1, lead + max(1, a.debtTermMonths))
      var pv = 0.0
      for m in flows.months where m.month > lead && m.month <= end {
        pv += m.cfads / pow(1 + i, Double(m.month - lead))
      }
      llcr = pv / opening
    }
    return LenderView(
      debtAmount: flows.debtPrincipal, capitalisedInterest: flows.months.reduce(0) { $0 + $1.interestCapitalised },
      interestDuringConstruction: flows.months.filter { $0.year == 0 }.reduce(0) { $0 + $1.interest },
      dscrByYear: dscr, minDSCR: dscr.map(\.value).min(),
      averageDSCR: dscr.isEmpty ? nil : dscr.reduce(0) { $0 + $1.value } / Double(dscr.count), llcr: llcr,
      ltvByYear: ltvByYear, maxLTV: maxLTV, breaches: breaches)
  }
}

/// One line of sources and uses.
public struct FundingLine: Sendable, Equatable, Codable {
  /// What the line is: "capex", "interest during construction", "equity", "debt", "prepayments".
  public var item: String
  /// Amount.
  public var amount: Double
}

/// Sources and uses of funds at financial close (the build, months 0…L).
public struct SourcesAndUses: Sendable, Equatable, Codable {
  /// Where the money comes from: equity, debt (capitalised interest included), prepayments.
  public var sources: [FundingLine]
  /// What it pays for: capex, interest during construction.
  public var uses: [FundingLine]

  static func make(flows: MonthlyCashFlows) -> SourcesAndUses {
    let build = flows.months.filter { $0.year == 0 }
    func sum(_ value: (MonthlyCashFlow) -> Double) -> Double { build.reduce(0) { $0 + value($1) } }
    let idc = sum(\.interest)
    var uses = [
      FundingLine(item: "capex", amount: sum(\.capex)), FundingLine(item: "interest during construction", amount: idc),
    ]
    if sum(\.financingFees) != 0 { uses.append(FundingLine(item: "fees", amount: sum(\.financingFees))) }
    if sum(\.reserveChange) != 0 {
      uses.append(FundingLine(item: "debt service reserve", amount: sum(\.reserveChange)))
    }
    let debt = sum(\.debtDrawdown) + sum(\.interestCapitalised)
    let prepayments = sum(\.prepaymentReceived)
    let equity = uses.reduce(0) { $0 + $1.amount } - debt - prepayments
    return SourcesAndUses(
      sources: [
        FundingLine(item: "equity", amount: equity), FundingLine(item: "debt", amount: debt),
        FundingLine(item: "prepayments", amount: prepayments),
      ], uses: uses)
  }
}
