import Foundation

extension SpecDecoder {
  /// Decodes the optional `risk:` section (docs/risk.md) with a located range check on every
  /// number; `nil` when the spec has none.
  mutating func decodeRisk(_ root: YAMLMapping) throws -> RiskAssumptions? {
    guard
      let map = try section(
        root, "risk",
        allowed: [
          "paths", "seed", "hurdle_rate", "price", "utilization", "capex_overrun", "electricity", "downtime",
          "counterparty",
        ])
    else { return nil }
    var r = RiskAssumptions()
    if let v = map["paths"] { r.paths = try v.int(in: 1...1_000_000, expected: "1…1,000,000 paths") }
    if let v = map["seed"] { r.seed = UInt64(try v.int(in: 0...(1 << 53), expected: "a seed from 0 to 2^53")) }
    if let v = map["hurdle_rate"] {
      r.hurdleRate = try v.double(in: -0.99...10, expected: "an annual rate from -0.99 to 10")
    }
    if let p = try sub(map, "price", ["annual_decline_mean", "annual_decline_sd"]) {
      if let v = p["annual_decline_mean"] {
        r.priceDeclineMean = try v.double(in: -1...1, expected: "a log decline from -1 to 1")
      }
      if let v = p["annual_decline_sd"] {
        r.priceDeclineSD = try v.double(in: 0...2, expected: "a standard deviation 0…2")
      }
    }
    if let u = try sub(map, "utilization", ["sd", "ramp_months_sd"]) {
      if let v = u["sd"] { r.utilizationSD = try v.double(in: 0...0.5, expected: "a standard deviation 0…0.5") }
      if let v = u["ramp_months_sd"] { r.rampMonthsSD = try v.double(in: 0...24, expected: "0…24 months") }
    }
    if let c = try sub(map, "capex_overrun", ["mean", "sd"]) {
      if let v = c["mean"] { r.capexOverrunMean = try v.double(in: -0.5...2, expected: "a fraction from -0.5 to 2") }
      if let v = c["sd"] { r.capexOverrunSD = try v.double(in: 0...1, expected: "a standard deviation 0…1") }
    }
    if let e = try sub(map, "electricity", ["sd"]), let v = e["sd"] {
      r.electricitySD = try v.double(in: 0...2, expected: "a standard deviation 0…2 (a fraction of the price)")
    }
    if let v = map["downtime"] { r.failureModes = try failureModes(v) }
    if let c = try sub(map, "counterparty", ["annual_default_probability", "recovery_rate"]) {
      if let v = c["annual_default_probability"] {
        r.contractDefaultProbability = try v.double(in: 0...1, expected: "a probability 0…1")
      }
      if let v = c["recovery_rate"] { r.recoveryRate = try v.double(in: 0...1, expected: "a fraction 0…1") }
    }
    return r
  }

  private mutating func sub(_ map: YAMLMapping, _ key: String, _ allowed: [String]) throws -> YAMLMapping? {
    guard let value = map[key] else { return nil }
    let sub = try value.mapping()
    try sub.rejectUnknownKeys(allowed)
    remember(sub)
    return sub
  }

  /// `none`, or a list of {kind, units_per_node, mtbf_hours, mttr_hours}.
  private mutating func failureModes(_ value: YAMLValue) throws -> [FailureMode] {
    if let text = try? value.string(), text == "none" { return [] }
    return try value.sequence().map { item in
      let m = try item.mapping()
      try m.rejectUnknownKeys(["kind", "units_per_node", "mtbf_hours", "mttr_hours"])
      remember(m)
      let kind = try m.required("kind", expected: "kind: a name such as gpu, network or host").string()
      guard !kind.isEmpty, kind.count <= 40 else {
        throw item.error("kind '\(kind.prefix(40))' is empty or too long", expected: "expected 1…40 characters")
      }
      let units = try m["units_per_node"].map { try $0.int(in: 1...64, expected: "1…64 units per node") } ?? 1
      let mtbf = try try m.required("mtbf_hours", expected: "mtbf_hours: hours between failures of one unit").double(
        in: 1...1e9, expected: "1…1,000,000,000 hours")
      let mttr = try try m.required("mttr_hours", expected: "mttr_hours: hours a node is out of service").double(
        in: 0...8_760, expected: "0…8,760 hours")
      return FailureMode(kind: kind, unitsPerNode: units, mtbfHours: mtbf, mttrHours: mttr)
    }
  }
}
