import Foundation

/// A scatter of designs, cost (x, lower is better) against capability (y, higher is better), with
/// the Pareto front drawn as a step line through its designs and one design (the best by the
/// objective) marked and labelled. Front designs are filled dots, the others hollow grey ones, so
/// the chart stays readable in grayscale.
///
/// Each front dot carries `class="front"` and `data-key` (the design's key) and each dot a
/// `<title>` naming it, so a reader (or a test) can tell which design a dot is without a script.
public struct ParetoChart: Sendable {
  /// One design.
  public struct Point: Sendable, Equatable {
    /// Cost (x).
    public var cost: Double
    /// Capability (y).
    public var value: Double
    /// The design's key (written into `data-key` on front dots).
    public var key: String
    /// Tooltip text (`<title>`).
    public var label: String
    /// Whether the design is on the Pareto front.
    public var onFront: Bool

    /// Creates a point.
    public init(cost: Double, value: Double, key: String, label: String, onFront: Bool) {
      self.cost = cost
      self.value = value
      self.key = key
      self.label = label
      self.onFront = onFront
    }
  }

  /// Accessible title (`<title>`).
  public var title: String
  /// Accessible description (`<desc>`); the title when empty.
  public var summary: String
  /// Every design to plot; the front's step line joins the front points in order of cost.
  public var points: [Point]
  /// Key of the marked design (none when `nil` or not among the points).
  public var bestKey: String?
  /// Label of the marked design, e.g. "Best: rank 1".
  public var bestLabel: String
  /// Legend names: other designs, the Pareto front.
  public var legend: (others: String, front: String)
  /// Caption under the x axis.
  public var xAxisTitle: String
  /// Caption above the value axis.
  public var yAxisTitle: String
  /// Formats x tick labels.
  public var formatX: ChartValueFormatter
  /// Formats value tick labels.
  public var formatY: ChartValueFormatter
  /// Width in user units.
  public var width: Double
  /// Height in user units.
  public var height: Double
  /// Message shown when no point is finite.
  public var noDataText: String
  /// Colours: series 0 is the front, series 1 the marked design.
  public var palette: ChartPalette

  /// Creates a Pareto chart.
  public init(
    title: String, summary: String = "", points: [Point], bestKey: String?, bestLabel: String,
    legend: (others: String, front: String), xAxisTitle: String = "", yAxisTitle: String = "",
    formatX: @escaping ChartValueFormatter = ChartFormat.compact(),
    formatY: @escaping ChartValueFormatter = ChartFormat.decimal(), width: Double = 720, height: Double = 380,
    noDataText: String = "No data", palette: ChartPalette = .standard
  ) {
    self.title = title
    self.summary = summary
    self.points = points
    self.bestKey = bestKey
    self.bestLabel = bestLabel
    self.legend = legend
    self.xAxisTitle = xAxisTitle
    self.yAxisTitle = yAxisTitle
    self.formatX = formatX
    self.formatY = formatY
    self.width = width
    self.height = height
    self.noDataText = noDataText
    self.palette = palette
  }

  /// The chart as a standalone `<svg>` element.
  public func svg() -> String {
    let chartWidth = SVGWriter.dimension(width, minimum: 240, fallback: 720)
    let chartHeight = SVGWriter.dimension(height, minimum: 160, fallback: 380)
    let shown = points.filter { $0.cost.isFinite && $0.value.isFinite }
    guard let lowCost = shown.map(\.cost).min(), let highCost = shown.map(\.cost).max(),
      let highValue = shown.map(\.value).max()
    else {
      return SVGWriter.noData(
        width: chartWidth, height: chartHeight, title: title, summary: summary, message: noDataText,
        palette: palette, kind: "pareto")
    }
    var writer = SVGWriter(palette: palette)
    let frame = axes(
      &writer, chartWidth: chartWidth, chartHeight: chartHeight,
      domain: (lowCost, highCost, min(0, shown.map(\.value).min() ?? 0), highValue))
    let x = frame.x
    let y = frame.y

    // Other designs first (hollow grey), then the front's step line and dots above them.
    for point in shown where !point.onFront {
      dot(&writer, point, x: x(point.cost), y: y(point.value), front: false)
    }
    let front = shown.filter(\.onFront).sorted { ($0.cost, -$0.value) < ($1.cost, -$1.value) }
    var steps: [(x: Double, y: Double)] = []
    for point in front {
      if let last = steps.last { steps.append((x(point.cost), last.y)) }
      steps.append((x(point.cost), y(point.value)))
    }
    if steps.count > 1 {
      writer.polyline(steps, stroke: palette.color(0), width: 2, cssClass: "front-line")
    }
    for point in front { dot(&writer, point, x: x(point.cost), y: y(point.value), front: true) }
    if let best = shown.first(where: { $0.key == bestKey }) {
      mark(&writer, best, at: (x(best.cost), y(best.value)), plot: frame)
    }
    return SVGWriter.document(
      width: chartWidth, height: chartHeight, title: title, summary: summary, palette: palette, kind: "pareto",
      body: writer.body)
  }

