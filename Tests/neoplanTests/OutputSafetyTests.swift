import Foundation
import Testing

/// Issue 11: an output never replaces an input, a command writes all its outputs or none, and
/// odd targets (devices, FIFOs, symlinks, leftovers of killed runs) are handled as documented
/// in docs/reliability.md.
@Suite("Output safety")
struct OutputSafetyTests {
  /// A folder holding a copy of an example spec as s.yaml.
  func workspace() throws -> URL {
    let folder = try TempDir.make("outputs")
    try FileManager.default.copyItem(
      at: Repo.examples.appendingPathComponent("h100-ib-128.yaml"), to: folder.appendingPathComponent("s.yaml"))
    return folder
  }

  /// Finding 4: every spelling of the spec as the output is refused (exit 2) and the spec is unchanged.
  @Test(arguments: [
    ["plan", "s.yaml", "-o", "s.yaml"], ["plan", "s.yaml", "-o", "./s.yaml"], ["plan", "s.yaml", "-o", "ABS"],
    ["plan", "s.yaml", "-o", "link.yaml"], ["tco", "s.yaml", "-o", "s.yaml"],
    ["quote", "s.yaml", "-o", "s.yaml"], ["quote", "s.yaml", "-o", "q.html", "--pdf", "s.yaml"],
    ["plan", "s.yaml", "--catalog", "cat", "-o", "cat/extra.yaml"],
    ["plan", "s.yaml", "--format", "html", "--templates", "tpl", "-o", "tpl/plan.mustache"],
    ["diff", "s.yaml", "s.yaml", "-o", "s.yaml"],
    ["plan", "s.yaml", "--prices", "cat/extra.yaml", "-o", "cat/extra.yaml"],
  ])
  func anInputIsNeverAnOutput(arguments: [String]) throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = folder.appendingPathComponent("s.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("link.yaml").path, withDestinationPath: "s.yaml")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("cat"), withIntermediateDirectories: true)
    try "schema: 1\nparts: []\n".write(
      to: folder.appendingPathComponent("cat/extra.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("tpl"), withIntermediateDirectories: true)
    try "x".write(to: folder.appendingPathComponent("tpl/plan.mustache"), atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: spec)
    let catalogBefore = try Data(contentsOf: folder.appendingPathComponent("cat/extra.yaml"))
    let args = arguments.map { $0 == "ABS" ? spec.path : $0 }
    let result = try CLI.run(args, in: folder)
    #expect(result.exitCode == 2, "\(result)")
    #expect(result.stderrText.contains("refusing to write here"))
    #expect(try Data(contentsOf: spec) == before)
    #expect(try Data(contentsOf: folder.appendingPathComponent("cat/extra.yaml")) == catalogBefore)
    #expect(!TempDir.contents(of: folder).contains("q.html"))
  }

  /// Finding 7: --pdf into a missing folder writes nothing at all (the HTML was left behind).
  /// Review of issue 13: `quote --date 9999-12-02` crashed (exit 132) adding the 30 valid days
  /// (9999-12-02 + 30 days = 10000-01-01). Now refused like any bad input; 9999-12-01 is the last.
  @Test func quoteDatePastTheLastDateIsRefused() throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let late = try CLI.run(["quote", "s.yaml", "--date", "9999-12-02", "-o", "q.html"], in: folder)
    #expect(late.exitCode == 2, "\(late)")
    #expect(
      late.stderrText
        == "--date: error: 9999-12-02 plus the quote's 30 valid days is after 9999-12-31; expected a date up to 9999-12-01\n"
    )
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("q.html").path))
    let last = try CLI.run(["quote", "s.yaml", "--date", "9999-12-01", "-o", "q.html"], in: folder)
    #expect(last.exitCode == 0, "\(last)")
  }

  @Test func quotePDFIntoMissingFolderWritesNothing() throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["quote", "s.yaml", "-o", "q.html", "--pdf", "missing/q.pdf"], in: folder)
    #expect(result.exitCode == 2)
    #expect(TempDir.contents(of: folder) == ["s.yaml"])
  }

  /// Finding 7: an extension naming another format is refused, never silently ignored.
  @Test(arguments: [
    ["quote", "s.yaml", "-o", "q.pdf"], ["plan", "s.yaml", "-o", "p.pdf"],
    ["plan", "s.yaml", "--format", "json", "-o", "p.csv"], ["tco", "s.yaml", "--format", "text", "-o", "t.json"],
  ])
  func mismatchedExtensionIsRefused(arguments: [String]) throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(arguments, in: folder)
    #expect(result.exitCode == 2)
    #expect(result.stderrText.contains("does not match"))
    #expect(TempDir.contents(of: folder) == ["s.yaml"])
  }

  /// Finding 5: a character device is written, not replaced by a regular file.
  @Test func characterDeviceIsWrittenDirectly() throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["plan", "s.yaml", "-o", "/dev/null"], in: folder)
    #expect(result.exitCode == 0)
    let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
    #expect(type == .typeCharacterSpecial)
  }

  /// Finding 5: a FIFO stays a FIFO; with no reader the command refuses instead of waiting.
  @Test func fifoWithoutReaderIsRefused() throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("pipe")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    let result = try CLI.run(["plan", "s.yaml", "-o", "pipe"], in: folder)
    #expect(result.exitCode == 2)
    #expect(result.stderrText.contains("no reader"))
    var info = stat()
    #expect(lstat(fifo.path, &info) == 0)
    #expect(info.st_mode & S_IFMT == S_IFIFO)
  }

  /// Finding 5: a symbolic link is followed: its target gets the report, the link stays a link.
  @Test func symlinkTargetIsReplacedNotTheLink() throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "old".write(to: folder.appendingPathComponent("real.txt"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: "real.txt")
    let result = try CLI.run(["plan", "s.yaml", "-o", "link.txt"], in: folder)
    #expect(result.exitCode == 0)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path)
        == "real.txt")
    let text = try String(contentsOf: folder.appendingPathComponent("real.txt"), encoding: .utf8)
    #expect(text.hasPrefix("neoplan plan:"))
  }

  /// One-character paths (Foundation's deletingLastPathComponent traps on them): a file is
  /// written, a folder is refused with exit 2.
  @Test func oneCharacterOutputPaths() throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("d"), withIntermediateDirectories: true)
    #expect(try CLI.run(["plan", "s.yaml", "-o", "q"], in: folder).exitCode == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("q").path))
    let refused = try CLI.run(["plan", "s.yaml", "-o", "d"], in: folder)
    #expect(refused.exitCode == 2)
    #expect(refused.stderrText.hasPrefix("d: error: refusing to write here: it is a folder"))
    #expect(try CLI.run(["quote", "s.yaml", "-o", "h.html", "--pdf", "d/"], in: folder).exitCode == 2)
  }

  /// Finding 9: the temporary file of a killed run is removed on the next write; one of a live
  /// process (this test's own parent, which is running) is kept.
  @Test func staleTemporaryFilesAreCleaned() throws {
    let folder = try workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    // PID 2^22 + 1 is above Linux's pid_max limit (2^22), so no process can have it.
    let dead = ".out.txt.neoplan-4194305.tmp"
    let live = ".out.txt.neoplan-\(getpid()).tmp"
    for name in [dead, live] {
      try "partial".write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }
    let result = try CLI.run(["plan", "s.yaml", "-o", "out.txt"], in: folder)
    #expect(result.exitCode == 0)
    let names = TempDir.contents(of: folder)
    #expect(!names.contains(dead))
    #expect(names.contains(live))
    #expect(names.contains("out.txt"))
  }

  /// Finding 2: `catalog validate` refuses out-of-bound catalog values.
  @Test func catalogValidateRejectsOutOfBoundValues() throws {
    let folder = try TempDir.make("catalog")
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = try String(contentsOf: Repo.root.appendingPathComponent("catalogs/compute.yaml"), encoding: .utf8)
    // The first gpu-node's `gpus: 8` becomes 2^63 − 1.
    let range = try #require(text.range(of: "gpus: 8\n"))
    try text.replacingCharacters(in: range, with: "gpus: 9223372036854775807\n")
      .write(to: folder.appendingPathComponent("compute.yaml"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["catalog", "validate", folder.path])
    #expect(result.exitCode == 2)
    #expect(result.stderrText.contains("specs.gpus: 9223372036854775807 is out of range; expected 1…128"))
  }
}
