import Foundation

extension ReportViewModel {
  /// The financing part of the quote and plan contexts: the three return series side by side,
  /// sources and uses, revenue tranches, annual statements and the lender block. Every figure
  /// comes from ``FinanceResult``; this only formats.
  func financingContext() -> [String: Any] {
    let f = plan.finance
    let a = plan.financeAssumptions
    func moic(_ r: CashFlowReturns) -> String {
      r.moic.map { locale.grouped($0, decimals: 2) + "×" } ?? locale.t("not_available")
    }
    func payback(_ r: CashFlowReturns) -> String {
      r.paybackMonth.map { locale.t("payback_format", ["n": "\($0)"]) } ?? locale.t("payback_never")
    }
    let series = [f.projectPreTax, f.projectAfterTax, f.equity]
    let returns: [[String: Any]] = [
      ["label": locale.t("irr"), "cells": series.map { locale.percent($0.irr.annual) }],
      ["label": locale.t("npv_short"), "cells": series.map { locale.money(money($0.npv)) }],
      [
        "label": locale.t("discounted_at"),
        "cells": [locale.percent(a.discountRate), locale.percent(a.discountRate), locale.percent(a.costOfEquity)],
      ],
      ["label": locale.t("moic"), "cells": series.map(moic)],
      ["label": locale.t("payback"), "cells": series.map(payback)],
    ]
    return [
      "returnsTable": returns,
      "sourcesUses": sourcesUses(),
      "tranches": tranches(),
      "statementYears": f.statements.map { locale.t("year_n", ["n": "\($0.year)"]) },
      "statementRows": statementRows(),
      "lender": lenderRows(),
    ]
  }

  private func sourcesUses() -> [String: Any] {
    let s = plan.finance.sourcesAndUses
    func rows(_ lines: [FundingLine]) -> [[String: String]] {
      lines.map {
        [
          "item": locale.t("fund_" + ReportLocale.keyPart($0.item, replacing: " ", with: "_")),
          "amount": locale.money(money($0.amount)),
        ]
      }
    }
    return [
      "sources": rows(s.sources), "uses": rows(s.uses),
      "total": locale.money(money(s.total)),
    ]
  }

  private func tranches() -> [[String: String]] {
    let a = plan.financeAssumptions
    var rows: [[String: String]] = a.contracts.map { c in
      [
        "name": c.name, "share": locale.percent(c.share), "price": locale.rate(c.pricePerGPUHour, currency: currency),
        "term": "\(a.termMonths(of: c)) \(locale.t("months"))", "prepayment": locale.percent(c.prepayment),
      ]
    }
    rows.append([
      "name": locale.t("tranche_market"), "share": locale.percent(plan.finance.marketShare),
      "price":
        "\(locale.rate(a.marketPricePerGPUHour, currency: currency))\(locale.t("comma"))\(pathText(a.pricePath))",
      "term": a.utilizationRampMonths > 0
        ? locale.t("ramp_months", ["n": "\(a.utilizationRampMonths)"]) : locale.t("tranche_market_term"),
      "prepayment": "—",
    ])
    return rows
  }

  private func statementRows() -> [[String: Any]] {
    let f = plan.finance
    func thousands(_ x: Double) -> String { locale.grouped(x / 1000, decimals: 1) }
    var rows: [[String: Any]] = []
    for (index, name) in f.cashFlows.trancheNames.enumerated() {
      let label = index < plan.financeAssumptions.contracts.count ? name : locale.t("tranche_market")
      rows.append([
        "label": locale.t("st_revenue") + locale.t("label_separator") + label,
        "cells": f.statements.map { thousands($0.revenueByTranche[index]) },
      ])
    }
    let lines: [(String, (AnnualStatement) -> Double)] = [
      ("st_opex", \.opex), ("st_ebitda", \.ebitda), ("st_depreciation", \.depreciation), ("st_interest", \.interest),
      ("st_tax", \.tax), ("st_net_income", \.netIncome), ("st_capex", \.capex), ("st_debt_drawn", \.debtDrawn),
      ("st_debt_repaid", \.debtRepaid), ("st_cash_firm", \.cashFlowToFirm), ("st_cash_equity", \.cashFlowToEquity),
      ("st_cfads", \.cfads),
    ]
    for (key, value) in lines {
      rows.append(["label": locale.t(key), "cells": f.statements.map { thousands(value($0)) }])
    }
    rows.append([
      "label": locale.t("st_dscr"),
      "cells": f.statements.map { $0.dscr.map { locale.grouped($0, decimals: 2) } ?? "—" },
    ])
    if f.lender.debtAmount > 0 {
      // The first value of each year, found by a scan (a few years; a `[Int: Double]` here cost
      // more in first-use runtime work than the lookups).
      let ltv = f.lender.ltvByYear
      rows.append([
        "label": locale.t("st_ltv"),
        "cells": f.statements.map { year in
          ltv.first { $0.year == year.year }.map { locale.percent($0.value) } ?? "—"
        },
      ])
    }
    return rows
  }

  private func lenderRows() -> [[String: String]] {
    let l = plan.finance.lender
    let a = plan.financeAssumptions
    guard l.debtAmount > 0 else { return [["label": locale.t("lender_debt"), "value": locale.t("no_debt")]] }
    func ratio(_ x: Double?) -> String { x.map { locale.grouped($0, decimals: 2) + "×" } ?? locale.t("not_available") }
    let dscr = l.dscrBreachMonths
    let ltv = l.ltvBreachMonths
    func status(_ months: [Int]) -> String {
      months.isEmpty ? locale.t("covenant_met") : locale.t("covenant_fails", ["months": monthRanges(months)])
    }
    return [
      [
        "label": locale.t("lender_debt"),
        "value": locale.t(
          "lender_terms",
          [
            "amount": locale.money(money(l.debtAmount)), "months": "\(a.debtTermMonths)",
            "profile": locale.t("amort_" + a.amortization.rawValue), "rate": locale.percent(a.interestRateAnnual),
          ]),
      ],
      [
        "label": locale.t("lender_idc"),
        "value":
          locale.t("idc_" + a.interestDuringConstruction.rawValue) + locale.t("label_separator")
          + locale.money(money(l.interestDuringConstruction)),
      ],
      ["label": locale.t("lender_dscr"), "value": "\(ratio(l.minDSCR)) / \(ratio(l.averageDSCR))"],
      ["label": locale.t("lender_llcr"), "value": ratio(l.llcr)],
      ["label": locale.t("lender_ltv"), "value": locale.percent(l.maxLTV)],
      [
        "label": "\(locale.t("covenant_dscr")) ≥ \(locale.grouped(a.covenants.minDSCR, decimals: 2))",
        "value": status(dscr),
      ],
      ["label": "\(locale.t("covenant_ltv")) ≤ \(locale.percent(a.covenants.maxLTV))", "value": status(ltv)],
    ]
  }
}
