import Foundation

/// Accumulates SVG elements. Every text node and string attribute goes through
/// ``SVGText/escape(_:)``; every number through ``SVGText/number(_:decimals:)``.
struct SVGWriter {
  enum Anchor: String {
    case start
    case middle
    case end
  }

  /// The elements written so far, as UTF-8 bytes (appending bytes costs less than appending
  /// to a `String`, and a chart appends thousands of short pieces).
  private var bytes: [UInt8] = []
  /// The elements written so far.
  var body: String { String(decoding: bytes, as: UTF8.self) }
  let palette: ChartPalette

  init(palette: ChartPalette) {
    self.palette = palette
  }

  static func num(_ value: Double) -> String { SVGText.number(value) }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1,
    radius: Double = 0, dash: String = "", cssClass: String? = nil
  ) {
    append("<rect")
    if let cssClass { attribute("class", cssClass) }
    attribute("x", x)
    attribute("y", y)
    attribute("width", max(0, width))
    attribute("height", max(0, height))
    if radius > 0 { attribute("rx", radius) }
    attribute("fill", fill)
    if let stroke {
      attribute("stroke", stroke)
      attribute("stroke-width", strokeWidth)
      if !dash.isEmpty { attribute("stroke-dasharray", dash) }
    }
    append("/>\n")
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String = "",
    cssClass: String? = nil
  ) {
    append("<line")
    if let cssClass { attribute("class", cssClass) }
    attribute("x1", x1)
    attribute("y1", y1)
    attribute("x2", x2)
    attribute("y2", y2)
    attribute("stroke", stroke)
    attribute("stroke-width", width)
    if !dash.isEmpty { attribute("stroke-dasharray", dash) }
    append("/>\n")
  }

  mutating func polyline(
    _ points: [(x: Double, y: Double)], stroke: String, width: Double, dash: String = "", cssClass: String? = nil
  ) {
    guard !points.isEmpty else { return }
    append("<polyline")
    if let cssClass { attribute("class", cssClass) }
    // The point list is numbers, commas and spaces only: nothing for `SVGText.escape` to change.
    append(" points=\"")
    for (index, point) in points.enumerated() {
      if index > 0 { append(" ") }
      append(Self.num(point.x))
      append(",")
      append(Self.num(point.y))
    }
    append("\"")
    attribute("fill", "none")
    attribute("stroke", stroke)
    attribute("stroke-width", width)
    attribute("stroke-linejoin", "round")
    attribute("stroke-linecap", "round")
    if !dash.isEmpty { attribute("stroke-dasharray", dash) }
    append("/>\n")
  }

  mutating func circle(cx: Double, cy: Double, radius: Double, fill: String, stroke: String, strokeWidth: Double = 2) {
    append("<circle")
    attribute("cx", cx)
    attribute("cy", cy)
    attribute("r", radius)
    attribute("fill", fill)
    attribute("stroke", stroke)
    attribute("stroke-width", strokeWidth)
    append("/>\n")
  }

  /// A single-line text. `y` is the vertical centre of the line; the baseline is derived from it
  /// so that layout code can reason in centres.
  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = ChartStyle.labelSize, anchor: Anchor = .start,
    bold: Bool = false, fill: String? = nil, halo: Bool = false, cssClass: String? = nil
  ) {
    guard !content.isEmpty else { return }
    append("<text")
    if let cssClass { attribute("class", cssClass) }
    attribute("x", x)
    attribute("y", y + size * 0.35)
    if size != ChartStyle.labelSize { attribute("font-size", size) }
    if anchor != .start { attribute("text-anchor", anchor.rawValue) }
    if bold { attribute("font-weight", "600") }
    attribute("fill", fill ?? palette.text)
    if halo {
      attribute("stroke", palette.background)
      attribute("stroke-width", 3)
      attribute("stroke-linejoin", "round")
      attribute("paint-order", "stroke")
    }
    append(">")
    append(SVGText.escape(content))
    append("</text>\n")
  }

  mutating func raw(_ markup: String) {
    append(markup)
  }

  /// Appends `text`'s UTF-8 bytes.
  private mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends ` name="value"` with the value escaped. (Elements are written straight into `body`,
  /// piece by piece, rather than concatenated into temporary strings first: the same text.)
  private mutating func attribute(_ name: String, _ value: String) {
    attribute(name, escaped: SVGText.escape(value))
  }

  /// Appends ` name="number"`.
  private mutating func attribute(_ name: String, _ value: Double) {
    attribute(name, escaped: Self.num(value))
  }

  /// Appends ` name="value"` with the value as given (already escaped, or a number).
  private mutating func attribute(_ name: String, escaped value: String) {
    append(" ")
    append(name)
    append("=\"")
    append(value)
    append("\"")
  }

  /// Wraps `body` in an `<svg>` root with viewBox, 100 % width, title and desc.
  static func document(
    width: Double, height: Double, title: String, summary: String, palette: ChartPalette, kind: String, body: String
  ) -> String {
    let w = num(width)
    let h = num(height)
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"neoplan-chart neoplan-chart-" + SVGText.escape(kind)
    out += "\" viewBox=\"0 0 " + w + " " + h + "\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\""
    out += " style=\"max-width:" + w + "px;height:auto\" role=\"img\""
    out += " font-family=\"" + SVGText.escape(ChartStyle.fontFamily) + "\" font-size=\""
    out += num(ChartStyle.labelSize) + "\">\n"
    out += "<title>" + SVGText.escape(title) + "</title>\n"
    out += "<desc>" + SVGText.escape(summary.isEmpty ? title : summary) + "</desc>\n"
    out += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"" + SVGText.escape(palette.background) + "\"/>\n"
    out += body
    out += "</svg>"
    return out
  }

  /// A chart-sized placeholder with a centred message, for empty or unusable data.
  static func noData(
    width: Double, height: Double, title: String, summary: String, message: String,
    palette: ChartPalette, kind: String
  ) -> String {
    let safeWidth = width.isFinite ? min(max(width, 160), 4_000) : 720
    let safeHeight = height.isFinite ? min(max(height, 80), 4_000) : 160
    var writer = SVGWriter(palette: palette)
    let inset = ChartStyle.padding
    writer.rect(
      x: inset, y: inset, width: safeWidth - 2 * inset, height: safeHeight - 2 * inset, fill: palette.panel,
      stroke: palette.grid, radius: 6, dash: "4 4")
    let shown = SVGText.truncate(message, maxWidth: safeWidth - 4 * inset, fontSize: 13)
    writer.text(
      shown, x: safeWidth / 2, y: safeHeight / 2, size: 13, anchor: .middle, fill: palette.mutedText,
      cssClass: "no-data")
    return document(
      width: safeWidth, height: safeHeight, title: title, summary: summary, palette: palette, kind: kind,
      body: writer.body)
  }
}

