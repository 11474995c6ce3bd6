import Foundation

extension ClusterSizer {
  /// Sizes the out-of-band management network (one 1GbE port per node BMC, switch, storage node,
  /// control-plane server and PDU; at least one switch per rack) and adds its switches, the
  /// control-plane servers and the cables to `parts`. Run after every other switch and the PDUs.
  static func addManagement(
    _ spec: ClusterSpec, layout: RackLayout, storage: StorageDesign?, racks: RackCounts, to parts: inout PartList
  ) -> ManagementNetworkDesign {
    let management = spec.management
    let switchPorts = management.switchSpecs.portModes.map(\.ports).max() ?? 48
    var ports = 0
    var switches = 0
    if management.oob {
      let switchesSoFar = parts.switches.reduce(0) { $0 + $1.quantity }
      let storageBMCs = (storage?.servers ?? 0) * (spec.storage?.serverSpecs.nodes ?? 1)
      let nodeBMCs = spec.compute.nodes * (spec.compute.nodeSpecs.rackScale?.oobPorts ?? 1)
      ports = nodeBMCs + switchesSoFar + storageBMCs + management.servers + racks.pdus
      switches = max(racks.racks, (ports + switchPorts - 1) / switchPorts)
    }
    let design = ManagementNetworkDesign(ports: ports, switches: switches, cables: ports, servers: management.servers)
    parts.add(management.switchPart, switches, .managementNetwork, "out-of-band switches, one or more per rack")
    parts.add(management.server, management.servers, .managementNetwork, "control-plane servers")
    parts.add(management.cable, design.cables, .opticsCabling, "out-of-band cables")
    return design
  }
}
