import Foundation
import Testing

@testable import NeoplanKit

@Suite("Chart text, numbers and ticks")
struct ChartTextTests {
  @Test func escapeReplacesMarkupCharacters() {
    #expect(SVGText.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
    #expect(SVGText.escape("{{ name }}") == "&#123;&#123; name &#125;&#125;")
    #expect(SVGText.escape("&amp;") == "&amp;amp;")
    // Controls XML forbids are dropped; line breaks become spaces; CJK passes through.
    #expect(SVGText.escape("a\u{0}b\u{7}c\nd\te") == "abc d e")
    #expect(SVGText.escape("资本支出 · 中国") == "资本支出 · 中国")
  }

  /// Half-even on the exact value (NumberFormat): 0.125 = 1/8 is a tie → 0.12 (2 even; the
  /// old half-away rule gave 0.13); 0.375 → 0.38; 1e21 = 10²¹ is exact in binary and printed
  /// in full (no longer clamped to 9.2·10¹⁸).
  @Test func numbersAreLocaleIndependentAndFinite() {
    #expect(SVGText.number(12.5) == "12.5")
    #expect(SVGText.number(12) == "12")
    #expect(SVGText.number(0.125) == "0.12")
    #expect(SVGText.number(0.375) == "0.38")
    #expect(SVGText.number(-0.001) == "0")
    #expect(SVGText.number(-3.456) == "-3.46")
    #expect(SVGText.number(1e21) == "1000000000000000000000")
    #expect(SVGText.number(-1e17) == "-100000000000000000")
    #expect(SVGText.number(.nan) == "0")
    #expect(SVGText.number(-.infinity) == "0")
  }

  /// 0.1825 is held as 0.18249999999999999556… → 18.2% (below the tie; the old rule rounded
  /// the binary product 0.1825 × 100 = 18.25 away from zero to 18.3%). 1,225,000 → 1.225M,
  /// an exact tie → 1.22 (2 even).
  @Test func formattersMatchHandWrittenStrings() {
    let money = ChartFormat.compact(prefix: "$")
    #expect(money(1_200_000) == "$1.2M")
    #expect(money(1_234_567) == "$1.23M")
    #expect(money(950) == "$950")
    #expect(money(-2_300_000) == "-$2.3M")
    #expect(money(999_999) == "$1M")
    #expect(money(0) == "$0")
    #expect(money(.nan) == "$0")
    #expect(ChartFormat.decimal(decimals: 1, prefix: "$")(1234.56) == "$1,234.6")
    #expect(ChartFormat.decimal()(-0.2) == "0")
    #expect(ChartFormat.percent(decimals: 1)(0.1825) == "18.2%")
    #expect(ChartFormat.percent(decimals: 1)(.nan) == "0%")
    #expect(money(1_225_000) == "$1.22M")
    #expect(ChartFormat.percent(decimals: 0)(-0.05) == "-5%")
  }

  @Test func truncationAddsEllipsisWithinWidth() {
    let long = "A very long category label that cannot possibly fit"
    let short = SVGText.truncate(long, maxWidth: 100, fontSize: 12)
    #expect(short.hasSuffix("…"))
    #expect(SVGText.estimatedWidth(short, fontSize: 12) <= 100)
    #expect(SVGText.truncate("GPU", maxWidth: 100, fontSize: 12) == "GPU")
    #expect(SVGText.truncate("GPU", maxWidth: 2, fontSize: 12) == "")
    // CJK characters count as one em each: 4 × 12 = 48.
    #expect(SVGText.estimatedWidth("资本支出", fontSize: 12) == 48)
  }

