import Foundation

extension ReportViewModel {
  /// A compact money formatter for chart axes and labels in the report's language.
  var chartMoney: ChartValueFormatter {
    let locale = self.locale
    let currency = self.currency
    return { value in
      guard value.isFinite else { return "" }
      return locale.compactMoney(Money(roundingMajor: value, currency: currency))
    }
  }

  /// A price-per-GPU-hour formatter.
  var chartRate: ChartValueFormatter {
    let locale = self.locale
    return { value in locale.grouped(value, decimals: 2) }
  }

  /// The backend topology as tiers with counts and link bundles.
  func topologySVG() -> String {
    let d = plan.design
    let unit = plan.spec.compute.nodeSpecs.rackScale == nil ? "nodes" : "rack_systems"
    let nodes = "\(locale.count(d.nodes)) \(locale.t(unit)) · \(locale.count(d.gpus)) \(locale.t("gpus"))"
    guard let b = d.backend else {
      return TopologyDiagram(
        title: locale.t("topology"), structure: .fatTree(tiers: [], links: []), nodes: nodes,
        noDataText: locale.t("none")
      ).svg()
    }
    let t = b.tree
    let model = b.switchPart.model
    if b.design == .railOnly {
      let rails = b.railFabrics.enumerated().map { rail, fabric in
        let detail =
          fabric.spines > 0 ? "\(fabric.leaves) leaf + \(fabric.spines) spine" : "\(fabric.leaves) × switch"
        return TopologyDiagram.Tier(name: "\(locale.t("tier_rail")) \(rail + 1)", detail: detail)
      }
      return TopologyDiagram(
        title: locale.t("topology"), summary: "\(b.kind.rawValue) rail-only",
        structure: .railOnly(rails: rails, links: "\(locale.count(t.nodeToLeafLinks)) × \(b.linkSpeedGbps)G"),
        nodes: nodes
      ).svg()
    }
    var tiers: [TopologyDiagram.Tier] = []
    var links: [String] = []
    if !t.cores.isEmpty {
      tiers.append(.init(name: locale.t("tier_core"), detail: "\(locale.count(t.cores.count)) × \(model)"))
      links.append("\(locale.count(t.spineToCoreLinks)) × \(b.linkSpeedGbps)G")
    }
    if !t.spines.isEmpty {
      tiers.append(.init(name: locale.t("tier_spine"), detail: "\(locale.count(t.spines.count)) × \(model)"))
      links.append("\(locale.count(t.leafToSpineLinks)) × \(b.linkSpeedGbps)G")
    }
    tiers.append(
      .init(
        name: locale.t(t.tiers == 1 ? "tier_switch" : "tier_leaf"), detail: "\(locale.count(t.leaves.count)) × \(model)"
      ))
    links.append("\(locale.count(t.nodeToLeafLinks)) × \(b.linkSpeedGbps)G")
    return TopologyDiagram(
      title: locale.t("topology"),
      summary: "\(b.kind.rawValue) \(b.design.rawValue), \(t.tiers) tiers, \(b.oversubscription)",
      structure: .fatTree(tiers: tiers, links: links), nodes: nodes
    ).svg()
  }

