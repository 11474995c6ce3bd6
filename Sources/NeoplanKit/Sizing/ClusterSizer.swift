import Foundation

/// Sizes a validated spec into a `ClusterDesign`: networks, cabling, racks, power, cooling, spares.
/// A pure function of its input. docs/sizing.md explains every rule and its source.
public enum ClusterSizer {
  /// Sizes the cluster; input problems found here (a switch too small, a rack too weak) are
  /// thrown as located `InputError`s.
  public static func size(_ spec: ClusterSpec) throws -> ClusterDesign {
    var warnings: [PlanWarning] = []
    var parts: [PartCount] = []
    let nodeSpecs = spec.compute.nodeSpecs
    let nodes = spec.compute.nodes
    let usableRU = spec.facility.rackUnits - (spec.management.oob ? 1 : 0)
    let budgetW = spec.facility.rackPowerKW * 1000

    func add(_ part: Part, _ quantity: Int, _ category: PartCount.Category, _ role: String) {
      guard quantity > 0 else { return }
      parts.append(PartCount(part: part, quantity: quantity, category: category, role: role))
    }

    // Per-node power in the rack: the node, separate NICs, node-side optics.
    var nodeRackW = Double(nodeSpecs.power.maxW)
    if let backend = spec.backend, !backend.nicsIncluded {
      nodeRackW += Double(nicCardsPerNode(backend, nodeSpecs) * backend.nicSpecs.power.maxW)
    }
    // Node-side optics count for every rack, even with copper-adjacent cabling: most racks of an
    // SU are optical, and a rack must hold its load whichever cabling its nodes get.
    if let backend = spec.backend {
      nodeRackW += Double(nodeModulesPerNode(backend, nodeSpecs) * backend.nodeTransceiver.power.maxW)
    }
    if let frontend = spec.frontend, let nic = frontend.nic, case .nic(let nicSpecs) = nic.specs {
      nodeRackW += Double(((frontend.portsPerNode + nicSpecs.ports - 1) / nicSpecs.ports) * nicSpecs.power.maxW)
    }
    let byPower = Int(clamping: (budgetW / nodeRackW).rounded(.down))
    let byUnits = usableRU / nodeSpecs.rackUnits
    // A rack-scale system is its own rack: never re-packed, and a rack budget below it is an error.
    let nodesPerRack =
      nodeSpecs.rackScale == nil ? min(byPower, byUnits) : try rackScaleNodesPerRack(spec, rackW: nodeRackW)
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

    add(
      spec.compute.node, nodes, .compute, nodeSpecs.rackScale == nil ? "GPU nodes" : "rack-scale systems, one per rack")

    // Backend fabric.
    var backendDesign: BackendFabricDesign?
    if let backend = spec.backend {
      let design = try sizeBackend(spec, backend, nodesPerRack: nodesPerRack)
      backendDesign = design
      add(backend.nic, design.nicCards, .backendNetwork, "backend NICs")
      add(
        backend.switchPart, design.tree.switchCount, .backendNetwork,
        tierSummary(design.tree))
      add(backend.switchTransceiver, design.switchSideTransceivers, .opticsCabling, "backend switch-side transceivers")
      add(
        backend.nodeTransceiver, design.nodeSideTransceivers + design.fabricManagerTransceivers, .opticsCabling,
        design.fabricManagerTransceivers > 0
          ? "backend node-side and fabric-manager transceivers" : "backend node-side transceivers")
      add(backend.fiber, design.fiberCables, .opticsCabling, "backend fibre, one per optical link")
      add(backend.copperCable, design.copperCables, .opticsCabling, "backend copper node links")
      if let cliff = tierCliff(spec, backend, design) { warnings.append(cliff) }
      // The last SU: its node slots, one of them the fabric manager's when it has ports.
      let managerSlot = backend.fabricManagerPorts > 0 ? 1 : 0
      if design.tree.tiers > 1, design.design == .fatTree, let last = design.tree.leafGroups.last {
        let su = design.tree.scalableUnitNodes
        if last.nodes == 0 && managerSlot == 1 {
          let fitting = (design.tree.scalableUnits - 1) * su - 1
          warnings.append(
            PlanWarning(
              "manager-su",
              ["nodes": "\(spec.compute.nodes)", "units": "\(design.tree.scalableUnits)", "fit": "\(fitting)"],
              text:
                "the fabric manager takes one node slot (NVIDIA: 31 nodes per SU with UFM), so \(spec.compute.nodes) nodes open scalable unit \(design.tree.scalableUnits) for the manager alone; \(fitting) nodes would fit one SU fewer"
            ))
        } else if last.nodes + managerSlot < su {
          let empty = (su - last.nodes - managerSlot) * design.tree.railsPerLeaf
          // Rack-scale fabrics count compute trays, not nodes.
          let trays = nodeSpecs.rackScale != nil
          warnings.append(
            PlanWarning(
              trays ? "partial-su-trays" : "partial-su",
              ["nodes": "\(last.nodes)", "su": "\(su)", "ports": "\(empty)"],
              text:
                "the last scalable unit holds \(last.nodes) of \(su) \(trays ? "compute trays" : "nodes"): its leaves and uplinks are built in full, \(empty) ports per leaf stay empty for growth"
            ))
        }
      }
    }

    // Storage.
    var storageDesign: StorageDesign?
    if let storage = spec.storage {
      // Building blocks (chassis): enough for the capacity, and enough nodes for the software's
      // minimum server count (a 4-node chassis meets an 8-server minimum with 2).
      let needed = Int(clamping: (storage.capacityPB * 1000 / storage.serverSpecs.usableTB).rounded(.up))
      let nodesPerBlock = storage.serverSpecs.nodes
      let servers = max((storage.serverSpecs.minServers + nodesPerBlock - 1) / nodesPerBlock, needed)
      storageDesign = StorageDesign(
        server: storage.server, capacityPB: storage.capacityPB, servers: servers,
        usableTB: Double(servers) * storage.serverSpecs.usableTB,
        licensedPB: Int(storage.capacityPB.rounded(.up)))
      add(storage.server, servers, .storage, "storage servers")
      if let software = storage.software {
        add(software, Int(storage.capacityPB.rounded(.up)), .storage, "storage software per usable PB")
      }
    }

    // Frontend.
    var frontendDesign: EthernetNetworkDesign?
    if let frontend = spec.frontend {
      // Storage attaches with every NIC port of its building block (8 × 400G per 4-node chassis).
      let serverEndpoints =
        (storageDesign?.servers ?? 0) * (spec.storage?.serverSpecs.frontendPorts ?? 0)
        + spec.management.servers * spec.management.serverSpecs.frontendPorts
      let endpoints = nodes * frontend.portsPerNode + serverEndpoints
      let radix = frontend.switchSpecs.ports(atSpeed: frontend.portSpeedGbps)!
      var nicCards = 0
      if let nic = frontend.nic, case .nic(let nicSpecs) = nic.specs {
        nicCards = nodes * ((frontend.portsPerNode + nicSpecs.ports - 1) / nicSpecs.ports)
      }
      let design = try sizeTwoTier(
        frontend, endpoints: endpoints, radix: radix, nicCards: nicCards
      ) {
        spec.diagnostic(
          "frontend.switch", "\(frontend.switchPart.id) cannot connect \(endpoints) frontend ports in two tiers",
          expected: "expected a switch with more ports at \(frontend.portSpeedGbps) Gb/s")
      }
      frontendDesign = design
      if let nic = frontend.nic { add(nic, nicCards, .frontendNetwork, "frontend NICs") }
      add(
        frontend.switchPart, design.switches, .frontendNetwork,
        design.tiers == 1 ? "frontend switch" : "frontend: \(design.leaves) leaf + \(design.spines) spine")
      add(frontend.cable, design.cables, .opticsCabling, "frontend cables, one per link")
    }

    // Racks.
    var nodeRacks = 0
    if let tree = backendDesign?.tree, tree.tiers > 1, backendDesign?.design == .fatTree, nodeSpecs.rackScale == nil {
      for group in tree.leafGroups { nodeRacks += (group.nodes + nodesPerRack - 1) / nodesPerRack }
    } else {
      nodeRacks = (nodes + nodesPerRack - 1) / nodesPerRack
    }
    let networkParts = parts.filter {
      if case .switch = $0.part.specs { return true }
      return false
    }
    var networkRU = networkParts.reduce(0) { $0 + $1.quantity * $1.part.rackUnits }
    var networkW = networkParts.reduce(0.0) { $0 + Double($1.quantity * $1.part.power.maxW) }
    networkRU += spec.management.servers * spec.management.serverSpecs.rackUnits
    networkW += Double(spec.management.servers * spec.management.serverSpecs.power.maxW)
    networkW += Double(
      ((backendDesign?.switchSideTransceivers ?? 0)) * (spec.backend?.switchTransceiver.power.maxW ?? 0))
    let networkRacks = racksFor(units: networkRU, watts: networkW, usableRU: usableRU, budgetW: budgetW)
    let storageRU = (storageDesign?.servers ?? 0) * (spec.storage?.serverSpecs.rackUnits ?? 0)
    let storageW = Double((storageDesign?.servers ?? 0) * (spec.storage?.serverSpecs.power.maxW ?? 0))
    let storageRacks = racksFor(units: storageRU, watts: storageW, usableRU: usableRU, budgetW: budgetW)
    let racks = nodeRacks + networkRacks + storageRacks
    if nodeSpecs.rackScale == nil {
      add(
        spec.facility.rack, racks, .racksPower,
        "racks: \(nodeRacks) node, \(networkRacks) network, \(storageRacks) storage")
    } else {
      add(
        spec.facility.rack, networkRacks + storageRacks, .racksPower,
        "racks: \(networkRacks) network, \(storageRacks) storage (rack-scale systems come in their own racks)")
    }

    let fullNodeRackKW = Double(nodesPerRack) * nodeRackW / 1000
    let networkRackKW = networkRacks > 0 ? networkW / Double(networkRacks) / 1000 : 0
    let storageRackKW = storageRacks > 0 ? storageW / Double(storageRacks) / 1000 : 0
    let pduKW = spec.facility.pduSpecs.capacityKW
    func pdusPerRack(_ kw: Double) -> Int { 2 * max(1, Int(clamping: (kw / pduKW).rounded(.up))) }
    let pdus =
      (nodeSpecs.rackScale == nil ? nodeRacks * pdusPerRack(fullNodeRackKW) : 0)
      + networkRacks * pdusPerRack(networkRackKW)
      + storageRacks * pdusPerRack(storageRackKW)
    add(spec.facility.pdu, pdus, .racksPower, "PDUs, A and B feed per rack")

    // Out-of-band management.
    let managementSwitchPorts = spec.management.switchSpecs.portModes.map(\.ports).max() ?? 48
    var oobPorts = 0
    var oobSwitches = 0
    if spec.management.oob {
      let switchesSoFar = parts.filter { if case .switch = $0.part.specs { return true } else { return false } }
        .reduce(0) { $0 + $1.quantity }
      let storageBMCs = (storageDesign?.servers ?? 0) * (spec.storage?.serverSpecs.nodes ?? 1)
      oobPorts =
        nodes * (nodeSpecs.rackScale?.oobPorts ?? 1) + switchesSoFar + storageBMCs + spec.management.servers + pdus
      oobSwitches = max(racks, (oobPorts + managementSwitchPorts - 1) / managementSwitchPorts)
    }
    let management = ManagementNetworkDesign(
      ports: oobPorts, switches: oobSwitches, cables: oobPorts, servers: spec.management.servers)
    add(spec.management.switchPart, oobSwitches, .managementNetwork, "out-of-band switches, one or more per rack")
    add(spec.management.server, spec.management.servers, .managementNetwork, "control-plane servers")
    add(spec.management.cable, management.cables, .opticsCabling, "out-of-band cables")

    // Cooling.
    let peakRackKW = max(fullNodeRackKW, networkRackKW, storageRackKW)
    let rdhxCapacity: Double = {
      if case .cooling(let c) = spec.facility.rdhx.specs { return c.capacityKW }
      return 0
    }()
    if nodeSpecs.rackScale != nil { try checkRackScaleCooling(spec, rackKW: fullNodeRackKW) }
    var cooling = spec.facility.cooling
    if cooling == .auto {
      if nodeSpecs.cooling == .liquid {
        cooling = .liquid
      } else if peakRackKW <= spec.facility.airCoolingLimitKW {
        cooling = .air
      } else {
        // Air-cooled nodes cannot use direct liquid cooling: rear-door heat exchangers are the
        // densest option, and a rack beyond them is warned about below.
        cooling = .rdhx
      }
    }
    if cooling == .liquid && nodeSpecs.cooling == .air {
      warnings.append(
        PlanWarning(
          "air-node-liquid", ["part": spec.compute.node.id],
          text:
            "\(spec.compute.node.id) is air-cooled: direct liquid cooling needs liquid-cooled nodes; choose rdhx (rear-door heat exchangers) for dense air-cooled racks"
        ))
    }
    var rdhxUnits = 0
    var cduUnits = 0
    switch cooling {
    case .air, .auto:
      if peakRackKW > spec.facility.airCoolingLimitKW {
        warnings.append(
          PlanWarning(
            "air-limit",
            [
              "kw": NumberFormat.powerValue(kilowatts: peakRackKW, trimZeros: true),
              "limit": NumberFormat.powerValue(kilowatts: spec.facility.airCoolingLimitKW, trimZeros: true),
            ],
            text:
              "racks draw up to \(NumberFormat.powerValue(kilowatts: peakRackKW, trimZeros: true)) kW, above the \(NumberFormat.powerValue(kilowatts: spec.facility.airCoolingLimitKW, trimZeros: true)) kW air cooling removes: choose cooling rdhx or liquid, or lower facility.rack_power_kw"
          ))
      }
    case .rdhx:
      let hot = [(nodeRacks, fullNodeRackKW), (networkRacks, networkRackKW), (storageRacks, storageRackKW)]
      rdhxUnits = hot.reduce(0) { $0 + ($1.1 > spec.facility.airCoolingLimitKW ? $1.0 : 0) }
      if rdhxUnits == 0 { rdhxUnits = nodeRacks }
      if peakRackKW > rdhxCapacity {
        warnings.append(
          PlanWarning(
            "rdhx-limit",
            [
              "kw": NumberFormat.powerValue(kilowatts: peakRackKW, trimZeros: true),
              "limit": NumberFormat.powerValue(kilowatts: rdhxCapacity, trimZeros: true), "part": spec.facility.rdhx.id,
            ],
            text:
              "racks draw up to \(NumberFormat.powerValue(kilowatts: peakRackKW, trimZeros: true)) kW, above the \(NumberFormat.powerValue(kilowatts: rdhxCapacity, trimZeros: true)) kW a \(spec.facility.rdhx.id) removes: choose liquid cooling or lower facility.rack_power_kw"
          ))
      }
    case .liquid:
      if case .cooling(let c) = spec.facility.cdu.specs {
        // N+1: one redundant CDU beyond the capacity needed.
        let liquidKW = Double(nodeRacks) * (nodeSpecs.rackScale?.liquidHeatKW ?? fullNodeRackKW)
        cduUnits = max(1, Int(clamping: (liquidKW / c.capacityKW).rounded(.up))) + 1
      }
    }
    if nodeSpecs.cooling == .liquid && cooling != .liquid {
      warnings.append(
        PlanWarning(
          "needs-liquid", ["part": spec.compute.node.id, "cooling": cooling.rawValue],
          text: "\(spec.compute.node.id) needs liquid cooling, but the facility uses \(cooling.rawValue)"))
    }
    add(spec.facility.rdhx, rdhxUnits, .cooling, "rear-door heat exchangers")
    add(spec.facility.cdu, cduUnits, .cooling, "coolant distribution units")

    // Software and services, by their pricing unit.
    let switchTotal = (backendDesign?.tree.switchCount ?? 0) + (frontendDesign?.switches ?? 0) + oobSwitches
    func units(_ unit: PricingUnit) -> Int {
      switch unit {
      case .perNode: return nodes
      case .perGPU: return nodes * nodeSpecs.gpus
      case .perEndpoint: return backendDesign.map { $0.tree.nodeToLeafLinks } ?? 0
      case .perSwitch: return switchTotal
      case .perRack: return racks
      case .perPB: return storageDesign?.licensedPB ?? 0
      case .perCluster: return 1
      }
    }
    for part in spec.software {
      guard case .software(let licence) = part.specs else { continue }
      if let fabric = licence.fabric, fabric != spec.backend?.kind {
        warnings.append(
          PlanWarning(
            "licence-fabric", ["part": part.id, "fabric": fabric.rawValue],
            text: "\(part.id) is for \(fabric.rawValue) fabrics only and was left out"))
        continue
      }
      let term = licence.termYears.map { " (\($0)-year term)" } ?? ""
      add(part, units(licence.unit), .software, "\(licence.unit.rawValue) licence\(term)")
    }
    for part in spec.services {
      guard case .service(let service) = part.specs else { continue }
      add(part, units(service.unit), .services, service.unit.rawValue)
    }

    // Spares.
    func spareCount(_ quantity: Int, _ percent: Int) -> Int { (quantity * percent + 99) / 100 }
    var spares: [PartCount] = []
    for count in parts {
      let percent: Int
      switch count.part.specs {
      case .gpuNode: percent = count.part.kind == .rackSystem ? 0 : spec.spares.nodesPercent
      case .switch: percent = spec.spares.switchesPercent
      case .transceiver: percent = spec.spares.opticsPercent
      case .cable: percent = spec.spares.cablesPercent
      default: percent = 0
      }
      let quantity = spareCount(count.quantity, percent)
      if quantity > 0 {
        spares.append(
          PartCount(
            part: count.part, quantity: quantity, category: count.category, role: "spares (\(percent)%)", isSpare: true)
        )
      }
    }

    // Power.
    var itMaxW = 0.0
    var itTypicalW = 0.0
    for count in parts {
      itMaxW += Double(count.quantity * count.part.power.maxW)
      itTypicalW += Double(count.quantity * count.part.power.typicalW)
    }
    // Cooling units' own draw belongs to the facility overhead (PUE), not to IT.
    for count in parts where count.category == .cooling {
      itMaxW -= Double(count.quantity * count.part.power.maxW)
      itTypicalW -= Double(count.quantity * count.part.power.typicalW)
    }
    let facility = FacilityDesign(
      nodesPerRack: nodesPerRack, nodeRacks: nodeRacks, networkRacks: networkRacks, storageRacks: storageRacks,
      nodeRackKW: fullNodeRackKW, peakRackKW: peakRackKW, pdus: pdus, cooling: cooling, rdhxUnits: rdhxUnits,
      cduUnits: cduUnits, itPowerKW: itMaxW / 1000, itPowerTypicalKW: itTypicalW / 1000,
      facilityPowerKW: itMaxW / 1000 * spec.facility.pue, pue: spec.facility.pue)

    return ClusterDesign(
      spec: spec, backend: backendDesign, frontend: frontendDesign, management: management,
      storage: storageDesign, facility: facility, parts: mergeLines(parts + spares), warnings: warnings)
  }

