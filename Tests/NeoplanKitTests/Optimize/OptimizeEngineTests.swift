import Foundation
import Testing

@testable import NeoplanKit

@Suite("optimize: search, Pareto front, emitted specs")
struct OptimizeEngineTests {
  static let head = "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\n"
  static let oversubscriptions = ["1:1", "2:1"]
  static let cablings = ["optics", "copper-adjacent"]
  static let coolings = ["air", "liquid"]

  static func input(_ optimize: String) throws -> OptimizeInput {
    try OptimizeInput.parse(head + optimize, file: "opt.yaml", catalog: TestCatalog.embedded)
  }

  static let smallSpace = """
    optimize:
      free:
        backend.oversubscription: ["1:1", "2:1"]
        backend.cabling: all
        facility.cooling: [air, liquid]

    """

  /// Each candidate written out by hand and planned on its own (not through the optimizer's tree edits).
  static func independentPlans() throws -> [(key: String, plan: Plan)] {
    var plans: [(String, Plan)] = []
    for o in oversubscriptions {
      for c in cablings {
        for f in coolings {
          let yaml = head + "backend: {oversubscription: \"\(o)\", cabling: \(c)}\nfacility: {cooling: \(f)}\n"
          let key = "backend.oversubscription=\(o) backend.cabling=\(c) facility.cooling=\(f)"
          plans.append((key, try TestCatalog.plan(yaml)))
        }
      }
    }
    return plans
  }

  static func breakEven(_ plan: Plan) -> Double? {
    plan.finance.breakEven.first { $0.targetIRR == 0 }?.startPricePerGPUHour
  }

