import Foundation
import Testing

@Suite("risk: command")
struct RiskCommandTests {
  static let spec = Repo.examples.appendingPathComponent("h100-ib-128-risk.yaml").path

  @Test func jsonToAFileIsTheSameOnOneAndTwoThreadsAndNoProgressBarWhenPiped() throws {
    let folder = try TempDir.make("risk")
    defer { try? FileManager.default.removeItem(at: folder) }
    var outputs: [Data] = []
    for threads in ["1", "2"] {
      let file = folder.appendingPathComponent("risk\(threads).json")
      let result = try CLI.run(["risk", Self.spec, "--paths", "200", "--threads", threads, "-o", file.path])
      #expect(result.exitCode == 0, "\(result)")
      #expect(result.stderr.isEmpty, "stderr is not a terminal here: no progress bar")
      outputs.append(try Data(contentsOf: file))
    }
    #expect(outputs[0] == outputs[1])
    let object = try #require(try JSONSerialization.jsonObject(with: outputs[0]) as? [String: Any])
    #expect((object["risk"] as? [String: Any])?["paths"] as? Int == 200)
  }

  @Test func badCountsAreRefusedWithExit2AndNoFile() throws {
    let folder = try TempDir.make("risk-bad")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("r.json")
    for arguments in [["--paths", "0"], ["--paths", "2000000"], ["--threads", "0"]] {
      let result = try CLI.run(["risk", Self.spec] + arguments + ["-o", file.path])
      #expect(result.exitCode == 2, "\(arguments): \(result)")
      #expect(result.stderrText.contains("error:"), "\(arguments)")
      #expect(!FileManager.default.fileExists(atPath: file.path))
    }
  }

  @Test func quoteRiskFlagAddsThePage() throws {
    let folder = try TempDir.make("risk-quote")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("q.html")
    let plain = Repo.examples.appendingPathComponent("h100-ib-128.yaml").path
    let without = try CLI.run(["quote", plain, "-o", file.path])
    #expect(without.exitCode == 0)
    #expect(try !String(contentsOf: file, encoding: .utf8).contains("class=\"page risk\""))
    let with = try CLI.run(["quote", plain, "--risk", "--risk-paths", "100", "-o", file.path])
    #expect(with.exitCode == 0, "\(with)")
    #expect(try String(contentsOf: file, encoding: .utf8).contains("class=\"page risk\""))
  }
}
