import Foundation
import Testing

@testable import NeoplanKit

/// The search's fast path (``OptimizeEngine/evaluateFast(_:input:)``: no sweep, no tornado, no IRR,
/// one break-even price) against a full ``Plan/make(_:analyses:)`` of each candidate's spec, written
/// out as YAML and read back the way `neoplan plan` reads it.
@Suite("optimize: the fast path gives a full plan's figures")
struct OptimizeFastPathTests {
  static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "examples/h100-ib-128-optimize.yaml")

  @Test func everyCandidateOfTheExampleMatchesItsFullPlan() throws {
    let input = try OptimizeInput.load(path: Self.example.path, catalog: TestCatalog.embedded)
    let all = OptimizeEngine.candidates(input)
    #expect(all.count == 396)  // 2 kinds × their switches × 3 ratios × 2 cablings × 3 coolings × 2 speeds
    var planned = 0
    let tags = TagFactory()
    var cache = SpecTree.SectionCache()
    for choices in all {
      let tree = SpecTree.applying(choices.map { ($0.key, $0.value) }, to: input.tree)
      let yaml = try SpecTree.yaml(tree)
      let plan = try? Plan.make(try ClusterSpec.parse(yaml, file: "candidate.yaml", catalog: TestCatalog.embedded))
      let outcome = OptimizeEngine.evaluateFast(choices, input: input, tags: tags, cache: &cache)
      let key = choices.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      let cashBreakEven = plan?.finance.breakEven.first { $0.targetIRR == 0 }?.startPricePerGPUHour
      guard let plan, let cashBreakEven else {
        // Not a design, and the optimizer gives the reason a full plan of the candidate gives.
        if case .design = outcome { Issue.record("\(key): the full plan fails, the fast path has a design") }
        let viaSearch = OptimizeEngine.evaluate(choices, input: input, tags: tags, cache: &cache)
        let viaPlan = OptimizeEngine.evaluateWithPlan(choices, input: input)
        #expect(viaSearch.rejectionReason != nil && viaSearch.rejectionReason == viaPlan.rejectionReason, "\(key)")
        continue
      }
      guard case .design(let fast) = outcome else {
        Issue.record("\(key): the full plan succeeds, the fast path has no design")
        continue
      }
      planned += 1
      // Bit for bit: the same Double, not merely close.
      #expect(fast.capex.bitPattern == plan.finance.capex.total.bitPattern, "\(key)")
      #expect(fast.breakEvenPrice?.bitPattern == cashBreakEven.bitPattern, "\(key)")
      #expect(fast.objective.bitPattern == cashBreakEven.bitPattern, "\(key)")
      #expect(fast.tcoPerGPUHour?.bitPattern == plan.finance.tcoPerGPUHour?.bitPattern, "\(key)")
      #expect(fast.npv.bitPattern == plan.finance.npv.bitPattern, "\(key)")
      #expect(fast.gpus == plan.spec.gpus, "\(key)")
      #expect(fast.racks == plan.design.facility.racks, "\(key)")
      #expect(fast.facilityPowerKW.bitPattern == plan.design.facility.facilityPowerKW.bitPattern, "\(key)")
      #expect(fast.bisectionGbpsPerGPU == OptimizeEngine.bisectionGbpsPerGPU(plan), "\(key)")
      #expect(fast.fabricKind == plan.spec.backend?.kind, "\(key)")
    }
    // Something was compared.
    #expect(planned > 0)
  }
}

extension Result where Failure == OptimizeRejection {
  /// The rejection's reason; `nil` for a design.
  fileprivate var rejectionReason: String? {
    if case .failure(let rejection) = self { return rejection.reason }
    return nil
  }
}
