import Foundation

/// The cooling chosen and the cooling units it needs.
struct CoolingPlan {
  /// Air, rear-door heat exchangers or direct liquid cooling (never `.auto`).
  var cooling: CoolingChoice
  /// Rear-door heat exchangers, one per hot rack.
  var rdhxUnits: Int
  /// Coolant distribution units, N+1.
  var cduUnits: Int
}

extension ClusterSizer {
  /// Chooses the cooling (the spec's, or by the densest rack when `auto`), sizes its units, adds
  /// them to `parts`, and warns when the racks run hotter than it removes. Warnings are located at
  /// `facility.cooling`.
  static func addCooling(
    _ spec: ClusterSpec, layout: RackLayout, racks: RackCounts, to parts: inout PartList,
    diagnostics: inout DiagnosticCollector
  ) throws -> CoolingPlan {
    let nodeSpecs = spec.compute.nodeSpecs
    let facility = spec.facility
    let peakRackKW = racks.peakRackKW
    let node = spec.compute.node.id
    if layout.isRackScale { try checkRackScaleCooling(spec, rackKW: racks.fullNodeRackKW) }
    let cooling = chooseCooling(spec, peakRackKW: peakRackKW)
    if cooling == .liquid && nodeSpecs.cooling == .air {
      diagnostics.warn(
        "air-node-liquid", ["part": node],
        text:
          "\(node) is air-cooled: direct liquid cooling needs liquid-cooled nodes; choose rdhx (rear-door heat exchangers) for dense air-cooled racks",
        at: "facility.cooling")
    }
    var plan = CoolingPlan(cooling: cooling, rdhxUnits: 0, cduUnits: 0)
    switch cooling {
    case .air, .auto:
      if peakRackKW > facility.airCoolingLimitKW {
        diagnostics.warn(
          "air-limit",
          [
            "kw": NumberFormat.powerValue(kilowatts: peakRackKW, trimZeros: true),
            "limit": NumberFormat.powerValue(kilowatts: facility.airCoolingLimitKW, trimZeros: true),
          ],
          text:
            "racks draw up to \(NumberFormat.powerValue(kilowatts: peakRackKW, trimZeros: true)) kW, above the \(NumberFormat.powerValue(kilowatts: facility.airCoolingLimitKW, trimZeros: true)) kW air cooling removes: choose cooling rdhx or liquid, or lower facility.rack_power_kw",
          at: "facility.cooling")
      }
    case .rdhx:
      let hot = [
        (racks.nodeRacks, racks.fullNodeRackKW), (racks.networkRacks, racks.networkRackKW),
        (racks.storageRacks, racks.storageRackKW),
      ]
      plan.rdhxUnits = hot.reduce(0) { $0 + ($1.1 > facility.airCoolingLimitKW ? $1.0 : 0) }
      if plan.rdhxUnits == 0 { plan.rdhxUnits = racks.nodeRacks }
      let rdhxCapacity: Double = {
        if case .cooling(let c) = facility.rdhx.specs { return c.capacityKW }
        return 0
      }()
      if peakRackKW > rdhxCapacity {
        diagnostics.warn(
          "rdhx-limit",
          [
            "kw": NumberFormat.powerValue(kilowatts: peakRackKW, trimZeros: true),
            "limit": NumberFormat.powerValue(kilowatts: rdhxCapacity, trimZeros: true), "part": facility.rdhx.id,
          ],
          text:
            "racks draw up to \(NumberFormat.powerValue(kilowatts: peakRackKW, trimZeros: true)) kW, above the \(NumberFormat.powerValue(kilowatts: rdhxCapacity, trimZeros: true)) kW a \(facility.rdhx.id) removes: choose liquid cooling or lower facility.rack_power_kw",
          at: "facility.cooling")
      }
    case .liquid:
      if case .cooling(let c) = facility.cdu.specs {
        // N+1: one redundant CDU beyond the capacity needed.
        let liquidKW = Double(racks.nodeRacks) * (nodeSpecs.rackScale?.liquidHeatKW ?? racks.fullNodeRackKW)
        plan.cduUnits = max(1, Int(clamping: (liquidKW / c.capacityKW).rounded(.up))) + 1
      }
    }
    if nodeSpecs.cooling == .liquid && cooling != .liquid {
      diagnostics.warn(
        "needs-liquid", ["part": node, "cooling": cooling.rawValue],
        text: "\(node) needs liquid cooling, but the facility uses \(cooling.rawValue)", at: "facility.cooling")
    }
    parts.add(facility.rdhx, plan.rdhxUnits, .cooling, "rear-door heat exchangers")
    parts.add(facility.cdu, plan.cduUnits, .cooling, "coolant distribution units")
    return plan
  }

  /// The spec's cooling, or for `auto`: liquid for liquid-cooled nodes, air up to the air limit,
  /// else rear-door heat exchangers (air-cooled nodes cannot use direct liquid cooling: they are
  /// the densest option, and a rack beyond them is warned about).
  static func chooseCooling(_ spec: ClusterSpec, peakRackKW: Double) -> CoolingChoice {
    guard spec.facility.cooling == .auto else { return spec.facility.cooling }
    if spec.compute.nodeSpecs.cooling == .liquid { return .liquid }
    return peakRackKW <= spec.facility.airCoolingLimitKW ? .air : .rdhx
  }
}