  /// The plot area and its scales.
  struct Frame {
    var x: LinearScale
    var y: LinearScale
    var left: Double
    var right: Double
    var top: Double
  }

  /// Draws the legend, grid, ticks and axis captions; returns the scales.
  private func axes(
    _ writer: inout SVGWriter, chartWidth: Double, chartHeight: Double,
    domain: (lowX: Double, highX: Double, lowY: Double, highY: Double)
  ) -> Frame {
    let pad = ChartStyle.padding
    let tickSize = ChartStyle.tickSize
    let legendLayout = LegendLayout(names: [legend.front, legend.others], maxWidth: chartWidth - 2 * pad)
    for item in legendLayout.items {
      let centerY = pad + Double(item.row) * LegendLayout.rowHeight + LegendLayout.rowHeight / 2
      let left = pad + item.x
      if item.index == 0 {
        writer.line(x1: left, y1: centerY, x2: left + 22, y2: centerY, stroke: palette.color(0), width: 2)
        writer.circle(
          cx: left + 11, cy: centerY, radius: 3.5, fill: palette.color(0), stroke: palette.color(0), strokeWidth: 1)
      } else {
        writer.circle(
          cx: left + 11, cy: centerY, radius: 3, fill: palette.background, stroke: palette.axis, strokeWidth: 1.25)
      }
      writer.text(item.text, x: left + LegendLayout.swatchWidth + 6, y: centerY, cssClass: "legend")
    }
    var top = pad + legendLayout.height + 6
    if !yAxisTitle.isEmpty {
      let text = SVGText.truncate(yAxisTitle, maxWidth: chartWidth - 2 * pad, fontSize: tickSize)
      writer.text(text, x: pad, y: top + 8, size: tickSize, fill: palette.mutedText, cssClass: "axis-title")
      top += 18
    }
    top += 8
    var bottom = chartHeight - pad - tickSize - 8
    if !xAxisTitle.isEmpty { bottom -= 18 }
    let plotHeight = max(40, bottom - top)
    let yTicks = ChartTicks.nice(
      lower: domain.lowY, upper: domain.highY, targetCount: max(2, Int(plotHeight / 50)))
    let yLabels = yTicks.map(formatY)
    let yLabelWidth = yLabels.map { SVGText.estimatedWidth($0, fontSize: tickSize) }.max() ?? 0
    let left = pad + yLabelWidth + 8
    let axisY = top + plotHeight
    let yScale = LinearScale(
      domainLow: yTicks.first ?? domain.lowY, domainHigh: yTicks.last ?? domain.highY, rangeLow: axisY,
      rangeHigh: top)
    // Costs: a margin of 5 % of the span (or of the value) on each side, so no dot sits on an edge.
    let margin = max((domain.highX - domain.lowX) * 0.05, abs(domain.highX) * 0.01, 1e-9)
    let xTicks = ChartTicks.nice(
      lower: domain.lowX - margin, upper: domain.highX + margin,
      targetCount: max(2, Int((chartWidth - left - pad) / 110)))
    let xLow = min(domain.lowX - margin, xTicks.first ?? domain.lowX)
    let xHigh = max(domain.highX + margin, xTicks.last ?? domain.highX)
    let xLabels = xTicks.map(formatX)
    let xWidths = xLabels.map { SVGText.estimatedWidth($0, fontSize: tickSize) }
    let right = chartWidth - pad - max(8, (xWidths.last ?? 0) / 2)
    let xScale = LinearScale(domainLow: xLow, domainHigh: xHigh, rangeLow: left, rangeHigh: right)
    for (tick, label) in zip(yTicks, yLabels) {
      writer.line(x1: left, y1: yScale(tick), x2: right, y2: yScale(tick), stroke: palette.grid, cssClass: "grid")
      writer.text(
        label, x: left - 6, y: yScale(tick), size: tickSize, anchor: .end, fill: palette.mutedText, cssClass: "tick")
    }
    writer.line(x1: left, y1: axisY, x2: right, y2: axisY, stroke: palette.axis, cssClass: "axis")
    let positions = xTicks.map { xScale($0) }
    let centers = positions.indices.map { clampedCenter(positions[$0], width: xWidths[$0], chartWidth: chartWidth) }
    for index in thinnedLabelIndices(positions: centers, widths: xWidths) {
      writer.line(x1: positions[index], y1: axisY, x2: positions[index], y2: axisY + 4, stroke: palette.axis)
      writer.text(
        xLabels[index], x: centers[index], y: axisY + 6 + tickSize / 2, size: tickSize, anchor: .middle,
        fill: palette.mutedText, cssClass: "tick")
    }
    if !xAxisTitle.isEmpty {
      let caption = SVGText.truncate(xAxisTitle, maxWidth: right - left, fontSize: tickSize)
      writer.text(
        caption, x: (left + right) / 2, y: axisY + 6 + tickSize + 14, size: tickSize, anchor: .middle,
        fill: palette.mutedText, cssClass: "axis-title")
    }
    return Frame(x: xScale, y: yScale, left: left, right: right, top: top)
  }

