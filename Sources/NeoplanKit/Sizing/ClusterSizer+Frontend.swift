import Foundation

extension ClusterSizer {
  /// Sizes the frontend network for every node, storage and control-plane port, and adds its
  /// NICs, switches and cables to `parts`.
  static func addFrontend(
    _ spec: ClusterSpec, _ frontend: ClusterSpec.Frontend, storage: StorageDesign?, to parts: inout PartList
  ) throws -> EthernetNetworkDesign {
    let nodes = spec.compute.nodes
    // Storage attaches with every NIC port of its building block (8 × 400G per 4-node chassis).
    let serverEndpoints =
      (storage?.servers ?? 0) * (spec.storage?.serverSpecs.frontendPorts ?? 0)
      + spec.management.servers * spec.management.serverSpecs.frontendPorts
    let endpoints = nodes * frontend.portsPerNode + serverEndpoints
    guard let radix = frontend.switchSpecs.ports(atSpeed: frontend.portSpeedGbps) else {
      throw InputError(
        spec.diagnostic(
          "frontend.switch", "\(frontend.switchPart.id) has no \(frontend.portSpeedGbps) Gb/s ports",
          expected: "expected a switch with a \(frontend.portSpeedGbps) Gb/s port mode"))
    }
    var nicCards = 0
    if let nic = frontend.nic, case .nic(let nicSpecs) = nic.specs {
      nicCards = nodes * ((frontend.portsPerNode + nicSpecs.ports - 1) / nicSpecs.ports)
    }
    let design = try sizeTwoTier(frontend, endpoints: endpoints, radix: radix, nicCards: nicCards) {
      spec.diagnostic(
        "frontend.switch", "\(frontend.switchPart.id) cannot connect \(endpoints) frontend ports in two tiers",
        expected: "expected a switch with more ports at \(frontend.portSpeedGbps) Gb/s")
    }
    if let nic = frontend.nic { parts.add(nic, nicCards, .frontendNetwork, "frontend NICs") }
    parts.add(
      frontend.switchPart, design.switches, .frontendNetwork,
      design.tiers == 1 ? "frontend switch" : "frontend: \(design.leaves) leaf + \(design.spines) spine")
    parts.add(frontend.cable, design.cables, .opticsCabling, "frontend cables, one per link")
    return design
  }

  /// A single switch or a two-tier leaf–spine network for `endpoints` ports.
  static func sizeTwoTier(
    _ frontend: ClusterSpec.Frontend, endpoints: Int, radix: Int, nicCards: Int, tooLarge: () -> Diagnostic
  ) throws -> EthernetNetworkDesign {
    let oversubscription = frontend.oversubscription
    if endpoints <= radix {
      return EthernetNetworkDesign(
        switchPart: frontend.switchPart, portSpeedGbps: frontend.portSpeedGbps,
        portsPerNode: frontend.portsPerNode, endpoints: endpoints, radix: radix, tiers: 1, leaves: 1, spines: 0,
        endpointLinks: endpoints,
        leafToSpineLinks: 0, nicCards: nicCards)
    }
    let down = radix / 2
    let uplinks = (down * oversubscription.up + oversubscription.down - 1) / oversubscription.down
    let leaves = (endpoints + down - 1) / down
    guard leaves <= radix else { throw InputError(tooLarge()) }
    let layout = FatTree.spineLayout(leaves: leaves, uplinks: uplinks, radix: radix)
    return EthernetNetworkDesign(
      switchPart: frontend.switchPart, portSpeedGbps: frontend.portSpeedGbps, portsPerNode: frontend.portsPerNode,
      endpoints: endpoints, radix: radix, tiers: 2, leaves: leaves, spines: layout.spines, endpointLinks: endpoints,
      leafToSpineLinks: leaves * layout.uplinksPerLeaf, nicCards: nicCards)
  }
}
