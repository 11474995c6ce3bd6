import Foundation

/// How nodes fit a rack: the rack's usable units and power budget, a node's draw in the rack, and
/// the nodes per rack that follow.
struct RackLayout {
  /// Rack units left for equipment (one goes to the out-of-band switch when there is one).
  var usableRU: Int
  /// The rack's power budget, W.
  var budgetW: Double
  /// One node's draw in its rack: the node, separate NICs, node-side optics, W.
  var nodeRackW: Double
  /// Nodes per node rack (1 for a rack-scale system).
  var nodesPerRack: Int
  /// Whether the node is a rack-scale system (its own rack).
  var isRackScale: Bool

  /// Fits the spec's node into its rack; a node that fits no rack is a located error.
  init(_ spec: ClusterSpec) throws {
    let nodeSpecs = spec.compute.nodeSpecs
    usableRU = spec.facility.rackUnits - (spec.management.oob ? 1 : 0)
    budgetW = spec.facility.rackPowerKW * 1000
    isRackScale = nodeSpecs.rackScale != nil
    nodeRackW = Self.nodeRackW(spec)
    let byPower = Int(clamping: (budgetW / nodeRackW).rounded(.down))
    let byUnits = usableRU / nodeSpecs.rackUnits
    // A rack-scale system is its own rack: never re-packed, and a rack budget below it is an error.
    nodesPerRack =
      isRackScale ? try ClusterSizer.rackScaleNodesPerRack(spec, rackW: nodeRackW) : min(byPower, byUnits)
    guard nodesPerRack >= 1 else {
      if byUnits < 1 {
        throw InputError(
          spec.diagnostic(
            "facility.rack",
            "a \(nodeSpecs.rackUnits)U \(spec.compute.node.id) does not fit \(usableRU) usable rack units",
            expected: "expected a taller rack"))
      }
      throw InputError(
        spec.diagnostic(
          "facility.rack_power_kw",
          "a rack of \(NumberFormat.powerValue(kilowatts: spec.facility.rackPowerKW, trimZeros: true)) kW cannot hold one \(spec.compute.node.id) (\(NumberFormat.powerValue(kilowatts: nodeRackW / 1000, trimZeros: true)) kW with NICs and optics)",
          expected:
            "expected at least \(NumberFormat.powerValue(kilowatts: (nodeRackW / 1000 * 10).rounded(.up) / 10, trimZeros: true)) kW per rack"
        ))
    }
  }

  /// Per-node power in the rack: the node, separate NICs, node-side optics, frontend NICs.
  static func nodeRackW(_ spec: ClusterSpec) -> Double {
    let nodeSpecs = spec.compute.nodeSpecs
    var watts = Double(nodeSpecs.power.maxW)
    if let backend = spec.backend, !backend.nicsIncluded {
      watts += Double(ClusterSizer.nicCardsPerNode(backend, nodeSpecs) * backend.nicSpecs.power.maxW)
    }
    // Node-side optics count for every rack, even with copper-adjacent cabling: most racks of an
    // SU are optical, and a rack must hold its load whichever cabling its nodes get.
    if let backend = spec.backend {
      watts += Double(ClusterSizer.nodeModulesPerNode(backend, nodeSpecs) * backend.nodeTransceiver.power.maxW)
    }
    if let frontend = spec.frontend, let nic = frontend.nic, case .nic(let nicSpecs) = nic.specs {
      watts += Double(((frontend.portsPerNode + nicSpecs.ports - 1) / nicSpecs.ports) * nicSpecs.power.maxW)
    }
    return watts
  }
}

/// The racks of the design and the draw of each kind, with their PDUs.
struct RackCounts {
  /// Racks of nodes (counted SU by SU in a multi-tier fat tree).
  var nodeRacks: Int
  /// Racks of switches and control-plane servers.
  var networkRacks: Int
  /// Racks of storage servers.
  var storageRacks: Int
  /// Draw of a full node rack, kW.
  var fullNodeRackKW: Double
  /// Average draw of a network rack, kW.
  var networkRackKW: Double
  /// Average draw of a storage rack, kW.
  var storageRackKW: Double
  /// PDUs, A and B feed per rack.
  var pdus: Int

