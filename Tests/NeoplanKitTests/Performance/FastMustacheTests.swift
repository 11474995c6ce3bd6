import Foundation
import Mustache
import Testing

@testable import NeoplanKit

/// The report renderer (`FastMustache`) gives exactly swift-mustache's output: the expected value
/// of every comparison here is rendered by swift-mustache 2.1.1 itself.
@Suite("Fast Mustache")
struct FastMustacheTests {
  /// Values of every kind the reports hold, falsy ones included ("" and 0 are not falsy in
  /// swift-mustache; false, a missing name and an empty list are).
  static var context: [String: Any] {
    [
      "title": "A & <B> \"q\" 'a'", "empty": "", "zero": 0, "pi": 2.5, "yes": true, "no": false,
      "none": [Any](), "list": [["name": "x<y", "raw": "<b>"], ["name": "z", "raw": "&"]],
      "words": ["one", "two"], "nested": ["inner": ["deep": "found", "title": "inner title"]],
      "combining": "<\u{338}>", "multi": "line1\nline2\n",
    ]
  }

  static let partials = [
    "p": "  part {{title}}\nline2\n{{#list}}\n  - {{name}}\n{{/list}}\n",
    "q": "{{multi}}x\n",
    "dir/r": "[{{title}}]",
  ]

  /// swift-mustache's rendering and ours (`nil`: not handled, left to swift-mustache).
  static func both(_ text: String, _ context: [String: Any] = context) throws -> (String?, String?) {
    var library = MustacheLibrary()
    for (name, partial) in partials { try library.register(partial, named: name) }
    try library.register(text, named: "t")
    let expected = library.render(context, withTemplate: "t")
    var parsed: [String: [FastMustache.Node]] = [:]
    for (name, partial) in partials { parsed[name] = FastMustache.parse(partial) }
    guard let nodes = FastMustache.parse(text) else { return (expected, nil) }
    parsed["t"] = nodes
    let fast = try? FastMustache.Library(templates: parsed).render("t", context: context)
    return (expected, fast ?? nil)
  }

  static let tricky: [String] = [
    "<h1>{{title}}</h1>\n{{#list}}\n  <li>{{name}} &amp; {{{raw}}} {{&raw}}</li>\n{{/list}}\n",
    "{{^none}}\nnone\n{{/none}}\n  {{! a comment\n  over two lines }}\n  {{> p}}\n<p>{{title}}</p>\n",
    "  {{#list}}{{name}},{{/list}}  \n end",
    "{{#empty}}[{{.}}]{{/empty}}{{#zero}}[{{.}}]{{/zero}}{{^empty}}E{{/empty}}{{^zero}}Z{{/zero}}",
    "{{#no}}N{{/no}}{{^no}}not{{/no}}{{#yes}}Y{{/yes}}{{#missing}}M{{/missing}}{{^missing}}m{{/missing}}",
    "{{nested.inner.deep}} {{#nested}}{{inner.title}} {{#inner}}{{title}} {{deep}} {{.title}}{{/inner}}{{/nested}}",
    "{{#nested.inner}}{{.missing}}|{{title}}|{{nested.inner.deep}}{{/nested.inner}}",
    "{{#list}}{{title}} {{name}}{{/list}}{{#words}}<{{.}}>{{/words}}",
    "{{pi}} {{zero}} {{yes}} {{combining}} {{{combining}}}",
    "    {{> q}}\n    {{> p}}\n\t{{>dir/r}}\n{{> missing}}\nend\n",
    "  {{#yes}}  \n  in\n  {{/yes}}  \n  {{^yes}}\n  out\n  {{/yes}}\n",
    "a {{#yes}}\nb\n{{/yes}} c\n",
    "{{#yes}}\n  {{#list}}\n    {{> p}}\n  {{/list}}\n{{/yes}}\n",
    "{ not a tag } {{ title }} {{! }}x{{!c}}\n  {{!c}}  \n",
    "\n\n  \n{{title}}\n   ",
    "{{#list}}\n{{/list}}",
    "{{#words}}{{#list}}{{name}}/{{/list}}{{.}}{{/words}}",
    "x{{\n}}y",
    "{{#yes}}{{> p}}{{/yes}}\n  {{#yes}}{{> p}}{{/yes}}\n",
    "€ → · — {{title}} 液冷\n",
  ]

  @Test func trickyTemplatesRenderTheSame() throws {
    for text in Self.tricky {
      let (expected, fast) = try Self.both(text)
      #expect(expected != nil)
      #expect(fast != nil, "not handled: \(text.debugDescription)")
      #expect(fast == expected, "\(text.debugDescription)")
    }
  }