  /// One dot with its tooltip; front dots carry their key.
  private func dot(_ writer: inout SVGWriter, _ point: Point, x: Double, y: Double, front: Bool) {
    let num = SVGWriter.num
    var element = "<circle class=\"" + (front ? "front" : "design") + "\""
    if front { element += " data-key=\"" + SVGText.escape(point.key) + "\"" }
    element += " cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + (front ? "4" : "3") + "\""
    let fill = front ? palette.color(0) : palette.background
    let stroke = front ? palette.background : palette.axis
    element += " fill=\"" + SVGText.escape(fill) + "\" stroke=\"" + SVGText.escape(stroke) + "\""
    element += " stroke-width=\"" + (front ? "1" : "1.25") + "\"><title>" + SVGText.escape(point.label)
    writer.raw(element + "</title></circle>\n")
  }

  /// The marked design: a ring and a label beside it, kept inside the plot.
  private func mark(_ writer: inout SVGWriter, _ point: Point, at p: (x: Double, y: Double), plot: Frame) {
    writer.raw(
      "<circle class=\"best\" data-key=\"" + SVGText.escape(point.key) + "\" cx=\"" + SVGWriter.num(p.x) + "\" cy=\""
        + SVGWriter.num(p.y) + "\" r=\"8\" fill=\"none\" stroke=\"" + SVGText.escape(palette.color(1))
        + "\" stroke-width=\"3\"/>\n")
    let size = ChartStyle.labelSize
    let text = SVGText.truncate(bestLabel, maxWidth: (plot.right - plot.left) * 0.6, fontSize: size, bold: true)
    let width = SVGText.estimatedWidth(text, fontSize: size, bold: true)
    let fitsRight = p.x + 14 + width <= plot.right
    let labelY = max(plot.top + size / 2, p.y - 16)
    writer.text(
      text, x: fitsRight ? p.x + 12 : p.x - 12, y: labelY, anchor: fitsRight ? .start : .end, bold: true,
      halo: true, cssClass: "best-label")
  }
}
