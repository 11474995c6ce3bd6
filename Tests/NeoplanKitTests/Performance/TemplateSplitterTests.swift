import Foundation
import Mustache
import Testing

@testable import NeoplanKit

/// Templates parsed in pieces render exactly like the whole template.
@Suite("Template pieces")
struct TemplateSplitterTests {
  static let templates = CompiledDataTests.templates

  /// Standalone section, inverted-section, comment and partial lines, indentation, escaped and
  /// raw values: the cases where Mustache treats whitespace and newlines specially.
  static let tricky = """
    <h1>{{title}}</h1>
    {{#items}}
      <li>{{name}} &amp; {{{raw}}}</li>
    {{/items}}
    {{^empty}}
    none
    {{/empty}}
      {{! a comment
      over two lines }}
      {{> part}}
    <p>{{title}}</p>
    {{#items}}{{name}},{{/items}}
    end
    """

  static var context: [String: Any] {
    ["title": "A & <B>", "items": [["name": "x<y", "raw": "<b>"], ["name": "z", "raw": "&"]], "empty": [Any]()]
  }

  static func render(_ text: String, split: Bool) throws -> String? {
    var library = MustacheLibrary()
    try library.register("  part {{title}}\nline2\n", named: "part")
    if split {
      let pieces = try #require(TemplateSplitter.pieces(of: text, targetBytes: 1))
      #expect(pieces.map(\.text).joined() == text)
      #expect(pieces.count > 5)
      // The production path: pieces, pragma lines, the joining template.
      try ReportTemplates.register(text, named: "t", path: "t.mustache", targetBytes: 1, in: &library)
    } else {
      try library.register(text, named: "t")
    }
    return library.render(context, withTemplate: "t")
  }

  @Test func trickyTemplateRendersTheSame() throws {
    let whole = try Self.render(Self.tricky, split: false)
    #expect(try Self.render(Self.tricky, split: true) == whole)
    #expect(whole?.contains("x&lt;y") == true)
  }

  @Test func unsplittableTemplatesStayWhole() {
    #expect(TemplateSplitter.pieces(of: "{{=<% %>=}}\n<%a%>\n", targetBytes: 1) == nil)
    #expect(TemplateSplitter.pieces(of: "{{<parent}}\n{{$b}}x{{/b}}\n{{/parent}}\n", targetBytes: 1) == nil)
    #expect(TemplateSplitter.pieces(of: "{{#a}}\nx\n", targetBytes: 1) == nil)  // unbalanced
    #expect(TemplateSplitter.pieces(of: "one line", targetBytes: 1) == nil)
  }

  /// Cuts fall only between sections: `{{#a}}` … `{{/a}}` stays in one piece.
  @Test func cutsOnlyOutsideSections() throws {
    let pieces = try #require(TemplateSplitter.pieces(of: "x\n{{#a}}\ny\n{{/a}}\nz\n", targetBytes: 1))
    #expect(pieces.map(\.text) == ["x\n", "{{#a}}\ny\n{{/a}}\n", "z\n"])
    #expect(pieces.map(\.lineOffset) == [0, 1, 4])
    #expect(pieces.map(\.hasTags) == [false, true, false])
  }

  /// The faster escaping equals swift-mustache's own `{{value}}` escaping, combining marks included
  /// ("<" + U+0338 is one Character, "≮", which the library leaves alone).
  @Test func escapingMatchesTheLibrary() throws {
    var library = MustacheLibrary()
    try library.register("{{value}}", named: "v")
    let samples = [
      "plain text", "A & <B> \"q\" 'a'", "<\u{338} &\u{301} e\u{301}<", "液冷 <冷>", "", "&&&", "\r\n<\r\n>",
    ]
    for sample in samples {
      let expected = try #require(library.render(["value": sample], withTemplate: "v"))
      #expect(NeoplanHTMLContentType().escapeText(sample) == expected, "\(sample)")
    }
  }

  @Test func references() {
    let found = TemplateSplitter.references(in: "a {{> partials/style}} {{name}} {{{raw}}} {{>x}}\n")
    #expect(found.names == ["partials/style", "x"])
    #expect(!found.reachesAny)
    #expect(TemplateSplitter.references(in: "{{>*dyn}}").reachesAny)
    #expect(TemplateSplitter.references(in: "{{<parent}}{{/parent}}").reachesAny)
    #expect(TemplateSplitter.references(in: "{{=<% %>=}}").reachesAny)
  }

  /// Every report of every example, both languages: pieces and whole templates give the same HTML.
  @Test(arguments: HTMLReportTests.examples)
  func reportsRenderTheSame(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    let templates = try ReportTemplates.load(overrideDirectory: nil)
    var whole = MustacheLibrary()
    for (name, source) in templates.sources { try whole.register(source.text, named: name) }
    for language in ReportLanguage.allCases {
      let locale = try ReportLocale.load(language, templateDirectories: templates.directories)
      let model = ReportViewModel(plan: plan, locale: locale, options: ReportOptions(language: language))
      for (kind, context) in [("quote.html", model.quoteContext()), ("plan.html", model.planContext())] {
        let expected = try #require(whole.render(context, withTemplate: kind))
        #expect(try templates.render(context, template: kind) == expected, "\(path) \(kind) \(language)")
      }
    }
  }

  /// A template error in a later piece is reported at its line in the file.
  @Test func errorsPointAtTheFileLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let body = String(repeating: "<p>filler line of text</p>\n", count: 60) + "{{#a}}x{{/b}}\n"
    try body.write(to: folder.appendingPathComponent("quote.html.mustache"), atomically: true, encoding: .utf8)
    let templates = try ReportTemplates.load(overrideDirectory: folder.path)
    var whole = MustacheLibrary()
    var expectedLine = 0
    do { try whole.register(body, named: "q") } catch let error as MustacheTemplate.ParserError {
      expectedLine = error.context.lineNumber
    }
    #expect(expectedLine > 60)
    do {
      _ = try templates.render([:], template: "quote.html")
      Issue.record("expected a template error")
    } catch let error as InputError {
      #expect(error.diagnostics.first?.location?.line == expectedLine, "\(error.diagnostics)")
    }
  }
}
