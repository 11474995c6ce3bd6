import Foundation
import Testing

@Suite("optimize: command")
struct OptimizeCommandTests {
  static let spec = """
    as_of: 2026-11-15
    compute: {node: hgx-h100-8gpu, nodes: 16}
    optimize:
      objective: capex
      free:
        backend.oversubscription: ["1:1", "2:1"]
        facility.cooling: [air, liquid]

    """

  @Test func emittedSpecsReplanToTheReportedFigures() throws {
    let folder = try TempDir.make("optimize")
    defer { try? FileManager.default.removeItem(at: folder) }
    let specFile = folder.appendingPathComponent("s.yaml")
    try Self.spec.write(to: specFile, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("o.json")
    let emitted = folder.appendingPathComponent("specs")
    let result = try CLI.run(["optimize", specFile.path, "-o", out.path, "--emit-spec", emitted.path])
    #expect(result.exitCode == 0, "\(result)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: try Data(contentsOf: out)) as? [String: Any])
    let optimize = try #require(document["optimize"] as? [String: Any])
    // 2 ratios × 2 coolings.
    #expect(optimize["evaluated"] as? Int == 4)
    let designs = try #require(optimize["designs"] as? [[String: Any]])
    #expect(!designs.isEmpty)
    for design in designs {
      let rank = try #require(design["rank"] as? Int)
      let file = emitted.appendingPathComponent("s-rank-\(rank).yaml")
      let plan = try CLI.run(["plan", file.path, "--format", "json"])
      #expect(plan.exitCode == 0, "\(plan)")
      let planJSON = try #require(try JSONSerialization.jsonObject(with: plan.stdout) as? [String: Any])
      let tco = try #require(planJSON["tco"] as? [String: Any])
      // Both documents write money exactly to the cent from the same plan figure.
      let planCapex = try #require((tco["capex"] as? NSNumber)?.doubleValue)
      #expect(planCapex == (design["capex"] as? NSNumber)?.doubleValue, "rank \(rank)")
    }
  }

  @Test func badOptimizeKeyIsExit2AtItsLineAndNoFile() throws {
    let folder = try TempDir.make("optimize-bad")
    defer { try? FileManager.default.removeItem(at: folder) }
    let specFile = folder.appendingPathComponent("bad.yaml")
    try "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\noptimize:\n  free:\n    backend.speed: [1]\n"
      .write(to: specFile, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("o.json")
    let result = try CLI.run(["optimize", specFile.path, "-o", out.path])
    #expect(result.exitCode == 2, "\(result)")
    #expect(result.stderrText.contains("bad.yaml:5:5: error:"), "\(result.stderrText)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let flag = try CLI.run(["optimize", specFile.path, "--max-racks", "0"])
    #expect(flag.exitCode == 2 && flag.stderrText.contains("--max-racks"))
  }

  @Test func htmlPageFromTheExtensionInChinese() throws {
    let folder = try TempDir.make("optimize-html")
    defer { try? FileManager.default.removeItem(at: folder) }
    let specFile = folder.appendingPathComponent("s.yaml")
    try Self.spec.write(to: specFile, atomically: true, encoding: .utf8)
    let page = folder.appendingPathComponent("page.html")
    let result = try CLI.run(["optimize", specFile.path, "-o", page.path, "--lang", "zh-CN"])
    #expect(result.exitCode == 0, "\(result)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("<html lang=\"zh-CN\">"))
    #expect(html.contains("<circle class=\"front\""))
    // An html format into a .json file is refused before any work, and nothing is written.
    let wrong = folder.appendingPathComponent("page.json")
    let refused = try CLI.run(["optimize", specFile.path, "--format", "html", "-o", wrong.path])
    #expect(refused.exitCode == 2, "\(refused)")
    #expect(!FileManager.default.fileExists(atPath: wrong.path))
  }
}
