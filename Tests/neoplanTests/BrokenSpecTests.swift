import Foundation
import Testing

/// One spec in Fixtures/broken/ and the error it must produce. The first line of each fixture
/// says what to expect:
///
///     # expect-error: LINE:COL KEY.PATH | SUBSTRING
///
/// KEY.PATH is `-` for errors without a key path (YAML syntax errors).
struct BrokenSpec: CustomTestStringConvertible, Sendable {
  var name: String
  var path: String
  var line: Int
  var column: Int
  var keyPath: String?
  var substring: String

  var testDescription: String { name }

  static func all() -> [BrokenSpec] {
    Repo.yamlFiles(in: Repo.brokenFixtures).map { url in
      let header = (try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n").first ?? ""
      return parse(header: String(header), name: url.lastPathComponent, path: url.path)
        ?? BrokenSpec(name: url.lastPathComponent, path: url.path, line: 0, column: 0, keyPath: nil, substring: "")
    }
  }

  /// Parses `# expect-error: 6:10 compute.nodes | 'many' is not a whole number`.
  static func parse(header: String, name: String, path: String) -> BrokenSpec? {
    let prefix = "# expect-error: "
    guard header.hasPrefix(prefix) else { return nil }
    let rest = header.dropFirst(prefix.count)
    guard let bar = rest.range(of: " | ") else { return nil }
    let head = rest[..<bar.lowerBound].split(separator: " ")
    guard head.count == 2 else { return nil }
    let position = head[0].split(separator: ":").compactMap { Int($0) }
    guard position.count == 2 else { return nil }
    return BrokenSpec(
      name: name, path: path, line: position[0], column: position[1],
      keyPath: head[1] == "-" ? nil : String(head[1]), substring: String(rest[bar.upperBound...]))
  }

  var isValid: Bool { line > 0 && column > 0 && !substring.isEmpty }
}

@Suite("plan: broken specs")
struct BrokenSpecTests {
  static let specs = BrokenSpec.all()

  @Test func everyFixtureStatesItsExpectation() {
    #expect(Self.specs.count >= 16, "expected the broken-spec fixtures in \(Repo.brokenFixtures.path)")
    for spec in Self.specs where !spec.isValid {
      Issue.record("\(spec.name): first line must be '# expect-error: LINE:COL KEY.PATH | SUBSTRING'")
    }
  }

  @Test("fails like a compiler", arguments: specs)
  func failsWithLocatedError(spec: BrokenSpec) throws {
    let result = try CLI.run(["plan", spec.path])
    #expect(result.exitCode == 2, "\(spec.name): \(result)")
    #expect(result.stdout.isEmpty, "\(spec.name): wrote to stdout: \(result.stdoutText)")
    let stderr = result.stderrText
    expectNoCrash(stderr, spec.name)

    // Every line is a compiler-style diagnostic: file:line:col: error: ...
    let lines = stderr.split(separator: "\n").map(String.init)
    #expect(!lines.isEmpty, "\(spec.name): nothing on stderr")
    for line in lines {
      #expect(
        line.wholeMatch(of: /.+:\d+:\d+: (error|warning): .+/) != nil,
        "\(spec.name): not a compiler-style diagnostic: \(line)")
    }
    // The first error names this file, the expected position and key path.
    let first = lines.first ?? ""
    var expectedPrefix = "\(spec.path):\(spec.line):\(spec.column): error: "
    if let keyPath = spec.keyPath { expectedPrefix += "\(keyPath): " }
    #expect(first.hasPrefix(expectedPrefix), "\(spec.name): expected prefix\n  \(expectedPrefix)\ngot\n  \(first)")
    #expect(stderr.contains(spec.substring), "\(spec.name): expected '\(spec.substring)' in\n\(stderr)")
  }

  @Test("-o creates no file on error", arguments: specs)
  func noOutputFileOnError(spec: BrokenSpec) throws {
    let folder = try TempDir.make("broken-out")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["plan", spec.path, "--format", "json", "-o", "out.json"], in: folder)
    #expect(result.exitCode == 2, "\(spec.name): \(result)")
    #expect(result.stdout.isEmpty)
    #expect(TempDir.contents(of: folder).isEmpty, "\(spec.name): left \(TempDir.contents(of: folder))")
  }
}

/// Input errors are reported, never crashes: no runtime trap message or backtrace.
func expectNoCrash(_ stderr: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
  for marker in ["Fatal error", "Program crashed", "Backtrace", "Stack dump", "Thread 0 crashed", "💣"] {
    #expect(!stderr.contains(marker), "\(context): '\(marker)' in stderr:\n\(stderr)", sourceLocation: sourceLocation)
  }
}