  @Test func bestIsNoWorseThanAnyEnumeratedDesign() throws {
    let result = OptimizeEngine.run(try Self.input(Self.smallSpace), threads: 1)
    // 2 oversubscriptions × 2 cablings (all) × 2 coolings = 8 candidates.
    #expect(result.evaluated == 8)
    let plans = try Self.independentPlans()
    let values = try plans.map { try #require(Self.breakEven($0.plan)) }
    let best = try #require(result.best)
    for value in values { #expect(best.objective <= value) }
    #expect(best.objective == values.min())
    // Every feasible design's figure is the independent plan's figure for the same choices.
    let byKey = Dictionary(uniqueKeysWithValues: plans.map { ($0.key, $0.plan) })
    #expect(result.ranked.count + result.rejected.count == 8)
    for design in result.ranked {
      let plan = try #require(byKey[design.key])
      #expect(design.objective == Self.breakEven(plan))
      #expect(design.capex == plan.finance.capex.total)
      #expect(design.npv == plan.finance.npv)
    }
    // Ranked order: objective ascending, then the canonical key.
    for (a, b) in zip(result.ranked, result.ranked.dropFirst()) {
      #expect(a.objective < b.objective || (a.objective == b.objective && a.key < b.key))
    }
  }

  @Test func planWithoutAnalysesKeepsTheSearchedFigures() throws {
    // The search plans with analyses: false; the figures it reads must equal a full plan's.
    let spec = try TestCatalog.spec(Self.head)
    let full = try Plan.make(spec)
    let lean = try Plan.make(spec, analyses: false)
    #expect(lean.finance.capex == full.finance.capex)
    #expect(lean.finance.breakEven == full.finance.breakEven)
    #expect(lean.finance.npv == full.finance.npv)
    #expect(lean.finance.tcoPerGPUHour == full.finance.tcoPerGPUHour)
    #expect(lean.finance.projectIRR.monthlyRoots == full.finance.projectIRR.monthlyRoots)
    #expect(lean.finance.sensitivity.isEmpty && lean.finance.utilizationSweep.isEmpty)
    #expect(!full.finance.sensitivity.isEmpty && full.finance.utilizationSweep.count == 10)
  }

  @Test func paretoFrontOfHandMadePoints() {
    // By hand: B (12, 200) dominates C (12, 150) and D (15, 200); nothing is cheaper than E or
    // carries more than F; A (10, 100) beats E's bandwidth at a higher cost than E: front E, A, B, F.
    let points: [(cost: Double, bandwidth: Double, key: String)] = [
      (10, 100, "A"), (12, 200, "B"), (12, 150, "C"), (15, 200, "D"), (9, 50, "E"), (20, 400, "F"), (12, 200, "G"),
    ]
    let front = OptimizeEngine.paretoFront(points).map { points[$0].key }
    // G duplicates B; the smaller key (B) is kept.
    #expect(front == ["E", "A", "B", "F"])
  }

  @Test func bisectionPerGPUFollowsTheFabric() throws {
    // 16 HGX H100 nodes: 8 × 400 Gb/s rails for 8 GPUs = 400 Gb/s per GPU; 16 nodes × 8 rails =
    // 128 node ports fit on one tier of NDR leaves (rail-optimized: 8 leaves), so 2:1 changes nothing.
    let nonBlocking = try TestCatalog.plan(Self.head)
    #expect(OptimizeEngine.bisectionGbpsPerGPU(nonBlocking) == 400)
    // 128 nodes need two tiers; 2:1 leaves give 400 × 1/2 = 200 Gb/s per GPU.
    let big = try TestCatalog.plan(
      "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 128}\nbackend: {oversubscription: \"2:1\"}\n")
    #expect(big.design.backend?.tree.tiers == 2)
    #expect(OptimizeEngine.bisectionGbpsPerGPU(big) == 200)
  }

  @Test func emittedSpecReplansToTheSameFigures() throws {
    let result = OptimizeEngine.run(try Self.input(Self.smallSpace), threads: 1)
    let emitted = try result.emittedSpecs(name: "opt")
    #expect(emitted.count == result.reported.count)
    for ((file, yaml), reported) in zip(emitted, result.reported) {
      #expect(file == "opt-rank-\(reported.rank).yaml")
      #expect(!yaml.contains("\noptimize:"))
      if reported.design.choices.contains(where: { $0.value == "2:1" }) {
        #expect(yaml.contains("oversubscription: \"2:1\""))
      }
      let plan = try Plan.make(try ClusterSpec.parse(yaml, file: file, catalog: TestCatalog.embedded))
      #expect(plan.finance.capex.total == reported.design.capex)
      #expect(Self.breakEven(plan) == reported.design.objective)
      #expect(plan.finance.npv == reported.design.npv)
      #expect(plan.finance.tcoPerGPUHour == reported.design.tcoPerGPUHour)
      #expect(plan.design.facility.racks == reported.design.racks)
    }
  }

  @Test func maxRacksExcludesExactlyTheLargerDesigns() throws {
    let plans = try Self.independentPlans()
    let racks = plans.map { $0.plan.design.facility.racks }
    let limit = try #require(racks.min())
    let over = racks.filter { $0 > limit }.count
    let result = OptimizeEngine.run(
      try Self.input(Self.smallSpace), constraints: OptimizeConstraints(maxRacks: limit), threads: 2)
    #expect(result.excluded["max_racks"] ?? 0 == over)
    #expect(result.ranked.count == 8 - over)
    #expect(result.ranked.allSatisfy { $0.racks <= limit })
  }

  @Test func requireInfiniBandDropsEthernet() throws {
    let input = try Self.input(
      """
      optimize:
        objective: capex
        free:
          backend.kind: all
          frontend.port_speed_gbps: [100, 200]
        constraints: {require_infiniband: true}

      """)
    let result = OptimizeEngine.run(input, threads: 1)
    // 2 kinds × 2 frontend speeds; the two Ethernet designs plan but are excluded.
    #expect(result.evaluated == 4)
    #expect(result.rejected.isEmpty)
    #expect(result.excluded == ["require_infiniband": 2])
    #expect(
      Set(result.ranked.map(\.key)) == [
        "backend.kind=infiniband frontend.port_speed_gbps=100", "backend.kind=infiniband frontend.port_speed_gbps=200",
      ])
    // Each design replans from its emitted spec (numbers are written as plain scalars).
    for (file, yaml) in try result.emittedSpecs(name: "ib") {
      let plan = try Plan.make(try ClusterSpec.parse(yaml, file: file, catalog: TestCatalog.embedded))
      #expect(result.ranked.contains { $0.capex == plan.finance.capex.total })
    }
  }

  @Test func sameOutputForOneAndTwoThreads() throws {
    let input = try Self.input(Self.smallSpace)
    let one = OptimizeEngine.run(input, threads: 1).jsonDocument(name: "x", currency: "USD").rendered()
    let two = OptimizeEngine.run(input, threads: 2).jsonDocument(name: "x", currency: "USD").rendered()
    #expect(one == two)
  }

  func diagnostic(_ optimize: String) -> Diagnostic? {
    do {
      _ = try Self.input(optimize)
      return nil
    } catch let error as InputError {
      return error.diagnostics.first
    } catch {
      return nil
    }
  }

  @Test func unknownFreeKeyIsLocated() throws {
    let d = try #require(diagnostic("optimize:\n  free:\n    backend.colour: [red]\n"))
    // Line 5 (two head lines), column 5 (after 4 spaces).
    #expect(d.location?.line == 5 && d.location?.column == 5)
    #expect(d.description.contains("backend.colour"))
  }

  @Test func planRefusesAMalformedSectionToo() throws {
    #expect(throws: InputError.self) {
      try TestCatalog.spec(Self.head + "optimize:\n  free:\n    backend.colour: [red]\n")
    }
    // A well-formed section does not change the plan.
    let with = try TestCatalog.plan(Self.head + Self.smallSpace)
    let without = try TestCatalog.plan(Self.head)
    #expect(with.finance.capex == without.finance.capex && with.finance.npv == without.finance.npv)
  }

  @Test func badValuesAreLocatedWithBounds() throws {
    let ratio = try #require(diagnostic("optimize:\n  free:\n    backend.oversubscription: [\"1:1\", \"1:2\"]\n"))
    #expect(ratio.location?.line == 5 && ratio.message.contains("1:2"))
    let power = try #require(diagnostic("optimize:\n  free:\n    facility.rack_power_kw: [40, 900]\n"))
    #expect(power.location?.line == 5 && power.expected?.contains("1…250") == true)
    let none = try #require(diagnostic("name: x\n"))
    #expect(none.keyPath == "optimize")
  }
}
