import Foundation
import Testing

/// `neoplan diff` run as a user would: exit codes 0 / 1 / 2, the three formats, -o.
@Suite("neoplan diff (end to end)")
struct DiffEndToEndTests {
  static let fixtures = Repo.root.appendingPathComponent("Tests/NeoplanKitTests/Diff/Fixtures")
  static let ib = Repo.examples.appendingPathComponent("h100-ib-128.yaml").path
  static let eth = Repo.examples.appendingPathComponent("h100-eth-128.yaml").path
  static let smallSpec = fixtures.appendingPathComponent("h100-ib-32.yaml").path
  static let quote = fixtures.appendingPathComponent("vendor-quote.csv").path

  @Test("a spec, its saved plan and its CSV against themselves: no change, exit 0 with --exit-code")
  func selfDiffs() throws {
    let folder = try TempDir.make("diff-self")
    let json = try CLI.run(["plan", Self.ib, "--format", "json", "-o", "plan.json"], in: folder)
    let csv = try CLI.run(["plan", Self.ib, "--format", "csv", "-o", "plan.csv"], in: folder)
    #expect(json.exitCode == 0 && csv.exitCode == 0)
    for pair in [
      [Self.ib, Self.ib], ["plan.json", "plan.json"], ["plan.csv", "plan.csv"], [Self.ib, "plan.json"],
      ["plan.csv", Self.ib],
    ] {
      let result = try CLI.run(["diff"] + pair + ["--exit-code"], in: folder)
      #expect(result.exitCode == 0, "\(pair): \(result)")
      #expect(result.stdoutText.contains("No differences."))
    }
  }

  /// Review of issue 13: a name holding DEL was written raw into the plan JSON, which the diff's
  /// YAML reader then refused ("control character 0x7F"). DEL and the C1 controls are escaped.
  @Test("a saved plan whose name holds DEL and a C1 control reads back")
  func controlCharactersInNameRoundTrip() throws {
    let folder = try TempDir.make("diff-controls")
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = try String(contentsOfFile: Self.ib, encoding: .utf8)
    let named =
      "name: \"rack\\x7Fone\\x85two\"\n"
      + spec.split(separator: "\n").filter { !$0.hasPrefix("name:") }
      .joined(separator: "\n")
    try named.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
    let json = try CLI.run(["plan", "s.yaml", "--format", "json", "-o", "plan.json"], in: folder)
    #expect(json.exitCode == 0, "\(json)")
    let text = try String(contentsOf: folder.appendingPathComponent("plan.json"), encoding: .utf8)
    #expect(text.contains(#""name": "rack\u007fone\u0085two""#))
    let result = try CLI.run(["diff", "plan.json", "s.yaml", "--exit-code"], in: folder)
    #expect(result.exitCode == 0, "\(result)")
  }

  @Test("InfiniBand vs Ethernet: exit 0, or 1 with --exit-code; the fabric swap in every format")
  func fabricSwap() throws {
    let plain = try CLI.run(["diff", Self.ib, Self.eth])
    #expect(plain.exitCode == 0, "\(plain)")
    let text = plain.stdoutText
    #expect(text.contains("− nvidia-qm9700"))
    #expect(text.contains("+ nvidia-sn5600"))
    #expect(text.contains("− nvidia-ufm-enterprise"))
    // 48 × 36,000.00 removed; 24 × 52,000.00 added (see BillOfMaterialsDiffTests for the counts).
    #expect(text.contains("-1,728,000.00"))
    #expect(text.contains("+1,248,000.00"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
    #expect(try CLI.run(["diff", Self.ib, Self.eth, "--exit-code"]).exitCode == 1)

    let json = try JSON.parse(try CLI.run(["diff", Self.ib, Self.eth, "--format", "json"]).stdoutText)
    #expect(json[path: "identical"] == .bool(false))
    let backend = json[path: "categories"]?.array?.first { $0[path: "category"]?.string == "backend-network" }
    // 1,248,000 − 1,728,000 = −480,000.
    #expect(backend?[path: "delta"]?.decimal == -480_000)
    let leaf = json[path: "fields"]?[path: "design"]?.array?.first {
      $0[path: "path"]?.string == "fabrics.backend.switches.leaf"
    }
    #expect(leaf?[path: "a"]?.string == "32")
    #expect(leaf?[path: "b"]?.string == "16")

    let csv = try CSV.records(try CLI.run(["diff", Self.ib, Self.eth, "--format", "csv"]).stdoutText)
    #expect(csv.first?.first == "status")
    let sn = csv.first { $0[3] == "nvidia-sn5600" }
    #expect(sn?[0] == "added")
    #expect(sn?[7] == "24")
  }

  @Test("a vendor quote against a plan: differences found, exit 1 with --exit-code; -o writes the file")
  func vendorQuote() throws {
    let folder = try TempDir.make("diff-quote")
    let result = try CLI.run(
      ["diff", Self.smallSpec, Self.quote, "--exit-code", "--format", "json", "-o", "diff.json"], in: folder)
    #expect(result.exitCode == 1, "\(result)")
    #expect(result.stdout.isEmpty)
    let json = try JSON.parse(try String(contentsOf: folder.appendingPathComponent("diff.json"), encoding: .utf8))
    // −224,000 + 15,000 − 45,000 + 38,400 = −215,600.00 (derived in BillOfMaterialsDiffTests).
    #expect(json[path: "total.delta"]?.decimal == Decimal(string: "-215600.00"))
    // The summary splits it: −224,000 price, +15,000 quantity, −45,000 missing, +38,400 extra.
    let parts = ["priceDelta", "quantityDelta", "missingFromB", "extraInB"].compactMap {
      json[path: "summary.\($0)"]?.decimal
    }
    #expect(parts == [-224_000, 15_000, -45_000, 38_400].map { Decimal($0) })
    #expect(parts.reduce(0, +) == json[path: "summary.totalDelta"]?.decimal)
    #expect(json[path: "summary.totalDelta"]?.decimal == json[path: "total.delta"]?.decimal)
    let matches = json[path: "lines"]?.array?.compactMap { $0[path: "match"]?.string } ?? []
    #expect(matches.contains("part-number"))
    #expect(matches.contains("description"))
    #expect(matches.contains("description-fuzzy"))
    #expect(matches.contains("unidentified"))
    #expect(TempDir.contents(of: folder) == ["diff.json"])
  }

