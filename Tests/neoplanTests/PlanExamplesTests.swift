import Foundation
import Testing

/// `neoplan plan` on every spec in examples/: exit status, JSON shape and money arithmetic, CSV,
/// text width, determinism and `-o`.
@Suite("plan: examples")
struct PlanExamplesTests {
  static let examples = Repo.exampleSpecs().map(\.lastPathComponent)

  static func path(_ example: String) -> String {
    Repo.examples.appendingPathComponent(example).path
  }

  /// Runs `plan` and requires success: exit 0, output, nothing on stderr.
  static func plan(_ example: String, _ extra: [String] = []) throws -> RunResult {
    let result = try CLI.run(["plan", path(example)] + extra)
    #expect(result.exitCode == 0, "\(example) \(extra): \(result)")
    #expect(result.stderr.isEmpty, "\(example) \(extra) wrote to stderr: \(result.stderrText)")
    return result
  }

  static func planJSON(_ example: String) throws -> JSON {
    try JSON.parse(plan(example, ["--format", "json"]).stdoutText)
  }

  @Test func examplesFolderIsNotEmpty() {
    #expect(!Self.examples.isEmpty, "no YAML files in \(Repo.examples.path)")
  }

  @Test("text plan succeeds", arguments: examples)
  func textPlan(example: String) throws {
    let result = try Self.plan(example)
    #expect(!result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
  }

  static let requiredKeys = [
    "schemaVersion", "name", "compute.nodes", "compute.gpus", "compute.nodeId",
    "fabrics.backend.kind", "fabrics.backend.design", "fabrics.backend.tiers",
    "fabrics.backend.switches.leaf", "fabrics.backend.switches.spine", "fabrics.backend.switches.core",
    "fabrics.backend.links.nodeToLeaf", "fabrics.backend.links.leafToSpine", "fabrics.backend.links.spineToCore",
    "fabrics.backend.cables", "fabrics.backend.transceivers.switchSide", "fabrics.backend.transceivers.nodeSide",
    "facility.racks", "facility.itPowerKW", "facility.facilityPowerKW", "facility.warnings",
    "bom.currency", "bom.total", "bom.perGPU", "bom.lines",
  ]

  @Test("JSON plan has the documented keys", arguments: examples)
  func jsonKeys(example: String) throws {
    let result = try Self.plan(example, ["--format", "json"])
    // Valid for Foundation's parser too, not only for ours.
    #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: result.stdout) }
    let json = try JSON.parse(result.stdoutText)
    for key in Self.requiredKeys {
      #expect(json[path: key] != nil, "\(example): missing key \(key)")
    }
    let lines = try #require(json[path: "bom.lines"]?.array, "\(example): bom.lines is not an array")
    #expect(!lines.isEmpty, "\(example): empty bill of materials")
    for (index, line) in lines.enumerated() {
      for key in ["category", "id", "quantity", "unitPrice", "extendedPrice"] {
        #expect(line[path: key] != nil, "\(example): bom.lines[\(index)] has no \(key)")
      }
    }
  }

