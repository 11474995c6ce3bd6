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
        try emit("catalog ok: \(catalog.parts.count) parts (\(estimates) priced by estimate)\n", to: nil)
      }
    }
  }
}
