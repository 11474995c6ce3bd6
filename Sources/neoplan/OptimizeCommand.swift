import ArgumentParser
import Foundation
import NeoplanKit

struct OptimizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "Search the design choices a spec's optimize: section frees: best design, runner-ups, Pareto front.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

  @Argument(help: "The spec file (YAML or JSON) with an optimize: section (docs/optimize.md).")
  var spec: String

  @Option(
    name: .long, help: "break-even, capex, tco-per-gpu-hour or npv; default: optimize.objective, else break-even.")
  var objective: OptimizeObjective?

  @Option(name: .customLong("max-power-kw"), help: "Most facility power (IT × PUE), kW.")
  var maxPowerKW: Double?

  @Option(name: .long, help: "Most racks.")
  var maxRacks: Int?

  @Option(name: .long, help: "Most capex, in the spec's currency.")
  var maxCapex: Double?

  @Option(name: .customLong("min-bisection-gbps-per-gpu"), help: "Least backend bisection bandwidth per GPU, Gb/s.")
  var minBisection: Double?

  @Flag(name: .customLong("require-infiniband"), help: "Only InfiniBand backends.")
  var requireInfiniBand = false

  @Option(name: .long, help: "Worker threads (default: every core); the output is the same for any count.")
  var threads: Int?

  @Option(
    name: .long,
    help:
      "Output format: text, json or html (with the Pareto chart, --lang en|zh-CN); default: from the -o file's extension, else text."
  )
  var format: Format?

  @Option(name: .customLong("emit-spec"), help: "Write each reported design as a spec file into this folder.")
  var emitSpec: String?

  @OptionGroup var outputOptions: OutputOptions

  @OptionGroup var catalogOptions: CatalogOptions

  @OptionGroup var style: ReportStyleOptions

  func run() throws {
    try runReportingErrors {
      let flags = OptimizeConstraints(
        maxPowerKW: try checked(maxPowerKW, 1...1e7, "--max-power-kw", "1…10,000,000 kW"),
        maxRacks: try checked(maxRacks.map(Double.init), 1...100_000, "--max-racks", "1…100,000 racks").map { Int($0) },
        maxCapex: try checked(maxCapex, 1...1e13, "--max-capex", "an amount from 1 to 10^13"),
        minBisectionGbpsPerGPU: try checked(
          minBisection, 0...100_000, "--min-bisection-gbps-per-gpu", "0…100,000 Gb/s"),
        requireInfiniBand: requireInfiniBand)
      _ = try checked(threads.map(Double.init), 1...256, "--threads", "1…256 threads")
      let format = self.format ?? outputOptions.inferredFormat(Format.self) ?? .text
      try outputOptions.check(
        format: format.rawValue, inputs: inputFiles([spec], catalog: catalogOptions, style: style))
      let input = try OptimizeInput.load(path: spec, catalog: try catalogOptions.load())
      let result = OptimizeEngine.run(
        input, objective: objective, constraints: flags,
        threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
      let name = input.base.name
      if let emitSpec {
        try FileManager.default.createDirectory(atPath: emitSpec, withIntermediateDirectories: true)
        for (file, yaml) in try result.emittedSpecs(name: name) {
          try AtomicFile.write(yaml, to: (emitSpec as NSString).appendingPathComponent(file))
        }
      }
      switch format {
      case .text: try outputOptions.emit(result.text(name: name, currency: input.base.currency))
      case .json: try outputOptions.emit(result.jsonDocument(name: name, currency: input.base.currency).rendered())
      case .html:
        try outputOptions.emit(
          try result.html(
            name: name, currency: input.base.currency, resources: try style.resources(rendering: "optimize.html")))
      }
    }
  }

  private func checked(_ value: Double?, _ range: ClosedRange<Double>, _ name: String, _ what: String) throws
    -> Double?
  {
    guard let value, !(value.isFinite && range.contains(value)) else { return value }
    throw InputError(
      Diagnostic(at: nil, file: name, keyPath: "", message: "\(value) is out of range", expected: "expected \(what)"))
  }
}

extension OptimizeObjective: ExpressibleByArgument {}
