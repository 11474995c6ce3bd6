import Foundation
import Testing

@testable import NeoplanKit

/// The optimize page (`neoplan optimize --format html`): well-formed, script-free, every Pareto
/// design in the chart, and each tagged figure the JSON's value at the precision shown.
@Suite("optimize: the HTML page")
struct OptimizeHTMLTests {
  static let result: OptimizeResult = {
    do {
      let input = try OptimizeInput.load(path: OptimizeFastPathTests.example.path, catalog: TestCatalog.embedded)
      return OptimizeEngine.run(input, threads: 2)
    } catch { fatalError("optimize example: \(error)") }
  }()

  static func page(_ language: ReportLanguage, _ result: OptimizeResult = result, name: String = "h100-ib-128-optimize")
    throws -> String
  {
    try result.html(name: name, currency: "USD", language: language)
  }

  /// `(key, shown text)` of each `data-figure` element (the same reading as the plan's cross-format test).
  static func taggedFigures(_ html: String) -> [(key: String, shown: String)] {
    var figures: [(String, String)] = []
    var rest = html[...]
    while let start = rest.range(of: "data-figure=\"") {
      rest = rest[start.upperBound...]
      guard let keyEnd = rest.firstIndex(of: "\""), let open = rest.firstIndex(of: ">") else { break }
      let key = String(rest[..<keyEnd])
      let body = rest[rest.index(after: open)...]
      guard let close = body.firstIndex(of: "<") else { break }
      figures.append((key, String(body[..<close])))
      rest = body[close...]
    }
    return figures
  }

  /// The JSON value at a dotted path, as its text (`12345.67`, `3`).
  static func jsonText(_ value: JSONValue, _ path: String) -> String? {
    var current = value
    for key in path.split(separator: ".") {
      switch current {
      case .object(let members):
        guard let next = members[String(key)] else { return nil }
        current = next
      case .array(let items):
        guard let index = Int(key), items.indices.contains(index) else { return nil }
        current = items[index]
      default: return nil
      }
    }
    switch current {
    case .int(let n): return String(n)
    case .number(let text): return text
    default: return nil
    }
  }

  @Test(arguments: ReportLanguage.allCases)
  func pageIsWellFormedAndFetchesNothing(language: ReportLanguage) throws {
    let html = try Self.page(language)
    #expect(xmlProblems(html) == nil, "\(xmlProblems(html) ?? "")")
    #expect(!html.lowercased().contains("<script"))
    // Nothing to fetch: no source, link, import or CSS url (the only URL is the SVG namespace).
    for fetch in ["src=", "href=", "@import", "url("] { #expect(!html.contains(fetch), "\(fetch)") }
    #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http") == false)
    #expect(!html.contains("[opt_"), "a locale key is missing")
    #expect(html.contains("<svg"))
  }

  @Test(arguments: ReportLanguage.allCases)
  func everyParetoDesignIsAFrontDotAndTheBestIsMarked(language: ReportLanguage) throws {
    let html = try Self.page(language)
    let result = Self.result
    #expect(!result.pareto.isEmpty)
    for design in result.pareto {
      let key = SVGText.escape(design.key)
      #expect(html.contains("class=\"front\" data-key=\"\(key)\""), "\(design.key) is not on the chart's front")
    }
    // Exactly the front's designs are front dots, and every other feasible design is a plain dot.
    #expect(html.components(separatedBy: "<circle class=\"front\"").count - 1 == result.pareto.count)
    #expect(
      html.components(separatedBy: "<circle class=\"design\"").count - 1 == result.ranked.count - result.pareto.count)
    let best = try #require(result.best)
    #expect(html.contains("class=\"best\" data-key=\"\(SVGText.escape(best.key))\""))
  }

  @Test(arguments: ReportLanguage.allCases)
  func taggedFiguresEqualTheJSON(language: ReportLanguage) throws {
    let html = try Self.page(language)
    let json = Self.result.jsonDocument(name: "h100-ib-128-optimize", currency: "USD")
    let figures = Self.taggedFigures(html)
    // Counts (3), the best design's cards (6 or more) and 6 per reported design.
    #expect(figures.count >= 3 + 6 + 6 * Self.result.reported.count)
    for (key, shown) in figures {
      let expected = try #require(Self.jsonText(json, key), "no JSON figure at \(key)")
      // The shown number (currency code and grouping dropped) is the JSON's rounded to the shown
      // decimals: money and counts exactly, prices to 4 places, bandwidth to 1, power to 0.
      let amount = (shown.split(separator: " ").last.map(String.init) ?? shown)
        .replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "−", with: "-")
      let decimals = amount.split(separator: ".").dropFirst().first?.count ?? 0
      let shownValue = try #require(Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")), "\(shown)")
      var exact = try #require(Decimal(string: expected, locale: Locale(identifier: "en_US_POSIX")))
      var rounded = Decimal()
      NSDecimalRound(&rounded, &exact, decimals, .plain)
      #expect(shownValue == rounded, "\(language) \(key) shows \(shown), JSON has \(expected)")
    }
  }

  @Test func specTextIsEscaped() throws {
    let html = try Self.page(.en, name: "a <i onmouseover=x> & \"c\"")
    #expect(html.contains("a &lt;i onmouseover=x&gt; &amp;"))
    #expect(!html.contains("<i onmouseover"))
    #expect(xmlProblems(html) == nil)
  }

  @Test func anEmptyResultSaysSoWithoutAChart() throws {
    let empty = OptimizeResult(
      objective: .breakEven, constraints: .init(), evaluated: 2, rejected: [], excluded: ["max_racks": 2],
      ranked: [], pareto: [], top: 5)
    let html = try Self.page(.zhCN, empty)
    #expect(html.contains("没有满足约束条件的方案"))
    #expect(!html.contains("<svg"))
    #expect(xmlProblems(html) == nil)
  }
}
