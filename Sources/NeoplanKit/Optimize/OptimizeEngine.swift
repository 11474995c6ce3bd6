import Foundation
import Yams

/// The design search: every combination of the free values is a spec, planned with
/// ``Plan/make(_:)``; the figures are read from the plan. A pure function of its input.
public enum OptimizeEngine {
  /// Every candidate's choices, in canonical order: the product of the dimensions in
  /// ``OptimizeProblem/keys`` order, the last key varying fastest; `backend.switch: all` lists the
  /// catalog's switches of the candidate's fabric kind, sorted by id.
  public static func candidates(_ input: OptimizeInput) -> [[OptimizeChoice]] {
    var result: [[OptimizeChoice]] = [[]]
    for dimension in input.problem.dimensions {
      var next: [[OptimizeChoice]] = []
      for prefix in result {
        var values = dimension.values
        if dimension.allSwitches {
          let kind =
            prefix.first { $0.key == "backend.kind" }?.value ?? input.base.backend?.kind.rawValue ?? "infiniband"
          values = switches(of: kind, in: input.catalog)
        }
        if values.isEmpty { next.append(prefix) }
        for value in values { next.append(prefix + [OptimizeChoice(key: dimension.key, value: value)]) }
      }
      result = next
    }
    return result
  }

  /// Catalog switches of a fabric kind, by id.
  static func switches(of kind: String, in catalog: Catalog) -> [String] {
    catalog.parts.compactMap { part -> String? in
      guard case .switch(let specs) = part.specs, specs.fabric.rawValue == kind else { return nil }
      return part.id
    }.sorted()
  }

  /// Backend bisection bandwidth per GPU, Gb/s: link speed × backend ports per fabric node ÷ GPUs
  /// per fabric node, × up/down of the leaf oversubscription when the fabric has more than one
  /// tier (a single tier of leaves is non-blocking). 0 without a backend. docs/optimize.md.
  public static func bisectionGbpsPerGPU(_ plan: Plan) -> Double {
    bisectionGbpsPerGPU(spec: plan.spec, design: plan.design)
  }

  /// ``bisectionGbpsPerGPU(_:)`` of a sized design.
  static func bisectionGbpsPerGPU(spec: ClusterSpec, design: ClusterDesign) -> Double {
    guard let backend = spec.backend, let tree = design.backend?.tree else { return 0 }
    let gpusPerFabricNode = Double(spec.compute.nodeSpecs.gpus) / Double(max(1, backend.fabricNodesPerUnit))
    let perGPU = Double(backend.linkSpeedGbps * backend.railsPerFabricNode) / gpusPerFabricNode
    guard tree.tiers > 1 else { return perGPU }
    return perGPU * Double(backend.oversubscription.up) / Double(backend.oversubscription.down)
  }

  /// The objective's value from a plan's figures; `nil` when the plan has none (e.g. no market
  /// revenue, so no break-even price).
  public static func objectiveValue(_ objective: OptimizeObjective, _ plan: Plan) -> Double? {
    switch objective {
    case .breakEven: return plan.finance.breakEven.first { $0.targetIRR == 0 }?.startPricePerGPUHour
    case .capex: return plan.finance.capex.total
    case .tcoPerGPUHour: return plan.finance.tcoPerGPUHour
    case .npv: return plan.finance.npv
    }
  }

  /// Plans one candidate: the spec tree with `choices` set, decoded and planned.
  static func planCandidate(_ choices: [OptimizeChoice], input: OptimizeInput) throws -> (Plan, Node) {
    let tree = SpecTree.applying(choices.map { ($0.key, $0.value) }, to: input.tree)
    var decoder = SpecDecoder(catalog: input.catalog, file: input.base.file)
    let spec = try decoder.decode(YAMLValue(node: tree, file: input.base.file, path: "", checksBounds: true))
    // The search reads capex, break-even, NPV and TCO only: the sweep and the tornado are skipped.
    return (try Plan.make(spec, analyses: false), tree)
  }

  /// Evaluates one candidate: a design, or why it was rejected. The fast path
  /// (``evaluateFast(_:input:tags:cache:)``), and the full plan only when that cannot tell.
  static func evaluate(
    _ choices: [OptimizeChoice], input: OptimizeInput, tags: TagFactory, cache: inout SpecTree.SectionCache
  ) -> Result<
    OptimizeDesign, OptimizeRejection
  > {
    switch evaluateFast(choices, input: input, tags: tags, cache: &cache) {
    case .design(let design): return .success(design)
    case .rejected(let rejection): return .failure(rejection)
    case .needsPlan: return evaluateWithPlan(choices, input: input)
    }
  }

  /// Evaluates one candidate through a full ``Plan/make(_:analyses:)``: a design, or why it was rejected.
  static func evaluateWithPlan(_ choices: [OptimizeChoice], input: OptimizeInput) -> Result<
    OptimizeDesign, OptimizeRejection
  > {
    let plan: Plan
    do {
      plan = try planCandidate(choices, input: input).0
    } catch {
      return .failure(rejection(choices, error))
    }
    let objective = input.problem.objective
    guard let value = objectiveValue(objective, plan), value.isFinite else {
      return .failure(OptimizeRejection(choices: choices, reason: "the plan has no \(objective.rawValue) figure"))
    }
    let breakEven = plan.finance.breakEven.first { $0.targetIRR == 0 }?.startPricePerGPUHour
    return .success(
      OptimizeDesign(
        choices: choices, objective: value, capex: plan.finance.capex.total, gpus: plan.spec.gpus,
        racks: plan.design.facility.racks, facilityPowerKW: plan.design.facility.facilityPowerKW,
        bisectionGbpsPerGPU: bisectionGbpsPerGPU(plan), fabricKind: plan.spec.backend?.kind,
        breakEvenPrice: breakEven, tcoPerGPUHour: plan.finance.tcoPerGPUHour, npv: plan.finance.npv,
        baseTree: input.tree))
  }

