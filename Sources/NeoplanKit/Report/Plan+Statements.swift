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

extension Plan {
  /// `statements`, `sourcesAndUses`, `revenueTranches` and the lender block (`returns.lender`)
  /// of the JSON document.
  func statementsJSON() -> JSONValue {
    let f = finance
    let names = f.cashFlows.trancheNames
    let annual: [JSONValue] = f.statements.map { s in
      var row: [String: JSONValue] = ["year": .int(s.year), "dscr": s.dscr.map { .decimal($0, 4) } ?? .null]
      for column in statementColumns { row[column.key] = .money(money(column.value(s))) }
      row["revenueByTranche"] = .array(
        zip(names, s.revenueByTranche).map { .object(["tranche": .string($0), "amount": .money(money($1))]) })
      var lines: [String: JSONValue] = [:]
      for line in OpexLine.allCases where s.opexLines.amount(of: line) != 0 {
        lines[line.rawValue] = .money(money(s.opexLines.amount(of: line)))
      }
      row["opexLines"] = .object(lines)
      return .object(row)
    }
    return .object([
      "annual": .array(annual),
      "basis": .string(
        "year 0 is the build (months 0 to the lead time); tax per year, paid in the year's last month; CFADS = revenue − prepaid revenue − opex − unlevered tax"
      ),
    ])
  }

  /// `sourcesAndUses`: at financial close.
  func sourcesAndUsesJSON() -> JSONValue {
    func lines(_ list: [FundingLine]) -> JSONValue {
      .array(list.map { .object(["item": .string($0.item), "amount": .money(money($0.amount))]) })
    }
    return .object([
      "sources": lines(finance.sourcesAndUses.sources), "uses": lines(finance.sourcesAndUses.uses),
    ])
  }

  /// `returns.lender`.
  func lenderJSON() -> JSONValue {
    let l = finance.lender
    let a = financeAssumptions
    func ratio(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .decimal($0, 4) : .null } ?? .null }
    return .object([
      "debtAmount": .money(money(l.debtAmount)),
      "capitalisedInterest": .money(money(l.capitalisedInterest)),
      "interestDuringConstructionAmount": .money(money(l.interestDuringConstruction)),
      "minDSCR": ratio(l.minDSCR), "averageDSCR": ratio(l.averageDSCR), "llcr": ratio(l.llcr),
      "maxLTV": ratio(l.maxLTV),
      "dscrByYear": .array(l.dscrByYear.map { .object(["year": .int($0.year), "dscr": ratio($0.value)]) }),
      "ltvByYear": .array(l.ltvByYear.map { .object(["year": .int($0.year), "ltv": ratio($0.value)]) }),
      "covenants": .object(["minDSCR": .decimal(a.covenants.minDSCR, 4), "maxLTV": .decimal(a.covenants.maxLTV, 4)]),
      "breaches": .array(
        l.breaches.map {
          .object([
            "covenant": .string($0.covenant), "month": .int($0.month), "value": ratio($0.value),
            "limit": .decimal($0.limit, 4),
          ])
        }),
      "interestRate": .decimal(a.interestRateAnnual, 6),
      "rateConvention": .string(a.interestConvention.rawValue),
      "amortization": .string(a.amortization.rawValue),
      "tenorMonths": .int(a.debtTermMonths),
      "interestDuringConstruction": .string(a.interestDuringConstruction.rawValue),
    ])
  }

  /// `revenueTranches`: every contract with its terms, then the market.
  func tranchesJSON() -> JSONValue {
    let a = financeAssumptions
    var list: [JSONValue] = a.contracts.map { c in
      .object([
        "name": .string(c.name), "kind": .string("contract"), "share": .decimal(c.share, 6),
        "pricePerGPUHour": .decimal(c.pricePerGPUHour, 4), "termMonths": .int(a.termMonths(of: c)),
        "prepayment": .decimal(c.prepayment, 6),
      ])
    }
    list.append(
      .object([
        "name": .string("market"), "kind": .string("market"), "share": .decimal(finance.marketShare, 6),
        "startPricePerGPUHour": .decimal(a.marketPricePerGPUHour, 4), "rampMonths": .int(a.utilizationRampMonths),
      ]))
    return .array(list)
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
