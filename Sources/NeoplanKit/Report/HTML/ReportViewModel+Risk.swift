import Foundation

extension ReportViewModel {
  /// `context` with the risk page added under `risk` when there is a risk result.
  func withRisk(_ context: [String: Any]) -> [String: Any] {
    guard let risk = riskContext() else { return context }
    var copy = context
    copy["risk"] = risk
    return copy
  }

  /// `neoplan risk --format html`: the risk page on its own.
  func riskPageContext() -> [String: Any] {
    withRisk(["L": labels(), "version": NeoplanInfo.version, "cover": cover(title: locale.t("risk_title"))])
  }

  /// The quote's risk page (docs/risk.md): probability cards, the percentile table, the IRR
  /// histogram and the fan of cumulative cash. `nil` without a risk result. Every figure comes
  /// from ``RiskResult``; this only formats.
  func riskContext() -> [String: Any]? {
    guard let r = options.risk else { return nil }
    let f = plan.finance
    let percent: (Double?) -> String = { [locale] in locale.percent($0) }
    let cash: (Double?) -> String = { [self] value in value.map { locale.compactMoney(money($0)) } ?? "—" }
    let months: (Double?) -> String = { [locale] value in
      value.map { locale.t("payback_format", ["n": NumberFormat.fixed($0, decimals: 0, trimZeros: true)]) }
        ?? locale.t("risk_never")
    }
    func row(_ label: String, _ p: RiskPercentiles, plan: String, _ format: (Double?) -> String) -> [String: Any] {
      ["label": label, "values": p.values.map(format), "plan": plan]
    }
    var rows = [
      row(locale.t("project_irr"), r.projectIRR, plan: percent(f.projectIRR.annual), percent),
      row(locale.t("equity_irr"), r.equityIRR, plan: percent(f.equityIRR.annual), percent),
      row(locale.t("npv"), r.npv, plan: cash(f.npv), cash),
      row(locale.t("payback"), r.paybackMonths, plan: months(f.paybackMonth.map(Double.init)), months),
    ]
    if let dscr = r.minDSCR {
      let ratio: (Double?) -> String = { [locale] in $0.map { locale.grouped($0, decimals: 2) } ?? "—" }
      rows.append(row(locale.t("risk_min_dscr"), dscr, plan: ratio(f.lender.minDSCR), ratio))
    }
    var cards: [[String: String]] = [
      ["label": locale.t("risk_p_loss"), "value": percent(r.probabilityOfLoss)],
      [
        "label": locale.t("risk_p_hurdle", ["hurdle": percent(r.hurdleRate)]),
        "value": percent(r.probabilityBelowHurdle),
      ],
      ["label": locale.t("risk_p_equity_loss"), "value": percent(r.probabilityOfEquityLoss)],
    ]
    if let breach = r.probabilityOfBreach {
      cards.append(["label": locale.t("risk_p_breach"), "value": percent(breach)])
    }
    return [
      "intro": locale.t("risk_intro", ["paths": locale.count(r.paths), "seed": String(r.seed)]),
      "cards": cards, "rows": rows,
      "drivers": r.drivers.map { ["input": locale.t("risk_driver_" + $0.input), "share": percent($0.varianceShare)] },
      "histogram": irrHistogramSVG(r), "fan": cashFanSVG(r),
      "fanNote": locale.t("risk_fan_note", ["paths": locale.count(r.fanPaths)]),
    ]
  }

  private func irrHistogramSVG(_ r: RiskResult) -> String {
    BarChart(
      title: locale.t("risk_chart_histogram"),
      bars: r.irrHistogram.map {
        BarChart.Bar(
          "\(locale.percent($0.lower, decimals: 0)) … \(locale.percent($0.upper, decimals: 0))", Double($0.count))
      },
      barHeight: 14, formatValue: { [locale] in locale.count(Int($0)) }, noDataText: locale.t("no_data")
    ).svg()
  }

  private func cashFanSVG(_ r: RiskResult) -> String {
    let names = ["P5", "P25", "P50", "P75", "P95"]
    let series = names.enumerated().map { index, name in
      LineChart.Series(name: name, values: r.cashFan.map { $0.values[index] }, startX: 0)
    }
    return LineChart(
      title: locale.t("risk_chart_fan"), series: series, xAxisTitle: locale.t("month"), formatY: chartMoney,
      noDataText: locale.t("no_data")
    ).svg()
  }
}
