import Foundation

extension ClusterSizer {
  /// Sizes the backend fabric, adds its NICs, switches, optics and cables to `parts`, and reports
  /// a tier cliff or a partial last scalable unit.
  static func addBackend(
    _ spec: ClusterSpec, _ backend: ClusterSpec.Backend, layout: RackLayout, to parts: inout PartList,
    diagnostics: inout DiagnosticCollector
  ) throws -> BackendFabricDesign {
    let design = try sizeBackend(spec, backend, nodesPerRack: layout.nodesPerRack)
    parts.add(backend.nic, design.nicCards, .backendNetwork, "backend NICs")
    parts.add(backend.switchPart, design.tree.switchCount, .backendNetwork, tierSummary(design.tree))
    parts.add(
      backend.switchTransceiver, design.switchSideTransceivers, .opticsCabling, "backend switch-side transceivers")
    parts.add(
      backend.nodeTransceiver, design.nodeSideTransceivers + design.fabricManagerTransceivers, .opticsCabling,
      design.fabricManagerTransceivers > 0
        ? "backend node-side and fabric-manager transceivers" : "backend node-side transceivers")
    parts.add(backend.fiber, design.fiberCables, .opticsCabling, "backend fibre, one per optical link")
    parts.add(backend.copperCable, design.copperCables, .opticsCabling, "backend copper node links")
    if let cliff = tierCliff(spec, backend, design) { diagnostics.report(cliff) }
    if let partial = lastScalableUnit(spec, backend, design) { diagnostics.report(partial) }
    return design
  }

  /// Warns about the last scalable unit: opened for the fabric manager alone, or built in full for
  /// fewer nodes (or compute trays) than it holds. Located at `compute.nodes`.
  static func lastScalableUnit(_ spec: ClusterSpec, _ backend: ClusterSpec.Backend, _ design: BackendFabricDesign)
    -> Diagnostic?
  {
    // The last SU's node slots, one of them the fabric manager's when it has ports.
    let managerSlot = backend.fabricManagerPorts > 0 ? 1 : 0
    guard design.tree.tiers > 1, design.design == .fatTree, let last = design.tree.leafGroups.last else { return nil }
    let su = design.tree.scalableUnitNodes
    // Rack-scale fabrics count compute trays, not nodes.
    let trays = spec.compute.nodeSpecs.rackScale != nil
    let slots = trays ? "compute trays" : "nodes"
    if last.nodes == 0 && managerSlot == 1 {
      let fitting = (design.tree.scalableUnits - 1) * su - 1
      let given = spec.compute.nodes * backend.fabricNodesPerUnit
      let values = ["nodes": "\(given)", "units": "\(design.tree.scalableUnits)", "fit": "\(fitting)"]
      guard !trays else {
        return Diagnostic(
          "manager-su-trays", values,
          text:
            "the fabric manager takes one compute-tray slot, so \(given) compute trays open scalable unit \(design.tree.scalableUnits) for the manager alone; \(fitting) compute trays would fit one SU fewer",
          keyPath: "compute.nodes")
      }
      return Diagnostic(
        "manager-su", values,
        text:
          "the fabric manager takes one node slot (NVIDIA: 31 nodes per SU with UFM), so \(given) nodes open scalable unit \(design.tree.scalableUnits) for the manager alone; \(fitting) nodes would fit one SU fewer",
        keyPath: "compute.nodes")
    }
    guard last.nodes + managerSlot < su else { return nil }
    let empty = (su - last.nodes - managerSlot) * design.tree.railsPerLeaf
    return Diagnostic(
      trays ? "partial-su-trays" : "partial-su", ["nodes": "\(last.nodes)", "su": "\(su)", "ports": "\(empty)"],
      text:
        "the last scalable unit holds \(last.nodes) of \(su) \(slots): its leaves and uplinks are built in full, \(empty) ports per leaf stay empty for growth",
      keyPath: "compute.nodes")
  }

  /// Warns when the cluster sits just past a tier boundary: within 10% of the largest size that
  /// needs one tier fewer (256 → 257 H100 nodes on QM9700 adds a core layer). Located at
  /// `compute.nodes`.
  static func tierCliff(_ spec: ClusterSpec, _ backend: ClusterSpec.Backend, _ design: BackendFabricDesign)
    -> Diagnostic?
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
    return Diagnostic(
      "tier-cliff",
      [
        "nodes": "\(spec.compute.nodes)", "tiers": "\(tree.tiers)", "max": "\(low)", "fewer": "\(tree.tiers - 1)",
        "extra": "\(extra)",
      ],
      text:
        "\(spec.compute.nodes) nodes need a \(tree.tiers)-tier fabric; up to \(low) nodes fit \(tree.tiers - 1) tier\(tree.tiers == 2 ? "" : "s") with \(extra) fewer backend switches: consider \(low) nodes or a switch with more ports",
      keyPath: "compute.nodes")
  }

  /// The BoM role of the backend switches: leaves, spines and cores.
  static func tierSummary(_ tree: FatTreeDesign) -> String {
    switch tree.tiers {
    case 1: return "backend: \(tree.leaves.count) switch\(tree.leaves.count == 1 ? "" : "es"), one tier"
    case 2: return "backend: \(tree.leaves.count) leaf + \(tree.spines.count) spine"
    default: return "backend: \(tree.leaves.count) leaf + \(tree.spines.count) spine + \(tree.cores.count) core"
    }
  }

  /// NIC cards per unit (node, or rack of trays).
  static func nicCardsPerNode(_ backend: ClusterSpec.Backend, _ node: GPUNodeSpecs) -> Int {
    backend.nicCardsPerFabricNode * backend.fabricNodesPerUnit
  }

  /// Links one module of `transceiver` carries at `linkSpeed` (a twin-port 800G module carries
  /// two 400G links).
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
}
