import Foundation
import Testing

@testable import NeoplanKit

/// Issue 11: hostile input is refused with a located error, never a crash, hang or wrong number.
@Suite("Hostile input")
struct HostileInputTests {
  static let base = "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\n"

  /// The first diagnostic of the error `body` throws.
  func diagnostic(_ body: () throws -> Void) -> Diagnostic? {
    do {
      try body()
      return nil
    } catch let error as InputError {
      return error.diagnostics.first
    } catch {
      Issue.record("not an InputError: \(error)")
      return nil
    }
  }

  /// Finding 1: every finance amount the issue found unbounded is refused at its line and column.
  @Test(arguments: [
    ("finance: {market_price: 1e308}", "finance.market_price", 25),
    ("finance: {electricity_per_kwh: 1e308}", "finance.electricity_per_kwh", 32),
    ("finance: {colocation_per_kw_month: 1e308}", "finance.colocation_per_kw_month", 36),
    ("finance: {hosting_per_node_month: 1e308}", "finance.hosting_per_node_month", 35),
    ("finance: {software_per_gpu_year: 1e308}", "finance.software_per_gpu_year", 34),
    ("finance: {bandwidth_per_month: 1e308}", "finance.bandwidth_per_month", 32),
    ("finance: {contract: {price: 1e308}}", "finance.contract.price", 29),
    ("finance: {staff: {ftes: 1e308}}", "finance.staff.ftes", 25),
    ("finance: {staff: {cost_per_fte: 1e308}}", "finance.staff.cost_per_fte", 33),
    ("finance: {price_path: {kind: linear, end_fraction: 1e308}}", "finance.price_path.end_fraction", 52),
  ])
  func hugeFinanceAmountsAreRefused(line: String, keyPath: String, column: Int) throws {
    let found = diagnostic { _ = try TestCatalog.plan(Self.base + line + "\n") }
    let d = try #require(found)
    #expect(d.keyPath == keyPath)
    // Line 3 is the finance line; the column is where `1e308` starts (counted by hand).
    #expect(d.location == SourceLocation(file: "test.yaml", line: 3, column: column))
    #expect(d.message == "1e308 is out of range")
  }

  /// Finding 8: 1e308 appears compactly, not as a 309-digit number.
  @Test func hugeNumbersPrintCompactly() {
    #expect(NumberBounds.display(1e308) == "1e+308")
    #expect(NumberBounds.display(1_000_000) == "1000000")
    #expect(NumberBounds.display(0.25) == "0.25")
  }

  /// Finding 2: oversubscription ratios beyond 64:1 (Int.max overflowed the fat tree) are refused.
  @Test(arguments: ["backend", "frontend"])
  func hugeOversubscriptionIsRefused(section: String) throws {
    let yaml = Self.base + "\(section): {oversubscription: \"9223372036854775807:1\"}\n"
    let d = try #require(diagnostic { _ = try TestCatalog.plan(yaml) })
    #expect(d.keyPath == "\(section).oversubscription")
    #expect(d.location?.line == 3)
  }