  /// Warns when the cluster sits just past a tier boundary: within 10% of the largest size that
  /// needs one tier fewer (256 → 257 H100 nodes on QM9700 adds a core layer).
  static func tierCliff(_ spec: ClusterSpec, _ backend: ClusterSpec.Backend, _ design: BackendFabricDesign)
    -> PlanWarning?
  {
    let tree = design.tree
    guard tree.tiers > 1 else { return nil }
    func input(_ nodes: Int) -> FatTreeInput { fabricInput(backend, units: nodes, radix: design.radix) }
    var low = 0
    var high = spec.compute.nodes - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if let smaller = try? FatTree.size(input(middle)), smaller.tiers < tree.tiers {
        low = middle
      } else {
        high = middle - 1
      }
    }
    guard low > 0, spec.compute.nodes - low <= max(1, low / 10), let fewer = try? FatTree.size(input(low))
    else { return nil }
    let extra = tree.switchCount - fewer.switchCount
    return PlanWarning(
      "tier-cliff",
      [
        "nodes": "\(spec.compute.nodes)", "tiers": "\(tree.tiers)", "max": "\(low)", "fewer": "\(tree.tiers - 1)",
        "extra": "\(extra)",
      ],
      text:
        "\(spec.compute.nodes) nodes need a \(tree.tiers)-tier fabric; up to \(low) nodes fit \(tree.tiers - 1) tier\(tree.tiers == 2 ? "" : "s") with \(extra) fewer backend switches: consider \(low) nodes or a switch with more ports"
    )
  }

  /// Merges counts of the same part, category and spare flag (roles joined), keeping first order.
  static func mergeLines(_ counts: [PartCount]) -> [PartCount] {
    var merged: [PartCount] = []
    for count in counts {
      if let index = merged.firstIndex(where: {
        $0.part.id == count.part.id && $0.category == count.category && $0.isSpare == count.isSpare
      }) {
        merged[index].quantity += count.quantity
        if !merged[index].role.contains(count.role) { merged[index].role += "; " + count.role }
      } else {
        merged.append(count)
      }
    }
    return merged
  }

  /// NIC cards per unit (node, or rack of trays).
  static func nicCardsPerNode(_ backend: ClusterSpec.Backend, _ node: GPUNodeSpecs) -> Int {
    backend.nicCardsPerFabricNode * backend.fabricNodesPerUnit
  }

  static func linksPerModule(_ transceiver: Part, linkSpeed: Int) -> Int {
    guard case .transceiver(let t) = transceiver.specs else { return 1 }
    return max(1, t.ports * t.portSpeedGbps / max(1, linkSpeed))
  }

  /// Node-side modules per unit (node, or rack of trays), at the link speed.
  static func nodeModulesPerNode(_ backend: ClusterSpec.Backend, _ node: GPUNodeSpecs) -> Int {
    backend.fabricNodesPerUnit * nodeModulesPerFabricNode(backend)
  }

  /// Node-side modules per fabric node: its rails over the ports one module has (a module in a
  /// NIC cage never breaks out to other cages, so a faster module still serves one port per port).
  static func nodeModulesPerFabricNode(_ backend: ClusterSpec.Backend) -> Int {
    guard case .transceiver(let t) = backend.nodeTransceiver.specs else { return backend.railsPerFabricNode }
    let perModule = max(1, t.ports)
    return (backend.railsPerFabricNode + perModule - 1) / perModule
  }

  static func racksFor(units: Int, watts: Double, usableRU: Int, budgetW: Double) -> Int {
    guard units > 0 || watts > 0 else { return 0 }
    let byUnits = (units + usableRU - 1) / usableRU
    let byPower = Int(clamping: (watts / budgetW).rounded(.up))
    return max(1, byUnits, byPower)
  }

  static func tierSummary(_ tree: FatTreeDesign) -> String {
    switch tree.tiers {
    case 1: return "backend: \(tree.leaves.count) switch\(tree.leaves.count == 1 ? "" : "es"), one tier"
    case 2: return "backend: \(tree.leaves.count) leaf + \(tree.spines.count) spine"
    default: return "backend: \(tree.leaves.count) leaf + \(tree.spines.count) spine + \(tree.cores.count) core"
    }
  }

  static func sizeBackend(_ spec: ClusterSpec, _ backend: ClusterSpec.Backend, nodesPerRack: Int) throws
    -> BackendFabricDesign
  {
    let linkSpeed = backend.linkSpeedGbps
    let perUnit = backend.fabricNodesPerUnit
    let rails = backend.railsPerFabricNode
    guard let radix = backend.switchSpecs.ports(atSpeed: linkSpeed) else {
      throw InputError(
        spec.diagnostic(
          "backend.switch", "\(backend.switchPart.id) has no \(linkSpeed) Gb/s ports for \(backend.nic.id)",
          expected:
            "expected a switch with a \(linkSpeed) Gb/s port mode (\(backend.switchSpecs.portModes.map { "\($0.ports)×\($0.speedGbps)G" }.joined(separator: ", ")) available)"
        ))
    }
    let input = fabricInput(backend, units: spec.compute.nodes, radix: radix)
    let tree: FatTreeDesign
    do {
      tree = try FatTree.size(input)
    } catch {
      throw InputError(
        spec.diagnostic(
          "backend.switch",
          "\(backend.switchPart.id) (\(radix) ports at \(linkSpeed) Gb/s) cannot reach this cluster: \(error)",
          expected: backend.design == .railOnly
            ? "expected design: fat-tree or a switch with more ports" : "expected a switch with more ports"))
    }
    try FatTree.checkInvariants(tree, radix: radix)

    // Which node links go over copper: nodes in the rack(s) next to their SU's network rack.
    let switchModuleLinks = linksPerModule(backend.switchTransceiver, linkSpeed: linkSpeed)
    // Co-packaged optics: no switch-side modules (the fibre still runs to every port).
    let switchModulesWanted = backend.switchSpecs.coPackagedOptics ? 0 : 1
    let copperLinksPerCable: Int = {
      if case .cable(let c) = backend.copperCable.specs { return c.links }
      return 1
    }()
    let linksPerNodePerLeaf = backend.design == .railOnly ? 1 : (tree.tiers == 1 ? rails : tree.railsPerLeaf)
    var leafModules = 0
    var copperLinks = 0
    var copperCables = 0
    var copperNodes = 0
    var leafIndex = 0
    for group in tree.leafGroups {
      let eligible = backend.cabling == .copperAdjacent ? min(group.nodes, 2 * nodesPerRack * perUnit) : 0
      for _ in 0..<group.leaves {
        let leaf = tree.leaves[leafIndex]
        leafIndex += 1
        let copperHere = eligible * linksPerNodePerLeaf
        let opticalDown = leaf.down - copperHere
        leafModules += switchModulesWanted * (opticalDown + switchModuleLinks - 1) / switchModuleLinks
        leafModules += switchModulesWanted * (leaf.up + switchModuleLinks - 1) / switchModuleLinks
        copperLinks += copperHere
        copperCables += (copperHere + copperLinksPerCable - 1) / copperLinksPerCable
      }
      copperNodes += eligible
    }
    if backend.design == .railOnly { copperNodes /= max(1, rails) }
    func modules(_ usage: [SwitchUsage]) -> Int {
      switchModulesWanted
        * usage.reduce(0) {
          $0 + ($1.down + switchModuleLinks - 1) / switchModuleLinks + ($1.up + switchModuleLinks - 1)
            / switchModuleLinks
        }
    }
    let tierUsage = [
      BackendTierUsage(
        tier: .leaf, switches: tree.leaves, radix: radix, linksDown: tree.nodeToLeafLinks + tree.fabricManagerLinks,
        linksUp: tree.leafToSpineLinks, copperLinks: copperLinks, transceivers: leafModules),
      BackendTierUsage(
        tier: .spine, switches: tree.spines, radix: radix, linksDown: tree.leafToSpineLinks,
        linksUp: tree.spineToCoreLinks, copperLinks: 0, transceivers: modules(tree.spines)),
      BackendTierUsage(
        tier: .core, switches: tree.cores, radix: radix, linksDown: tree.spineToCoreLinks, linksUp: 0,
        copperLinks: 0, transceivers: modules(tree.cores)),
    ].filter { $0.switches > 0 }
    let switchModules = tierUsage.reduce(0) { $0 + $1.transceivers }
    let opticalNodeLinks = tree.nodeToLeafLinks - copperLinks
    let opticalNodes = spec.compute.nodes * perUnit - copperNodes
    let nodeModules = opticalNodes * nodeModulesPerFabricNode(backend)
    let fiberCables = opticalNodeLinks + tree.fabricManagerLinks + tree.leafToSpineLinks + tree.spineToCoreLinks
    return BackendFabricDesign(
      switchPart: backend.switchPart, nic: backend.nic, kind: backend.kind, design: backend.design,
      linkSpeedGbps: linkSpeed, radix: radix,
      oversubscription: backend.oversubscription, tree: tree,
      nicCards: backend.nicsIncluded ? 0 : spec.compute.nodes * nicCardsPerNode(backend, spec.compute.nodeSpecs),
      copperNodeLinks: copperLinks, opticalNodeLinks: opticalNodeLinks, fiberCables: fiberCables,
      copperCables: copperCables, switchSideTransceivers: switchModules, nodeSideTransceivers: nodeModules,
      fabricManagerTransceivers: tree.fabricManagerLinks, tiers: tierUsage)
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
