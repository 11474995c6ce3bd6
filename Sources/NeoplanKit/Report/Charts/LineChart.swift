import Foundation

/// Lines over a numeric x axis (months, years), with nice ticks on both axes, a zero line when the
/// values change sign (e.g. cumulative cash flow), optional horizontal reference lines (e.g. a
/// break-even rate) and an optional marked point with a label (e.g. the payback month).
///
/// Series are told apart by colour and dash pattern, so the chart stays readable in grayscale.
/// Non-finite points are skipped and break the line.
public struct LineChart: Sendable {
  /// A data point.
  public struct Point: Sendable, Equatable {
    /// Position on the x axis.
    public var x: Double
    /// Value.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
      self.x = x
      self.y = y
    }
  }

  /// One line.
  public struct Series: Sendable, Equatable {
    /// Legend label (no legend entry when empty).
    public var name: String
    /// Points in drawing order.
    public var points: [Point]

    /// Creates a series from points.
    public init(name: String, points: [Point]) {
      self.name = name
      self.points = points
    }

    /// Creates a series from values at x = `startX`, `startX + 1`, ….
    public init(name: String, values: [Double], startX: Double = 0) {
      self.name = name
      self.points = values.enumerated().map { Point(x: startX + Double($0.offset), y: $0.element) }
    }
  }

  /// A horizontal dashed line across the plot with a label at its right end.
  public struct ReferenceLine: Sendable, Equatable {
    /// Value where the line is drawn.
    public var y: Double
    /// Label, e.g. "Break-even $1.85/GPU-h".
    public var label: String

    /// Creates a reference line.
    public init(y: Double, label: String) {
      self.y = y
      self.label = label
    }
  }

  /// A highlighted point with a label and a dotted guide down to the x axis.
  public struct Marker: Sendable, Equatable {
    /// Position on the x axis.
    public var x: Double
    /// Value.
    public var y: Double
    /// Label, e.g. "Payback: month 23".
    public var label: String

    /// Creates a marker.
    public init(x: Double, y: Double, label: String) {
      self.x = x
      self.y = y
      self.label = label
    }
  }

  /// Accessible title (`<title>`).
  public var title: String
  /// Accessible description (`<desc>`); the title when empty.
  public var summary: String
  /// The lines.
  public var series: [Series]
  /// Horizontal reference lines.
  public var referenceLines: [ReferenceLine]
  /// Optional marked point.
  public var marker: Marker?
  /// Caption under the x axis (e.g. "Month"); none when empty.
  public var xAxisTitle: String
  /// Caption above the value axis (e.g. "Cumulative cash flow, USD"); none when empty.
  public var yAxisTitle: String
  /// Explicit x tick positions (e.g. every 12 months); nice ticks when `nil`.
  public var xTicks: [Double]?
  /// Whether the value axis always includes zero.
  public var includesZero: Bool
  /// Formats x tick labels.
  public var formatX: ChartValueFormatter
  /// Formats value tick labels.
  public var formatY: ChartValueFormatter
  /// Width in user units.
  public var width: Double
  /// Height in user units.
  public var height: Double
  /// Message shown when no series has a finite point.
  public var noDataText: String
  /// Colours; series *i* uses series colour *i*.
  public var palette: ChartPalette

  /// Creates a line chart.
  public init(
    title: String, summary: String = "", series: [Series], referenceLines: [ReferenceLine] = [],
    marker: Marker? = nil, xAxisTitle: String = "", yAxisTitle: String = "", xTicks: [Double]? = nil,
    includesZero: Bool = true, formatX: @escaping ChartValueFormatter = ChartFormat.decimal(grouping: ""),
    formatY: @escaping ChartValueFormatter = ChartFormat.compact(), width: Double = 720, height: Double = 360,
    noDataText: String = "No data", palette: ChartPalette = .standard
  ) {
    self.title = title
    self.summary = summary
    self.series = series
    self.referenceLines = referenceLines
    self.marker = marker
    self.xAxisTitle = xAxisTitle
    self.yAxisTitle = yAxisTitle
    self.xTicks = xTicks
    self.includesZero = includesZero
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
    let chartHeight = SVGWriter.dimension(height, minimum: 160, fallback: 360)
    let finitePoints = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
    guard !finitePoints.isEmpty else {
      return SVGWriter.noData(
        width: chartWidth, height: chartHeight, title: title, summary: summary, message: noDataText,
        palette: palette, kind: "line")
    }
    var writer = SVGWriter(palette: palette)
    let frame = layout(finitePoints, chartWidth: chartWidth, chartHeight: chartHeight, writer: &writer)
    drawAxes(frame, writer: &writer)

    // Reference lines (labels are placed later, above everything).
    let references = referenceLines.filter(\.y.isFinite).sorted { $0.y > $1.y }
    var placer = LabelPlacer(
      bounds: LabelBox(minX: frame.plotLeft, minY: frame.top - 4, maxX: frame.plotRight, maxY: frame.axisY))
    for reference in references {
      let y = frame.y.scale(reference.y)
      writer.line(
        x1: frame.plotLeft, y1: y, x2: frame.plotRight, y2: y, stroke: palette.mutedText, width: 1.25, dash: "6 3",
        cssClass: "reference")
      placer.segments.append(((frame.plotLeft, y), (frame.plotRight, y)))
    }
    drawSeries(frame, writer: &writer, placer: &placer)
    let labels = placeLabels(frame, references: references, writer: &writer, placer: &placer)
    for label in labels {
      writer.text(
        label.text, x: label.at.x, y: label.at.y, size: label.size, anchor: label.at.anchor, bold: label.bold,
        halo: true, cssClass: label.cssClass)
    }
    return SVGWriter.document(
      width: chartWidth, height: chartHeight, title: title, summary: summary, palette: palette, kind: "line",
      body: writer.body)
  }
}