  /// The first constraint `design` fails, by its spec key; `nil` when it meets them all.
  public static func failedConstraint(_ design: OptimizeDesign, _ c: OptimizeConstraints) -> String? {
    if c.requireInfiniBand, design.fabricKind != .infiniband { return "require_infiniband" }
    if let max = c.maxRacks, design.racks > max { return "max_racks" }
    if let max = c.maxPowerKW, design.facilityPowerKW > max { return "max_power_kw" }
    if let max = c.maxCapex, design.capex > max { return "max_capex" }
    if let min = c.minBisectionGbpsPerGPU, design.bisectionGbpsPerGPU < min { return "min_bisection_gbps_per_gpu" }
    return nil
  }

  /// Runs the search. `constraints` (the command line's) override the section's; the result is
  /// the same for any `threads`.
  public static func run(
    _ input: OptimizeInput, objective: OptimizeObjective? = nil, constraints: OptimizeConstraints = .init(),
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) -> OptimizeResult {
    var input = input
    if let objective { input.problem.objective = objective }
    let applied = input.problem.constraints.overridden(by: constraints)
    let all = candidates(input)
    let outcomes = evaluateAll(all, input: input, threads: threads)
    var rejected: [OptimizeRejection] = []
    var excluded: [String: Int] = [:]
    var feasible: [OptimizeDesign] = []
    for outcome in outcomes {
      switch outcome {
      case .failure(let rejection): rejected.append(rejection)
      case .success(let design):
        if let name = failedConstraint(design, applied) {
          excluded[name, default: 0] += 1
        } else {
          feasible.append(design)
        }
      }
    }
    let maximise = input.problem.objective.maximises
    let ranked = feasible.sorted { a, b in
      if a.objective != b.objective { return maximise ? a.objective > b.objective : a.objective < b.objective }
      return a.key < b.key
    }
    let front = paretoFront(ranked.map { (cost: $0.capexPerGPU, bandwidth: $0.bisectionGbpsPerGPU, key: $0.key) })
    return OptimizeResult(
      objective: input.problem.objective, constraints: applied, evaluated: all.count, rejected: rejected,
      excluded: excluded, ranked: ranked, pareto: front.map { ranked[$0] }, top: input.problem.top)
  }

  /// Indices of the non-dominated points (lower cost, higher bandwidth), cheapest first. A point
  /// is dominated when another costs no more and carries no less with one of them strictly; of
  /// identical points only the one with the smallest key is kept.
  public static func paretoFront(_ points: [(cost: Double, bandwidth: Double, key: String)]) -> [Int] {
    let order = points.indices.sorted { i, j in
      let a = points[i]
      let b = points[j]
      if a.cost != b.cost { return a.cost < b.cost }
      if a.bandwidth != b.bandwidth { return a.bandwidth > b.bandwidth }
      return a.key < b.key
    }
    var front: [Int] = []
    var bestBandwidth = -Double.infinity
    for index in order where points[index].bandwidth > bestBandwidth {
      front.append(index)
      bestBandwidth = points[index].bandwidth
    }
    return front
  }

  /// Evaluates every candidate, results by index, on up to `threads` workers.
  static func evaluateAll(_ all: [[OptimizeChoice]], input: OptimizeInput, threads: Int) -> [Result<
    OptimizeDesign, OptimizeRejection
  >] {
    let slots = ResultSlots(count: all.count)
    let workers = max(1, min(threads, all.count))
    let tags = TagFactory()
    let work: @Sendable (Int) -> Void = { worker in
      var index = worker
      var cache = SpecTree.SectionCache()
      while index < all.count {
        slots.store(evaluate(all[index], input: input, tags: tags, cache: &cache), at: index)
        index += workers
      }
    }
    if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
    return slots.results()
  }
}

/// Results written by index from worker threads (each index by exactly one worker).
private final class ResultSlots: @unchecked Sendable {
  private var slots: [Result<OptimizeDesign, OptimizeRejection>?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ result: Result<OptimizeDesign, OptimizeRejection>, at index: Int) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  func results() -> [Result<OptimizeDesign, OptimizeRejection>] {
    slots.map { $0 ?? .failure(OptimizeRejection(choices: [], reason: "not evaluated")) }
  }
}

/// Makes the tags of the nodes a candidate's edits create: each node its own `Tag` (Yams resolves
/// a tag's name in place when asked for it), all sharing one constructor (`Tag.implicit` builds a
/// new constructor, with its tables, on every use). The constructor is only read.
final class TagFactory: @unchecked Sendable {
  private let constructor = Constructor.default

  /// A new implicit tag with the basic resolver, as the spec reader's nodes have.
  func make() -> Tag { Tag(.implicit, .basic, constructor) }
}
