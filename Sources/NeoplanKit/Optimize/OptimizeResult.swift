import Foundation
import Yams

/// One value chosen for a free dimension.
public struct OptimizeChoice: Sendable, Hashable {
  /// The spec key.
  public var key: String
  /// The value, as written in a spec.
  public var value: String
}

/// One evaluated design and the figures read from its plan (none recomputed).
public struct OptimizeDesign: @unchecked Sendable {
  /// The chosen values, in ``OptimizeProblem/keys`` order.
  public var choices: [OptimizeChoice]
  /// Canonical key (`key=value` joined by spaces): the tie-breaker.
  public var key: String { choices.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
  /// The objective's value (``OptimizeObjective``'s unit).
  public var objective: Double
  /// Total capex (the plan's `finance.capex.total`).
  public var capex: Double
  /// Capex ÷ GPUs.
  public var capexPerGPU: Double { capex / Double(max(1, gpus)) }
  /// GPUs.
  public var gpus: Int
  /// Racks.
  public var racks: Int
  /// Facility power (IT × PUE), kW.
  public var facilityPowerKW: Double
  /// Backend bisection bandwidth per GPU, Gb/s (``OptimizeEngine/bisectionGbpsPerGPU(_:)``).
  public var bisectionGbpsPerGPU: Double
  /// Backend fabric kind (`nil` without a backend).
  public var fabricKind: FabricKind?
  /// Cash break-even starting price per GPU-hour.
  public var breakEvenPrice: Double?
  /// TCO per GPU-hour.
  public var tcoPerGPUHour: Double?
  /// Project pre-tax NPV.
  public var npv: Double
  /// The spec's tree the choices edit (shared by every design of a search).
  let baseTree: Node
  /// The candidate's spec tree (what `--emit-spec` writes): the base with the choices set.
  var tree: Node { SpecTree.applying(choices.map { ($0.key, $0.value) }, to: baseTree) }

  /// The design as a spec file `neoplan plan` reproduces: the spec with the choices set, its
  /// `optimize:` section removed and its name set to `name`.
  public func specYAML(name: String, header: String) throws -> String {
    let named = SpecTree.setting(["name"], to: name, in: tree)
    return header.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" }.joined(separator: "\n")
      + "\n" + (try SpecTree.yaml(named))
  }
}

/// A candidate neoplan could not plan, and why.
public struct OptimizeRejection: Error, Sendable, Hashable {
  /// The chosen values.
  public var choices: [OptimizeChoice]
  /// The first problem the spec decoder, sizer or finance reported.
  public var reason: String
}

/// What `neoplan optimize` found.
public struct OptimizeResult: Sendable {
  /// The objective ranked by.
  public var objective: OptimizeObjective
  /// The constraints applied (the section's, overridden by the command line).
  public var constraints: OptimizeConstraints
  /// Candidates enumerated.
  public var evaluated: Int
  /// Candidates that could not be planned (or have no value for the objective), in enumeration order.
  public var rejected: [OptimizeRejection]
  /// Planned candidates a constraint excluded, by the first constraint they fail.
  public var excluded: [String: Int]
  /// Every feasible design, best first (ties broken by ``OptimizeDesign/key``).
  public var ranked: [OptimizeDesign]
  /// The Pareto front of capex per GPU (lower) against bisection per GPU (higher), cheapest first.
  public var pareto: [OptimizeDesign]
  /// How many designs the report lists besides the front.
  public var top: Int

  /// The best design, if any is feasible.
  public var best: OptimizeDesign? { ranked.first }

  /// The reported designs: the top ``top`` and every Pareto design, in rank order, each with its
  /// rank (1 = best) and whether it is on the front.
  public var reported: [(rank: Int, design: OptimizeDesign, onFront: Bool)] {
    let front = Set(pareto.map(\.key))
    return ranked.enumerated().compactMap { index, design in
      let onFront = front.contains(design.key)
      return index < top || onFront ? (index + 1, design, onFront) : nil
    }
  }
}
