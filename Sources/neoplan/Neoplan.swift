import ArgumentParser
import Foundation
import NeoplanKit

@main
struct Neoplan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "neoplan",
    abstract: "Plan and price GPU clusters: sizing, bill of materials, sourced prices.",
    version: NeoplanInfo.version,
    subcommands: [PlanCommand.self, TCOCommand.self, QuoteCommand.self, DiffCommand.self, CatalogCommand.self])
}

/// Runs `body`, printing input problems like a compiler (exit 2) and engine bugs (exit 1).
func runReportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as InputError {
    for diagnostic in error.diagnostics {
      FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    throw ExitCode(2)
  } catch let error as InternalError {
    FileHandle.standardError.write(Data("neoplan: \(error)\n".utf8))
    throw ExitCode(1)
  }
}

/// Writes to `-o FILE` atomically, or to standard output.
func emit(_ text: String, to output: String?) throws {
  if let output {
    try AtomicFile.write(text, to: output)
  } else {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}

struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan", abstract: "Size a cluster from a spec file and price its bill of materials.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

  @Argument(help: "The spec file (YAML or JSON).")
  var spec: String

  @Option(name: .long, help: "Output format: text, json, csv or html (the engineering report).")
  var format: Format = .text

  @Option(name: .long, help: "Report language for html: en or zh-CN.")
  var lang: ReportLanguage = .en

  @Option(name: .long, help: "A folder of Mustache templates overriding the embedded ones (html).")
  var templates: String?

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @Option(name: .long, help: "A catalog folder that adds or overrides parts by id (repeatable).")
  var catalog: [String] = []

  func run() throws {
    try runReportingErrors {
      let plan = try Plan.make(specPath: spec, catalogDirectories: catalog)
      switch format {
      case .text: try emit(plan.text(), to: output)
      case .json: try emit(plan.json().rendered(), to: output)
      case .csv: try emit(plan.csv(), to: output)
      case .html:
        let html = try HTMLReport.render(
          .plan, plan: plan, options: ReportOptions(language: lang), templatesDirectory: templates)
        try emit(html, to: output)
      }
    }
  }
}

struct TCOCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tco",
    abstract: "Total cost of ownership, true IRR/NPV and break-even rental rates of a planned cluster.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Argument(help: "The spec file (YAML or JSON); its finance: section holds the assumptions.")
  var spec: String

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @Option(name: .long, help: "A catalog folder that adds or overrides parts by id (repeatable).")
  var catalog: [String] = []

  func run() throws {
    try runReportingErrors {
      let plan = try Plan.make(specPath: spec, catalogDirectories: catalog)
      switch format {
      case .text: try emit(plan.financeReportText(), to: output)
      case .json: try emit(plan.financeJSONDocument().rendered(), to: output)
      }
    }
  }
}

extension ReportLanguage: ExpressibleByArgument {}

struct QuoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quote",
    abstract: "Render the investor quote: one self-contained HTML file (optionally printed to PDF).")

  @Argument(help: "The spec file (YAML or JSON).")
  var spec: String

  @Option(name: .shortAndLong, help: "The HTML file to write.")
  var output: String

  @Option(name: .long, help: "Language: en or zh-CN.")
  var lang: ReportLanguage = .en

  @Option(name: .long, help: "Also print the quote to this PDF (needs headless Chromium).")
  var pdf: String?

  @Option(name: .long, help: "A folder of Mustache templates overriding the embedded ones.")
  var templates: String?

  @Option(name: .long, help: "The quote's date (YYYY-MM-DD); default: the spec's as_of. Never the clock.")
  var date: String?

  @Option(name: .long, help: "Who the quote is for (overrides quote.prepared_for).")
  var preparedFor: String?

  @Option(name: .long, help: "Who prepared it (overrides quote.prepared_by).")
  var preparedBy: String?

  @Option(name: .long, help: "A catalog folder that adds or overrides parts by id (repeatable).")
  var catalog: [String] = []

  func run() throws {
    try runReportingErrors {
      var day: Day?
      if let date {
        guard let parsed = Day(date) else {
          throw InputError(
            Diagnostic(
              at: nil, file: "--date", keyPath: "", message: "'\(date)' is not a valid date",
              expected: "expected YYYY-MM-DD"))
        }
        day = parsed
      }
      let plan = try Plan.make(specPath: spec, catalogDirectories: catalog)
      let options = ReportOptions(language: lang, date: day, preparedFor: preparedFor, preparedBy: preparedBy)
      let html = try HTMLReport.render(.quote, plan: plan, options: options, templatesDirectory: templates)
      try emit(html, to: output)
      if let pdf { try PDFPrinter.print(htmlPath: output, to: pdf) }
    }
  }
}

struct CatalogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog", abstract: "List, show and validate catalog parts.",
    subcommands: [List.self, Show.self, Validate.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List parts with their prices.")
    @Option(
      name: .long,
      help:
        "Only this kind (gpu-node, nic, switch, transceiver, cable, rack, pdu, cooling, storage, management-server, software, service)."
    )
    var kind: String?
    @Option(name: .long, help: "A catalog folder that adds or overrides parts (repeatable).")
    var catalog: [String] = []

    func run() throws {
      try runReportingErrors {
        let loaded = try CatalogLoader.load(extraDirectories: catalog)
        var parts = loaded.parts
        if let kind {
          guard let partKind = PartKind(rawValue: kind) else {
            throw InputError(
              Diagnostic(
                at: nil, file: "--kind", keyPath: "", message: "unknown kind '\(kind)'",
                expected: "expected one of \(PartKind.allCases.map(\.rawValue).joined(separator: ", "))"))
          }
          parts = parts.filter { $0.kind == partKind }
        }
        try emit(CatalogListing.table(parts), to: nil)
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one part: specs, price, source.")
    @Argument(help: "The part id.") var id: String
    @Option(name: .long, help: "A catalog folder that adds or overrides parts (repeatable).")
    var catalog: [String] = []

    func run() throws {
      try runReportingErrors {
        let loaded = try CatalogLoader.load(extraDirectories: catalog)
        guard let part = loaded[id] else {
          var hint = "expected a part id (neoplan catalog list)"
          if let guess = closestMatch(to: id, in: loaded.parts.map(\.id)) { hint = "did you mean '\(guess)'?" }
          throw InputError(
            Diagnostic(at: nil, file: "catalog", keyPath: "", message: "unknown part '\(id)'", expected: hint))
        }
        try emit(CatalogListing.detail(part), to: nil)
      }
    }
  }

  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a catalog folder (default: the embedded catalog): schema, ids, prices, references.")
    @Argument(help: "The folder to check.") var directory: String?

    func run() throws {
      try runReportingErrors {
        let catalog: Catalog
        if let directory {
          // A folder may extend the embedded catalog: resolve references against both.
          let own = try CatalogLoader.loadDirectory(directory, displayPrefix: directory)
          var merged = (try? CatalogLoader.load(extraDirectories: [])) ?? Catalog()
          merged.merge(own)
          let problems = merged.referenceProblems()
          if !problems.isEmpty { throw InputError(problems) }
          catalog = own
        } else {
          catalog = try CatalogLoader.load(extraDirectories: [])
        }
        let estimates = catalog.parts.filter { $0.price.confidence == .estimate }.count
        try emit("catalog ok: \(catalog.parts.count) parts (\(estimates) priced by estimate)\n", to: nil)
      }
    }
  }
}