  @Test func niceTicksHandDerived() {
    // 37 / 5 = 7.4 → step 10; floor(0) = 0, ceil(3.7) = 4.
    #expect(ChartTicks.nice(lower: 0, upper: 37) == [0, 10, 20, 30, 40])
    // 7.4M / 5 = 1.48M → step 2M; floor(−1.15) = −2, ceil(2.55) = 3.
    #expect(ChartTicks.nice(lower: -2_300_000, upper: 5_100_000) == [-4e6, -2e6, 0, 2e6, 4e6, 6e6])
    // 1 / 5 = 0.2 → step 0.2, exact decimals (computed as k / 10).
    #expect(ChartTicks.nice(lower: 0, upper: 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    // 0.26 / 4 = 0.065 → step 0.1; floor(0.04 / 0.1) = 0, ceil(0.3 / 0.1) = 3 despite 0.3 / 0.1 < 3.
    #expect(ChartTicks.nice(lower: 0.04, upper: 0.3, targetCount: 4) == [0, 0.1, 0.2, 0.3])
    // 60 / 6 = 10 → step 10 exactly (no extra tick from rounding).
    #expect(ChartTicks.nice(lower: 0, upper: 60, targetCount: 6) == [0, 10, 20, 30, 40, 50, 60])
    // 4 / 5 = 0.8 → step 1.
    #expect(ChartTicks.nice(lower: 2026, upper: 2030) == [2026, 2027, 2028, 2029, 2030])
    // Negative only: 45 / 5 = 9 → step 10; floor(−5) … ceil(−0.5) = 0.
    #expect(ChartTicks.nice(lower: -50, upper: -5) == [-50, -40, -30, -20, -10, 0])
  }

  @Test func niceTicksDegenerateInputs() {
    #expect(ChartTicks.nice(lower: 0, upper: 0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(ChartTicks.nice(lower: 5, upper: 5) == [0, 1, 2, 3, 4, 5])
    #expect(ChartTicks.nice(lower: 37, upper: 0) == [0, 10, 20, 30, 40])
    #expect(ChartTicks.nice(lower: .nan, upper: .nan) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(ChartTicks.nice(lower: .nan, upper: 37) == [0, 10, 20, 30, 40])
    #expect(ChartTicks.nice(lower: -.infinity, upper: .infinity) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    for (low, high) in [(-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude), (1e20, 1e20 + 1e6)] {
      let ticks = ChartTicks.nice(lower: low, upper: high)
      #expect(ticks.count >= 2)
      #expect(ticks.allSatisfy { $0.isFinite })
    }
  }
}

@Suite("SVG chart builders")
struct ChartBuilderTests {
  static let hostile = [
    "<script>alert('x')</script>", "\" onload=\"alert(1)", "R&D {{ secret }}", "]]><!-- --><![CDATA[",
    "a\u{0}b</text><script>",
  ]

  @Test func hostileLabelsAreEscapedEverywhere() {
    for svg in ChartSamples.all(labels: Self.hostile) {
      #expect(!svg.contains("<script"))
      #expect(!svg.contains("{{"))
      #expect(!svg.contains("onload=\""))
      let parsed = parseSVG(svg)
      #expect(parsed.ok, "\(parsed.error ?? "")")
      #expect(parsed.elements.filter { $0.name == "script" }.isEmpty)
    }
    // The escaped text still reads as the original once parsed.
    let parsed = parseSVG(ChartSamples.bar(labels: Self.hostile).svg())
    #expect(parsed.allText.contains("<script>alert('x')</script>"))
    #expect(parsed.allText.contains("R&D {{ secret }}"))
  }

  @Test func hostileTitleAndPaletteAreEscaped() {
    var palette = ChartPalette.standard
    palette.series = ["red\" onclick=\"x", "#fff"]
    let svg = BarChart(
      title: "<script>t</script>", summary: "</desc><script>", bars: [.init("a", 1)], palette: palette
    ).svg()
    #expect(!svg.contains("<script"))
    #expect(!svg.contains("onclick=\""))
    let parsed = parseSVG(svg)
    #expect(parsed.ok)
    #expect(parsed.elements(named: "title").first?.text == "<script>t</script>")
    #expect(parsed.elements(named: "desc").first?.text == "</desc><script>")
  }