/// Where a line chart's plot area, ticks and labels go.
private struct LineChartFrame {
  /// One axis: tick values, their labels and the scale from value to position.
  struct Axis {
    var ticks: [Double]
    var labels: [String]
    var scale: LinearScale
  }

  var chartWidth: Double
  var plot: (left: Double, right: Double, top: Double, axisY: Double)
  var y: Axis
  var x: Axis
  var xWidths: [Double]

  var plotLeft: Double { plot.left }
  var plotRight: Double { plot.right }
  var top: Double { plot.top }
  var axisY: Double { plot.axisY }
}

/// A label placed above everything else.
private typealias LineChartLabel = (
  text: String, at: LabelPlacer.Candidate, size: Double, bold: Bool, cssClass: String
)

extension LineChart {
  /// Draws the legend and value-axis caption and lays out the plot area and both axes' ticks.
  private func layout(
    _ finitePoints: [Point], chartWidth: Double, chartHeight: Double, writer: inout SVGWriter
  ) -> LineChartFrame {
    let pad = ChartStyle.padding
    let tickSize = ChartStyle.tickSize

    // Legend and value-axis caption on top.
    var top = writer.legendAndCaption(
      names: series.map(\.name), swatch: .line, caption: yAxisTitle, chartWidth: chartWidth)
    top += 8
    var bottom = chartHeight - pad - tickSize - 8
    if !xAxisTitle.isEmpty { bottom -= 18 }
    let plotHeight = max(40, bottom - top)

    // Value axis.
    var yValues = finitePoints.map(\.y) + referenceLines.map(\.y).filter(\.isFinite)
    if let marker, marker.y.isFinite { yValues.append(marker.y) }
    if includesZero { yValues.append(0) }
    let yTicks = ChartTicks.nice(
      lower: yValues.min()!, upper: yValues.max()!, targetCount: max(2, Int(plotHeight / 50)))
    let yLabels = yTicks.map(formatY)
    let yLabelWidth = yLabels.map { SVGText.estimatedWidth($0, fontSize: tickSize) }.max() ?? 0
    let plotLeft = pad + yLabelWidth + 8
    let yScale = LinearScale(
      domainLow: yTicks.first!, domainHigh: yTicks.last!, rangeLow: top + plotHeight, rangeHigh: top)

    // X axis: domain is the data range widened to the ticks.
    var xValues = finitePoints.map(\.x)
    if let marker, marker.x.isFinite { xValues.append(marker.x) }
    let explicitTicks = (xTicks ?? []).filter(\.isFinite)
    let provisionalRight = chartWidth - pad - 20
    let xTickValues =
      explicitTicks.isEmpty
      ? ChartTicks.nice(
        lower: xValues.min()!, upper: xValues.max()!,
        targetCount: max(2, Int((provisionalRight - plotLeft) / 90)))
      : explicitTicks
    let xLabels = xTickValues.map(formatX)
    let xWidths = xLabels.map { SVGText.estimatedWidth($0, fontSize: tickSize) }
    let xLow = min(xValues.min()!, xTickValues.min()!)
    var xHigh = max(xValues.max()!, xTickValues.max()!)
    if xHigh == xLow { xHigh = xLow + 1 }
    // Right margin: half of the last tick label if it sits at the right edge.
    let lastHalf = (xTickValues.last == xHigh ? (xWidths.last ?? 0) / 2 : 0)
    let plotRight = chartWidth - pad - max(8, lastHalf)
    let xScale = LinearScale(domainLow: xLow, domainHigh: xHigh, rangeLow: plotLeft, rangeHigh: plotRight)
    return LineChartFrame(
      chartWidth: chartWidth, plot: (plotLeft, plotRight, top, top + plotHeight),
      y: .init(ticks: yTicks, labels: yLabels, scale: yScale),
      x: .init(ticks: xTickValues, labels: xLabels, scale: xScale),
      xWidths: xWidths)
  }

