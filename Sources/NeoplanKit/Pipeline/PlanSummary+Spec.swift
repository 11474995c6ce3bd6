import Foundation

extension PlanSummary {
  /// The resolved spec (defaults applied, parts resolved) as its keys (`backend.switch`,
  /// `facility.rack_power_kw`) with typed values, in spec order: what `neoplan diff` compares
  /// between two specs. A section the spec leaves out is one figure with no value
  /// (`backend` = none). Saved plans do not carry the spec, so this is not part of the summary.
  public static func specFigures(_ spec: ClusterSpec) -> [Figure] {
    var figures: [Figure] = []
    func add(_ path: String, _ value: FigureValue) { figures.append(Figure(path, value)) }
    func text(_ path: String, _ value: String?) { add(path, value.map(FigureValue.text) ?? .none) }
    func measure(_ path: String, _ value: Int, _ unit: MeasureUnit = .count) {
      add(path, .measure(Measure(Decimal(value), unit)))
    }
    func number(_ path: String, _ value: Double, _ unit: MeasureUnit) {
      add(path, Measure.rounded(value, unit).map(FigureValue.measure) ?? .none)
    }
    func list(_ path: String, _ items: [String]) { text(path, items.isEmpty ? nil : items.joined(separator: ", ")) }
    text("as_of", spec.asOf.description)
    text("currency", spec.currency)
    list("fx", spec.fxRates.map { "\($0.from)=\($0.rate)" })
    text("compute.node", spec.compute.node.id)
    measure("compute.nodes", spec.compute.nodes)
    if let b = spec.backend {
      text("backend.kind", b.kind.rawValue)
      text("backend.design", b.design.rawValue)
      text("backend.switch", b.switchPart.id)
      text("backend.nic", b.nic.id)
      add("backend.nics_included", .flag(b.nicsIncluded))
      text("backend.oversubscription", b.oversubscription.description)
      measure("backend.scalable_unit_nodes", b.scalableUnitNodes)
      measure("backend.fabric_manager_ports", b.fabricManagerPorts)
      measure("backend.planes", b.planes)
      text("backend.cabling", b.cabling.rawValue)
      text("backend.optics", b.optics.rawValue)
      text("backend.switch_transceiver", b.switchTransceiver.id)
      text("backend.node_transceiver", b.nodeTransceiver.id)
      text("backend.fiber", b.fiber.id)
      text("backend.copper_cable", b.copperCable.id)
    } else {
      add("backend", .none)
    }
    if let f = spec.frontend {
      text("frontend.switch", f.switchPart.id)
      text("frontend.nic", f.nic?.id)
      measure("frontend.ports_per_node", f.portsPerNode)
      measure("frontend.port_speed_gbps", f.portSpeedGbps, .gigabitsPerSecond)
      text("frontend.oversubscription", f.oversubscription.description)
      text("frontend.cable", f.cable.id)
    } else {
      add("frontend", .none)
    }
    if let s = spec.storage {
      number("storage.capacity_pb", s.capacityPB, .petabytes)
      text("storage.server", s.server.id)
      text("storage.software", s.software?.id)
    } else {
      add("storage", .none)
    }
    let m = spec.management
    add("management.oob", .flag(m.oob))
    text("management.switch", m.switchPart.id)
    text("management.cable", m.cable.id)
    measure("management.servers", m.servers)
    text("management.server", m.server.id)
    let f = spec.facility
    text("facility.rack", f.rack.id)
    number("facility.rack_power_kw", f.rackPowerKW, .kilowatts)
    text("facility.cooling", f.cooling.rawValue)
    number("facility.air_cooling_limit_kw", f.airCoolingLimitKW, .kilowatts)
    number("facility.pue", f.pue, .ratio)
    text("facility.pdu", f.pdu.id)
    text("facility.rdhx", f.rdhx.id)
    text("facility.cdu", f.cdu.id)
    measure("spares.nodes_percent", spec.spares.nodesPercent, .percent)
    measure("spares.switches_percent", spec.spares.switchesPercent, .percent)
    measure("spares.optics_percent", spec.spares.opticsPercent, .percent)
    measure("spares.cables_percent", spec.spares.cablesPercent, .percent)
    list("software", spec.software.map(\.id))
    list("services", spec.services.map(\.id))
    return figures
  }
}