/// A legend laid out in rows that wrap at a maximum width.
struct LegendLayout {
  struct Item {
    var index: Int
    var text: String
    var x: Double
    var row: Int
  }

  static let swatchWidth = 22.0
  static let rowHeight = 18.0
  static let gap = 18.0

  var items: [Item] = []
  var rowCount = 0

  var height: Double { Double(rowCount) * Self.rowHeight }

  /// Lays out `names` (empty names are skipped) within `maxWidth`; long names are truncated.
  init(names: [String], maxWidth: Double) {
    var x = 0.0
    var row = 0
    let size = ChartStyle.labelSize
    for (index, name) in names.enumerated() where !name.isEmpty {
      let text = SVGText.truncate(name, maxWidth: max(40, maxWidth - Self.swatchWidth - 6), fontSize: size)
      let width = Self.swatchWidth + 6 + SVGText.estimatedWidth(text, fontSize: size)
      if x > 0 && x + width > maxWidth {
        row += 1
        x = 0
      }
      items.append(Item(index: index, text: text, x: x, row: row))
      x += width + Self.gap
    }
    rowCount = items.isEmpty ? 0 : row + 1
  }

  enum Swatch {
    case box
    case line
  }

  /// Draws the legend with its top-left corner at (`left`, `top`).
  func draw(into writer: inout SVGWriter, left: Double, top: Double, swatch: Swatch) {
    for item in items {
      let centerY = top + Double(item.row) * Self.rowHeight + Self.rowHeight / 2
      let color = writer.palette.color(item.index)
      switch swatch {
      case .box:
        writer.rect(
          x: left + item.x + 4, y: centerY - 6, width: 14, height: 12, fill: color, stroke: writer.palette.background,
          cssClass: "legend-swatch")
      case .line:
        let dash = ChartStyle.dashes[item.index % ChartStyle.dashes.count]
        writer.line(
          x1: left + item.x, y1: centerY, x2: left + item.x + Self.swatchWidth, y2: centerY, stroke: color,
          width: 2.5, dash: dash, cssClass: "legend-swatch")
      }
      writer.text(item.text, x: left + item.x + Self.swatchWidth + 6, y: centerY, cssClass: "legend")
    }
  }
}