  @Test func outputIsDeterministic() {
    #expect(ChartSamples.all() == ChartSamples.all())
    #expect(ChartSamples.all(labels: Self.hostile) == ChartSamples.all(labels: Self.hostile))
  }

  @Test func everyChartIsWellFormedWithAccessibilityElements() {
    for svg in ChartSamples.all() + [ChartSamples.railOnly(count: 40).svg()] {
      let parsed = parseSVG(svg)
      #expect(parsed.ok, "\(parsed.error ?? "")")
      let root = parsed.elements.first
      #expect(root?.name == "svg")
      #expect(root?.attributes["width"] == "100%")
      #expect(root?.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
      #expect(root?.attributes["preserveAspectRatio"] == "xMidYMid meet")
      #expect(root?.attributes["font-family"]?.contains("Noto Sans CJK SC") == true)
      #expect(parsed.elements.dropFirst().first?.name == "title")
      #expect(parsed.elements(named: "desc").count == 1)
      #expect(nonFiniteNumbers(in: svg).isEmpty)
      #expect(!svg.contains("<script") && !svg.contains("href"))
      // Axis and label text is never smaller than 11 px.
      for text in parsed.elements(named: "text") {
        #expect((Double(text.attributes["font-size"] ?? "12") ?? 0) >= 11)
      }
    }
  }

  @Test func emptyDataShowsCallerMessage() {
    let message = "Keine Daten"
    let charts = [
      BarChart(title: "t", bars: [], noDataText: message).svg(),
      StackedBarChart(title: "t", categories: [], series: [], noDataText: message).svg(),
      StackedBarChart(title: "t", categories: ["Y1"], series: [], noDataText: message).svg(),
      LineChart(title: "t", series: [], noDataText: message).svg(),
      LineChart(title: "t", series: [.init(name: "a", values: [.nan, .infinity])], noDataText: message).svg(),
      TornadoChart(title: "t", rows: [], baseValue: 0, noDataText: message).svg(),
      TornadoChart(title: "t", rows: [.init(label: "a", low: 1, high: 2)], baseValue: .nan, noDataText: message).svg(),
      TopologyDiagram(title: "t", structure: .fatTree(tiers: [], links: []), nodes: "", noDataText: message).svg(),
      TopologyDiagram(title: "t", structure: .railOnly(rails: [], links: ""), nodes: "", noDataText: message).svg(),
    ]
    for svg in charts {
      let parsed = parseSVG(svg)
      #expect(parsed.ok)
      #expect(parsed.elements(named: "text", cssClass: "no-data").first?.text == message)
      #expect(nonFiniteNumbers(in: svg).isEmpty)
      #expect(!svg.contains("NaN") && !svg.contains("inf"))
    }
  }

  @Test func nonFiniteInputsNeverReachTheOutput() {
    let bad: [Double] = [.nan, .infinity, -.infinity]
    let charts = [
      BarChart(title: "t", bars: [.init("a", .nan), .init("b", .infinity), .init("c", 3)], width: .nan).svg(),
      BarChart(title: "t", bars: [.init("a", .nan)]).svg(),
      StackedBarChart(
        title: "t", categories: ["Y1", "Y2"], series: [.init(name: "a", values: bad), .init(name: "b", values: [1])],
        width: .infinity, height: .nan
      ).svg(),
      LineChart(
        title: "t", series: [.init(name: "a", values: [1, .nan, 3, .infinity, 5])],
        referenceLines: [.init(y: .nan, label: "r")], marker: .init(x: .infinity, y: 1, label: "m"),
        xTicks: [.nan], width: .nan, height: -.infinity
      ).svg(),
      LineChart(title: "t", series: [.init(name: "a", values: [7])]).svg(),
      TornadoChart(
        title: "t", rows: [.init(label: "a", low: .nan, high: .infinity), .init(label: "b", low: 1, high: 1)],
        baseValue: 1
      ).svg(),
      TopologyDiagram(
        title: "t", structure: .fatTree(tiers: [.init(name: "leaf")], links: []), nodes: "n", width: .nan
      ).svg(),
    ]
    for svg in charts {
      #expect(parseSVG(svg).ok)
      #expect(nonFiniteNumbers(in: svg).isEmpty, "\(nonFiniteNumbers(in: svg))")
      #expect(!svg.contains("NaN") && !svg.contains("inf"))
    }
  }

