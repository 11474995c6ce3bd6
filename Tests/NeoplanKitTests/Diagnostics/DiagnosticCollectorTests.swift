import Testing

@testable import NeoplanKit

@Suite("Diagnostics: located warnings and the collector")
struct DiagnosticCollectorTests {
  /// An air-cooled H100 node with `cooling: liquid` is warned about at the `cooling:` value:
  /// line 6, column 12 (`  cooling: ` is 11 characters). The report text stays the bare sentence.
  @Test func sizingWarningPointsAtItsSpecKey() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-21
      compute:
        node: hgx-h100-8gpu
        nodes: 32
      facility:
        cooling: liquid
      """)
    let warning = try #require(plan.warningItems.first { $0.code == "air-node-liquid" })
    #expect(warning.severity == .warning)
    #expect(warning.keyPath == "facility.cooling")
    #expect(warning.location == SourceLocation(file: "test.yaml", line: 6, column: 12))
    #expect(warning.description == "test.yaml:6:12: warning: facility.cooling: " + warning.text)
    #expect(warning.text.hasPrefix("hgx-h100-8gpu is air-cooled: direct liquid cooling needs"))
    #expect(plan.warnings.contains(warning.text))
  }

  /// The tier-cliff warning (257 nodes, see ClusterSizerTests) is about `compute.nodes`: line 4,
  /// column 10 (`  nodes: ` is 9 characters).
  @Test func tierCliffPointsAtTheNodeCount() throws {
    let plan = try TestCatalog.plan("as_of: 2026-11-21\ncompute:\n  node: hgx-h100-8gpu\n  nodes: 257\n")
    let warning = try #require(plan.warningItems.first { $0.code == "tier-cliff" })
    #expect(warning.location?.line == 4)
    #expect(warning.location?.column == 10)
  }

  /// A warning about a key the spec does not write, under a section it does not write either,
  /// has no location and prints without a prefix; an unwritten key under a written section points
  /// at the nearest written parent.
  @Test func unwrittenKeysFallBackToTheirParentOrNothing() {
    let section = SourceLocation(file: "s.yaml", line: 7, column: 1)
    let utilization = SourceLocation(file: "s.yaml", line: 9, column: 16)
    var collector = DiagnosticCollector(locations: ["finance": section, "finance.utilization": utilization])
    collector.warn("a", text: "about a list item", at: "finance.utilization[2]")
    collector.warn("b", text: "about a default", at: "finance.market_price")
    collector.warn("c", text: "about the facility", at: "facility.cooling")
    collector.warn("d", text: "about nothing in particular")
    #expect(collector.diagnostics.map(\.location) == [utilization, section, nil, nil])
    #expect(collector.diagnostics[2].description == "warning: facility.cooling: about the facility")
    #expect(collector.diagnostics[3].description == "warning: about nothing in particular")
    #expect(collector.errors.isEmpty)
  }

  /// Errors reported into a collector are thrown together, in order, as one InputError.
  @Test func errorsAreThrownTogether() {
    var collector = DiagnosticCollector()
    collector.warn("w", text: "a warning")
    collector.report(Diagnostic(at: nil, keyPath: "x", message: "first"))
    collector.report(Diagnostic(at: nil, keyPath: "y", message: "second"))
    #expect(collector.warnings.map(\.text) == ["a warning"])
    let error = #expect(throws: InputError.self) { try collector.throwIfErrors() }
    #expect(error?.diagnostics.map(\.keyPath) == ["x", "y"])
  }
}
