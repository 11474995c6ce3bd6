import Foundation

/// A schematic of a cluster network: fat-tree tiers as stacked boxes (widening towards the
/// nodes) joined by link bundles annotated with their link counts, or rail-only groups side by
/// side; a bottom row describes the compute nodes (e.g. "512 nodes · 4,096 GPUs").
///
/// ```swift
/// TopologyDiagram(
///   title: "Backend fabric",
///   structure: .fatTree(
///     tiers: [.init(name: "core", detail: "64 × QM9700"), .init(name: "spine", detail: "128 × QM9700"),
///             .init(name: "leaf", detail: "128 × QM9700")],
///     links: ["8,192 links", "8,192 links", "4,096 links"]),
///   nodes: "512 nodes · 4,096 GPUs"
/// ).svg()
/// ```
public struct TopologyDiagram: Sendable {
  /// A box: a switch tier or a rail group.
  public struct Tier: Sendable, Equatable {
    /// Bold first line, e.g. "spine".
    public var name: String
    /// Second line, e.g. "128 × QM9700".
    public var detail: String

    /// Creates a tier.
    public init(name: String, detail: String = "") {
      self.name = name
      self.detail = detail
    }
  }

  /// What to draw.
  public enum Structure: Sendable, Equatable {
    /// Tiers top-down (e.g. core, spine, leaf; 1–3 expected, more are drawn too). `links[i]`
    /// annotates the bundle below `tiers[i]` — the last one runs to the nodes; missing or empty
    /// entries leave a bundle unannotated.
    case fatTree(tiers: [Tier], links: [String])
    /// Rail groups side by side, each linked to the nodes; `links` annotates the bundles. When
    /// there are more groups than fit, the first ones, an ellipsis and the last one are drawn.
    case railOnly(rails: [Tier], links: String)
  }

  /// Accessible title (`<title>`).
  public var title: String
  /// Accessible description (`<desc>`); the title when empty.
  public var summary: String
  /// Tiers or rails.
  public var structure: Structure
  /// Text of the bottom (nodes) row.
  public var nodes: String
  /// Width in user units.
  public var width: Double
  /// Message shown when there are no tiers or rails.
  public var noDataText: String
  /// Colours.
  public var palette: ChartPalette

  /// Creates a topology diagram.
  public init(
    title: String, summary: String = "", structure: Structure, nodes: String, width: Double = 720,
    noDataText: String = "No data", palette: ChartPalette = .standard
  ) {
    self.title = title
    self.summary = summary
    self.structure = structure
    self.nodes = nodes
    self.width = width
    self.noDataText = noDataText
    self.palette = palette
  }

  private static let boxHeight = 46.0
  private static let gapHeight = 58.0
  private static let nodesHeight = 40.0

  private struct Box {
    var x: Double
    var width: Double
  }

