import Foundation

/// A sensitivity ("tornado") chart: one row per input, in the order given, with a bar from the
/// base value to the outcome at the input's low setting and another to the outcome at its high
/// setting. Labels sit on the left; formatted outcomes sit at the outer end of each side.
public struct TornadoChart: Sendable {
  /// One input's outcomes.
  public struct Row: Sendable, Equatable {
    /// Input label, e.g. "GPU-hour price ±20 %".
    public var label: String
    /// Outcome with the input at its low setting.
    public var low: Double
    /// Outcome with the input at its high setting.
    public var high: Double

    /// Creates a row.
    public init(label: String, low: Double, high: Double) {
      self.label = label
      self.low = low
      self.high = high
    }
  }

  /// Accessible title (`<title>`).
  public var title: String
  /// Accessible description (`<desc>`); the title when empty.
  public var summary: String
  /// Rows, top to bottom (not re-sorted).
  public var rows: [Row]
  /// The base-case outcome the bars grow from.
  public var baseValue: Double
  /// Caption of the base line, e.g. "Base IRR"; the formatted base value is appended after a colon.
  public var baseLabel: String
  /// Legend text for the low-setting bars; no legend when both legend texts are empty.
  public var lowLegend: String
  /// Legend text for the high-setting bars.
  public var highLegend: String
  /// Width in user units.
  public var width: Double
  /// Formats outcomes.
  public var formatValue: ChartValueFormatter
  /// Message shown when there are no rows.
  public var noDataText: String
  /// Colours: low bars use series colour 1 (amber), high bars series colour 0 (navy).
  public var palette: ChartPalette

  /// Creates a tornado chart.
  public init(
    title: String, summary: String = "", rows: [Row], baseValue: Double, baseLabel: String = "",
    lowLegend: String = "", highLegend: String = "", width: Double = 720,
    formatValue: @escaping ChartValueFormatter = ChartFormat.compact(), noDataText: String = "No data",
    palette: ChartPalette = .standard
  ) {
    self.title = title
    self.summary = summary
    self.rows = rows
    self.baseValue = baseValue
    self.baseLabel = baseLabel
    self.lowLegend = lowLegend
    self.highLegend = highLegend
    self.width = width
    self.formatValue = formatValue
    self.noDataText = noDataText
    self.palette = palette
  }

  /// The chart as a standalone `<svg>` element.
  public func svg() -> String {
    let chartWidth = SVGWriter.dimension(width, minimum: 280, fallback: 720)
    guard !rows.isEmpty, baseValue.isFinite else {
      return SVGWriter.noData(
        width: chartWidth, height: 120, title: title, summary: summary, message: noDataText, palette: palette,
        kind: "tornado")
    }
    let pad = ChartStyle.padding
    let size = ChartStyle.labelSize
    let rowHeight = Self.rowHeight
    var writer = SVGWriter(palette: palette)

    let sides = valueSides()
    let leftLabels = sides.map { $0.left.map(formatValue).joined(separator: " / ") }
    let rightLabels = sides.map { $0.right.map(formatValue).joined(separator: " / ") }
    let leftReserve = (leftLabels.map { SVGText.estimatedWidth($0, fontSize: size) }.max() ?? 0) + 6
    let rightReserve = (rightLabels.map { SVGText.estimatedWidth($0, fontSize: size) }.max() ?? 0) + 6

    let labels = rows.map { SVGText.truncate($0.label, maxWidth: chartWidth * 0.34, fontSize: size) }
    let labelWidth = labels.map { SVGText.estimatedWidth($0, fontSize: size) }.max() ?? 0
    let labelRight = pad + labelWidth
    let plotLeft = labelRight + 12
    let plotRight = chartWidth - pad

    var top = pad
    if !lowLegend.isEmpty || !highLegend.isEmpty {
      let legend = LegendLayout(names: [highLegend, lowLegend], maxWidth: chartWidth - 2 * pad)
      legend.draw(into: &writer, left: pad, top: top, swatch: .box)
      top += legend.height + 6
    }
    let baseCaption = baseLabel.isEmpty ? formatValue(baseValue) : baseLabel + ": " + formatValue(baseValue)
    top += 18  // base caption row

    let finite = rows.flatMap { [$0.low, $0.high] }.filter(\.isFinite) + [baseValue]
    var low = finite.min()!
    var high = finite.max()!
    if low == high {
      low -= 1
      high += 1
    }
    let scale = LinearScale(
      domainLow: low, domainHigh: high, rangeLow: plotLeft + leftReserve,
      rangeHigh: max(plotLeft + leftReserve + 1, plotRight - rightReserve))
    let baseX = scale(baseValue)

    drawRows(
      top: top, labelRight: labelRight, baseX: baseX, scale: scale, labels: labels, sides: sides,
      leftLabels: leftLabels, rightLabels: rightLabels,
      chartWidth: chartWidth, writer: &writer)
    let rowsBottom = top + Double(rows.count) * rowHeight
    writer.line(x1: baseX, y1: top - 4, x2: baseX, y2: rowsBottom, stroke: palette.text, width: 1.5, cssClass: "base")
    // Base caption centred on the base line, shifted to stay inside the chart.
    let caption = SVGText.truncate(baseCaption, maxWidth: chartWidth - 2 * pad, fontSize: size)
    let captionWidth = SVGText.estimatedWidth(caption, fontSize: size, bold: true)
    let captionX = min(max(baseX, pad + captionWidth / 2), chartWidth - pad - captionWidth / 2)
    writer.text(caption, x: captionX, y: top - 11, anchor: .middle, bold: true, cssClass: "base-label")
    return SVGWriter.document(
      width: chartWidth, height: rowsBottom + pad, title: title, summary: summary, palette: palette, kind: "tornado",
      body: writer.body)
  }