/// Maps a value domain linearly onto a pixel range.
struct LinearScale {
  var domainLow: Double
  var domainHigh: Double
  var rangeLow: Double
  var rangeHigh: Double

  func callAsFunction(_ value: Double) -> Double {
    let span = domainHigh - domainLow
    guard span != 0, span.isFinite, value.isFinite else { return rangeLow }
    return rangeLow + (value - domainLow) / span * (rangeHigh - rangeLow)
  }
}

/// Indices of tick labels to show so that neighbours (centred at `positions`) keep `gap` apart:
/// every k-th label for the smallest k that fits.
func thinnedLabelIndices(positions: [Double], widths: [Double], gap: Double = 8) -> [Int] {
  guard positions.count == widths.count, !positions.isEmpty else { return [] }
  var stride = 1
  while stride < positions.count {
    let indices = Array(Swift.stride(from: 0, to: positions.count, by: stride))
    var fits = true
    for (a, b) in zip(indices, indices.dropFirst())
    where abs(positions[b] - positions[a]) < (widths[a] + widths[b]) / 2 + gap {
      fits = false
      break
    }
    if fits { return indices }
    stride += 1
  }
  return [0]
}

/// The centre `x` of a middle-anchored label of `width`, moved so the label stays inside the padding.
func clampedCenter(_ x: Double, width: Double, chartWidth: Double) -> Double {
  let pad = ChartStyle.padding
  return min(max(x, pad + width / 2), chartWidth - pad - width / 2)
}

extension SVGWriter {
  /// A chart dimension: finite, clamped to `minimum…4000`, else `fallback`.
  static func dimension(_ value: Double, minimum: Double, fallback: Double) -> Double {
    value.isFinite ? min(max(value, minimum), 4_000) : fallback
  }

  /// Draws the legend and an optional axis caption at the top of a chart; returns the y below them.
  mutating func legendAndCaption(
    names: [String], swatch: LegendLayout.Swatch, caption: String, chartWidth: Double
  ) -> Double {
    let pad = ChartStyle.padding
    let tickSize = ChartStyle.tickSize
    let legend = LegendLayout(names: names, maxWidth: chartWidth - 2 * pad)
    legend.draw(into: &self, left: pad, top: pad, swatch: swatch)
    var top = pad + legend.height + (legend.rowCount > 0 ? 6 : 0)
    if !caption.isEmpty {
      let text = SVGText.truncate(caption, maxWidth: chartWidth - 2 * pad, fontSize: tickSize)
      self.text(text, x: pad, y: top + 8, size: tickSize, fill: palette.mutedText, cssClass: "axis-title")
      top += 18
    }
    return top
  }
}
