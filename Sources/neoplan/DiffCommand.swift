import ArgumentParser
import Foundation
import NeoplanKit

struct DiffCommand: ParsableCommand {
  // `_superCommandName`: see Neoplan+FastStart.swift (the direct parse skips ArgumentParser's
  // completion-script check; help, completions and errors go through the full parse as before).
  static let configuration = CommandConfiguration(
    commandName: "diff", _superCommandName: "neoplan",
    abstract: "Compare two bills of materials: specs, saved plans or BoM CSVs (vendor quotes too).",
    discussion: """
      A and B may each be a spec (planned on the fly), a saved plan (neoplan plan --format json) or \
      a BoM CSV (neoplan plan --format csv, or a quote with id/part number/description, quantity and \
      unit price columns). Changes are B − A, in A's currency: lines added (+), removed (−) and \
      changed (~), subtotals by category, total and per GPU; with specs or saved plans on both sides \
      also the design, and finance (cost and TCO per GPU-hour, capex, break-even rates, IRRs, NPV, \
      MOIC, payback); with specs on both sides the resolved spec fields. --format html writes one \
      self-contained page (no scripts, no external requests) in --lang en or zh-CN. Exit 0 on success \
      (with --exit-code: 1 when A and B differ), 2 on bad input. See docs/diff.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

  @Argument(help: "Side A (the reference): a spec, a saved plan (JSON) or a BoM CSV.")
  var a: String

  @Argument(help: "Side B: a spec, a saved plan (JSON) or a BoM CSV.")
  var b: String

  @Option(name: .long, help: "Output format: text, json, csv or html (a self-contained page).")
  var format: Format = .text

  @OptionGroup var style: ReportStyleOptions

  @OptionGroup var outputOptions: OutputOptions

  @Flag(name: .long, help: "Exit with status 1 when A and B differ (0 when they are the same).")
  var exitCode = false

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    var differ = false
    try runReportingErrors {
      try outputOptions.check(
        format: format.rawValue, inputs: inputFiles([a, b], catalog: catalogOptions, style: style))
      let loaded = try catalogOptions.load()
      let sideA = try DiffInput.load(path: a, catalog: loaded)
      let sideB = try DiffInput.load(path: b, catalog: loaded)
      let report = try BillOfMaterialsDiff.compare(sideA, sideB, catalog: loaded)
      switch format {
      case .text: try outputOptions.emit(report.text())
      case .json: try outputOptions.emit(report.json().rendered())
      case .csv: try outputOptions.emit(report.csv())
      case .html: try outputOptions.emit(report.html(resources: try style.resources(rendering: "diff.html")))
      }
      differ = report.hasDifferences
    }
    if exitCode && differ { throw ExitCode(1) }
  }
}
