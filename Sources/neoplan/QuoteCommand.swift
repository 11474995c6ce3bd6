import ArgumentParser
import Foundation
import NeoplanKit

struct QuoteCommand: ParsableCommand {
  // `_superCommandName`: see Neoplan+FastStart.swift (the direct parse skips ArgumentParser's
  // completion-script check; help, completions and errors go through the full parse as before).
  static let configuration = CommandConfiguration(
    commandName: "quote", _superCommandName: "neoplan",
    abstract: "Render the investor quote: one self-contained HTML file (optionally printed to PDF).")

  @Argument(help: "The spec file (YAML or JSON).")
  var spec: String

  @Option(name: .shortAndLong, help: "The HTML file to write.")
  var output: String

  @Option(name: .long, help: "Also print the quote to this PDF (needs headless Chromium).")
  var pdf: String?

  @OptionGroup var style: ReportStyleOptions

  @Option(name: .long, help: "The quote's date (YYYY-MM-DD); default: the spec's as_of. Never the clock.")
  var date: String?

  @Option(name: .long, help: "Who the quote is for (overrides quote.prepared_for).")
  var preparedFor: String?

  @Option(name: .long, help: "Who prepared it (overrides quote.prepared_by).")
  var preparedBy: String?

  @Option(name: .long, help: "Paper size when printed: a4 or letter.")
  var paper: PaperSize = .a4

  @Flag(name: .long, help: "Add the risk page (Monte Carlo, docs/risk.md) even when the spec has no risk: section.")
  var risk = false

  @Option(name: .long, help: "Paths for the risk page (default: risk.paths, else 10,000).")
  var riskPaths: Int?

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    try runReportingErrors {
      // All outputs or none: every target is checked before any work, and with --pdf the HTML
      // is staged beside its target and renamed into place only once the PDF is written.
      try checkExtension(of: output, format: "html", formatOption: false)
      if let pdf { try checkExtension(of: pdf, format: "pdf") }
      try OutputTarget.check(
        outputs: [output] + (pdf.map { [$0] } ?? []),
        inputs: inputFiles([spec], catalog: catalogOptions, style: style))
      let day = try neoplan.day(fromFlag: "--date", date)
      // --date replaces the spec's as-of date for the whole quote: cover, validity and price ages.
      var clusterSpec = try ClusterSpec.load(path: spec, catalog: try catalogOptions.load())
      try clusterSpec.checkQuoteDate(fromFlag: day)
      if let day { clusterSpec.asOf = day }
      let plan = try Plan.make(clusterSpec)
      var options = ReportOptions(
        language: style.lang, date: day, preparedFor: preparedFor, preparedBy: preparedBy, paper: paper)
      if risk || clusterSpec.risk != nil || riskPaths != nil {
        if let riskPaths, !(1...1_000_000).contains(riskPaths) {
          throw InputError(
            Diagnostic(
              at: nil, file: "--risk-paths", keyPath: "", message: "\(riskPaths) is out of range",
              expected: "expected 1…1,000,000 paths"))
        }
        options.risk = plan.runRisk(plan.riskAssumptions(paths: riskPaths))
      }
      let html = try HTMLReport.render(
        .quote, plan: plan, options: options, resources: try style.resources(rendering: "quote.html"))
      guard let pdf else { return try emit(html, to: output) }
      let staged = try AtomicFile.stage(html, to: output)
      do {
        try PDFPrinter.print(html: html, to: pdf)
      } catch {
        staged.discard()
        throw error
      }
      try staged.commit()
    }
  }
}