  /// The six quote charts.
  func financeCharts() -> [String: String] {
    let f = plan.finance
    let a = plan.financeAssumptions
    let noData = locale.t("no_data")
    var charts: [String: String] = [:]

    charts["capex"] = BarChart(
      title: locale.t("chart_capex"),
      bars: f.capex.lines.map { BarChart.Bar(categoryLabel($0.category), $0.amount) },
      formatValue: chartMoney, noDataText: noData
    ).svg()

    charts["costStack"] = costStackChart()
    charts["cashflow"] = cashflowChart()
    charts["pricePath"] = pricePathChart()

    charts["tornado"] = TornadoChart(
      title: locale.t("chart_tornado"),
      rows: f.sensitivity.map {
        .init(
          label: locale.t("sens_" + $0.input.rawValue)
            + ($0.hasEffect ? "" : " (\(locale.t("no_effect")))"),
          low: $0.lowProjectNPV, high: $0.highProjectNPV)
      },
      baseValue: f.npv, baseLabel: locale.t("npv"), lowLegend: "−20%", highLegend: "+20%", formatValue: chartMoney,
      noDataText: noData
    ).svg()

    let sweep = f.utilizationSweep.compactMap { point in
      point.breakEvenStartPrice.map { LineChart.Point(x: point.utilization, y: $0) }
    }
    charts["utilization"] = LineChart(
      title: locale.t("chart_utilization"),
      series: [.init(name: "\(locale.t("break_even_line")) (\(locale.percent(a.discountRate)))", points: sweep)],
      referenceLines: [.init(y: a.marketPricePerGPUHour, label: locale.t("market_price"))],
      xAxisTitle: locale.t("utilization"), yAxisTitle: "\(currency)/GPU-h",
      formatX: ChartFormat.percent(decimals: 0), formatY: chartRate, noDataText: noData
    ).svg()
    return charts
  }

  /// Annual cost stack: straight-line capex recovery plus each opex line.
  private func costStackChart() -> String {
    let f = plan.finance
    let years = f.annualOpex.map { locale.t("year_format", ["n": "\($0.year)"]) }
    var stack = [
      StackedBarChart.Series(
        name: locale.t("capex_recovery"), values: f.annualOpex.map { _ in f.capexRecoveryPerYear })
    ]
    for line in OpexLine.allCases where f.annualOpex.contains(where: { $0.lines.amount(of: line) != 0 }) {
      stack.append(
        .init(name: locale.t("opex_" + line.rawValue), values: f.annualOpex.map { $0.lines.amount(of: line) }))
    }
    return StackedBarChart(
      title: locale.t("chart_cost_stack"), categories: years, series: stack, formatValue: chartMoney,
      noDataText: locale.t("no_data")
    ).svg()
  }

  /// Cumulative project cash flow (unlevered, before tax) with the payback month.
  private func cashflowChart() -> String {
    let f = plan.finance
    let cumulative = f.cumulativeProjectCash
    let marker = f.paybackMonth.flatMap { month -> LineChart.Marker? in
      guard month < cumulative.count else { return nil }
      return LineChart.Marker(
        x: Double(month), y: cumulative[month],
        label: locale.t("payback_point") + locale.t("label_separator") + locale.t("payback_format", ["n": "\(month)"]))
    }
    return LineChart(
      title: locale.t("chart_cashflow"),
      series: [.init(name: locale.t("chart_cashflow"), values: cumulative, startX: 0)], marker: marker,
      xAxisTitle: locale.t("month"), formatY: chartMoney, noDataText: locale.t("no_data")
    ).svg()
  }

  /// Price path vs the break-even paths (same shape, scaled starts), from the engine.
  private func pricePathChart() -> String {
    let f = plan.finance
    let a = plan.financeAssumptions
    func points(_ prices: [Double]) -> [LineChart.Point] {
      prices.enumerated().map { LineChart.Point(x: Double($0 + 1), y: $1) }
    }
    var priceSeries = [LineChart.Series(name: locale.t("market_path"), points: points(f.pricePaths.market))]
    if let hurdle = f.pricePaths.hurdleBreakEven {
      priceSeries.append(
        .init(name: "\(locale.t("break_even_line")) (\(locale.percent(a.discountRate)))", points: points(hurdle)))
    }
    if let cash = f.pricePaths.cashBreakEven {
      priceSeries.append(.init(name: locale.t("cash_break_even_line"), points: points(cash)))
    }
    return LineChart(
      title: locale.t("chart_price_path"), series: priceSeries, xAxisTitle: locale.t("month"),
      yAxisTitle: "\(currency)/GPU-h", formatY: chartRate, noDataText: locale.t("no_data")
    ).svg()
  }
}