  @Test func barWidthIsProportionalToValue() throws {
    // By hand, width 400, labels "A"/"B" (0.7 em × 12 px = 8.4 px each), empty value labels:
    // label right edge 12 + 8.4 = 20.4, plot from 20.4 + 10 = 30.4 to 400 − 12 − 6 (value gap) = 382,
    // so 100 spans 351.6 px and 50 spans 175.8 px, both starting at 30.4.
    let chart = BarChart(
      title: "t", bars: [.init("A", 100), .init("B", 50)], width: 400, formatValue: { _ in "" })
    let bars = parseSVG(chart.svg()).elements(named: "rect", cssClass: "bar")
    #expect(bars.count == 2)
    let widths = try bars.map { try #require(Double($0.attributes["width"] ?? "")) }
    let xs = try bars.map { try #require(Double($0.attributes["x"] ?? "")) }
    #expect(abs(widths[0] - 351.6) < 0.005)
    #expect(abs(widths[1] - 175.8) < 0.005)
    #expect(xs == [30.4, 30.4])
  }

  @Test func longLabelsAreTruncatedAndMarginsFollowTheLongestLabel() throws {
    let long = String(repeating: "Extremely long category ", count: 10)
    let chart = BarChart(title: "t", bars: [.init(long, 10), .init("B", 5)], width: 600)
    let parsed = parseSVG(chart.svg())
    let label = try #require(parsed.elements(named: "text", cssClass: "label").first)
    #expect(label.text.hasSuffix("…"))
    // The label never reaches into the bars: its right edge (text-anchor end) is left of every bar.
    let labelRight = try #require(Double(label.attributes["x"] ?? ""))
    for bar in parsed.elements(named: "rect", cssClass: "bar") {
      #expect(try #require(Double(bar.attributes["x"] ?? "")) > labelRight)
    }
    #expect(labelRight <= 12 + 600 * 0.38)
  }

  @Test func negativeBarsExtendLeftOfZero() throws {
    let chart = BarChart(title: "t", bars: [.init("up", 10), .init("down", -10)], formatValue: { _ in "" })
    let bars = parseSVG(chart.svg()).elements(named: "rect", cssClass: "bar")
    let xs = try bars.map { try #require(Double($0.attributes["x"] ?? "")) }
    let widths = try bars.map { try #require(Double($0.attributes["width"] ?? "")) }
    #expect(abs(widths[0] - widths[1]) < 0.01)
    #expect(abs(xs[1] + widths[1] - xs[0]) < 0.01)  // the negative bar ends where the positive starts
  }

  @Test func lineChartDrawsZeroLineReferenceAndMarker() {
    let parsed = parseSVG(ChartSamples.line().svg())
    #expect(parsed.elements(named: "line", cssClass: "zero").count == 1)
    #expect(parsed.elements(named: "line", cssClass: "reference").count == 1)
    #expect(parsed.elements(named: "text", cssClass: "marker-label").first?.text == "Payback: month 23")
    #expect(parsed.elements(named: "polyline", cssClass: "series").count == 2)
    let ticks = parsed.elements(named: "text", cssClass: "tick").map(\.text)
    #expect(ticks.contains("$0") && ticks.contains("-$2M") && ticks.contains("12"))
    // A non-finite point splits a line into two segments.
    let broken = LineChart(title: "t", series: [.init(name: "", values: [1, 2, .nan, 3, 4])]).svg()
    #expect(parseSVG(broken).elements(named: "polyline", cssClass: "series").count == 2)
  }

  @Test func stackedBarsStackAndShowTotals() throws {
    let chart = StackedBarChart(
      title: "t", categories: ["Y1", "Y2"],
      series: [.init(name: "a", values: [3, 1]), .init(name: "b", values: [1, 1])],
      formatValue: ChartFormat.decimal())
    let parsed = parseSVG(chart.svg())
    let segments = parsed.elements(named: "rect", cssClass: "segment")
    #expect(segments.count == 4)
    // Column 1: 3 then 1 stacked; heights 3 : 1.
    let heights = try segments.map { try #require(Double($0.attributes["height"] ?? "")) }
    #expect(abs(heights[0] / heights[1] - 3) < 0.01)
    #expect(parsed.elements(named: "text", cssClass: "total").map(\.text) == ["4", "2"])
    #expect(parsed.elements(named: "text", cssClass: "legend").map(\.text) == ["a", "b"])
  }

  @Test func tornadoKeepsRowOrderAndPutsValuesAtEnds() {
    let parsed = parseSVG(ChartSamples.tornado().svg())
    #expect(
      parsed.elements(named: "text", cssClass: "label").map(\.text) == [
        "GPU-hour price ±20 %", "Utilisation ±10 pts", "Electricity price ±30 %", "Capex ±10 %",
      ])
    #expect(
      parsed.elements(named: "text", cssClass: "value").map(\.text) == [
        "6.1%", "29.8%", "10.4%", "25.1%", "16.8%", "19.7%", "15.1%", "21.4%",
      ])
    #expect(parsed.elements(named: "text", cssClass: "base-label").first?.text == "Base IRR: 18.2%")
  }

  @Test func topologyTiersLinksAndRails() {
    let tree = parseSVG(ChartSamples.topology().svg())
    #expect(tree.elements(named: "rect", cssClass: "tier").count == 3)
    #expect(
      tree.elements(named: "text", cssClass: "link-label").map(\.text) == ["8,192 links", "8,192 links", "4,096 links"])
    #expect(tree.allText.contains("512 nodes · 4,096 GPUs"))
    #expect(tree.allText.contains("64 × QM9700"))
    for count in 1...3 {
      let tiers = (0..<count).map { TopologyDiagram.Tier(name: "t\($0)", detail: "d") }
      let svg = TopologyDiagram(title: "t", structure: .fatTree(tiers: tiers, links: []), nodes: "n").svg()
      #expect(parseSVG(svg).elements(named: "rect", cssClass: "tier").count == count)
    }
    #expect(parseSVG(ChartSamples.railOnly(count: 4).svg()).elements(named: "rect", cssClass: "rail").count == 4)
    // Too many rails for the width: the first ones, an ellipsis and the last one.
    let many = parseSVG(ChartSamples.railOnly(count: 40).svg())
    let rails = many.elements(named: "rect", cssClass: "rail")
    #expect(rails.count < 40 && rails.count >= 3)
    #expect(many.elements(named: "text", cssClass: "ellipsis").count == 1)
    #expect(many.allText.contains("rail 40"))
  }

  @Test func labelPlacerAvoidsLinesAndTakenBoxes() {
    var placer = LabelPlacer(bounds: LabelBox(minX: 0, minY: 0, maxX: 200, maxY: 100))
    // A horizontal line through y = 40 blocks a label centred there; the second candidate is free.
    placer.segments = [((0, 40), (200, 40))]
    let candidates: [LabelPlacer.Candidate] = [
      .init(x: 10, y: 40, anchor: .start), .init(x: 10, y: 60, anchor: .start), .init(x: 10, y: 80, anchor: .start),
    ]
    #expect(placer.place(width: 50, fontSize: 12, candidates: candidates)?.y == 60)
    // The box at y = 60 is now taken, so the next label goes to y = 80.
    #expect(placer.place(width: 50, fontSize: 12, candidates: candidates)?.y == 80)
    // Out of bounds costs more than crossing a line.
    #expect(placer.place(width: 50, fontSize: 12, candidates: [.init(x: 190, y: 20, anchor: .start)])?.x == 190)
  }

  @Test func tickLabelsAreThinnedWhenTheyWouldCollide() {
    // Centres 30 px apart, labels 40 px wide: neighbours need 40 + 8 = 48 px, so every 2nd label.
    let positions = (0..<7).map { Double($0) * 30 }
    #expect(thinnedLabelIndices(positions: positions, widths: Array(repeating: 40, count: 7)) == [0, 2, 4, 6])
    #expect(thinnedLabelIndices(positions: positions, widths: Array(repeating: 20, count: 7)) == Array(0..<7))
  }

  /// Stress samples (CJK and hostile labels, empty and crowded charts, markers at the corner) are
  /// well-formed SVG with hostile text escaped. With NEOPLAN_CHART_SAMPLE=PATH the samples are also
  /// written to an HTML page for visual review.
  @Test func stressSamplesAreWellFormed() throws {
    let cjk = ["资本支出：GPU 服务器", "后端网络", "存储", "机房与电力", "软件许可"]
    let extra = [
      LineChart(
        title: "Price path", series: [.init(name: "Market price", values: [3.0, 2.8, 2.5, 2.1, 1.9], startX: 2026)],
        referenceLines: [.init(y: 1.85, label: "Break-even $1.85/GPU-h"), .init(y: 2.0, label: "Contract floor")],
        formatY: ChartFormat.decimal(decimals: 2, prefix: "$"), height: 300
      ).svg(),
      ChartSamples.bar(labels: cjk).svg(),
      ChartSamples.bar(labels: Self.hostile).svg(),
      ChartSamples.railOnly(count: 40).svg(),
      TopologyDiagram(
        title: "Single tier",
        structure: .fatTree(tiers: [.init(name: "leaf", detail: "2 × QM9700")], links: ["64 links"]),
        nodes: "16 nodes · 128 GPUs"
      ).svg(),
      BarChart(title: "Empty", bars: [], noDataText: "No capex lines").svg(),
      StackedBarChart(
        title: "Stress", categories: (1...25).map { "Fiscal year \($0)" },
        series: [
          .init(
            name: "Capex recovery with an extremely long legend name that goes on",
            values: Array(repeating: 5, count: 25)),
          .init(name: "Refunds", values: (1...25).map { -Double($0 % 4) }), .init(name: "Opex", values: [2, 3]),
        ], formatValue: ChartFormat.decimal(decimals: 1, prefix: "$")
      ).svg(),
      TornadoChart(
        title: "Stress",
        rows: [
          .init(
            label: String(repeating: "Very long sensitivity input name ", count: 4), low: -1_200_000, high: 900_000),
          .init(label: "Same side", low: 400_000, high: 700_000),
        ], baseValue: 100_000, baseLabel: "Base NPV", formatValue: ChartFormat.compact(prefix: "$")
      ).svg(),
      LineChart(
        title: "Marker at the corner", series: [.init(name: "", values: [0, 1, 4, 9, 16, 25])],
        referenceLines: [.init(y: 25, label: "Target"), .init(y: 24, label: "Near target")],
        marker: .init(x: 5, y: 25, label: "Reached at step 5"), height: 240
      ).svg(),
    ]
    for svg in extra {
      #expect(xmlProblems(svg) == nil, "\(xmlProblems(svg) ?? "")")
      #expect(!svg.contains("<script"))
    }
    #expect(extra.count == 9)
    guard let path = ProcessInfo.processInfo.environment["NEOPLAN_CHART_SAMPLE"], !path.isEmpty else { return }
    let body = (ChartSamples.all() + extra).map { "<figure>\($0)</figure>" }.joined(separator: "\n")
    let html =
      "<!doctype html><meta charset=\"utf-8\"><style>body{font-family:sans-serif;max-width:760px;margin:16px}"
      + "figure{margin:0 0 20px;border:1px solid #ddd}</style>\n" + body
    try html.write(toFile: path, atomically: true, encoding: .utf8)
  }
}