  /// The diagram as a standalone `<svg>` element.
  public func svg() -> String {
    let chartWidth = SVGWriter.dimension(width, minimum: 320, fallback: 720)
    let pad = ChartStyle.padding
    let inner = chartWidth - 2 * pad
    var writer = SVGWriter(palette: palette)
    var y = pad
    var lastBoxes: [Box] = []
    switch structure {
    case .fatTree(let tiers, let links):
      guard !tiers.isEmpty else { return noData(chartWidth) }
      for (index, tier) in tiers.enumerated() {
        let fraction = tiers.count == 1 ? 0.7 : 0.5 + 0.42 * Double(index) / Double(tiers.count - 1)
        let box = Box(x: pad + inner * (1 - fraction) / 2, width: inner * fraction)
        if !lastBoxes.isEmpty {
          drawBundle(&writer, from: lastBoxes[0], to: box, top: y - Self.gapHeight, bottom: y, lines: 9)
          annotate(
            &writer, index < 1 || index - 1 >= links.count ? "" : links[index - 1], y: y - Self.gapHeight / 2,
            chartWidth: chartWidth)
        }
        drawTier(&writer, tier, box: box, y: y, cssClass: "tier")
        lastBoxes = [box]
        y += Self.boxHeight + Self.gapHeight
      }
      let nodesBox = Box(x: pad, width: inner)
      drawBundle(&writer, from: lastBoxes[0], to: nodesBox, top: y - Self.gapHeight, bottom: y, lines: 11)
      annotate(
        &writer, tiers.count - 1 < links.count ? links[tiers.count - 1] : "", y: y - Self.gapHeight / 2,
        chartWidth: chartWidth)
    case .railOnly(let rails, let links):
      guard !rails.isEmpty else { return noData(chartWidth) }
      let minWidth = 76.0
      let gap = 8.0
      let fit = max(1, Int((inner + gap) / (minWidth + gap)))
      // Entries: a rail index, or nil for the ellipsis.
      let shown: [Int?] =
        rails.count <= fit ? rails.indices.map { $0 } : Array(0..<max(1, fit - 2)).map { $0 } + [nil, rails.count - 1]
      let boxWidth = min(200, (inner - gap * Double(shown.count - 1)) / Double(shown.count))
      let total = boxWidth * Double(shown.count) + gap * Double(shown.count - 1)
      var x = pad + (inner - total) / 2
      for entry in shown {
        let box = Box(x: x, width: boxWidth)
        if let index = entry {
          drawTier(&writer, rails[index], box: box, y: y, cssClass: "rail")
          let target = Box(x: x + boxWidth * 0.1, width: boxWidth * 0.8)
          drawBundle(
            &writer, from: box, to: target, top: y + Self.boxHeight, bottom: y + Self.boxHeight + Self.gapHeight,
            lines: 3)
        } else {
          writer.text(
            "…", x: x + boxWidth / 2, y: y + Self.boxHeight / 2, size: 18, anchor: .middle, fill: palette.mutedText,
            cssClass: "ellipsis")
        }
        x += boxWidth + gap
      }
      y += Self.boxHeight + Self.gapHeight
      annotate(&writer, links, y: y - Self.gapHeight / 2, chartWidth: chartWidth)
    }
    writer.rect(
      x: pad, y: y, width: inner, height: Self.nodesHeight, fill: palette.panel, stroke: palette.axis, radius: 6,
      cssClass: "nodes")
    let nodesText = SVGText.truncate(nodes, maxWidth: inner - 16, fontSize: 13, bold: true)
    writer.text(nodesText, x: pad + inner / 2, y: y + Self.nodesHeight / 2, size: 13, anchor: .middle, bold: true)
    return SVGWriter.document(
      width: chartWidth, height: y + Self.nodesHeight + pad, title: title, summary: summary, palette: palette,
      kind: "topology", body: writer.body)
  }

  private func noData(_ chartWidth: Double) -> String {
    SVGWriter.noData(
      width: chartWidth, height: 120, title: title, summary: summary, message: noDataText, palette: palette,
      kind: "topology")
  }

  private func drawTier(_ writer: inout SVGWriter, _ tier: Tier, box: Box, y: Double, cssClass: String) {
    writer.rect(
      x: box.x, y: y, width: box.width, height: Self.boxHeight, fill: palette.color(0), stroke: palette.color(0),
      radius: 6, cssClass: cssClass)
    let maxText = box.width - 8
    let name = SVGText.truncate(tier.name, maxWidth: maxText, fontSize: 13, bold: true)
    let detail = SVGText.truncate(tier.detail, maxWidth: maxText, fontSize: ChartStyle.tickSize)
    let center = box.x + box.width / 2
    if detail.isEmpty {
      writer.text(name, x: center, y: y + Self.boxHeight / 2, size: 13, anchor: .middle, bold: true, fill: "#ffffff")
    } else {
      writer.text(name, x: center, y: y + 15, size: 13, anchor: .middle, bold: true, fill: "#ffffff")
      writer.text(detail, x: center, y: y + 32, size: ChartStyle.tickSize, anchor: .middle, fill: "#ffffff")
    }
  }

  /// A fan of `lines` straight lines from the bottom edge of `from` to the top edge of `to`.
  private func drawBundle(_ writer: inout SVGWriter, from: Box, to: Box, top: Double, bottom: Double, lines: Int) {
    let count = max(2, lines)
    for index in 0..<count {
      let t = (Double(index) + 0.5) / Double(count)
      writer.line(
        x1: from.x + from.width * t, y1: top, x2: to.x + to.width * t, y2: bottom, stroke: palette.color(2),
        width: 1.25, cssClass: "link")
    }
  }

  /// A pill with the link-count annotation, centred over the bundle.
  private func annotate(_ writer: inout SVGWriter, _ text: String, y: Double, chartWidth: Double) {
    guard !text.isEmpty else { return }
    let shown = SVGText.truncate(text, maxWidth: chartWidth - 6 * ChartStyle.padding, fontSize: ChartStyle.labelSize)
    let textWidth = SVGText.estimatedWidth(shown, fontSize: ChartStyle.labelSize)
    let center = chartWidth / 2
    writer.rect(
      x: center - textWidth / 2 - 10, y: y - 11, width: textWidth + 20, height: 22, fill: palette.background,
      stroke: palette.color(2), radius: 11, cssClass: "link-count")
    writer.text(shown, x: center, y: y, anchor: .middle, cssClass: "link-label")
  }
}
