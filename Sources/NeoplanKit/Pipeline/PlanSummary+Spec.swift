import Foundation

extension PlanSummary {
  /// The resolved spec (defaults applied, parts resolved) as its keys (`backend.switch`,
  /// `facility.rack_power_kw`) with typed values, in spec order: what `neoplan diff` compares
  /// between two specs. A section the spec leaves out is one figure with no value
  /// (`backend` = none). Saved plans do not carry the spec, so this is not part of the summary.
  /// Every path comes from the spec's key enums (``SpecKey/path``), so a renamed key is renamed here.
  public static func specFigures(_ spec: ClusterSpec) -> [Figure] {
    var figures = SpecFigureList()
    figures.text(SpecSection.asOf, spec.asOf.description)
    figures.text(SpecSection.currency, spec.currency)
    figures.list(SpecSection.fx, spec.fxRates.map { "\($0.from)=\($0.rate)" })
    figures.text(ComputeKey.node, spec.compute.node.id)
    figures.measure(ComputeKey.nodes, spec.compute.nodes)
    if let b = spec.backend {
      figures.addBackend(b)
    } else {
      figures.add(SpecSection.backend, .none)
    }
    if let f = spec.frontend {
      figures.text(FrontendKey.switch, f.switchPart.id)
      figures.text(FrontendKey.nic, f.nic?.id)
      figures.measure(FrontendKey.portsPerNode, f.portsPerNode)
      figures.measure(FrontendKey.portSpeedGbps, f.portSpeedGbps, .gigabitsPerSecond)
      figures.text(FrontendKey.oversubscription, f.oversubscription.description)
      figures.text(FrontendKey.cable, f.cable.id)
    } else {
      figures.add(SpecSection.frontend, .none)
    }
    if let s = spec.storage {
      figures.number(StorageKey.capacityPB, s.capacityPB, .petabytes)
      figures.text(StorageKey.server, s.server.id)
      figures.text(StorageKey.software, s.software?.id)
    } else {
      figures.add(SpecSection.storage, .none)
    }
    figures.addManagementAndFacility(spec)
    figures.measure(SparesKey.nodesPercent, spec.spares.nodesPercent, .percent)
    figures.measure(SparesKey.switchesPercent, spec.spares.switchesPercent, .percent)
    figures.measure(SparesKey.opticsPercent, spec.spares.opticsPercent, .percent)
    figures.measure(SparesKey.cablesPercent, spec.spares.cablesPercent, .percent)
    figures.list(SpecSection.software, spec.software.map(\.id))
    figures.list(SpecSection.services, spec.services.map(\.id))
    return figures.figures
  }
}

/// The spec figures being listed, each under its key's dotted path.
private struct SpecFigureList {
  var figures: [Figure] = []

  mutating func add(_ key: some SpecKey, _ value: FigureValue) {
    figures.append(Figure(key.path.text, value))
  }

  mutating func text(_ key: some SpecKey, _ value: String?) {
    add(key, value.map(FigureValue.text) ?? .none)
  }

  mutating func measure(_ key: some SpecKey, _ value: Int, _ unit: MeasureUnit = .count) {
    add(key, .measure(Measure(Decimal(value), unit)))
  }

  mutating func number(_ key: some SpecKey, _ value: Double, _ unit: MeasureUnit) {
    add(key, Measure.rounded(value, unit).map(FigureValue.measure) ?? .none)
  }

  mutating func list(_ key: some SpecKey, _ items: [String]) {
    text(key, items.isEmpty ? nil : items.joined(separator: ", "))
  }

  mutating func addBackend(_ b: ClusterSpec.Backend) {
    text(BackendKey.kind, b.kind.rawValue)
    text(BackendKey.design, b.design.rawValue)
    text(BackendKey.switch, b.switchPart.id)
    text(BackendKey.nic, b.nic.id)
    // Not a spec key: derived from the node part's `compute_nics_included`, shown under `backend`.
    figures.append(Figure("\(BackendKey.section).nics_included", .flag(b.nicsIncluded)))
    text(BackendKey.oversubscription, b.oversubscription.description)
    measure(BackendKey.scalableUnitNodes, b.scalableUnitNodes)
    measure(BackendKey.fabricManagerPorts, b.fabricManagerPorts)
    measure(BackendKey.planes, b.planes)
    text(BackendKey.cabling, b.cabling.rawValue)
    text(BackendKey.optics, b.optics.rawValue)
    text(BackendKey.switchTransceiver, b.switchTransceiver.id)
    text(BackendKey.nodeTransceiver, b.nodeTransceiver.id)
    text(BackendKey.fiber, b.fiber.id)
    text(BackendKey.copperCable, b.copperCable.id)
  }

  mutating func addManagementAndFacility(_ spec: ClusterSpec) {
    let m = spec.management
    add(ManagementKey.oob, .flag(m.oob))
    text(ManagementKey.switch, m.switchPart.id)
    text(ManagementKey.cable, m.cable.id)
    measure(ManagementKey.servers, m.servers)
    text(ManagementKey.server, m.server.id)
    let f = spec.facility
    text(FacilityKey.rack, f.rack.id)
    number(FacilityKey.rackPowerKW, f.rackPowerKW, .kilowatts)
    text(FacilityKey.cooling, f.cooling.rawValue)
    number(FacilityKey.airCoolingLimitKW, f.airCoolingLimitKW, .kilowatts)
    number(FacilityKey.pue, f.pue, .ratio)
    text(FacilityKey.pdu, f.pdu.id)
    text(FacilityKey.rdhx, f.rdhx.id)
    text(FacilityKey.cdu, f.cdu.id)
  }
}
