import ArgumentParser
import Foundation
import NeoplanKit

struct TCOCommand: ParsableCommand {
  // `_superCommandName`: see Neoplan+FastStart.swift (the direct parse skips ArgumentParser's
  // completion-script check; help, completions and errors go through the full parse as before).
  static let configuration = CommandConfiguration(
    commandName: "tco", _superCommandName: "neoplan",
    abstract: "Total cost of ownership, true IRR/NPV and break-even rental rates of a planned cluster.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

  @Argument(help: "The spec file (YAML or JSON); its finance: section holds the assumptions.")
  var spec: String

  @Option(
    name: .long,
    help: "Output format: text, json or csv (the annual statements); default: from the -o file's extension, else text.")
  var format: Format?

  @OptionGroup var outputOptions: OutputOptions

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    try runReportingErrors {
      let format = self.format ?? outputOptions.inferredFormat(Format.self) ?? .text
      try outputOptions.check(format: format.rawValue, inputs: inputFiles([spec], catalog: catalogOptions))
      let plan = try Plan.make(try ClusterSpec.load(path: spec, catalog: try catalogOptions.load()))
      switch format {
      case .text: try outputOptions.emit(plan.financeReportText())
      case .json: try outputOptions.emit(plan.financeJSONText())
      case .csv: try outputOptions.emit(plan.statementsCSV())
      }
    }
  }
}
