import Foundation

extension ClusterSizer {
  /// The backend fat-tree input: fabric nodes are nodes, or the compute trays of rack-scale
  /// systems (18 per NVL72 rack, each with its NICs as rails); the scalable unit counts units.
  static func fabricInput(_ backend: ClusterSpec.Backend, units: Int, radix: Int) -> FatTreeInput {
    let perUnit = backend.fabricNodesPerUnit
    return FatTreeInput(
      nodes: units * perUnit, rails: backend.railsPerFabricNode, radix: radix,
      oversubscription: backend.oversubscription, scalableUnitNodes: backend.scalableUnitNodes * perUnit,
      fabricManagerPorts: backend.fabricManagerPorts, design: backend.design, planes: backend.planes)
  }

  /// A rack-scale system is one rack: it is never split to fit the facility's rack budget, so a
  /// budget below its draw (with its NICs' optics) is a located error.
  static func rackScaleNodesPerRack(_ spec: ClusterSpec, rackW: Double) throws -> Int {
    let budgetW = spec.facility.rackPowerKW * 1000
    guard budgetW >= rackW else {
      throw InputError(
        spec.diagnostic(
          "facility.rack_power_kw",
          "a \(spec.compute.node.id) rack draws \(NumberFormat.powerValue(kilowatts: rackW / 1000, trimZeros: true)) kW with its optics; a rack-scale system is not split across racks",
          expected:
            "expected facility.rack_power_kw of at least \(NumberFormat.powerValue(kilowatts: (rackW / 1000 * 10).rounded(.up) / 10, trimZeros: true))"
        ))
    }
    return 1
  }

  /// A rack-scale system needs direct liquid cooling for its liquid share and air for the rest;
  /// a facility that cannot provide either is a located error, not a warning.
  static func checkRackScaleCooling(_ spec: ClusterSpec, rackKW: Double) throws {
    guard let rack = spec.compute.nodeSpecs.rackScale else { return }
    let id = spec.compute.node.id
    if spec.facility.cooling == .air || spec.facility.cooling == .rdhx {
      throw InputError(
        spec.diagnostic(
          "facility.cooling",
          "\(id) needs direct liquid cooling (\(NumberFormat.powerValue(kilowatts: rack.liquidHeatKW, trimZeros: true)) kW per rack to liquid); \(spec.facility.cooling.rawValue) cannot cool it",
          expected: "expected cooling: liquid (or auto)"))
    }
    let airKW = rackKW - rack.liquidHeatKW
    if airKW > spec.facility.airCoolingLimitKW {
      throw InputError(
        spec.diagnostic(
          "facility.air_cooling_limit_kw",
          "\(id) still sends \(NumberFormat.powerValue(kilowatts: airKW, trimZeros: true)) kW per rack to air, above the facility's \(NumberFormat.powerValue(kilowatts: spec.facility.airCoolingLimitKW, trimZeros: true)) kW",
          expected:
            "expected air_cooling_limit_kw of at least \(NumberFormat.powerValue(kilowatts: (airKW * 10).rounded(.up) / 10, trimZeros: true))"
        ))
    }
    if case .cooling(let cdu) = spec.facility.cdu.specs, cdu.method != .cdu {
      throw InputError(
        spec.diagnostic(
          "facility.cdu",
          "\(spec.facility.cdu.id) is \(withArticle(cdu.method.rawValue)), not a coolant distribution unit",
          expected: "expected a cooling part with method: cdu"))
    }
  }
}