  /// Every rack.
  var racks: Int { nodeRacks + networkRacks + storageRacks }
  /// The densest rack's draw, kW.
  var peakRackKW: Double { max(fullNodeRackKW, networkRackKW, storageRackKW) }
}

extension ClusterSizer {
  /// Counts node, network and storage racks and their PDUs, and adds both to `parts`. Run after
  /// every switch is in `parts` (network racks hold them).
  static func addRacks(
    _ spec: ClusterSpec, layout: RackLayout, backend: BackendFabricDesign?, storage: StorageDesign?,
    to parts: inout PartList
  ) -> RackCounts {
    let nodesPerRack = layout.nodesPerRack
    var nodeRacks = 0
    if let tree = backend?.tree, tree.tiers > 1, backend?.design == .fatTree, !layout.isRackScale {
      for group in tree.leafGroups { nodeRacks += (group.nodes + nodesPerRack - 1) / nodesPerRack }
    } else {
      nodeRacks = (spec.compute.nodes + nodesPerRack - 1) / nodesPerRack
    }
    let networkParts = parts.switches
    var networkRU = networkParts.reduce(0) { $0 + $1.quantity * $1.part.rackUnits }
    var networkW = networkParts.reduce(0.0) { $0 + Double($1.quantity * $1.part.power.maxW) }
    networkRU += spec.management.servers * spec.management.serverSpecs.rackUnits
    networkW += Double(spec.management.servers * spec.management.serverSpecs.power.maxW)
    networkW += Double((backend?.switchSideTransceivers ?? 0) * (spec.backend?.switchTransceiver.power.maxW ?? 0))
    let networkRacks = racksFor(units: networkRU, watts: networkW, layout: layout)
    let storageRU = (storage?.servers ?? 0) * (spec.storage?.serverSpecs.rackUnits ?? 0)
    let storageW = Double((storage?.servers ?? 0) * (spec.storage?.serverSpecs.power.maxW ?? 0))
    let storageRacks = racksFor(units: storageRU, watts: storageW, layout: layout)
    if layout.isRackScale {
      parts.add(
        spec.facility.rack, networkRacks + storageRacks, .racksPower,
        "racks: \(networkRacks) network, \(storageRacks) storage (rack-scale systems come in their own racks)")
    } else {
      parts.add(
        spec.facility.rack, nodeRacks + networkRacks + storageRacks, .racksPower,
        "racks: \(nodeRacks) node, \(networkRacks) network, \(storageRacks) storage")
    }
    var counts = RackCounts(
      nodeRacks: nodeRacks, networkRacks: networkRacks, storageRacks: storageRacks,
      fullNodeRackKW: Double(nodesPerRack) * layout.nodeRackW / 1000,
      networkRackKW: networkRacks > 0 ? networkW / Double(networkRacks) / 1000 : 0,
      storageRackKW: storageRacks > 0 ? storageW / Double(storageRacks) / 1000 : 0, pdus: 0)
    counts.pdus = pdus(spec, layout: layout, racks: counts)
    parts.add(spec.facility.pdu, counts.pdus, .racksPower, "PDUs, A and B feed per rack")
    return counts
  }

  /// PDUs: an A and a B feed per rack, each enough for the rack's draw (rack-scale systems bring
  /// their own power shelves).
  static func pdus(_ spec: ClusterSpec, layout: RackLayout, racks: RackCounts) -> Int {
    let pduKW = spec.facility.pduSpecs.capacityKW
    func pdusPerRack(_ kw: Double) -> Int { 2 * max(1, Int(clamping: (kw / pduKW).rounded(.up))) }
    return (layout.isRackScale ? 0 : racks.nodeRacks * pdusPerRack(racks.fullNodeRackKW))
      + racks.networkRacks * pdusPerRack(racks.networkRackKW)
      + racks.storageRacks * pdusPerRack(racks.storageRackKW)
  }

  /// Racks for equipment of `units` rack units drawing `watts`: enough for both, at least one.
  static func racksFor(units: Int, watts: Double, layout: RackLayout) -> Int {
    guard units > 0 || watts > 0 else { return 0 }
    let byUnits = (units + layout.usableRU - 1) / layout.usableRU
    let byPower = Int(clamping: (watts / layout.budgetW).rounded(.up))
    return max(1, byUnits, byPower)
  }
}