  /// Grid, ticks, axis captions and the zero line.
  private func drawAxes(_ f: LineChartFrame, writer: inout SVGWriter) {
    let tickSize = ChartStyle.tickSize
    for (tick, label) in zip(f.y.ticks, f.y.labels) {
      let y = f.y.scale(tick)
      writer.line(x1: f.plotLeft, y1: y, x2: f.plotRight, y2: y, stroke: palette.grid, cssClass: "grid")
      writer.text(
        label, x: f.plotLeft - 6, y: y, size: tickSize, anchor: .end, fill: palette.mutedText, cssClass: "tick")
    }
    let axisY = f.axisY
    writer.line(x1: f.plotLeft, y1: axisY, x2: f.plotRight, y2: axisY, stroke: palette.axis, cssClass: "axis")
    let xPositions = f.x.ticks.map { f.x.scale($0) }
    let xCenters = xPositions.indices.map {
      clampedCenter(xPositions[$0], width: f.xWidths[$0], chartWidth: f.chartWidth)
    }
    for index in thinnedLabelIndices(positions: xCenters, widths: f.xWidths) {
      let x = xPositions[index]
      writer.line(x1: x, y1: axisY, x2: x, y2: axisY + 4, stroke: palette.axis)
      writer.text(
        f.x.labels[index], x: xCenters[index], y: axisY + 6 + tickSize / 2,
        size: tickSize, anchor: .middle, fill: palette.mutedText,
        cssClass: "tick")
    }
    if !xAxisTitle.isEmpty {
      let caption = SVGText.truncate(xAxisTitle, maxWidth: f.plotRight - f.plotLeft, fontSize: tickSize)
      writer.text(
        caption, x: (f.plotLeft + f.plotRight) / 2, y: axisY + 6 + tickSize + 14, size: tickSize, anchor: .middle,
        fill: palette.mutedText, cssClass: "axis-title")
    }
    if f.y.ticks.first! < 0 && f.y.ticks.last! > 0 {
      let y = f.y.scale(0)
      writer.line(
        x1: f.plotLeft, y1: y, x2: f.plotRight, y2: y, stroke: palette.axis, width: 1.25, cssClass: "zero")
    }
  }

