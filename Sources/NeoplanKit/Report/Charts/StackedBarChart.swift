import Foundation

/// Vertical stacked columns, one per category (e.g. year), with a legend, a value axis with nice
/// ticks and, optionally, the column total above each column. Positive values stack upwards from
/// zero and negative values downwards.
///
/// ```swift
/// StackedBarChart(
///   title: "Annual cost", categories: ["Y1", "Y2", "Y3"],
///   series: [.init(name: "Capex recovery", values: [1.2e6, 1.2e6, 1.2e6]),
///            .init(name: "Power", values: [3.1e5, 3.2e5, 3.3e5])],
///   formatValue: ChartFormat.compact(prefix: "$")
/// ).svg()
/// ```
public struct StackedBarChart: Sendable {
  /// One layer of the stacks; `values[i]` belongs to `categories[i]` (missing or non-finite values count as 0).
  public struct Series: Sendable, Equatable {
    /// Legend label.
    public var name: String
    /// One value per category.
    public var values: [Double]

    /// Creates a series.
    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// Accessible title (`<title>`).
  public var title: String
  /// Accessible description (`<desc>`); the title when empty.
  public var summary: String
  /// Column labels, left to right.
  public var categories: [String]
  /// Layers, bottom to top; legend order.
  public var series: [Series]
  /// Optional value-axis caption shown above the axis (e.g. "USD per year").
  public var valueAxisTitle: String
  /// Whether to print each column's total above it (skipped when the totals do not fit).
  public var showsTotals: Bool
  /// Width in user units.
  public var width: Double
  /// Height in user units.
  public var height: Double
  /// Formats tick and total labels.
  public var formatValue: ChartValueFormatter
  /// Message shown when there are no categories or series.
  public var noDataText: String
  /// Colours; layer *i* uses series colour *i*.
  public var palette: ChartPalette

  /// Creates a stacked bar chart.
  public init(
    title: String, summary: String = "", categories: [String], series: [Series], valueAxisTitle: String = "",
    showsTotals: Bool = true, width: Double = 720, height: Double = 360,
    formatValue: @escaping ChartValueFormatter = ChartFormat.compact(), noDataText: String = "No data",
    palette: ChartPalette = .standard
  ) {
    self.title = title
    self.summary = summary
    self.categories = categories
    self.series = series
    self.valueAxisTitle = valueAxisTitle
    self.showsTotals = showsTotals
    self.width = width
    self.height = height
    self.formatValue = formatValue
    self.noDataText = noDataText
    self.palette = palette
  }

  private func value(series index: Int, category: Int) -> Double {
    let values = series[index].values
    guard category < values.count, values[category].isFinite else { return 0 }
    return values[category]
  }

  /// The chart as a standalone `<svg>` element.
  public func svg() -> String {
    let chartWidth = SVGWriter.dimension(width, minimum: 240, fallback: 720)
    let chartHeight = SVGWriter.dimension(height, minimum: 160, fallback: 360)
    guard !categories.isEmpty, !series.isEmpty else {
      return SVGWriter.noData(
        width: chartWidth, height: chartHeight, title: title, summary: summary, message: noDataText,
        palette: palette, kind: "stacked-bar")
    }
    let pad = ChartStyle.padding
    let tickSize = ChartStyle.tickSize
    var writer = SVGWriter(palette: palette)

    // Legend on top.
    var top = writer.legendAndCaption(
      names: series.map(\.name), swatch: .box, caption: valueAxisTitle, chartWidth: chartWidth)
    top += 18  // room for totals above the tallest column and the top tick label

    let (positive, negative) = columnSums()
    let bottom = chartHeight - pad - tickSize - 8
    let plotHeight = max(40, bottom - top)
    let ticks = ChartTicks.nice(
      lower: negative.min() ?? 0, upper: positive.max() ?? 0, targetCount: max(2, Int(plotHeight / 55)))
    let tickLabels = ticks.map(formatValue)
    let tickWidth = tickLabels.map { SVGText.estimatedWidth($0, fontSize: tickSize) }.max() ?? 0
    let plotLeft = pad + tickWidth + 8
    let plotRight = chartWidth - pad
    let scale = LinearScale(
      domainLow: ticks.first!, domainHigh: ticks.last!, rangeLow: top + plotHeight, rangeHigh: top)

    for (tick, label) in zip(ticks, tickLabels) {
      let y = scale(tick)
      writer.line(
        x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: tick == 0 ? palette.axis : palette.grid,
        cssClass: tick == 0 ? "zero" : "grid")
      writer.text(
        label, x: plotLeft - 6, y: y, size: tickSize, anchor: .end, fill: palette.mutedText, cssClass: "tick")
    }

    let slot = (plotRight - plotLeft) / Double(categories.count)
    drawBars(positive: positive, negative: negative, plotLeft: plotLeft, slot: slot, scale: scale, writer: &writer)

    if ticks.first! < 0 && ticks.last! > 0 {
      writer.line(x1: plotLeft, y1: scale(0), x2: plotRight, y2: scale(0), stroke: palette.axis, cssClass: "zero")
    }
    drawCategoryLabels(
      plotLeft: plotLeft, slot: slot, y: top + plotHeight + 6 + tickSize / 2, chartWidth: chartWidth, writer: &writer)
    return SVGWriter.document(
      width: chartWidth, height: chartHeight, title: title, summary: summary, palette: palette, kind: "stacked-bar",
      body: writer.body)
  }