  @Test("BoM money adds up exactly", arguments: examples)
  func moneyAddsUp(example: String) throws {
    let json = try Self.planJSON(example)
    let lines = try #require(json[path: "bom.lines"]?.array)
    let total = try #require(json[path: "bom.total"]?.decimal, "\(example): bom.total is not a number")
    var sum = Decimal(0)
    var byCategory: [String: Decimal] = [:]
    for (index, line) in lines.enumerated() {
      let id = line[path: "id"]?.string ?? "lines[\(index)]"
      let quantity = try #require(line[path: "quantity"]?.int, "\(example): \(id) quantity is not an integer")
      let unit = try #require(line[path: "unitPrice"]?.decimal, "\(example): \(id) unitPrice")
      let extended = try #require(line[path: "extendedPrice"]?.decimal, "\(example): \(id) extendedPrice")
      #expect(extended == unit * Decimal(quantity), "\(example): \(id): \(unit) × \(quantity) ≠ \(extended)")
      sum += extended
      byCategory[line[path: "category"]?.string ?? "", default: 0] += extended
    }
    #expect(sum == total, "\(example): Σ extendedPrice = \(sum), bom.total = \(total)")
    for category in json[path: "bom.categories"]?.array ?? [] {
      let name = category[path: "category"]?.string ?? "?"
      #expect(
        category[path: "total"]?.decimal == byCategory[name, default: 0],
        "\(example): category \(name) total ≠ Σ of its lines")
    }
  }

  @Test("CSV is RFC 4180 with one row per BoM line", arguments: examples)
  func csv(example: String) throws {
    let text = try Self.plan(example, ["--format", "csv"]).stdoutText
    #expect(text.hasSuffix("\r\n"), "\(example): CSV does not end with CRLF")
    let records = try CSV.records(text)
    let header = try #require(records.first, "\(example): empty CSV")
    let expectedStart = ["category", "id", "description", "quantity", "unit_price", "extended_price", "currency"]
    #expect(Array(header.prefix(expectedStart.count)) == expectedStart, "\(example): header \(header)")
    for (index, record) in records.enumerated() {
      #expect(record.count == header.count, "\(example): record \(index + 1) has \(record.count) fields")
    }
    let lines = try #require(try Self.planJSON(example)[path: "bom.lines"]?.array)
    #expect(records.count - 1 == lines.count, "\(example): \(records.count - 1) CSV rows, \(lines.count) JSON lines")
    // Rows and JSON lines agree on id, quantity and extended price, in order.
    for (record, line) in zip(records.dropFirst(), lines) where record.count >= 6 {
      #expect(record[1] == line[path: "id"]?.string)
      #expect(Int(record[3]) == line[path: "quantity"]?.int)
      #expect(Decimal(string: record[5]) == line[path: "extendedPrice"]?.decimal)
    }
  }

  @Test("text lines fit 100 columns", arguments: examples)
  func textWidth(example: String) throws {
    let text = try Self.plan(example).stdoutText
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.count > 100 {
      Issue.record("\(example): line \(number + 1) has \(line.count) characters: \(line)")
    }
  }

  static let formats = ["text", "json", "csv"]

  @Test("same input, same bytes", arguments: examples, formats)
  func deterministic(example: String, format: String) throws {
    let first = try Self.plan(example, ["--format", format])
    let second = try Self.plan(example, ["--format", format])
    #expect(first.stdout == second.stdout, "\(example) --format \(format) differs between runs")
  }

  @Test("-o writes the stdout bytes and leaves no temporary files", arguments: examples, formats)
  func outputFile(example: String, format: String) throws {
    let expected = try Self.plan(example, ["--format", format]).stdout
    let folder = try TempDir.make("out")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("plan.\(format)")
    let result = try Self.plan(example, ["--format", format, "-o", file.path])
    #expect(result.stdout.isEmpty, "\(example): -o also wrote to stdout")
    #expect((try? Data(contentsOf: file)) == expected, "\(example): -o bytes ≠ stdout bytes")
    #expect(TempDir.contents(of: folder) == ["plan.\(format)"], "files in the output folder")
  }

  @Test("-o replaces an existing file", arguments: formats)
  func outputFileReplacesExistingFile(format: String) throws {
    let example = try #require(Self.examples.first)
    let expected = try Self.plan(example, ["--format", format]).stdout
    let folder = try TempDir.make("out")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("plan.\(format)")
    try Data("previous output\n".utf8).write(to: file)
    let result = try Self.plan(example, ["--format", format, "-o", file.path])
    #expect(result.stdout.isEmpty)
    #expect((try? Data(contentsOf: file)) == expected, "the existing file was not replaced with the new output")
    #expect(TempDir.contents(of: folder) == ["plan.\(format)"], "files in the output folder")
  }

  @Test("-o with a relative path writes into the working directory")
  func relativeOutputFile() throws {
    let example = try #require(Self.examples.first)
    let folder = try TempDir.make("cwd-out")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["plan", Self.path(example), "--format", "json", "-o", "out.json"], in: folder)
    #expect(result.exitCode == 0, "\(result)")
    #expect(TempDir.contents(of: folder) == ["out.json"])
    let expected = try Self.plan(example, ["--format", "json"]).stdout
    #expect(try Data(contentsOf: folder.appendingPathComponent("out.json")) == expected)
  }
}
