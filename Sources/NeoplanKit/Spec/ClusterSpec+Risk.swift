import Foundation

extension SpecDecoder {
  /// Decodes the optional `risk:` section (docs/risk.md) with a located range check on every
  /// number; `nil` when the spec has none.
  mutating func decodeRisk(_ root: KeyedMapping<SpecSection>) throws -> RiskAssumptions? {
    guard let map = try section(root, .risk, as: RiskKey.self) else { return nil }
    var r = RiskAssumptions()
    if let v = map[.paths] { r.paths = try v.int(in: 1...1_000_000, expected: "1…1,000,000 paths") }
    if let v = map[.seed] { r.seed = UInt64(try v.int(in: 0...(1 << 53), expected: "a seed from 0 to 2^53")) }
    if let v = map[.hurdleRate] {
      r.hurdleRate = try v.double(in: -0.99...10, expected: "an annual rate from -0.99 to 10")
    }
    if let p = try section(map, .price, as: RiskPriceKey.self) {
      if let v = p[.annualDeclineMean] {
        r.priceDeclineMean = try v.double(in: -1...1, expected: "a log decline from -1 to 1")
      }
      if let v = p[.annualDeclineSD] {
        r.priceDeclineSD = try v.double(in: 0...2, expected: "a standard deviation 0…2")
      }
    }
    if let u = try section(map, .utilization, as: RiskUtilizationKey.self) {
      if let v = u[.sd] { r.utilizationSD = try v.double(in: 0...0.5, expected: "a standard deviation 0…0.5") }
      if let v = u[.rampMonthsSD] { r.rampMonthsSD = try v.double(in: 0...24, expected: "0…24 months") }
    }
    if let c = try section(map, .capexOverrun, as: CapexOverrunKey.self) {
      if let v = c[.mean] { r.capexOverrunMean = try v.double(in: -0.5...2, expected: "a fraction from -0.5 to 2") }
      if let v = c[.sd] { r.capexOverrunSD = try v.double(in: 0...1, expected: "a standard deviation 0…1") }
    }
    if let e = try section(map, .electricity, as: RiskElectricityKey.self), let v = e[.sd] {
      r.electricitySD = try v.double(in: 0...2, expected: "a standard deviation 0…2 (a fraction of the price)")
    }
    if let v = map[.downtime] { r.failureModes = try failureModes(v) }
    if let c = try section(map, .counterparty, as: CounterpartyKey.self) {
      if let v = c[.annualDefaultProbability] {
        r.contractDefaultProbability = try v.double(in: 0...1, expected: "a probability 0…1")
      }
      if let v = c[.recoveryRate] { r.recoveryRate = try v.double(in: 0...1, expected: "a fraction 0…1") }
    }
    return r
  }

  /// `none`, or a list of {kind, units_per_node, mtbf_hours, mttr_hours}.
  private mutating func failureModes(_ value: YAMLValue) throws -> [FailureMode] {
    if let text = try? value.string(), text == "none" { return [] }
    return try value.sequence().map { item in
      let m = try mapping(item, as: FailureModeKey.self)
      let kind = try m.required(.kind, expected: "kind: a name such as gpu, network or host").string()
      guard !kind.isEmpty, kind.count <= 40 else {
        throw item.error("kind '\(kind.prefix(40))' is empty or too long", expected: "expected 1…40 characters")
      }
      let units = try m[.unitsPerNode].map { try $0.int(in: 1...64, expected: "1…64 units per node") } ?? 1
      let mtbf = try try m.required(.mtbfHours, expected: "mtbf_hours: hours between failures of one unit").double(
        in: 1...1e9, expected: "1…1,000,000,000 hours")
      let mttr = try try m.required(.mttrHours, expected: "mttr_hours: hours a node is out of service").double(
        in: 0...8_760, expected: "0…8,760 hours")
      return FailureMode(kind: kind, unitsPerNode: units, mtbfHours: mtbf, mttrHours: mttr)
    }
  }
}
