import ArgumentParser
import Foundation
import NeoplanKit

@main
struct Neoplan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "neoplan",
    abstract: "Plan and price GPU clusters: sizing, bill of materials, sourced prices.",
    version: NeoplanInfo.version,
    subcommands: [
      PlanCommand.self, TCOCommand.self, QuoteCommand.self, RiskCommand.self, OptimizeCommand.self, DiffCommand.self,
      CatalogCommand.self,
    ])

  /// Runs the command; a malformed command line is bad input too: its message and exit code 2
  /// (ArgumentParser would use 64).
  static func main() {
    NameLookup.confineToBuiltInServices()
    do {
      var command =
        try fastParse(Array(CommandLine.arguments.dropFirst())) ?? directSubcommand() ?? parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code.rawValue == 64 {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        exit(withError: ExitCode(2))
      }
      exit(withError: error)
    }
  }
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
  } catch let error as ToolUnavailable {
    FileHandle.standardError.write(Data("neoplan: \(error)\n".utf8))
    throw ExitCode(1)
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

/// `--catalog DIR` and `--prices FILE`, repeatable: folders that add or override catalog parts by
/// id, and price books that replace prices only.
struct CatalogOptions: ParsableArguments {
  @Option(name: .long, help: "A catalog folder that adds or overrides parts by id (repeatable).")
  var catalog: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A price book: YAML, CSV or a vendor quote CSV whose prices replace the catalog's (repeatable; later wins).",
      valueName: "file"))
  var prices: [String] = []

  @Option(name: .long, help: "The date of vendor-quote price books whose rows carry none (YYYY-MM-DD).")
  var pricesAsOf: String?

  /// The embedded catalog with the extra folders merged in and the price books applied.
  func load() throws -> Catalog {
    let merged = try CatalogLoader.load(extraDirectories: catalog)
    guard !prices.isEmpty else { return merged }
    let asOf = try day(fromFlag: "--prices-as-of", pricesAsOf)
    return try merged.applying(try prices.flatMap { try PriceBook.load(path: $0) }, defaultAsOf: asOf)
  }
}

/// The date a flag gives (`--date`, `--prices-as-of`), `nil` when the flag is absent; a value that
/// is not YYYY-MM-DD is bad input.
func day(fromFlag flag: String, _ text: String?) throws -> Day? {
  guard let text else { return nil }
  guard let day = Day(text) else {
    throw InputError(
      Diagnostic(
        at: nil, file: flag, keyPath: "", message: "'\(text)' is not a valid date", expected: "expected YYYY-MM-DD"))
  }
  return day
}

/// `-o FILE`: where output goes (atomically), or standard output.
struct OutputOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  /// Writes `text` to the file or to standard output.
  func emit(_ text: String) throws { try neoplan.emit(text, to: output) }

  /// Refuses, before any work, an output that is one of `inputs` or sits in a missing folder,
  /// and an output whose extension names another format than `format` (`-o plan.pdf`).
  func check(format: String, inputs: [String]) throws {
    guard let output else { return }
    try checkExtension(of: output, format: format)
    try OutputTarget.check(outputs: [output], inputs: inputs)
  }

  /// The format named by the output file's extension (`plan.json` → json, `.txt` → text).
  func inferredFormat<F: RawRepresentable>(_: F.Type) -> F? where F.RawValue == String {
    guard let output else { return nil }
    let ext = (output as NSString).pathExtension.lowercased()
    let name = ["txt": "text", "htm": "html"][ext] ?? ext
    return F(rawValue: name)
  }
}

/// `--lang` and `--templates` for HTML reports.
struct ReportStyleOptions: ParsableArguments {
  @Option(name: .long, help: "Report language for html: en or zh-CN.")
  var lang: ReportLanguage = .en

  @Option(name: .long, help: "A folder of Mustache templates overriding the embedded ones (html).")
  var templates: String?

  /// The templates and the `--lang` strings, loaded once for the report the command renders
  /// (`template`, e.g. `quote.html`: only it and its partials are read).
  func resources(rendering template: String) throws -> ReportResources {
    try ReportResources.load(language: lang, templatesDirectory: templates, rendering: [template])
  }
}

/// Report formats an extension names; other extensions (or none) are accepted for any format.
let extensionFormats = [
  "txt": "text", "text": "text", "json": "json", "csv": "csv", "html": "html", "htm": "html", "pdf": "pdf",
]

/// Refuses `-o FILE` whose extension names a format other than `format`; `formatOption: false`
/// for a command with one output format (the quote), whose hint then names no `--format`.
func checkExtension(of output: String, format: String, formatOption: Bool = true) throws {
  let ext = (output as NSString).pathExtension.lowercased()
  guard let named = extensionFormats[ext], named != format else { return }
  let file = "a .\(format == "text" ? "txt" : format) file"
  let hint =
    named == "pdf"
    ? "use `neoplan quote SPEC -o FILE.html --pdf FILE.pdf` for a PDF"
    : formatOption ? "use --format \(named) or \(file)" : "the output is \(format): use \(file)"
  throw InputError(
    Diagnostic(
      at: nil, file: output, keyPath: "", message: "the extension .\(ext) does not match the \(format) output",
      expected: "expected a file ending in the format's extension; \(hint)"))
}

/// The files a plan-like command reads: the spec, every `--catalog` folder, the templates folder.
func inputFiles(_ paths: [String], catalog: CatalogOptions, style: ReportStyleOptions? = nil) -> [String] {
  paths + catalog.catalog + catalog.prices + (style?.templates.map { [$0] } ?? [])
}

extension ReportLanguage: ExpressibleByArgument {}
extension PaperSize: ExpressibleByArgument {}
