extension FatTreeInput {
  /// Downlinks of a leaf or spine: half its ports.
  var down: Int { radix / 2 }
  /// Uplinks a leaf needs for its downlinks at the oversubscription (k/2 when non-blocking).
  var uplinks: Int { (down * oversubscription.up + oversubscription.down - 1) / oversubscription.down }
  /// Node slots: the nodes, and one for the fabric manager when it has ports.
  var slots: Int { nodes + (fabricManagerPorts > 0 ? 1 : 0) }
  /// Fabric endpoints: every node's rails and the fabric manager's ports.
  var endpoints: Int { nodes * rails + fabricManagerPorts }
}

/// The scalable units of a fat tree: nodes per SU, rails per leaf, leaves per SU, SUs.
struct ScalableUnitGeometry {
  /// Nodes per SU (the input's, or k/2 when a leaf cannot take one rail of a whole SU).
  var nodes: Int
  /// Rails each leaf serves (as many as fit k/2 downlinks with a whole SU).
  var railsPerLeaf: Int
  /// Leaves per SU.
  var leavesPerUnit: Int
  /// SUs, the last one possibly partial.
  var units: Int

  /// The geometry for `input`.
  init(_ input: FatTreeInput) {
    var suNodes = min(input.scalableUnitNodes, input.down)
    var railsPerLeaf = 1
    if suNodes == input.scalableUnitNodes {
      for candidate in stride(from: input.rails, through: 1, by: -1)
      where input.rails % candidate == 0 && candidate * suNodes <= input.down {
        railsPerLeaf = candidate
        break
      }
    } else {
      suNodes = input.down
    }
    nodes = suNodes
    self.railsPerLeaf = railsPerLeaf
    leavesPerUnit = input.rails / railsPerLeaf
    units = (input.slots + suNodes - 1) / suNodes
  }
}

extension FatTree {
  /// A rail-optimized fat tree: one switch when every endpoint fits, else SUs of leaves under a
  /// spine layer (two tiers) or pods under a core layer (three tiers).
  static func sizeFatTree(_ input: FatTreeInput) throws(FatTreeProblem) -> FatTreeDesign {
    if input.endpoints <= input.radix {
      let leaf = SwitchUsage(down: input.endpoints, up: 0)
      return FatTreeDesign(
        tiers: 1, scalableUnitNodes: input.nodes, scalableUnits: 1, railsPerLeaf: input.rails,
        leavesPerScalableUnit: 1, leafUplinks: 0, leaves: [leaf], spines: [], cores: [],
        nodeToLeafLinks: input.nodes * input.rails, fabricManagerLinks: input.fabricManagerPorts,
        leafToSpineLinks: 0, spineToCoreLinks: 0, leafGroups: [LeafGroup(nodes: input.nodes, leaves: 1)])
    }
    let su = ScalableUnitGeometry(input)
    let (leaves, groups) = leafLayout(input, su)
    if leaves.count <= input.radix { return twoTiers(input, su, leaves: leaves, groups: groups) }
    return try threeTiers(input, su, leaves: leaves, groups: groups)
  }

  /// The leaves, SU by SU, each with the input's uplinks; the fabric manager takes the last slot
  /// of the last SU, its ports on the first rails.
  static func leafLayout(_ input: FatTreeInput, _ su: ScalableUnitGeometry) -> ([SwitchUsage], [LeafGroup]) {
    var leaves: [SwitchUsage] = []
    var groups: [LeafGroup] = []
    for unit in 0..<su.units {
      let nodesInUnit = max(0, min(su.nodes, input.nodes - unit * su.nodes))
      groups.append(LeafGroup(nodes: nodesInUnit, leaves: su.leavesPerUnit))
      for leafIndex in 0..<su.leavesPerUnit {
        var downUsed = nodesInUnit * su.railsPerLeaf
        if unit == su.units - 1 {
          let firstRail = leafIndex * su.railsPerLeaf
          downUsed += max(0, min(su.railsPerLeaf, input.fabricManagerPorts - firstRail))
        }
        leaves.append(SwitchUsage(down: downUsed, up: input.uplinks))
      }
    }
    return (leaves, groups)
  }

