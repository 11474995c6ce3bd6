import Foundation

@testable import NeoplanKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One parsed SVG element.
struct ParsedElement {
  var name: String
  var attributes: [String: String]
  var text: String
}

/// The result of parsing an SVG string with Foundation's XMLParser.
struct ParsedSVG {
  var ok: Bool
  var error: String?
  var elements: [ParsedElement]

  func elements(named name: String, cssClass: String? = nil) -> [ParsedElement] {
    elements.filter { $0.name == name && (cssClass == nil || $0.attributes["class"] == cssClass) }
  }

  /// Concatenated character data of all elements.
  var allText: String { elements.map(\.text).joined(separator: "\n") }
}

private final class CollectingDelegate: NSObject, XMLParserDelegate {
  var elements: [ParsedElement] = []
  var stack: [Int] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    elements.append(ParsedElement(name: elementName, attributes: attributeDict, text: ""))
    stack.append(elements.count - 1)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    _ = stack.popLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let index = stack.last { elements[index].text += string }
  }
}

func parseSVG(_ svg: String) -> ParsedSVG {
  let parser = XMLParser(data: Data(svg.utf8))
  let delegate = CollectingDelegate()
  parser.delegate = delegate
  let ok = parser.parse()
  return ParsedSVG(ok: ok, error: parser.parserError.map { "\($0)" }, elements: delegate.elements)
}

/// Attributes that must hold finite numbers (or lists of them).
private let numericAttributes: Set<String> = [
  "x", "y", "width", "height", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "stroke-width", "font-size",
  "points", "viewBox",
]

/// Every numeric attribute value in `svg` that does not parse as a finite number.
func nonFiniteNumbers(in svg: String) -> [String] {
  var bad: [String] = []
  for element in parseSVG(svg).elements {
    for (name, value) in element.attributes where numericAttributes.contains(name) {
      if name == "width" && value == "100%" { continue }
      let parts = value.split(whereSeparator: { $0 == " " || $0 == "," })
      for part in parts where Double(part).map({ !$0.isFinite }) ?? true {
        bad.append("\(element.name).\(name)=\(value)")
      }
    }
  }
  return bad
}

/// Sample data for every chart type, shared by the property-style tests and the sample page.
enum ChartSamples {
  static let money = ChartFormat.compact(prefix: "$")

  static func bar(labels: [String]? = nil) -> BarChart {
    let names = labels ?? ["GPU servers", "Backend network", "Storage", "Facility & power", "Software"]
    let values = [3_412_000.0, 486_500, 210_000, 95_000, 40_000]
    return BarChart(
      title: "Capex by category", summary: "Capital expenditure by category",
      bars: zip(names, values).map { BarChart.Bar($0, $1) }, formatValue: money)
  }

  static func stacked(labels: [String]? = nil) -> StackedBarChart {
    let names = labels ?? ["Capex recovery", "Electricity", "Colocation", "Maintenance"]
    return StackedBarChart(
      title: "Annual cost", categories: ["Year 1", "Year 2", "Year 3", "Year 4", "Year 5"],
      series: [
        .init(name: names[0], values: [1_250_000, 1_250_000, 1_250_000, 1_250_000, 1_250_000]),
        .init(name: names[1], values: [310_000, 322_000, 335_000, 348_000, 362_000]),
        .init(name: names[2], values: [240_000, 240_000, 247_000, 254_000, 262_000]),
        .init(name: names[3], values: [0, 102_000, 102_000, 102_000, 102_000]),
      ], valueAxisTitle: "USD per year", formatValue: money)
  }

  static func line(labels: [String]? = nil) -> LineChart {
    let names = labels ?? ["Cumulative cash flow", "Pessimistic", "Break-even", "Payback: month 23"]
    let base: [Double] = (0...48).map { month in
      let m = Double(month)
      return -2_300_000 + m * 160_000 - m * m * 400
    }
    let low: [Double] = (0...48).map { month in
      let m = Double(month)
      return -2_300_000 + m * 110_000 - m * m * 300
    }
    return LineChart(
      title: "Cumulative cash flow", series: [.init(name: names[0], values: base), .init(name: names[1], values: low)],
      referenceLines: [.init(y: 3_000_000, label: names[2])],
      marker: .init(x: 15, y: base[15], label: names[3]), xAxisTitle: "Month", yAxisTitle: "USD",
      xTicks: [0, 12, 24, 36, 48], formatY: money)
  }

  static func tornado(labels: [String]? = nil) -> TornadoChart {
    let names = labels ?? ["GPU-hour price ±20 %", "Utilisation ±10 pts", "Electricity price ±30 %", "Capex ±10 %"]
    return TornadoChart(
      title: "IRR sensitivity",
      rows: [
        .init(label: names[0], low: 0.061, high: 0.298), .init(label: names[1], low: 0.104, high: 0.251),
        .init(label: names[2], low: 0.197, high: 0.168), .init(label: names[3], low: 0.214, high: 0.151),
      ], baseValue: 0.182, baseLabel: "Base IRR", lowLegend: "Low setting", highLegend: "High setting",
      formatValue: ChartFormat.percent(decimals: 1))
  }

  static func topology(labels: [String]? = nil) -> TopologyDiagram {
    let names = labels ?? ["core", "spine", "leaf"]
    return TopologyDiagram(
      title: "Backend fabric",
      structure: .fatTree(
        tiers: [
          .init(name: names[0], detail: "64 × QM9700"), .init(name: names[1], detail: "128 × QM9700"),
          .init(name: names[2], detail: "128 × QM9700"),
        ], links: ["8,192 links", "8,192 links", "4,096 links"]), nodes: "512 nodes · 4,096 GPUs")
  }

  static func railOnly(count: Int) -> TopologyDiagram {
    TopologyDiagram(
      title: "Rail-only fabric",
      structure: .railOnly(
        rails: (1...count).map { .init(name: "rail \($0)", detail: "1 × QM9700") }, links: "64 links per rail"),
      nodes: "64 nodes · 512 GPUs")
  }

  /// Every chart type rendered with the given labels (nil: realistic defaults).
  static func all(labels: [String]? = nil) -> [String] {
    [
      bar(labels: labels).svg(), stacked(labels: labels).svg(), line(labels: labels).svg(),
      tornado(labels: labels).svg(), topology(labels: labels).svg(), railOnly(count: 8).svg(),
    ]
  }
}
