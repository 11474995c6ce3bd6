import Foundation

/// The columns of the annual statements, in table order: JSON key and value. Figures come from
/// ``FinanceResult/statements``; this only lays them out.
private var statementColumns: [(key: String, value: (AnnualStatement) -> Double)] {
  [
    ("revenue", \.revenue), ("opex", \.opex), ("ebitda", \.ebitda), ("depreciation", \.depreciation),
    ("ebit", \.ebit), ("gainOnSale", \.gainOnSale), ("interest", \.interest), ("financingFees", \.financingFees),
    ("taxableIncome", \.taxableIncome),
    ("lossUsed", \.lossUsed), ("lossCarriedForward", \.lossCarriedForward), ("tax", \.tax),
    ("unleveredTax", \.unleveredTax),
    ("netIncome", \.netIncome), ("capex", \.capex), ("residualValue", \.residualValue),
    ("prepaymentReceived", \.prepaymentReceived), ("prepaymentApplied", \.prepaymentApplied),
    ("debtDrawn", \.debtDrawn), ("interestPaid", \.interestPaid), ("debtRepaid", \.debtRepaid), ("balloon", \.balloon),
    ("reserveChange", \.reserveChange),
    ("debtBalance", \.debtBalance), ("cfads", \.cfads), ("debtService", \.debtService),
    ("cashFlowToFirm", \.cashFlowToFirm), ("cashFlowToEquity", \.cashFlowToEquity),
    ("cumulativeCashToEquity", \.cumulativeCashToEquity),
  ]
}

/// ``statementColumns`` in the order of their keys (the order a JSON object lists them).
private var statementColumnsByKey: [(key: String, value: (AnnualStatement) -> Double)] {
  statementColumns.sorted { $0.key < $1.key }
}

extension Plan {
  /// `statements`: the annual statements (JSON keys sorted: the columns, the tranches' revenue, the
  /// opex lines, the DSCR) and their basis. The lender block (`returns.lender`),
  /// `sourcesAndUses` and `revenueTranches` of the JSON document follow.
  func writeStatements<W: JSONWriter>(into w: inout W) {
    let f = finance
    let names = f.cashFlows.trancheNames
    let byKey = statementColumnsByKey
    let currency = bom.currency
    w.objects("annual", f.statements) { w, s in
      var columns = byKey[...]
      /// The columns whose keys sort before `key` (all that are left: `nil`). It rounds as
      /// `money(_:)` does without calling it: a nested function that captured `self` would copy
      /// the whole plan for every row.
      func columnsBefore(_ key: String?, _ w: inout W) {
        while let column = columns.first, key.map({ column.key < $0 }) ?? true {
          w.field(column.key, money: Money(roundingMajor: column.value(s), currency: currency))
          columns = columns.dropFirst()
        }
      }
      columnsBefore("dscr", &w)
      w.field("dscr", s.dscr.map { .decimal($0, 4) } ?? .null)
      columnsBefore("opexLines", &w)
      w.object("opexLines") { writeOpexLines(s.opexLines, into: &$0) }
      columnsBefore("revenueByTranche", &w)
      w.objects("revenueByTranche", zip(names, s.revenueByTranche)) { w, tranche in
        w.field("amount", money: money(tranche.1))
        w.field("tranche", .string(tranche.0))
      }
      columnsBefore("year", &w)
      w.field("year", .int(s.year))
      columnsBefore(nil, &w)
    }
    w.field(
      "basis",
      .string(
        "year 0 is the build (months 0 to the lead time); tax per year, paid in the year's last month; CFADS = revenue − prepaid revenue − opex − unlevered tax"
      ))
  }

  /// `sourcesAndUses`: at financial close.
  func writeSourcesAndUses<W: JSONWriter>(into w: inout W) {
    for (name, list) in [("sources", finance.sourcesAndUses.sources), ("uses", finance.sourcesAndUses.uses)] {
      w.objects(name, list) { w, line in
        w.field("amount", money: money(line.amount))
        w.field("item", .string(line.item))
      }
    }
  }

