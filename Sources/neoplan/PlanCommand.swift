import ArgumentParser
import Foundation
import NeoplanKit

struct PlanCommand: ParsableCommand {
  // `_superCommandName`: see Neoplan+FastStart.swift (the direct parse skips ArgumentParser's
  // completion-script check; help, completions and errors go through the full parse as before).
  static let configuration = CommandConfiguration(
    commandName: "plan", _superCommandName: "neoplan",
    abstract: "Size a cluster from a spec file and price its bill of materials.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

  @Argument(help: "The spec file (YAML or JSON).")
  var spec: String

  @Option(
    name: .long,
    help:
      "Output format: text, json, csv or html (the engineering report); default: from the -o file's extension, else text."
  )
  var format: Format?

  enum Table: String, ExpressibleByArgument, CaseIterable { case bom, statements }

  @Option(
    name: .long,
    help: "With --format csv: the table to write, bom (the bill of materials, default) or statements (annual finance)."
  )
  var table: Table = .bom

  @OptionGroup var style: ReportStyleOptions

  @OptionGroup var outputOptions: OutputOptions

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    try runReportingErrors {
      let format = self.format ?? outputOptions.inferredFormat(Format.self) ?? .text
      try outputOptions.check(
        format: format.rawValue, inputs: inputFiles([spec], catalog: catalogOptions, style: style))
      let plan = try Plan.make(try ClusterSpec.load(path: spec, catalog: try catalogOptions.load()))
      switch format {
      case .text: try outputOptions.emit(plan.text())
      case .json: try outputOptions.emit(plan.jsonText())
      case .csv: try outputOptions.emit(table == .bom ? plan.csv() : plan.statementsCSV())
      case .html:
        let html = try HTMLReport.render(
          .plan, plan: plan, options: ReportOptions(language: style.lang),
          resources: try style.resources(rendering: "plan.html"))
        try outputOptions.emit(html)
      }
    }
  }
}
