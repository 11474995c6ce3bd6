import ArgumentParser
import Testing

@testable import neoplan

/// The hand parse of plain `plan`/`quote`/`tco` command lines (Neoplan+FastParse.swift) gives the
/// very command ArgumentParser gives, and leaves every other line to ArgumentParser.
@Suite("fast command-line parse")
struct FastParseTests {
  /// Lines the fast parse handles: each option of the three commands, both spellings of
  /// `-o/--output`, repeated `--catalog`/`--prices`, options before and after the spec.
  static let plainLines: [[String]] = [
    ["plan", "s.yaml"],
    ["plan", "s.yaml", "--format", "json"],
    ["plan", "--format", "csv", "--table", "statements", "s.yaml", "-o", "t.csv"],
    ["plan", "s.yaml", "--format", "html", "--lang", "zh-CN", "--templates", "tpl", "--output", "p.html"],
    ["plan", "s.yaml", "--catalog", "c1", "--catalog", "c2", "--prices", "p.csv", "--prices-as-of", "2026-01-02"],
    ["quote", "s.yaml", "-o", "q.html"],
    ["quote", "-o", "q.html", "s.yaml", "--lang", "zh-CN", "--paper", "letter", "--date", "2026-03-04"],
    [
      "quote", "s.yaml", "--output", "q.html", "--pdf", "q.pdf", "--prepared-for", "Acme Fund", "--prepared-by",
      "Ops", "--risk", "--risk-paths", "2000", "--templates", "t", "--catalog", "c", "--prices", "a.yaml",
      "--prices", "b.csv", "--prices-as-of", "2026-05-06",
    ],
    ["quote", "s.yaml", "-o", "q.html", "--risk-paths", "+7"],
    ["tco", "s.yaml"],
    ["tco", "s.yaml", "--format", "csv", "-o", "s.csv", "--catalog", "c"],
    ["tco", "--output", "t.json", "s.yaml"],
  ]

  @Test(arguments: plainLines)
  func sameCommandAsArgumentParser(line: [String]) throws {
    let fast = try #require(Neoplan.fastParse(line), "the fast parse handles \(line)")
    let full = try Neoplan.parseAsRoot(line)
    #expect(type(of: fast) == type(of: full))
    // The default description lists every stored property, option groups included, with its
    // value (an unset property wrapper would print as a definition and differ).
    #expect(String(describing: fast) == String(describing: full))
  }

  /// Field values read back by hand for one line of each command.
  @Test func fieldsByHand() throws {
    let quote = try #require(
      Neoplan.fastParse([
        "quote", "s.yaml", "-o", "q.html", "--lang", "zh-CN", "--risk", "--catalog", "a", "--catalog", "b",
      ]) as? QuoteCommand)
    #expect(quote.spec == "s.yaml" && quote.output == "q.html" && quote.pdf == nil)
    #expect(quote.style.lang == .zhCN && quote.style.templates == nil && quote.paper == .a4)
    #expect(quote.risk && quote.riskPaths == nil && quote.catalogOptions.catalog == ["a", "b"])
    let plan = try #require(Neoplan.fastParse(["plan", "s.yaml", "--format", "csv", "-o", "b.csv"]) as? PlanCommand)
    #expect(plan.spec == "s.yaml" && plan.format == .csv && plan.table == .bom && plan.outputOptions.output == "b.csv")
    let tco = try #require(Neoplan.fastParse(["tco", "s.yaml", "--prices", "p.csv"]) as? TCOCommand)
    #expect(tco.format == nil && tco.catalogOptions.prices == ["p.csv"] && tco.catalogOptions.pricesAsOf == nil)
  }

  /// Lines left to ArgumentParser: help, version, completions, other commands, forms the fast
  /// parse does not read, and every kind of error.
  static let otherLines: [[String]] = [
    [], ["plan"], ["plan", "--help"], ["plan", "-h"], ["quote", "s.yaml", "-o", "q.html", "--help"],
    ["--version"], ["plan", "--version"], ["help", "plan"], ["plan", "s.yaml", "--generate-completion-script", "bash"],
    ["diff", "a.yaml", "b.yaml"], ["catalog", "list"], ["risk", "s.yaml"], ["optimize", "s.yaml"],
    ["quote", "s.yaml", "--output=q.html"], ["plan", "-oq.txt", "s.yaml"], ["plan", "--", "s.yaml"],
    ["plan", "s.yaml", "t.yaml"], ["plan", ""], ["plan", "s.yaml", "-o"], ["plan", "s.yaml", "-o", "-"],
    ["quote", "s.yaml"], ["plan", "s.yaml", "--format", "xml"], ["plan", "s.yaml", "--lang", "fr"],
    ["plan", "s.yaml", "--format", "json", "--format", "text"], ["quote", "s.yaml", "-o", "a.html", "-o", "b.html"],
    ["quote", "s.yaml", "-o", "q.html", "--risk-paths", "many"],
    ["quote", "s.yaml", "-o", "q.html", "--risk-paths", "-5"],
    ["quote", "s.yaml", "-o", "q.html", "--risk", "--risk"], ["quote", "s.yaml", "-o", "q.html", "--paper", "A4"],
    ["tco", "s.yaml", "--table", "bom"], ["tco", "s.yaml", "--lang", "en"], ["plan", "s.yaml", "--risk"],
    ["plan", "s.yaml", "--bogus", "x"], ["plan", "-s.yaml"],
  ]

  @Test(arguments: otherLines)
  func otherLinesGoToArgumentParser(line: [String]) {
    #expect(Neoplan.fastParse(line) == nil)
  }
}