  /// Lines, broken at non-finite points; a lone point is drawn as a dot.
  private func drawSeries(_ f: LineChartFrame, writer: inout SVGWriter, placer: inout LabelPlacer) {
    for (index, line) in series.enumerated() {
      var runs: [[(x: Double, y: Double)]] = [[]]
      for point in line.points {
        if point.x.isFinite && point.y.isFinite {
          runs[runs.count - 1].append((f.x.scale(point.x), f.y.scale(point.y)))
        } else if !runs[runs.count - 1].isEmpty {
          runs.append([])
        }
      }
      let dash = ChartStyle.dashes[index % ChartStyle.dashes.count]
      for run in runs where !run.isEmpty {
        if run.count == 1 {
          writer.circle(
            cx: run[0].x, cy: run[0].y, radius: 2.5, fill: palette.color(index), stroke: palette.color(index),
            strokeWidth: 1)
        } else {
          writer.polyline(run, stroke: palette.color(index), width: 2.25, dash: dash, cssClass: "series")
          placer.segments += zip(run, run.dropFirst()).map { ($0, $1) }
        }
      }
    }
  }

  /// Draws the marker with a dotted guide to the x axis, then places its label and the reference
  /// lines' labels where they cross no line.
  private func placeLabels(
    _ f: LineChartFrame, references: [ReferenceLine], writer: inout SVGWriter, placer: inout LabelPlacer
  ) -> [LineChartLabel] {
    let tickSize = ChartStyle.tickSize
    let (plotLeft, plotRight, axisY) = (f.plotLeft, f.plotRight, f.axisY)
    var labels: [LineChartLabel] = []
    if let marker, marker.x.isFinite, marker.y.isFinite {
      let x = f.x.scale(marker.x)
      let y = f.y.scale(marker.y)
      writer.line(x1: x, y1: y, x2: x, y2: axisY, stroke: palette.text, dash: "2 3", cssClass: "marker-guide")
      writer.circle(cx: x, cy: y, radius: 4.5, fill: palette.background, stroke: palette.text)
      placer.segments.append(((x, y), (x, axisY)))
      placer.taken.append(LabelBox(minX: x - 6, minY: y - 6, maxX: x + 6, maxY: y + 6))
      let size = ChartStyle.labelSize
      let text = SVGText.truncate(marker.label, maxWidth: (plotRight - plotLeft) * 0.5, fontSize: size, bold: true)
      let width = SVGText.estimatedWidth(text, fontSize: size, bold: true)
      let candidates: [LabelPlacer.Candidate] = [
        .init(x: x + 10, y: y - 14, anchor: .start), .init(x: x - 10, y: y - 14, anchor: .end),
        .init(x: x + 10, y: y + 16, anchor: .start), .init(x: x - 10, y: y + 16, anchor: .end),
        .init(x: x, y: y - 18, anchor: .middle), .init(x: x, y: y + 20, anchor: .middle),
      ]
      if let at = placer.place(width: width, fontSize: size, candidates: candidates) {
        labels.append((text, at, size, true, "marker-label"))
      }
    }
    for reference in references {
      let y = f.y.scale(reference.y)
      let text = SVGText.truncate(reference.label, maxWidth: (plotRight - plotLeft) * 0.6, fontSize: tickSize)
      let width = SVGText.estimatedWidth(text, fontSize: tickSize)
      let candidates: [LabelPlacer.Candidate] = [
        .init(x: plotRight - 4, y: y - 9, anchor: .end), .init(x: plotRight - 4, y: y + 9, anchor: .end),
        .init(x: plotLeft + 4, y: y - 9, anchor: .start), .init(x: plotLeft + 4, y: y + 9, anchor: .start),
        .init(x: (plotLeft + plotRight) / 2, y: y - 9, anchor: .middle),
        .init(x: (plotLeft + plotRight) / 2, y: y + 9, anchor: .middle),
      ]
      if let at = placer.place(width: width, fontSize: tickSize, candidates: candidates) {
        labels.append((text, at, tickSize, false, "reference-label"))
      }
    }
    return labels
  }
}
