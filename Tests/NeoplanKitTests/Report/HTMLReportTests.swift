import Foundation
import Testing

@testable import NeoplanKit

@Suite("HTML reports")
struct HTMLReportTests {
  static let examples: [String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
    return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.sorted().map { root.appendingPathComponent($0).path }
  }()

  static func plan(_ path: String) throws -> Plan {
    try Plan.make(try ClusterSpec.load(path: path, catalog: TestCatalog.embedded))
  }

  @Test("every example renders well-formed, self-contained reports in both languages", arguments: examples)
  func examplesRender(path: String) throws {
    let plan = try Self.plan(path)
    for (kind, language) in [(HTMLReport.Kind.quote, ReportLanguage.en), (.quote, .zhCN), (.plan, .en), (.plan, .zhCN)]
    {
      let html = try HTMLReport.render(kind, plan: plan, options: ReportOptions(language: language))
      #expect(xmlProblems(html) == nil, "\(path) \(kind) \(language): \(xmlProblems(html) ?? "")")
      #expect(!html.contains("<script"))
      #expect(!html.contains("src=\""))
      #expect(!html.contains("href=\"http"))
      #expect(!html.contains("@import"))
      #expect(!html.contains("url("))
      #expect(!html.contains("NaN"))
      // Every label was found in the locale.
      #expect(html.range(of: #"\[[a-z_]+\]"#, options: .regularExpression) == nil)
      #expect(html.contains("<svg"))
    }
  }

  @Test func deterministic() throws {
    let plan = try Self.plan(Self.examples[0])
    let a = try HTMLReport.render(.quote, plan: plan, options: ReportOptions(language: .zhCN))
    let b = try HTMLReport.render(
      .quote, plan: try Self.plan(Self.examples[0]), options: ReportOptions(language: .zhCN))
    #expect(a == b)
  }

  /// Hostile text from a spec and a catalog appears as text, never as markup.
  @Test func hostileStringsAreEscaped() throws {
    let hostile = #"<script>alert("x")</script> & 'q' {{name}}"#
    var catalog = TestCatalog.embedded
    var node = catalog["hgx-h100-8gpu"]!
    node.vendor = hostile
    node.price.source = hostile
    catalog.merge(Catalog(parts: [node]))
    let spec = try ClusterSpec.parse(
      """
      name: '\(hostile.replacingOccurrences(of: "'", with: "''"))'
      as_of: 2026-11-21
      quote: {prepared_for: '\(hostile.replacingOccurrences(of: "'", with: "''"))'}
      compute: {node: hgx-h100-8gpu, nodes: 16}
      """, file: "hostile.yaml", catalog: catalog)
    let plan = try Plan.make(spec)
    for kind in [HTMLReport.Kind.quote, .plan] {
      let html = try HTMLReport.render(kind, plan: plan, options: ReportOptions(preparedBy: hostile))
      #expect(!html.contains("<script"))
      #expect(html.contains("&lt;script&gt;"))
      #expect(html.contains("{{name}}"))  // shown literally, not expanded
      #expect(xmlProblems(html) == nil)
    }
  }

  /// Both locales carry the same keys.
  @Test func localesMatch() throws {
    let directory = try ResourceLocator.templatesDirectory()
    let en = try ReportLocale.load(.en, templateDirectories: [directory])
    let zh = try ReportLocale.load(.zhCN, templateDirectories: [directory])
    #expect(Set(en.strings.keys) == Set(zh.strings.keys))
  }

  /// The quote id depends on the content only.
  @Test func quoteIDFromContent() throws {
    let a = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
    let b = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
    let c = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 24}")
    #expect(ReportViewModel.quoteID(for: a) == ReportViewModel.quoteID(for: b))
    #expect(ReportViewModel.quoteID(for: a) != ReportViewModel.quoteID(for: c))
    #expect(ReportViewModel.quoteID(for: a).hasPrefix("NP-"))
  }

  /// The quote is valid for 30 days from its as-of date. (That its figures equal the engine's is
  /// checked across formats in neoplanTests' CrossFormatConsistencyTests.)
  @Test func quoteIsValidForThirtyDays() throws {
    let plan = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
    let html = try HTMLReport.render(.quote, plan: plan, options: ReportOptions())
    #expect(html.contains("2026-12-21"))  // valid until: as_of + 30 days (10 left in November + 21)
  }

  /// A templates folder overrides any template by name.
  @Test func templateOverride() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neoplan-templates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "<p>{{cover.project}} {{L.capex}}</p>".write(
      to: folder.appendingPathComponent("quote.html.mustache"), atomically: true, encoding: .utf8)
    let plan = try TestCatalog.plan("name: x<y\nas_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
    let html = try HTMLReport.render(.quote, plan: plan, options: ReportOptions(), templatesDirectory: folder.path)
    #expect(html == "<p>x&lt;y Capital expenditure</p>")
  }
}

@Test("the well-formedness check rejects broken markup")
func xmlCheckerFails() {
  #expect(xmlProblems("<p><b>unclosed</p>") != nil)
  #expect(xmlProblems("<p>a & b</p>") != nil)
  #expect(xmlProblems("<p>a &amp; b</p>") == nil)
}