  /// `returns.lender`.
  func writeLender<W: JSONWriter>(into w: inout W) {
    let l = finance.lender
    let a = financeAssumptions
    func ratio(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .decimal($0, 4) : .null } ?? .null }
    w.field("amortization", .string(a.amortization.rawValue))
    w.field("averageDSCR", ratio(l.averageDSCR))
    w.objects("breaches", l.breaches) { w, breach in
      w.field("covenant", .string(breach.covenant))
      w.field("limit", .decimal(breach.limit, 4))
      w.field("month", .int(breach.month))
      w.field("value", ratio(breach.value))
    }
    w.field("capitalisedInterest", money: money(l.capitalisedInterest))
    w.object("covenants") { w in
      w.field("maxLTV", .decimal(a.covenants.maxLTV, 4))
      w.field("minDSCR", .decimal(a.covenants.minDSCR, 4))
    }
    w.field("debtAmount", money: money(l.debtAmount))
    w.objects("dscrByYear", l.dscrByYear) { w, year in
      w.field("dscr", ratio(year.value))
      w.field("year", .int(year.year))
    }
    w.field("interestDuringConstruction", .string(a.interestDuringConstruction.rawValue))
    w.field("interestDuringConstructionAmount", money: money(l.interestDuringConstruction))
    w.field("interestRate", .decimal(a.interestRateAnnual, 6))
    w.field("llcr", ratio(l.llcr))
    w.objects("ltvByYear", l.ltvByYear) { w, year in
      w.field("ltv", ratio(year.value))
      w.field("year", .int(year.year))
    }
    w.field("maxLTV", ratio(l.maxLTV))
    w.field("minDSCR", ratio(l.minDSCR))
    w.field("rateConvention", .string(a.interestConvention.rawValue))
    w.field("tenorMonths", .int(a.debtTermMonths))
  }

  /// `revenueTranches`: every contract with its terms, then the market.
  func writeTranches<W: JSONWriter>(into w: inout W) {
    let a = financeAssumptions
    w.beginArray()
    for c in a.contracts {
      w.object { w in
        w.field("kind", .string("contract"))
        w.field("name", .string(c.name))
        w.field("prepayment", .decimal(c.prepayment, 6))
        w.field("pricePerGPUHour", .decimal(c.pricePerGPUHour, 4))
        w.field("share", .decimal(c.share, 6))
        w.field("termMonths", .int(a.termMonths(of: c)))
      }
    }
    w.object { w in
      w.field("kind", .string("market"))
      w.field("name", .string("market"))
      w.field("rampMonths", .int(a.utilizationRampMonths))
      w.field("share", .decimal(finance.marketShare, 6))
      w.field("startPricePerGPUHour", .decimal(a.marketPricePerGPUHour, 4))
    }
    w.endArray()
  }

  /// The annual statements as RFC 4180 CSV: one row per statement year.
  public func statementsCSV() -> String {
    let names = finance.cashFlows.trancheNames
    var rows: [[String]] = [
      ["year"] + names.map { "revenue_" + $0 } + statementColumns.map(\.key)
        + OpexLine.allCases.map { "opex_" + $0.rawValue } + ["dscr", "currency"]
    ]
    for s in finance.statements {
      let tranches: [String] = s.revenueByTranche.map { money($0).plainString }
      let columns: [String] = statementColumns.map { money($0.value(s)).plainString }
      let opexLines: [String] = OpexLine.allCases.map { money(s.opexLines.amount(of: $0)).plainString }
      rows.append(
        [String(s.year)] + tranches + columns + opexLines
          + [s.dscr.map { NumberFormat.fixed($0, decimals: 4) } ?? "", bom.currency])
    }
    return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  /// The statements table (thousands, one column per year) and the lender block, for text output.
  func statementsText() -> [String] {
    let f = finance
    let years = f.statements
    var out: [String] = []
    out.append("  annual statements (\(bom.currency) thousands; year 0 is the build)")
    out.append(pad("    ", 24) + years.map { pad("Y\($0.year)", 10, right: true) }.joined())
    func row(_ label: String, _ value: (AnnualStatement) -> Double?) {
      out.append(
        pad("    " + label, 24)
          + years.map { s in
            pad(value(s).map { NumberFormat.fixed($0 / 1000, decimals: 1) } ?? "–", 10, right: true)
          }.joined())
    }
    for (index, name) in f.cashFlows.trancheNames.enumerated() {
      row("revenue " + String(name.prefix(12)), { $0.revenueByTranche[index] })
    }
    for (label, value) in [
      ("opex", \AnnualStatement.opex), ("EBITDA", \.ebitda), ("depreciation", \.depreciation),
      ("interest", \.interest), ("tax", \.tax), ("net income", \.netIncome), ("capex", \.capex),
      ("debt drawn", \.debtDrawn), ("debt repaid", \.debtRepaid), ("cash to firm", \.cashFlowToFirm),
      ("cash to equity", \.cashFlowToEquity), ("cumulative equity", \.cumulativeCashToEquity),
      ("CFADS", \.cfads),
    ] {
      row(label, { $0[keyPath: value] })
    }
    out.append(
      pad("    DSCR", 24)
        + years.map { pad($0.dscr.map { NumberFormat.fixed($0, decimals: 2) } ?? "–", 10, right: true) }
        .joined())
    if f.lender.debtAmount > 0 {
      let ltv = Dictionary(f.lender.ltvByYear.map { ($0.year, $0.value) }, uniquingKeysWith: { a, _ in a })
      out.append(
        pad("    LTV, year end", 24)
          + years.map { pad(ltv[$0.year].map { NumberFormat.percent($0) } ?? "–", 10, right: true) }.joined())
    }
    return out + lenderText()
  }

  /// The lender block: loan, DSCR, LLCR, LTV, covenant breaches.
  func lenderText() -> [String] {
    let l = finance.lender
    let a = financeAssumptions
    guard l.debtAmount > 0 else { return ["  lender                no debt"] }
    func ratio(_ x: Double?) -> String { x.map { NumberFormat.fixed($0, decimals: 2) + "×" } ?? "n/a" }
    var out = [
      "  lender                \(money(l.debtAmount).description) over \(a.debtTermMonths) months, \(a.amortization.rawValue), \(NumberFormat.percent(a.interestRateAnnual, decimals: 2, trimZeros: true)) \(a.interestConvention.rawValue)",
      "                        DSCR min \(ratio(l.minDSCR)), average \(ratio(l.averageDSCR)); LLCR \(ratio(l.llcr)); max LTV \(l.maxLTV.map { NumberFormat.percent($0) } ?? "n/a")",
    ]
    if a.leadTimeMonths > 0 {
      out.insert(
        "                        interest during construction \(a.interestDuringConstruction.rawValue): \(money(finance.lender.interestDuringConstruction).groupedString)",
        at: 1)
    }
    let dscr = l.dscrBreachMonths
    let ltv = l.ltvBreachMonths
    out.append(
      "                        covenants DSCR ≥ \(NumberFormat.fixed(a.covenants.minDSCR, decimals: 2)): "
        + (dscr.isEmpty ? "met" : "fails at month " + monthRanges(dscr)) + "; LTV ≤ "
        + NumberFormat.percent(a.covenants.maxLTV) + ": "
        + (ltv.isEmpty ? "met" : "fails in months " + monthRanges(ltv))
    )
    return out
  }

  /// Sources and uses at financial close.
  func sourcesAndUsesText() -> [String] {
    let s = finance.sourcesAndUses
    func list(_ lines: [FundingLine]) -> String {
      lines.filter { $0.amount != 0 }.map { "\($0.item) \(money($0.amount).groupedString)" }.joined(separator: ", ")
    }
    return ["  uses at close         \(list(s.uses))", "  sources at close      \(list(s.sources))"]
  }
}

/// "13–33, 40" from sorted months.
func monthRanges(_ months: [Int]) -> String {
  var parts: [String] = []
  var start: Int?
  var previous: Int?
  for month in months + [Int.min] {
    if let p = previous, month == p + 1 {
      previous = month
      continue
    }
    if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)–\(p)") }
    start = month
    previous = month
  }
  return parts.joined(separator: ", ")
}