  /// What the engine leaves to swift-mustache: it answers `nil`, never something else.
  @Test func unusualTemplatesAreLeftToTheLibrary() throws {
    for text in [
      "{{=<% %>=}}\n<%title%>\n", "{{<parent}}{{$b}}x{{/b}}{{/parent}}", "{{>*dyn}}", "{{% CONTENT_TYPE: TEXT}}\n",
      "{{#list}}{{index()}}{{/list}}", "a\r\nb{{title}}", "a\u{0B}{{title}}", "{{#a}}x", "{{/a}}", "{{#a}}x{{/b}}",
      "x{", "{{title", "{{{title}}", "{{! open", ">\u{338}{{title}}",
    ] {
      #expect(FastMustache.parse(text) == nil, "\(text.debugDescription)")
    }
    // A context value of another type: not rendered here.
    let library = FastMustache.Library(templates: ["t": try #require(FastMustache.parse("{{v}}"))])
    #expect(throws: FastMustache.Unsupported.self) { try library.render("t", context: ["v": Date()]) }
    #expect(throws: FastMustache.Unsupported.self) {
      try library.render("t", context: ["v": Optional<String>.none as Any])
    }
  }

  /// Random templates from the constructs the reports use, compared with the library.
  @Test func randomTemplatesRenderTheSame() throws {
    let atoms = [
      "\n", "  ", "\t", "x", " y ", "{{title}}", "{{{title}}}", "{{empty}}", "{{zero}}", "{{! c }}", "{{> p}}",
      "{{> q}}", "{{.}}", "{{name}}", "{{nested.inner.deep}}",
    ]
    let sections = ["list", "none", "yes", "no", "empty", "zero", "nested", "missing", "words"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    func template(depth: Int) -> String {
      var text = ""
      for _ in 0..<(1 + next(8)) {
        if depth < 3 && next(5) == 0 {
          let name = sections[next(sections.count)]
          let open = next(2) == 0 ? "#" : "^"
          text += "{{\(open)\(name)}}" + (next(2) == 0 ? "\n" : "") + template(depth: depth + 1) + "{{/\(name)}}"
        } else {
          text += atoms[next(atoms.count)]
        }
      }
      return text
    }
    var handled = 0
    for _ in 0..<1500 {
      let text = template(depth: 0)
      let (expected, fast) = try Self.both(text)
      if let fast {
        handled += 1
        #expect(fast == expected, "\(text.debugDescription)")
      }
    }
    #expect(handled > 1000)
  }

  /// Every report of every example (quote, plan, risk page; both languages; cover overrides)
  /// and the diff reports: the fast engine handles them, byte for byte as swift-mustache does.
  @Test(arguments: HTMLReportTests.examples)
  func reportsRenderTheSame(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    let templates = try ReportTemplates.load(overrideDirectory: nil)
    var risk = plan.riskAssumptions()
    risk.paths = 40
    let result = plan.runRisk(risk, threads: 1)
    for language in ReportLanguage.allCases {
      let locale = try ReportLocale.load(language, templateDirectories: templates.directories)
      var options = ReportOptions(language: language, preparedFor: "A & <B>", preparedBy: "'me'")
      var contexts = [("plan.html", ReportViewModel(plan: plan, locale: locale, options: options).planContext())]
      contexts.append(("quote.html", ReportViewModel(plan: plan, locale: locale, options: options).quoteContext()))
      options = ReportOptions(language: language)
      contexts.append(("quote.html", ReportViewModel(plan: plan, locale: locale, options: options).quoteContext()))
      options.risk = result
      let model = ReportViewModel(plan: plan, locale: locale, options: options)
      contexts += [("quote.html", model.quoteContext()), ("risk.html", model.riskPageContext())]
      for (kind, context) in contexts {
        let expected = try templates.renderWithLibrary(context, template: kind)
        let fast = templates.renderFast(context, template: kind)
        #expect(fast != nil, "\(path) \(kind) \(language): not handled")
        #expect(fast == expected, "\(path) \(kind) \(language)")
      }
    }
  }

  @Test func diffReportsRenderTheSame() throws {
    let examples = URL(fileURLWithPath: try #require(HTMLReportTests.examples.first)).deletingLastPathComponent()
    let catalog = TestCatalog.embedded
    func load(_ name: String) throws -> DiffInput {
      try DiffInput.load(path: examples.appendingPathComponent(name).path, catalog: catalog)
    }
    let hostile = #"<script>alert("x")</script> & 'q' {{L.lang}}"#
    let quoted = hostile.replacingOccurrences(of: "\"", with: "\"\"")
    let csv = "part,description,qty,unit_price\nhgx-h100-8gpu,HGX,4,310000.00\n,\"\(quoted)\",2,99.00\n"
    let quote = try DiffInput.parse(csv, file: "<quote>.csv", catalog: catalog)
    let reports = [
      try DiffCheck.compare(try load("h100-ib-128.yaml"), try load("h100-eth-128.yaml"), catalog: catalog),
      try DiffCheck.compare(try load("h100-ib-128.yaml"), try load("h100-ib-128.yaml"), catalog: catalog),
      try DiffCheck.compare(try load("h100-ib-128.yaml"), quote, catalog: catalog),
    ]
    let templates = try ReportTemplates.load(overrideDirectory: nil)
    for report in reports {
      for language in ReportLanguage.allCases {
        let locale = try ReportLocale.load(language, templateDirectories: templates.directories)
        let context = DiffViewModel(report: report, locale: locale).context()
        let expected = try templates.renderWithLibrary(context, template: "diff.html")
        let fast = templates.renderFast(context, template: "diff.html")
        #expect(fast != nil)
        #expect(fast == expected, "\(language)")
      }
    }
  }
}
