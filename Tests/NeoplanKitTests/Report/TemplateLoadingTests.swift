import Foundation
import Testing

@testable import NeoplanKit

/// `ReportTemplates.load(overrideDirectory:rendering:)`: only the templates a report renders and
/// the partials they name are read, the override folder first; the report is the same.
@Suite("report templates are read by name")
struct TemplateLoadingTests {
  /// The partials each report names, read off templates/*.mustache by hand (`{{> …}}` tags).
  static let expected: [String: Set<String>] = [
    "quote.html": ["quote.html", "partials/style", "partials/risk"],
    "plan.html": ["plan.html", "partials/style"],
    "risk.html": ["risk.html", "partials/style", "partials/risk"],
    "diff.html": ["diff.html", "partials/style"],
    "optimize.html": ["optimize.html", "partials/style"],
  ]

  @Test func readsOnlyWhatAReportNames() throws {
    let all = try ReportTemplates.load(overrideDirectory: nil)
    #expect(all.sources.count == 7)
    for (template, names) in Self.expected {
      let some = try ReportTemplates.load(overrideDirectory: nil, rendering: [template])
      #expect(Set(some.sources.keys) == names, "\(template)")
      for (name, source) in some.sources {
        #expect(source.path == all.sources[name]?.path && source.text == all.sources[name]?.text, "\(name)")
      }
      #expect(some.directories == all.directories)
    }
  }

  /// Every example's quote, plan and risk page, both languages: the same bytes from the templates
  /// read by name as from all templates.
  @Test(arguments: HTMLReportTests.examples)
  func sameReports(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    for language in ReportLanguage.allCases {
      let all = try ReportResources.load(language: language, templatesDirectory: nil)
      var options = ReportOptions(language: language)
      options.risk = nil
      for kind in [HTMLReport.Kind.quote, .plan] {
        let some = try ReportResources.load(
          language: language, templatesDirectory: nil, rendering: ["\(kind.rawValue).html"])
        let expected = try HTMLReport.render(kind, plan: plan, options: options, resources: all)
        #expect(try HTMLReport.render(kind, plan: plan, options: options, resources: some) == expected, "\(kind)")
      }
    }
  }

  /// An override folder wins by name, may add partials, and partial names that leave the folder
  /// (`..`, `.`, empty parts, absolute) are not read, as listing the folder would not give them.
  @Test func overrideFolderWins() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tl-\(UUID().uuidString)")
    let folder = root.appendingPathComponent("override")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    func write(_ text: String, _ name: String, in directory: URL) throws {
      try text.write(to: directory.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
    }
    try write(
      "[{{> partials/mine}}|{{>partials/style}}|{{>../outside}}|{{>./partials/mine}}|{{>/x}}]", "quote.html", in: folder
    )
    try write("mine", "partials/mine", in: folder)
    try write("outside", "outside", in: root)
    try write("unused", "plan.html", in: folder)
    let templates = try ReportTemplates.load(overrideDirectory: folder.path, rendering: ["quote.html"])
    #expect(Set(templates.sources.keys) == ["quote.html", "partials/mine", "partials/style"])
    #expect(templates.sources["quote.html"]?.path == folder.path + "/quote.html.mustache")
    let embedded = try ReportTemplates.load(overrideDirectory: nil).sources["partials/style"]
    #expect(templates.sources["partials/style"]?.text == embedded?.text)
    let all = try ReportTemplates.load(overrideDirectory: folder.path)
    #expect(try templates.render([:], template: "quote.html") == (try all.render([:], template: "quote.html")))
    #expect(try templates.render([:], template: "quote.html").hasPrefix("[mine|"))
  }

  /// A template that reaches partials by other means (here inheritance) loads every template.
  @Test func inheritanceLoadsEverything() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "{{<plan.html}}{{/plan.html}}".write(
      to: folder.appendingPathComponent("quote.html.mustache"), atomically: true, encoding: .utf8)
    let templates = try ReportTemplates.load(overrideDirectory: folder.path, rendering: ["quote.html"])
    #expect(templates.sources.count == 7)
  }

  @Test func templateNames() {
    #expect(ReportTemplates.isTemplateName("partials/style"))
    #expect(ReportTemplates.isTemplateName("quote.html"))
    for name in ["", "/x", "x/", "a//b", "./x", "../x", "a/../b", "a/.", ".."] {
      #expect(!ReportTemplates.isTemplateName(name), "\(name)")
    }
  }
}
