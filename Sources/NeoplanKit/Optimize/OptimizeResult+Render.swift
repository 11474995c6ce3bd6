import Foundation

extension OptimizeResult {
  /// Most rejections listed in the report (the count is always complete).
  public static let rejectionsListed = 50

  /// The `optimize` JSON document (docs/optimize.md).
  public func jsonDocument(name: String, currency: String) -> JSONValue {
    func money(_ value: Double) -> JSONValue { .money(Money(roundingMajor: value, currency: currency)) }
    func choices(_ list: [OptimizeChoice]) -> JSONValue {
      .object(Dictionary(uniqueKeysWithValues: list.map { ($0.key, JSONValue.string($0.value)) }))
    }
    func design(_ rank: Int, _ d: OptimizeDesign, _ onFront: Bool) -> JSONValue {
      .object([
        "rank": .int(rank), "key": .string(d.key), "choices": choices(d.choices), "pareto": .bool(onFront),
        "objective": .decimal(d.objective, objective == .capex || objective == .npv ? 2 : 4),
        "capex": money(d.capex), "capexPerGPU": money(d.capexPerGPU), "gpus": .int(d.gpus), "racks": .int(d.racks),
        "facilityPowerKW": .decimal(d.facilityPowerKW, 3), "bisectionGbpsPerGPU": .decimal(d.bisectionGbpsPerGPU, 3),
        "breakEvenPricePerGPUHour": d.breakEvenPrice.map { .decimal($0, 4) } ?? .null,
        "tcoPerGPUHour": d.tcoPerGPUHour.map { .decimal($0, 4) } ?? .null, "npv": money(d.npv),
        "fabricKind": d.fabricKind.map { .string($0.rawValue) } ?? .null,
      ])
    }
    let reported = self.reported
    let front = Set(pareto.map(\.key))
    let rankByKey = Dictionary(uniqueKeysWithValues: reported.map { ($0.design.key, $0.rank) })
    var constraintObject: [String: JSONValue] = ["require_infiniband": .bool(constraints.requireInfiniBand)]
    constraintObject["max_power_kw"] = constraints.maxPowerKW.map { .decimal($0, 3) } ?? .null
    constraintObject["max_racks"] = constraints.maxRacks.map { .int($0) } ?? .null
    constraintObject["max_capex"] = constraints.maxCapex.map { money($0) } ?? .null
    constraintObject["min_bisection_gbps_per_gpu"] = constraints.minBisectionGbpsPerGPU.map { .decimal($0, 3) } ?? .null
    let body: [String: JSONValue] = [
      "objective": .string(objective.rawValue), "constraints": .object(constraintObject),
      "evaluated": .int(evaluated), "feasible": .int(ranked.count), "rejected": .int(rejected.count),
      "excluded": .object(excluded.mapValues { .int($0) }),
      "rejections": .array(
        rejected.prefix(Self.rejectionsListed).map {
          .object(["choices": choices($0.choices), "reason": .string($0.reason)])
        }),
      "best": best.map { design(1, $0, front.contains($0.key)) } ?? .null,
      "designs": .array(reported.map { design($0.rank, $0.design, $0.onFront) }),
      "pareto": .array(pareto.map { design(rankByKey[$0.key] ?? 0, $0, true) }),
    ]
    return .object([
      "schemaVersion": .int(Plan.schemaVersion), "name": .string(name), "currency": .string(currency),
      "optimize": .object(body),
    ])
  }

  /// The plain-text report: best design, runner-ups, the Pareto front and what was left out.
  public func text(name: String, currency: String) -> String {
    func money(_ value: Double) -> String { Money(roundingMajor: value, currency: currency).groupedString }
    func value(_ d: OptimizeDesign) -> String {
      switch objective {
      case .capex, .npv: return "\(currency) \(money(d.objective))"
      case .breakEven, .tcoPerGPUHour:
        return "\(currency) \(NumberFormat.fixed(d.objective, decimals: 4))/GPU-h"
      }
    }
    func row(_ rank: Int, _ d: OptimizeDesign) -> String {
      let choices =
        d.choices.isEmpty ? "(the spec as written)" : d.choices.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      return
        "\(String(rank).leftPadded(4))  \(value(d).leftPadded(24))  \(money(d.capexPerGPU).leftPadded(12))  \(NumberFormat.fixed(d.bisectionGbpsPerGPU, decimals: 1).leftPadded(9))  \(String(d.racks).leftPadded(5))  \(NumberFormat.fixed(d.facilityPowerKW, decimals: 0, trimZeros: true).leftPadded(7))  \(choices)"
    }
    let header =
      "rank  \(objective.rawValue.leftPadded(24))  \("capex/GPU".leftPadded(12))  \("Gb/s/GPU".leftPadded(9))  racks  \("kW".leftPadded(7))  choices"
    var lines = ["neoplan optimize: \(name)", ""]
    lines.append(
      "objective: \(objective.rawValue) (\(objective.maximises ? "higher" : "lower") is better); evaluated \(evaluated), planned \(evaluated - rejected.count), feasible \(ranked.count), rejected \(rejected.count)"
    )
    for (constraint, count) in excluded.sorted(by: { $0.key < $1.key }) {
      lines.append("excluded by \(constraint): \(count)")
    }
    lines.append("")
    if ranked.isEmpty {
      lines.append("no design meets the constraints")
    } else {
      lines.append("best designs (capex/GPU in \(currency); bisection bandwidth per GPU; facility kW):")
      lines.append(header)
      for (rank, design) in ranked.prefix(top).enumerated() { lines.append(row(rank + 1, design)) }
      lines.append("")
      lines.append("Pareto front, capex per GPU against bisection bandwidth per GPU (cheapest first):")
      lines.append(header)
      let rankByKey = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.key, $0 + 1) })
      for design in pareto { lines.append(row(rankByKey[design.key] ?? 0, design)) }
    }
    if !rejected.isEmpty {
      lines.append("")
      lines.append("rejected (first \(min(rejected.count, 10)); the JSON lists \(Self.rejectionsListed)):")
      for r in rejected.prefix(10) {
        lines.append("  \(r.choices.map { "\($0.key)=\($0.value)" }.joined(separator: " ")): \(r.reason)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

extension OptimizeResult {
  /// The spec files `--emit-spec` writes: one per reported design, named `<name>-rank-<N>.yaml`,
  /// each the spec with the design's choices set and no `optimize:` section.
  public func emittedSpecs(name: String) throws -> [(file: String, yaml: String)] {
    try reported.map { rank, design, onFront in
      let specName = "\(name)-rank-\(rank)"
      let header = """
        Emitted by neoplan optimize from \(name): rank \(rank) by \(objective.rawValue)\(onFront ? ", on the Pareto front" : "").
        Choices: \(design.choices.isEmpty ? "none" : design.choices.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        `neoplan plan` on this file reproduces the optimizer's figures.
        """
      return ("\(specName).yaml", try design.specYAML(name: specName, header: header))
    }
  }
}
