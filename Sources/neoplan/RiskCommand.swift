import ArgumentParser
import Foundation
import NeoplanKit

struct RiskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "risk",
    abstract: "Monte Carlo of a plan's returns: percentiles of IRR, NPV, payback and DSCR, P(loss) and the drivers.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

  @Argument(help: "The spec file (YAML or JSON); its risk: section holds the uncertainty model (docs/risk.md).")
  var spec: String

  @Option(name: .long, help: "Number of paths (1…1,000,000); default: risk.paths, else 10,000.")
  var paths: Int?

  @Option(name: .long, help: "Random seed (0…2^53); default: risk.seed, else 1.")
  var seed: UInt64?

  @Option(name: .long, help: "Worker threads (default: every core); the output is the same for any count.")
  var threads: Int?

  @Option(
    name: .long,
    help:
      "Output format: text, json or html (the risk page, --lang en|zh-CN); default: from the -o file's extension, else text."
  )
  var format: Format?

  @OptionGroup var style: ReportStyleOptions

  @OptionGroup var outputOptions: OutputOptions

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    try runReportingErrors {
      try checkRange(paths.map { Int64($0) }, 1...1_000_000, "--paths", "1…1,000,000 paths")
      try checkRange(seed.map { Int64(clamping: $0) }, 0...(1 << 53), "--seed", "a seed from 0 to 2^53")
      try checkRange(threads.map { Int64($0) }, 1...256, "--threads", "1…256 threads")
      let plan = try Plan.make(try ClusterSpec.load(path: spec, catalog: try catalogOptions.load()))
      let risk = plan.riskAssumptions(paths: paths, seed: seed)
      let bar: ProgressBar? = isatty(STDERR_FILENO) == 1 ? ProgressBar(total: risk.paths) : nil
      var progress: (@Sendable (Int) -> Void)?
      if let bar { progress = { count in bar.advance(count) } }
      let result = plan.runRisk(
        risk, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, progress: progress)
      bar?.finish()
      let format = self.format ?? outputOptions.inferredFormat(Format.self) ?? .text
      switch format {
      case .text: try outputOptions.emit(plan.riskText(result))
      case .json: try outputOptions.emit(plan.riskJSONDocument(result, risk: risk).rendered())
      case .html:
        var options = ReportOptions(language: style.lang)
        options.risk = result
        try outputOptions.emit(
          try HTMLReport.render(
            .risk, plan: plan, options: options, resources: try style.resources(rendering: "risk.html")))
      }
    }
  }

  private func checkRange(_ value: Int64?, _ range: ClosedRange<Int64>, _ name: String, _ what: String) throws {
    guard let value, !range.contains(value) else { return }
    throw InputError(
      Diagnostic(at: nil, file: name, keyPath: "", message: "\(value) is out of range", expected: "expected \(what)"))
  }
}

/// A progress bar on standard error (only used when it is a terminal).
final class ProgressBar: @unchecked Sendable {
  private let total: Int
  private var done = 0
  private var shown = -1
  private let lock = NSLock()

  init(total: Int) { self.total = max(1, total) }

  func advance(_ count: Int) {
    lock.lock()
    defer { lock.unlock() }
    done += count
    let percent = done * 100 / total
    guard percent != shown else { return }
    shown = percent
    let filled = percent * 30 / 100
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
    FileHandle.standardError.write(Data("\r[\(bar)] \(percent)%".utf8))
  }

  func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
