import Foundation
import Testing

@testable import NeoplanKit

@Suite("report resources are loaded by the caller")
struct ReportResourcesTests {
  /// Templates and strings held only in memory (no folder on disk behind them): the report is
  /// rendered from exactly what was passed in, so rendering reads no file.
  @Test func rendersFromResourcesInMemoryOnly() throws {
    let templates = ReportTemplates(
      sources: ["quote.html": (path: "memory/quote.html.mustache", text: "<p>{{cover.project}} {{L.capex}}</p>")],
      directories: [])
    let locale = ReportLocale(language: .en, strings: ["capex": "CAPEX-IN-MEMORY"])
    let plan = try TestCatalog.plan("name: x<y\nas_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
    let html = try HTMLReport.render(
      .quote, plan: plan, options: ReportOptions(), resources: ReportResources(templates: templates, locale: locale))
    // "x<y" escaped by {{ }}; the label is the in-memory string, not the embedded "Capital expenditure".
    #expect(html == "<p>x&lt;y CAPEX-IN-MEMORY</p>")
  }

  /// The language of the report is the one of the strings passed in.
  @Test func languageComesFromTheLocalePassedIn() throws {
    let resources = try ReportResources.load(language: .zhCN, templatesDirectory: nil)
    #expect(resources.locale.language == .zhCN)
    let plan = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
    let html = try HTMLReport.render(.plan, plan: plan, options: ReportOptions(), resources: resources)
    #expect(html.contains("lang=\"zh-CN\""))
  }
}