  /// Two tiers: every leaf under one spine layer (``spineLayout(leaves:uplinks:radix:)``).
  static func twoTiers(
    _ input: FatTreeInput, _ su: ScalableUnitGeometry, leaves: [SwitchUsage], groups: [LeafGroup]
  ) -> FatTreeDesign {
    let leafCount = leaves.count
    let layout = spineLayout(leaves: leafCount, uplinks: input.uplinks, radix: input.radix)
    let perSpine = leafCount * (layout.uplinksPerLeaf / layout.spines)
    let spines = [SwitchUsage](repeating: SwitchUsage(down: perSpine, up: 0), count: layout.spines)
    return FatTreeDesign(
      tiers: 2, scalableUnitNodes: su.nodes, scalableUnits: su.units, railsPerLeaf: su.railsPerLeaf,
      leavesPerScalableUnit: su.leavesPerUnit, leafUplinks: layout.uplinksPerLeaf,
      leaves: leaves.map { SwitchUsage(down: $0.down, up: layout.uplinksPerLeaf) }, spines: spines,
      cores: [], nodeToLeafLinks: input.nodes * input.rails,
      fabricManagerLinks: input.fabricManagerPorts, leafToSpineLinks: leafCount * layout.uplinksPerLeaf,
      spineToCoreLinks: 0, leafGroups: groups)
  }

  /// Three tiers: pods of whole SUs, k/2 leaves at most; each leaf one link to each pod spine.
  static func threeTiers(
    _ input: FatTreeInput, _ su: ScalableUnitGeometry, leaves: [SwitchUsage], groups: [LeafGroup]
  ) throws(FatTreeProblem) -> FatTreeDesign {
    let k = input.radix
    let uplinks = input.uplinks
    let leafCount = leaves.count
    let unitsPerPod = max(1, input.down / su.leavesPerUnit)
    let podLeaves = unitsPerPod * su.leavesPerUnit
    guard podLeaves <= input.down else { throw .invalid("an SU has more leaves than a spine has downlinks") }
    let pods = (su.units + unitsPerPod - 1) / unitsPerPod
    let groupSize = smallestDivisor(of: podLeaves, atLeast: (pods * podLeaves + k - 1) / k)
    guard pods * podLeaves / groupSize <= k, pods <= k else {
      throw .tooLarge(endpoints: input.endpoints, maximum: k * k * k / 4, tiers: 3)
    }
    // Spines: `uplinks` per pod (one per leaf uplink), each with one core uplink per leaf below it,
    // so a partial last pod's spines stay non-blocking without ports for empty leaf slots.
    var spines: [SwitchUsage] = []
    for pod in 0..<pods {
      let leavesInPod = min(podLeaves, leafCount - pod * podLeaves)
      for _ in 0..<uplinks { spines.append(SwitchUsage(down: leavesInPod, up: leavesInPod)) }
    }
    // Cores: a group of `groupSize` per spine plane; the plane's `leafCount` spine uplinks spread
    // over its group as evenly as they go.
    var cores: [SwitchUsage] = []
    for _ in 0..<uplinks {
      for index in 0..<groupSize {
        let share = leafCount / groupSize + (index < leafCount % groupSize ? 1 : 0)
        cores.append(SwitchUsage(down: share, up: 0))
      }
    }
    return FatTreeDesign(
      tiers: 3, scalableUnitNodes: su.nodes, scalableUnits: su.units, railsPerLeaf: su.railsPerLeaf,
      leavesPerScalableUnit: su.leavesPerUnit, leafUplinks: uplinks, leaves: leaves, spines: spines,
      cores: cores, nodeToLeafLinks: input.nodes * input.rails,
      fabricManagerLinks: input.fabricManagerPorts, leafToSpineLinks: leafCount * uplinks,
      spineToCoreLinks: uplinks * leafCount, leafGroups: groups)
  }
}
