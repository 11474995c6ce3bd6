import Foundation
import Testing

/// The direct subcommand parse (Neoplan+FastStart.swift) never changes what ArgumentParser says:
/// help and errors still name the full command path, `neoplan SUBCOMMAND`.
@Suite("start-up fast path keeps ArgumentParser's messages")
struct FastStartCLITests {
  @Test(arguments: ["plan", "quote", "tco", "diff"])
  func helpNamesTheFullCommand(subcommand: String) throws {
    for flag in ["--help", "-h"] {
      let result = try CLI.run([subcommand, flag])
      #expect(result.exitCode == 0, "\(result)")
      #expect(result.stdoutText.contains("USAGE: neoplan \(subcommand) "), "\(result)")
      #expect(result.stdoutText.contains("--version"), "the root's --version is listed, as before: \(result)")
    }
  }

  /// A bad option is a usage error of `neoplan plan` (exit 2, as `Neoplan.main` maps it).
  @Test func errorsNameTheFullCommand() throws {
    let result = try CLI.run(["plan", "--bogus"])
    #expect(result.exitCode == 2, "\(result)")
    #expect(result.stderrText.contains("neoplan plan"), "\(result)")
  }

  /// A completion-script request after a subcommand is still answered by the full parse (the
  /// direct parse skips ArgumentParser's completion check): the same script as from the root.
  @Test(arguments: ["plan", "quote"])
  func completionScriptRequestsStillWork(subcommand: String) throws {
    let root = try CLI.run(["--generate-completion-script", "bash"])
    let sub = try CLI.run([subcommand, "--generate-completion-script", "bash"])
    #expect(root.exitCode == 0, "\(root)")
    #expect(root.stdoutText.contains("_neoplan"), "\(root)")
    #expect(sub.exitCode == root.exitCode, "\(sub)")
    #expect(sub.stdoutText == root.stdoutText)
  }

  /// A good command line runs the subcommand (here: the plan, as text).
  @Test func goodCommandLinesRun() throws {
    let spec = Repo.examples.appendingPathComponent("l40s-eth-16.yaml").path
    let result = try CLI.run(["plan", spec, "--format", "json"])
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stdoutText.hasPrefix("{\n"), "\(result)")
  }
}