  /// Height of one row and thickness of its bars.
  private static let rowHeight = 28.0
  private static let thickness = 18.0

  /// Per side of the base line, the values ending on that side (low first): the outer labels.
  private func valueSides() -> [TornadoSides] {
    rows.map { row -> TornadoSides in
      var sides = TornadoSides()
      for value in [row.low, row.high] where value.isFinite && value != baseValue {
        if value < baseValue { sides.left.append(value) } else { sides.right.append(value) }
      }
      return sides
    }
  }

  /// Each row's band, label, low and high bars and outer value labels.
  private func drawRows(
    top: Double, labelRight: Double, baseX: Double, scale: LinearScale, labels: [String], sides: [TornadoSides],
    leftLabels: [String],
    rightLabels: [String], chartWidth: Double, writer: inout SVGWriter
  ) {
    let pad = ChartStyle.padding
    let rowHeight = Self.rowHeight
    let thickness = Self.thickness
    for (index, row) in rows.enumerated() {
      let rowTop = top + Double(index) * rowHeight
      let centerY = rowTop + rowHeight / 2
      if index % 2 == 0 {
        writer.rect(
          x: pad, y: rowTop, width: chartWidth - 2 * pad, height: rowHeight, fill: palette.panel, cssClass: "band")
      }
      writer.text(labels[index], x: labelRight, y: centerY, anchor: .end, cssClass: "label")
      // Longer bar first so a shorter one on the same side stays visible on top.
      let bars = [(row.low, 1), (row.high, 0)].filter { $0.0.isFinite }
        .sorted { abs($0.0 - baseValue) > abs($1.0 - baseValue) }
      for (value, colorIndex) in bars {
        let end = scale(value)
        writer.rect(
          x: min(baseX, end), y: centerY - thickness / 2, width: abs(end - baseX), height: thickness,
          fill: palette.color(colorIndex), cssClass: colorIndex == 1 ? "bar-low" : "bar-high")
      }
      if !sides[index].left.isEmpty {
        writer.text(
          leftLabels[index], x: scale(sides[index].left.min()!) - 6, y: centerY, anchor: .end, cssClass: "value")
      }
      if !sides[index].right.isEmpty {
        writer.text(rightLabels[index], x: scale(sides[index].right.max()!) + 6, y: centerY, cssClass: "value")
      }
    }
  }
}

/// The values of one tornado row ending left and right of the base line.
private struct TornadoSides {
  var left: [Double] = []
  var right: [Double] = []
}
