import Foundation
import PropertyBased
import Testing

@testable import NeoplanKit

/// Issue 11: a generator of *valid* specs (within every documented bound and the sizer's
/// 8…512 nodes) — each must plan without error and keep the pipeline's invariants.
@Suite("Valid spec properties")
struct ValidSpecPropertyTests {
  /// One generated spec.
  static func yaml(
    node: Int, nodes: Int, ethernet: Bool, ratio: Int, capacityTenths: Int, spares: Int, frontend: Bool,
    horizon: Int, priceCents: Int
  ) -> String {
    let nodeID = ["hgx-h100-8gpu", "hgx-h200-8gpu"][node]
    let backend =
      ethernet
      ? "{kind: ethernet, switch: nvidia-sn5600, nic: nvidia-cx7-400g-osfp-ib, oversubscription: \"\(ratio):1\"}"
      : "{kind: infiniband, switch: nvidia-qm9700, oversubscription: \"\(ratio):1\"}"
    return """
      as_of: 2026-11-15
      compute: {node: \(nodeID), nodes: \(nodes)}
      backend: \(backend)
      frontend: {kind: \(frontend ? "ethernet" : "none")}
      storage: {capacity_pb: \(capacityTenths / 10).\(capacityTenths % 10)}
      spares: {nodes_percent: \(spares), optics_percent: \(spares)}
      finance: {horizon_years: \(horizon), market_price: \(priceCents / 100).\(priceCents % 100 < 10 ? "0" : "")\(priceCents % 100)}

      """
  }

  @Test func everyValidSpecPlansAndKeepsInvariants() async {
    await propertyCheck(
      count: 25,
      input: Gen.int(in: 0...1), Gen.int(in: 8...512), Gen.bool, Gen.int(in: 1...3), Gen.int(in: 0...200),
      Gen.int(in: 0...10), Gen.bool, Gen.int(in: 1...10), Gen.int(in: 50...999)
    ) { node, nodes, ethernet, ratio, capacity, spares, frontend, horizon, price in
      let text = Self.yaml(
        node: node, nodes: nodes, ethernet: ethernet, ratio: ratio, capacityTenths: capacity, spares: spares,
        frontend: frontend, horizon: horizon, priceCents: price)
      let plan: Plan
      do {
        plan = try TestCatalog.plan(text)
      } catch {
        Issue.record("a valid spec was refused: \(error)\n\(text)")
        return
      }
      Self.checkBoM(plan)
      Self.checkPorts(plan)
      Self.checkFormatsAgree(plan)
    }
  }

  /// Every line is unit × quantity; lines and category subtotals both sum to the total.
  static func checkBoM(_ plan: Plan) {
    let bom = plan.bom
    for line in bom.lines { #expect(line.extendedPrice.cents == line.unitPrice.cents * Int64(line.quantity)) }
    #expect(bom.lines.reduce(0) { $0 + $1.extendedPrice.cents } == bom.total.cents)
    #expect(bom.categoryTotals.reduce(0) { $0 + $1.total.cents } == bom.total.cents)
  }

  /// Ports are conserved: no switch over its radix, and every node backend port lands on a leaf.
  static func checkPorts(_ plan: Plan) {
    guard let backend = plan.design.backend else {
      Issue.record("no backend fabric")
      return
    }
    #expect(throws: Never.self) { try FatTree.checkInvariants(backend.tree, radix: backend.radix) }
    let leafDown = backend.tree.leaves.reduce(0) { $0 + $1.down }
    #expect(leafDown == plan.design.nodes * plan.spec.compute.nodeSpecs.computeNICs)
  }

  /// The headline figure (BoM total) is the same in JSON and in the HTML plan and quote, in both languages.
  static func checkFormatsAgree(_ plan: Plan) {
    let json = plan.json().rendered()
    #expect(json.contains("\"total\": \(plan.bom.total.plainString)"))
    for language in ReportLanguage.allCases {
      let options = ReportOptions(language: language)
      for kind in [HTMLReport.Kind.plan, .quote] {
        let html = (try? HTMLReport.render(kind, plan: plan, options: options)) ?? ""
        #expect(html.contains(plan.bom.total.groupedString), "\(kind) \(language)")
      }
    }
  }
}
