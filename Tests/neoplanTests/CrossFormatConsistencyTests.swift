import Foundation
import Testing

/// Every figure a report tags with `data-figure="json.key.path"` shows the value the JSON summary
/// has at that path, and the text plan's per-tier table agrees with it too: reports only format
/// figures the engine computed, they never recount them.
@Suite("plan: figures agree across formats")
struct CrossFormatConsistencyTests {
  static let examples = PlanExamplesTests.examples

  /// `(key, shown text)` for each `data-figure` element of an HTML report.
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

  /// A shown figure (`1,024`, `USD 48,190,544.00`; grouped the same way in both languages) as a
  /// number: the currency code is dropped.
  static func number(_ shown: String) -> Decimal? {
    let amount = shown.split(separator: " ").last.map(String.init) ?? shown
    let digits = amount.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "−", with: "-")
    return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
  }

  @Test("plan HTML figures equal the JSON", arguments: examples, ["en", "zh-CN"])
  func planHTML(example: String, language: String) throws {
    let json = try PlanExamplesTests.planJSON(example)
    let html = try PlanExamplesTests.plan(example, ["--format", "html", "--lang", language]).stdoutText
    let figures = Self.taggedFigures(html)
    let tiers = json[path: "fabrics.backend.perTier"]?.array ?? []
    let lines = try #require(json[path: "bom.lines"]?.array)
    let categories = try #require(json[path: "bom.categories"]?.array)
    // Three tagged figures per backend tier, three per BoM line (quantity, unit and extended
    // price), one per category subtotal and the BoM totals, so the check cannot pass on an
    // untagged report.
    #expect(figures.count >= 3 * tiers.count + 3 * lines.count + categories.count + 2)
    #expect(figures.contains { $0.key == "bom.lines.\(lines.count - 1).extendedPrice" })
    for (key, shown) in figures {
      let expected = try #require(json[path: key]?.decimal, "\(example): no JSON figure at \(key)")
      #expect(Self.number(shown) == expected, "\(example) \(language): \(key) shows \(shown), JSON has \(expected)")
    }
  }

  @Test("quote HTML figures equal the JSON", arguments: examples, ["en", "zh-CN"])
  func quoteHTML(example: String, language: String) throws {
    let json = try PlanExamplesTests.planJSON(example)
    let folder = try TempDir.make("quote")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("q.html")
    let result = try CLI.run(["quote", PlanExamplesTests.path(example), "-o", file.path, "--lang", language])
    #expect(result.exitCode == 0, "\(result)")
    let figures = Self.taggedFigures(try String(contentsOf: file, encoding: .utf8))
    // Capex and capex per GPU on the cover cards, the BoM total and per-GPU rows, every category
    // subtotal (twice: the summary and the line table) and every line's three prices.
    let lines = try #require(json[path: "bom.lines"]?.array)
    let categories = try #require(json[path: "bom.categories"]?.array)
    #expect(figures.count >= 5 + 2 * categories.count + 3 * lines.count)
    #expect(figures.contains { $0.key == "tco.capexPerGPU" })
    #expect(figures.contains { $0.key == "bom.categories.\(categories.count - 1).total" })
    for (key, shown) in figures {
      let expected = try #require(json[path: key]?.decimal, "\(example): no JSON figure at \(key)")
      #expect(Self.number(shown) == expected, "\(example) \(language): \(key) shows \(shown), JSON has \(expected)")
    }
  }

  /// The per-tier transceivers add up to the switch-side total the BoM buys (the engineering
  /// plan once recounted them and forgot copper links: 192 + 64 for b200-eth-32 instead of 224).
  @Test("per-tier transceivers add up to the switch-side total", arguments: examples)
  func tierTransceiversAddUp(example: String) throws {
    let json = try PlanExamplesTests.planJSON(example)
    guard json[path: "fabrics.backend.kind"]?.string != "none" else { return }
    let tiers = try #require(json[path: "fabrics.backend.perTier"]?.array)
    let sum = tiers.compactMap { $0[path: "transceivers"]?.int }.reduce(0, +)
    #expect(sum == json[path: "fabrics.backend.transceivers.switchSide"]?.int)
    let switches = tiers.compactMap { $0[path: "switches"]?.int }.reduce(0, +)
    #expect(switches == json[path: "fabrics.backend.switches.total"]?.int)
  }

  /// b200-eth-32: 4 leaves, 1 spine of SN5600 (radix 128 at 400G), 2:1 oversubscribed. Leaf side:
  /// 256 node links of which the 2 racks × 4 nodes × 8 = 64 beside the leaf rack are copper, so
  /// 192 optical downlinks + 128 uplinks = 320 links on twin-port (2-link) modules = 160; the
  /// spine's 128 downlinks = 64 modules; 224 in all.
  @Test func b200TierTable() throws {
    let json = try PlanExamplesTests.planJSON("b200-eth-32.yaml")
    #expect(json[path: "fabrics.backend.perTier.0.transceivers"]?.int == 160)
    #expect(json[path: "fabrics.backend.perTier.1.transceivers"]?.int == 64)
    #expect(json[path: "fabrics.backend.transceivers.switchSide"]?.int == 224)
  }
}
