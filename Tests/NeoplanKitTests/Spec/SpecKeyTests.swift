import Foundation
import Testing

@testable import NeoplanKit

/// The key enums are the one list of spec keys: they agree with docs/spec.md, drive the
/// unknown-key errors, and record which keys a spec gave.
@Suite("Spec keys: one list per section, given keys, one PUE limit, typed part lookups")
struct SpecKeyTests {
  static let base = "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\n"

  func diagnostic(_ yaml: String, catalog: Catalog = TestCatalog.embedded) -> Diagnostic? {
    do {
      _ = try Plan.make(try ClusterSpec.parse(yaml, file: "test.yaml", catalog: catalog))
      return nil
    } catch let error as InputError {
      return error.diagnostics.first
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  /// The keys in the first column of the table under `## <section>` in docs/spec.md.
  static func documentedKeys(_ section: String) throws -> Set<String> {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../")
    let text = try String(contentsOf: root.appendingPathComponent("docs/spec.md"), encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix("## \(section)") }) else { return [] }
    var keys: Set<String> = []
    for line in lines[(start + 1)...] {
      if line.hasPrefix("## ") { break }
      guard line.hasPrefix("| `") else { continue }
      let cell = line.dropFirst(2).prefix { $0 != "|" }
      // A cell may name two keys: "`rdhx`, `cdu`".
      for piece in cell.split(separator: ",") {
        keys.insert(piece.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")))
      }
    }
    return keys
  }

  @Test func enumsListTheDocumentedKeys() throws {
    #expect(try Self.documentedKeys("backend") == Set(BackendKey.names))
    #expect(try Self.documentedKeys("frontend") == Set(FrontendKey.names))
    #expect(try Self.documentedKeys("storage") == Set(StorageKey.names))
    #expect(try Self.documentedKeys("management") == Set(ManagementKey.names))
    #expect(try Self.documentedKeys("facility") == Set(FacilityKey.names))
    #expect(try Self.documentedKeys("quote") == Set(QuoteKey.names))
  }

  @Test func keyPathsJoinSectionAndKey() {
    #expect(FinanceKey.marketPrice.path.text == "finance.market_price")
    #expect(CovenantKey.minDSCR.path.text == "finance.financing.covenants.min_dscr")
    #expect(SpecSection.asOf.path.text == "as_of")
  }

  /// The unknown-key hint comes from the section's enum (its nearest key).
  @Test(arguments: [
    ("finance: {market_prise: 3}", "finance.market_prise", "market_price"),
    ("facility: {rack_power: 30}", "facility.rack_power", "rack_power_kw"),
    ("risk: {price: {annual_decline_sd2: 0.1}}", "risk.price.annual_decline_sd2", "annual_decline_sd"),
    ("finance: {financing: {debt_shar: 0.5}}", "finance.financing.debt_shar", "debt_share"),
  ])
  func unknownKeysSuggestFromTheEnum(yaml: String, keyPath: String, guess: String) throws {
    let d = try #require(diagnostic(Self.base + yaml + "\n"))
    #expect(d.keyPath == keyPath)
    #expect(d.message == "unknown key '\(keyPath.split(separator: ".").last ?? "")'")
    #expect(d.expected == "did you mean '\(guess)'?")
    #expect(d.location?.line == 3)
  }

  @Test func givenKeysAreTheKeysWithAValue() throws {
    let spec = try TestCatalog.spec(Self.base + "finance: {market_price: 3, pue: ~, staff: {ftes: 2}}\n")
    #expect(spec.isGiven(FinanceKey.marketPrice))
    #expect(spec.isGiven(StaffKey.ftes))
    #expect(spec.isGiven(SpecSection.finance))
    #expect(!spec.isGiven(FinanceKey.pue))  // null: the default applies
    #expect(!spec.isGiven(StaffKey.costPerFTE))
    #expect(!spec.isGiven(FacilityKey.pue))
    #expect(spec.isGiven(ComputeKey.nodes))
  }

  /// The market-price warning reads the given keys: a B200 spec without a price is warned, one
  /// with a price is not.
  @Test func marketPriceWarningFollowsTheGivenKey() throws {
    let b200 = "as_of: 2026-11-15\ncompute: {node: hgx-b200-8gpu, nodes: 16}\n"
    let warned = try TestCatalog.plan(b200).warningItems.map(\.code)
    #expect(warned.contains("market-price-default"))
    let priced = try TestCatalog.plan(b200 + "finance: {market_price: 4.1}\n").warningItems.map(\.code)
    #expect(!priced.contains("market-price-default"))
  }

  /// One PUE range, 1.0…3.0 (``SpecLimits/pue``), for facility.pue and finance.pue, checked once
  /// as the number is read (docs/spec.md "Number bounds": `facility.pue` and `finance.pue` 1…3);
  /// the finance engine no longer checks it a second time.
  @Test(arguments: [
    ("facility: {pue: 3.5}", "facility.pue", "3.5 is out of range"),
    ("facility: {pue: 0.9}", "facility.pue", "0.9 is out of range"),
    ("finance: {pue: 0.9}", "finance.pue", "0.9 is out of range"),
    ("finance: {pue: 3.2}", "finance.pue", "3.2 is out of range"),
  ])
  func pueHasOneRange(yaml: String, keyPath: String, message: String) throws {
    let d = try #require(diagnostic(Self.base + yaml + "\n"))
    #expect(d.keyPath == keyPath)
    #expect(d.message == message)
    #expect(d.expected == "expected 1…3")
    #expect(d.location?.line == 3)
    #expect(SpecLimits.pue == 1.0...3.0)
  }

  @Test func pueAtTheLimitsIsAccepted() throws {
    #expect(try TestCatalog.spec(Self.base + "facility: {pue: 3}\nfinance: {pue: 1}\n").finance.pue == 1)
    var a = FinanceAssumptions()
    a.pue = 0.9
    #expect(!a.validate().contains { $0.keyPath == "finance.pue" })
  }

  /// A catalog entry whose specs are not its kind's is a located error at the key that chose
  /// it, not an internal error.
  @Test func mismatchedSpecsAreALocatedError() throws {
    let embedded = TestCatalog.embedded
    var broken = try #require(embedded["nvidia-qm9700"])
    broken.specs = try #require(embedded["rack-48u"]).specs
    var catalog = embedded
    catalog.merge(Catalog(parts: [broken]))
    let d = try #require(diagnostic(Self.base + "backend: {switch: nvidia-qm9700}\n", catalog: catalog))
    #expect(d.keyPath == "backend.switch")
    #expect(d.message == "'nvidia-qm9700' has no switch specs")
    #expect(d.location?.line == 3)
    // The default switch (no key written) is reported at the top of the file.
    let top = try #require(diagnostic(Self.base, catalog: catalog))
    #expect(top.keyPath == "backend.switch")
    #expect(top.location?.line == 1)
  }

  /// `frontend.ports_per_node` has one limit, the node's: 1…8 per node or per compute tray
  /// (docs/spec.md). An NVL72 rack (18 trays) takes its default 2 × 18 = 36 written out, up to
  /// 8 × 18 = 144; an 8-GPU node stops at 8.
  @Test func frontendPortsFollowTheNode() throws {
    let rack = "as_of: 2026-11-15\ncompute: {node: gb300-nvl72, nodes: 2}\n"
    #expect(try TestCatalog.spec(rack + "frontend: {ports_per_node: 36}\n").frontend?.portsPerNode == 36)
    #expect(try TestCatalog.spec(rack + "frontend: {ports_per_node: 144}\n").frontend?.portsPerNode == 144)
    let tooMany = try #require(diagnostic(rack + "frontend: {ports_per_node: 145}\n"))
    #expect(tooMany.keyPath == "frontend.ports_per_node")
    let node = try #require(diagnostic(Self.base + "frontend: {ports_per_node: 9}\n"))
    #expect(node.keyPath == "frontend.ports_per_node")
    #expect(node.message == "9 ports per node")
    #expect(node.expected == "expected 1…8")
  }
}
