import Foundation

extension ClusterSizer {
  /// Sizes the backend fat tree at the switch's port count for the link speed, then counts its
  /// cabling (``backendCabling(_:_:tree:radix:nodesPerRack:)``).
  static func sizeBackend(_ spec: ClusterSpec, _ backend: ClusterSpec.Backend, nodesPerRack: Int) throws
    -> BackendFabricDesign
  {
    let linkSpeed = backend.linkSpeedGbps
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
    return backendCabling(spec, backend, tree: tree, radix: radix, nodesPerRack: nodesPerRack)
  }

  /// Counts the backend's links by medium, its transceivers and cables, and the usage per tier.
  static func backendCabling(
    _ spec: ClusterSpec, _ backend: ClusterSpec.Backend, tree: FatTreeDesign, radix: Int, nodesPerRack: Int
  ) -> BackendFabricDesign {
    let linkSpeed = backend.linkSpeedGbps
    let switchModuleLinks = linksPerModule(backend.switchTransceiver, linkSpeed: linkSpeed)
    // Co-packaged optics: no switch-side modules (the fibre still runs to every port).
    let switchModulesWanted = backend.switchSpecs.coPackagedOptics ? 0 : 1
    func modules(_ links: Int) -> Int { switchModulesWanted * (links + switchModuleLinks - 1) / switchModuleLinks }
    func modules(_ usage: [SwitchUsage]) -> Int { usage.reduce(0) { $0 + modules($1.down) + modules($1.up) } }
    let leaf = leafCabling(backend, tree: tree, nodesPerRack: nodesPerRack, modules: modules)
    let tierUsage = [
      BackendTierUsage(
        tier: .leaf, switches: tree.leaves, radix: radix, linksDown: tree.nodeToLeafLinks + tree.fabricManagerLinks,
        linksUp: tree.leafToSpineLinks, copperLinks: leaf.copperLinks, transceivers: leaf.modules),
      BackendTierUsage(
        tier: .spine, switches: tree.spines, radix: radix, linksDown: tree.leafToSpineLinks,
        linksUp: tree.spineToCoreLinks, copperLinks: 0, transceivers: modules(tree.spines)),
      BackendTierUsage(
        tier: .core, switches: tree.cores, radix: radix, linksDown: tree.spineToCoreLinks, linksUp: 0,
        copperLinks: 0, transceivers: modules(tree.cores)),
    ].filter { $0.switches > 0 }
    let switchModules = tierUsage.reduce(0) { $0 + $1.transceivers }
    let opticalNodeLinks = tree.nodeToLeafLinks - leaf.copperLinks
    let opticalNodes = spec.compute.nodes * backend.fabricNodesPerUnit - leaf.copperNodes
    let nodeModules = opticalNodes * nodeModulesPerFabricNode(backend)
    let fiberCables = opticalNodeLinks + tree.fabricManagerLinks + tree.leafToSpineLinks + tree.spineToCoreLinks
    return BackendFabricDesign(
      switchPart: backend.switchPart, nic: backend.nic, kind: backend.kind, design: backend.design,
      linkSpeedGbps: linkSpeed, radix: radix,
      oversubscription: backend.oversubscription, tree: tree,
      nicCards: backend.nicsIncluded ? 0 : spec.compute.nodes * nicCardsPerNode(backend, spec.compute.nodeSpecs),
      copperNodeLinks: leaf.copperLinks, opticalNodeLinks: opticalNodeLinks, fiberCables: fiberCables,
      copperCables: leaf.copperCables, switchSideTransceivers: switchModules, nodeSideTransceivers: nodeModules,
      fabricManagerTransceivers: tree.fabricManagerLinks, tiers: tierUsage)
  }

  /// The leaves' cabling: which node links go over copper (nodes in the rack(s) next to their
  /// SU's network rack, with copper-adjacent cabling), the copper cables, and the leaves'
  /// switch-side modules (optical downlinks and every uplink).
  static func leafCabling(
    _ backend: ClusterSpec.Backend, tree: FatTreeDesign, nodesPerRack: Int, modules: (Int) -> Int
  ) -> (modules: Int, copperLinks: Int, copperCables: Int, copperNodes: Int) {
    let rails = backend.railsPerFabricNode
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
      let eligible =
        backend.cabling == .copperAdjacent ? min(group.nodes, 2 * nodesPerRack * backend.fabricNodesPerUnit) : 0
      for _ in 0..<group.leaves {
        let leaf = tree.leaves[leafIndex]
        leafIndex += 1
        let copperHere = eligible * linksPerNodePerLeaf
        leafModules += modules(leaf.down - copperHere) + modules(leaf.up)
        copperLinks += copperHere
        copperCables += (copperHere + copperLinksPerCable - 1) / copperLinksPerCable
      }
      copperNodes += eligible
    }
    if backend.design == .railOnly { copperNodes /= max(1, rails) }
    return (leafModules, copperLinks, copperCables, copperNodes)
  }
}