  /// Each column's sum of positive and of negative values.
  private func columnSums() -> (positive: [Double], negative: [Double]) {
    var positive = [Double](repeating: 0, count: categories.count)
    var negative = [Double](repeating: 0, count: categories.count)
    for category in categories.indices {
      for index in series.indices {
        let v = value(series: index, category: category)
        if v >= 0 { positive[category] += v } else { negative[category] += v }
      }
    }
    return (positive, negative)
  }

  /// The stacked segments of each column, with its total above when it fits.
  private func drawBars(
    positive: [Double], negative: [Double], plotLeft: Double, slot: Double, scale: LinearScale,
    writer: inout SVGWriter
  ) {
    let tickSize = ChartStyle.tickSize
    let barWidth = min(slot * 0.62, 72)
    let totals = categories.indices.map { positive[$0] + negative[$0] }
    let totalLabels = totals.map(formatValue)
    let totalsFit = totalLabels.allSatisfy { SVGText.estimatedWidth($0, fontSize: tickSize) <= slot - 4 }
    for category in categories.indices {
      let center = plotLeft + slot * (Double(category) + 0.5)
      var up = 0.0
      var down = 0.0
      for index in series.indices {
        let v = value(series: index, category: category)
        guard v != 0 else { continue }
        let start = v > 0 ? up : down
        let end = start + v
        if v > 0 { up = end } else { down = end }
        let y1 = scale(start)
        let y2 = scale(end)
        writer.rect(
          x: center - barWidth / 2, y: min(y1, y2), width: barWidth, height: abs(y2 - y1), fill: palette.color(index),
          stroke: palette.background, strokeWidth: 0.75, cssClass: "segment")
      }
      if showsTotals && totalsFit {
        writer.text(
          totalLabels[category], x: center, y: scale(up) - 9, size: tickSize, anchor: .middle, bold: true,
          cssClass: "total")
      }
    }
  }

  /// Category labels: with many columns only every k-th is shown (k ≤ a third of the columns),
  /// k chosen so the labels fit in k slots; whatever still does not fit is truncated.
  private func drawCategoryLabels(
    plotLeft: Double, slot: Double, y: Double, chartWidth: Double, writer: inout SVGWriter
  ) {
    let tickSize = ChartStyle.tickSize
    let fullWidth = categories.map { SVGText.estimatedWidth($0, fontSize: tickSize) }.max() ?? 0
    let maxStride = max(1, categories.count / 3)
    var stride = 1
    while stride < maxStride && fullWidth > Double(stride) * slot - 6 { stride += 1 }
    let room = max(Double(stride) * slot - 6, 24)
    let labels = categories.map { SVGText.truncate($0, maxWidth: room, fontSize: tickSize) }
    let positions = categories.indices.map { plotLeft + slot * (Double($0) + 0.5) }
    let widths = labels.map { SVGText.estimatedWidth($0, fontSize: tickSize) }
    let centers = categories.indices.map { clampedCenter(positions[$0], width: widths[$0], chartWidth: chartWidth) }
    let shown = Array(Swift.stride(from: 0, to: categories.count, by: stride))
    let thinned = thinnedLabelIndices(
      positions: shown.map { centers[$0] }, widths: shown.map { widths[$0] }, gap: 6
    ).map { shown[$0] }
    for index in thinned {
      writer.text(
        labels[index], x: centers[index],
        y: y, size: tickSize, anchor: .middle,
        fill: palette.mutedText, cssClass: "category")
    }
  }
}