  /// Finding 2: catalog values at 2^63−1 are refused where they are decoded.
  @Test(arguments: [
    ("gpu-node", "gpus"), ("gpu-node", "compute_nics"), ("transceiver", "ports"), ("storage", "min_servers"),
  ])
  func hugeCatalogValuesAreRefused(kind: String, key: String) throws {
    let d = try #require(
      diagnostic { _ = try CatalogLoader.parse(Self.catalogPart(kind, key, "9223372036854775807"), file: "c.yaml") })
    #expect(d.keyPath == "parts[0].specs.\(key)")
    #expect(d.message == "9223372036854775807 is out of range")
  }

  /// A one-part catalog of `kind` with `key` set to `value`.
  static func catalogPart(_ kind: String, _ key: String, _ value: String) -> String {
    var specs: [String: String]
    switch kind {
    case "gpu-node":
      specs = [
        "gpus": "8", "gpu_model": "H100", "compute_nics": "8", "compute_nic_speed_gbps": "400",
        "compute_nics_included": "true", "fabrics": "[infiniband]", "rack_units": "8", "power_typical_w": "8000",
        "power_max_w": "10000",
      ]
    case "transceiver":
      specs = [
        "form_factor": "osfp", "ports": "2", "port_speed_gbps": "400", "media": "multimode", "reach_m": "50",
      ]
    default:
      specs = [
        "usable_tb": "500", "min_servers": "4", "frontend_ports": "2", "port_speed_gbps": "200", "rack_units": "2",
        "power_typical_w": "1000", "power_max_w": "1500",
      ]
    }
    specs[key] = value
    let body = specs.sorted { $0.key < $1.key }.map { "      \($0.key): \($0.value)" }.joined(separator: "\n")
    return """
      schema: 1
      parts:
        - id: test-part
          kind: \(kind)
          vendor: Test
          model: Test
          specs:
      \(body)
          price: {amount: 100.00, currency: USD, as_of: 2026-01-01, source: test, confidence: quoted}

      """
  }

  /// Money(roundingMajor:) never traps: NaN is 0, out-of-range values clamp.
  @Test func roundingMajorNeverTraps() {
    #expect(Money(roundingMajor: .nan, currency: "USD").cents == 0)
    #expect(Money(roundingMajor: 1e308, currency: "USD").cents == Int64.max)
    #expect(Money(roundingMajor: -.infinity, currency: "USD").cents == -Int64.max)
    // In range it still rounds half-even: 1.005 is stored as 1.00499999… → 100 cents.
    #expect(Money(roundingMajor: 12.345, currency: "USD").cents == 1234)
  }

  /// A price path that doubles every year for 30 years (2^29 ≈ 5.4e8 × the price) would overflow
  /// the finance figures: refused before the model runs.
  @Test func financeScaleIsChecked() throws {
    let yaml = Self.base + "finance: {horizon_years: 30, price_path: {kind: annual, annual_decline: -1}}\n"
    let d = try #require(diagnostic { _ = try TestCatalog.plan(yaml) })
    #expect(d.keyPath == "finance.market_price")
    #expect(d.message.contains("above 10^16"))
  }

  /// Checked pricing: a unit price of 10^15 (10^9 × an fx rate of 10^6) times 16 nodes exceeds 10^15.
  @Test func pricingOverflowIsRefused() throws {
    var catalog = TestCatalog.embedded
    let part = Self.catalogPart("gpu-node", "gpus", "8").replacingOccurrences(
      of: "amount: 100.00", with: "amount: 1000000000")
    catalog.merge(Catalog(parts: try CatalogLoader.parse(part, file: "c.yaml")))
    let yaml = """
      as_of: 2026-11-15
      currency: EUR
      fx: [{from: USD, rate: 1000000, as_of: 2026-11-01, source: test}]
      compute: {node: test-part, nodes: 16}
      backend: {kind: none}
      finance: {market_price: 2, electricity_per_kwh: 0.1, colocation_per_kw_month: 100}

      """
    let d = try #require(
      diagnostic { _ = try Plan.make(try ClusterSpec.parse(yaml, file: "t.yaml", catalog: catalog)) })
    #expect(d.message.contains("exceeds 10^15 EUR"))
    #expect(d.keyPath == "compute.nodes")
  }

  /// Diff inputs are bounded too: a BoM CSV line of 2^63 − 1 units, or lines whose total passes
  /// 10^15, is a located error instead of an overflow trap.
  @Test func diffCSVOverflowIsRefused() throws {
    let header = "id,description,quantity,unit_price,currency\n"
    let huge = header + "x,d,9223372036854775807,317000.00,USD\n"
    let d1 = try #require(diagnostic { _ = try DiffInput.parse(huge, file: "b.csv", catalog: TestCatalog.embedded) })
    #expect(d1.location?.line == 2)
    // 200 lines of 10^7 × 9,999,999.00 = 9.9999990×10^13 each: the 11th line takes the total
    // past 10^15 (10 × 9.9999990×10^13 = 9.9999990×10^14 < 10^15 < 11 × …), on file line 12.
    let many = header + (0..<200).map { "x\($0),d,10000000,9999999.00,USD\n" }.joined()
    let d2 = try #require(diagnostic { _ = try DiffInput.parse(many, file: "b.csv", catalog: TestCatalog.embedded) })
    #expect(d2.location?.line == 12)
  }

  /// Finding 3: the 424-byte alias bomb from the issue is refused in well under a second.
  @Test func aliasBombIsRefusedQuickly() throws {
    let bomb = try String(contentsOf: Self.corpus.appendingPathComponent("alias-bomb-key.yaml"), encoding: .utf8)
    #expect(bomb.utf8.count == 424)
    let clock = ContinuousClock()
    var found: Diagnostic?
    let elapsed = clock.measure { found = diagnostic { _ = try TestCatalog.spec(bomb, file: "bomb.yaml") } }
    let d = try #require(found)
    #expect(elapsed < .seconds(1))
    // 9 + 81 + 729 + 6561 + 59049 nodes: the fifth level (line 5, the first *a3 at column 10)
    // is where the running total first passes 10,000.
    #expect(d.location == SourceLocation(file: "bomb.yaml", line: 5, column: 10))
    #expect(d.message.contains("aliases expand"))
  }

  /// Non-scalar keys are refused before Yams composes and compares them.
  @Test(arguments: ["? [a, b]\n: 1\n", "x: &x {a: 1}\n? *x\n: 2\n"])
  func nonScalarKeysAreRefused(yaml: String) throws {
    let d = try #require(diagnostic { _ = try TestCatalog.spec(yaml) })
    #expect(d.message.hasPrefix("a mapping key must be a plain string"))
    #expect(d.location != nil)
  }

  /// Deep nesting is refused (64 levels).
  @Test func deepNestingIsRefused() throws {
    let yaml = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    let d = try #require(diagnostic { _ = try TestCatalog.spec(yaml) })
    // The 65th bracket opens the 65th level: line 1, column 65.
    #expect(d.location == SourceLocation(file: "test.yaml", line: 1, column: 65))
  }

  /// Finding 6: a bad byte or a control character is reported at its line and column.
  @Test func badBytesAreLocated() throws {
    let invalid = Data("a: 1\nbé: \u{7F}".utf8)
    let d1 = try #require(diagnostic { _ = try InputText.decode(invalid, file: "x.yaml") })
    // Line 2: "b", "é", ":", " " are four characters; DEL is the fifth.
    #expect(d1.location == SourceLocation(file: "x.yaml", line: 2, column: 5))
    var bytes = Array("a: 1\nb: ".utf8)
    bytes.append(0xFF)
    let d2 = try #require(diagnostic { _ = try InputText.decode(Data(bytes), file: "x.yaml") })
    #expect(d2.location == SourceLocation(file: "x.yaml", line: 2, column: 4))
    #expect(d2.message == "invalid UTF-8 byte 0xFF")
  }

  /// Finding 6: an unreadable catalog file (here a folder named like one) is reported at file:1:1.
  @Test func unreadableCatalogFileIsLocated() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neoplan-unreadable-\(UUID())")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("bad.yaml"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let d = try #require(diagnostic { _ = try CatalogLoader.loadDirectory(folder.path, displayPrefix: "cat") })
    #expect(d.location == SourceLocation(file: "cat/bad.yaml", line: 1, column: 1))
  }

  /// Finding 8: a 1 MB part id is not echoed whole.
  @Test func longValuesAreTruncated() throws {
    let id = String(repeating: "x", count: 1 << 20)
    let d = try #require(
      diagnostic { _ = try TestCatalog.spec("as_of: 2026-11-15\ncompute: {node: \(id), nodes: 16}\n") })
    #expect(d.description.count < 2 * Truncated.diagnosticLimit + 200)
  }

  static let corpus: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url.deleteLastPathComponent()
    }
    return url.appendingPathComponent("Fuzz/corpus")
  }()

  /// Every input in the fuzz corpus (regressions from the issue and from fuzzing) keeps the
  /// promises: planned or refused with located errors, never a violation.
  @Test func fuzzCorpusKeepsThePromises() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
    #expect(names.count >= 5)
    for name in names {
      let data = try Data(contentsOf: Self.corpus.appendingPathComponent(name))
      let outcome = PipelineProbe.run(data)
      #expect(outcome == .planned || outcome == .refused, "\(name): \(outcome)")
    }
  }

  /// The corpus's diff sides (a saved plan, a BoM CSV, a vendor quote, each after
  /// `PipelineProbe.diffMarker`) are read, compared with themselves and rendered, so the fuzzer
  /// starts from inputs that reach the diff readers.
  @Test func fuzzCorpusDiffSidesAreRead() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasPrefix("diff-") }
    #expect(names.count == 3)
    for name in names {
      let data = try Data(contentsOf: Self.corpus.appendingPathComponent(name))
      #expect(data.starts(with: Data(PipelineProbe.diffMarker.utf8)), "\(name)")
      #expect(PipelineProbe.run(data) == .planned, "\(name)")
    }
  }
}

/// The bounds tables in docs/spec.md and docs/catalog.md are the ones the code checks.
@Suite("Number bounds documentation")
struct NumberBoundsDocumentationTests {
  @Test(arguments: [("docs/spec.md", NumberBounds.spec), ("docs/catalog.md", NumberBounds.catalog)])
  func everyBoundIsDocumented(file: String, bounds: [String: NumberBounds.Bound]) throws {
    let docs = try String(contentsOf: HostileInputTests.corpus.appendingPathComponent("../../\(file)"), encoding: .utf8)
    for (key, bound) in bounds {
      let row = "| `\(key)` | \(NumberBounds.display(bound.min))…\(NumberBounds.display(bound.max)) |"
      #expect(docs.contains(row), "\(file) lacks \(row)")
    }
  }
}