  @Test("bad input: exit 2 with a located diagnostic and no output file")
  func badInput() throws {
    let folder = try TempDir.make("diff-bad")
    try "just words\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    try "id,qty,unit_price\nfoo,2,12.345\n".write(
      to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    let notBoM = try CLI.run(["diff", "notes.txt", Self.ib, "-o", "out.txt"], in: folder)
    #expect(notBoM.exitCode == 2)
    #expect(notBoM.stderrText.hasPrefix("notes.txt:1:1: error: not a spec, a saved plan or a BoM CSV"))
    let badNumber = try CLI.run(["diff", Self.ib, "bad.csv", "--exit-code"], in: folder)
    #expect(badNumber.exitCode == 2)
    #expect(badNumber.stderrText.hasPrefix("bad.csv:2:7: error: '12.345' is not a price"))
    let missing = try CLI.run(["diff", Self.ib, "nope.yaml"], in: folder)
    #expect(missing.exitCode == 2)
    #expect(missing.stderrText.hasPrefix("nope.yaml:1:1: error: cannot read the file"))
    #expect(!TempDir.contents(of: folder).contains("out.txt"))
    let language = try CLI.run(["diff", Self.ib, Self.eth, "--format", "html", "--lang", "fr"], in: folder)
    #expect(language.exitCode != 0)
    let templates = try CLI.run(
      ["diff", Self.ib, Self.eth, "--format", "html", "--templates", "nowhere", "-o", "out.html"], in: folder)
    #expect(templates.exitCode == 2)
    #expect(templates.stderrText.contains("templates folder not found"))
    #expect(!TempDir.contents(of: folder).contains("out.html"))
  }

  @Test("README.md, a binary and an unrelated YAML are 'not a spec…' (exit 2); a broken spec keeps its YAML error")
  func notASpec() throws {
    let folder = try TempDir.make("diff-not-spec")
    let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
    try readme.write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
    try Data([0x00, 0x01, 0x02, 0xFF]).write(to: folder.appendingPathComponent("blob.bin"))
    try "title: notes\ntags: [a, b]\n".write(
      to: folder.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
    // Line 4, "   nodes: 4": its ':' is at column 9, a mapping value YAML does not allow there.
    try "name: x\ncompute:\n  node: hgx-h100-8gpu\n   nodes: 4\n".write(
      to: folder.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
    for file in ["README.md", "blob.bin", "other.yaml"] {
      let result = try CLI.run(["diff", file, Self.ib], in: folder)
      #expect(result.exitCode == 2, "\(file): \(result)")
      #expect(result.stderrText.hasPrefix("\(file):1:1: error: not a spec, a saved plan or a BoM CSV"), "\(result)")
    }
    let broken = try CLI.run(["diff", "README.md", "x.yaml"], in: folder)
    #expect(broken.exitCode == 2)
    #expect(broken.stderrText.hasPrefix("README.md:1:1: error: not a spec, a saved plan or a BoM CSV"))
    let spec = try CLI.run(["diff", Self.ib, "x.yaml"], in: folder)
    #expect(spec.exitCode == 2)
    #expect(spec.stderrText.hasPrefix("x.yaml:4:9: error: invalid YAML: mapping values are not allowed"), "\(spec)")
  }

  @Test("--format html: one self-contained page per language, -o writes it, --exit-code still applies")
  func html() throws {
    let folder = try TempDir.make("diff-html")
    let result = try CLI.run(
      ["diff", Self.ib, Self.eth, "--format", "html", "--lang", "zh-CN", "-o", "diff.html", "--exit-code"], in: folder)
    #expect(result.exitCode == 1, "\(result)")
    let html = try String(contentsOf: folder.appendingPathComponent("diff.html"), encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<html lang=\"zh-CN\">"))
    #expect(html.contains("物料清单对比"))
    #expect(!html.contains("<script"))
    // Δ capex: the BoM change −954,732.00 less the UFM subscription (−409,600.00), which is opex
    // (derived in DiffFinanceAndHTMLTests).
    #expect(html.contains("−545,132.00"))
    let english = try CLI.run(["diff", Self.smallSpec, Self.quote, "--format", "html"])
    #expect(english.exitCode == 0)
    #expect(english.stdoutText.contains("Unmatched and description-matched lines"))

    // JSON carries the finance group: every figure, changed or not.
    let json = try JSON.parse(try CLI.run(["diff", Self.ib, Self.eth, "--format", "json"]).stdoutText)
    let capex = json[path: "fields"]?[path: "finance"]?.array?.first { $0[path: "path"]?.string == "tco.capex" }
    #expect(capex?[path: "delta"]?.decimal == Decimal(string: "-545132.00"))
  }
}
