import Foundation

/// Horizontal bars with category labels on the left and value labels at the bar ends, e.g. a
/// capex breakdown by category. Bars are drawn in the order given; negative values extend left
/// of a zero line.
///
/// ```swift
/// let svg = BarChart(
///   title: "Capex by category", bars: [.init("GPU servers", 3_200_000), .init("Network", 410_000)],
///   formatValue: ChartFormat.compact(prefix: "$")
/// ).svg()
/// ```
public struct BarChart: Sendable {
  /// One bar.
  public struct Bar: Sendable, Equatable {
    /// Category label, shown left of the bar (truncated with an ellipsis when too long).
    public var label: String
    /// The value; non-finite values are drawn as an empty bar without a value label.
    public var value: Double

    /// Creates a bar.
    public init(_ label: String, _ value: Double) {
      self.label = label
      self.value = value
    }
  }

  /// Accessible title (`<title>`).
  public var title: String
  /// Accessible description (`<desc>`); the title when empty.
  public var summary: String
  /// The bars, top to bottom.
  public var bars: [Bar]
  /// Width in user units (the SVG scales to its container).
  public var width: Double
  /// Thickness of each bar.
  public var barHeight: Double
  /// Formats value labels.
  public var formatValue: ChartValueFormatter
  /// Message shown when there are no bars.
  public var noDataText: String
  /// Colours; bars use the first series colour.
  public var palette: ChartPalette

  /// Creates a bar chart.
  public init(
    title: String, summary: String = "", bars: [Bar], width: Double = 720, barHeight: Double = 20,
    formatValue: @escaping ChartValueFormatter = ChartFormat.compact(), noDataText: String = "No data",
    palette: ChartPalette = .standard
  ) {
    self.title = title
    self.summary = summary
    self.bars = bars
    self.width = width
    self.barHeight = barHeight
    self.formatValue = formatValue
    self.noDataText = noDataText
    self.palette = palette
  }

  /// Geometry of one bar, exposed for tests.
  struct BarGeometry: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
  }

  /// The laid-out chart.
  struct Layout {
    var width: Double
    var height: Double
    var labelRight: Double
    var zeroX: Double
    var plotLeft: Double
    var plotRight: Double
    var labels: [String]
    var valueLabels: [String]
    var geometry: [BarGeometry]
  }

  /// Lays out the chart; `nil` when there is nothing to draw.
  func layout() -> Layout? {
    guard !bars.isEmpty else { return nil }
    let chartWidth = SVGWriter.dimension(width, minimum: 240, fallback: 720)
    let thickness = barHeight.isFinite ? min(max(barHeight, 14), 60) : 20
    let pad = ChartStyle.padding
    let size = ChartStyle.labelSize
    let rowHeight = thickness + 10
    let values = bars.map { $0.value.isFinite ? $0.value : 0 }
    let valueLabels = bars.map { $0.value.isFinite ? formatValue($0.value) : "" }
    let valueWidths = valueLabels.map { SVGText.estimatedWidth($0, fontSize: size) }
    // Category labels take at most 38 % of the width; longer ones are truncated.
    let labelBudget = chartWidth * 0.38
    let labels = bars.map { SVGText.truncate($0.label, maxWidth: labelBudget, fontSize: size) }
    let labelWidth = labels.map { SVGText.estimatedWidth($0, fontSize: size) }.max() ?? 0
    let labelRight = pad + labelWidth
    let plotLeft = labelRight + (labelWidth > 0 ? 10 : 0)
    let plotRight = chartWidth - pad
    let hasNegative = values.contains { $0 < 0 }
    let hasPositive = values.contains { $0 > 0 } || !hasNegative
    let rightReserve = hasPositive ? (zip(values, valueWidths).filter { $0.0 >= 0 }.map(\.1).max() ?? 0) + 6 : 0
    let leftReserve = hasNegative ? (zip(values, valueWidths).filter { $0.0 < 0 }.map(\.1).max() ?? 0) + 6 : 0
    let low = min(0, values.min() ?? 0)
    var high = max(0, values.max() ?? 0)
    if low == high { high = 1 }
    let scale = LinearScale(
      domainLow: low, domainHigh: high, rangeLow: plotLeft + leftReserve,
      rangeHigh: max(plotLeft + leftReserve + 1, plotRight - rightReserve))
    let zeroX = scale(0)
    let top = pad
    var geometry: [BarGeometry] = []
    for (index, value) in values.enumerated() {
      let end = scale(value)
      let y = top + Double(index) * rowHeight + (rowHeight - thickness) / 2
      geometry.append(BarGeometry(x: min(zeroX, end), y: y, width: abs(end - zeroX), height: thickness))
    }
    let height = top + Double(bars.count) * rowHeight + pad
    return Layout(
      width: chartWidth, height: height, labelRight: labelRight, zeroX: zeroX, plotLeft: plotLeft,
      plotRight: plotRight, labels: labels, valueLabels: valueLabels, geometry: geometry)
  }

  /// The chart as a standalone `<svg>` element (no scripts, no external references).
  public func svg() -> String {
    guard let layout = layout() else {
      return SVGWriter.noData(
        width: width, height: 120, title: title, summary: summary, message: noDataText, palette: palette, kind: "bar")
    }
    var writer = SVGWriter(palette: palette)
    let size = ChartStyle.labelSize
    for (index, bar) in layout.geometry.enumerated() {
      let centerY = bar.y + bar.height / 2
      writer.text(layout.labels[index], x: layout.labelRight, y: centerY, anchor: .end, cssClass: "label")
      writer.rect(x: bar.x, y: bar.y, width: bar.width, height: bar.height, fill: palette.color(0), cssClass: "bar")
      let negative = bars[index].value < 0
      let valueX = negative ? bar.x - 6 : bar.x + bar.width + 6
      writer.text(
        layout.valueLabels[index], x: valueX, y: centerY, size: size, anchor: negative ? .end : .start,
        fill: palette.text, cssClass: "value")
    }
    let lastBar = layout.geometry.last!
    writer.line(
      x1: layout.zeroX, y1: ChartStyle.padding - 2, x2: layout.zeroX, y2: lastBar.y + lastBar.height + 5,
      stroke: palette.axis, cssClass: "zero")
    return SVGWriter.document(
      width: layout.width, height: layout.height, title: title, summary: summary, palette: palette, kind: "bar",
      body: writer.body)
  }
}
