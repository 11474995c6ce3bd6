import ArgumentParser
import Foundation
import NeoplanKit

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
    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
      try runReportingErrors {
        let loaded = try catalogOptions.load()
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
    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
      try runReportingErrors {
        let loaded = try catalogOptions.load()
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
        let powered: Set<PartKind> = [.gpuNode, .nic, .switch, .transceiver, .storage, .managementServer]
        for part in catalog.parts where powered.contains(part.kind) && part.power.maxW == 0 {
          let warning = Diagnostic(
            .warning, at: part.location, keyPath: "\(part.id).specs",
            message: "no power figure: IT power counts this \(part.kind.rawValue) as 0 W",
            expected: "expected power_typical_w and power_max_w (an estimate with its reasoning in description)")
          FileHandle.standardError.write(Data((warning.description + "\n").utf8))
        }
        for warning in catalog.sourceDateWarnings() {
          FileHandle.standardError.write(Data((warning.description + "\n").utf8))
        }
        try emit("catalog ok: \(catalog.parts.count) parts (\(estimates) priced by estimate)\n", to: nil)
      }
    }
  }
}
