/// Rail-optimized fat-tree sizing after the NVIDIA DGX SuperPOD reference architecture.
///
/// Rules (docs/sizing.md has the sources):
/// - A leaf uses half its ports (k/2) down; with oversubscription `down:up` it keeps
///   `ceil(k/2 × up/down)` uplinks.
/// - Scalable unit (SU): `scalableUnitNodes` nodes; rail *i* of every node in an SU goes to the
///   leaf serving rail *i*; a leaf serves `railsPerLeaf` rails when it has room (k/2 ≥ 2 × SU).
///   A partial SU is built as a full SU (its leaves and uplinks), missing nodes leave ports empty.
/// - One tier when all endpoints fit one switch (≤ k); two tiers while leaves ≤ k (≤ k²/2 endpoints);
///   three tiers up to k pods of k/2 leaves (≤ k³/4 endpoints).
/// - Every leaf spreads its uplinks evenly over all spines of its group. The spine count is the
///   fewest spines whose ports terminate every uplink, with each leaf's uplinks rounded up to a
///   multiple of the spine count (never past k/2): 3 SUs → 16 spines; 16 nodes at 3:1 → 2 spines with
///   12 uplinks per leaf. An oversubscribed fabric thus never needs more switches than a non-blocking one.
/// - In a three-tier tree a partial last pod's spines get as many core uplinks as they have leaves
///   below them, so every spine is non-blocking and no core port is bought for an empty leaf slot.
public struct FatTreeInput: Sendable, Hashable {
  /// Nodes on the fabric.
  public var nodes: Int
  /// Rails = backend ports per node.
  public var rails: Int
  /// Switch ports at the link speed.
  public var radix: Int
  /// Leaf oversubscription.
  public var oversubscription: Oversubscription
  /// Nodes per scalable unit (32 in NVIDIA's RA).
  public var scalableUnitNodes: Int
  /// Ports taken by the fabric manager (UFM) on the leaves; they occupy one node slot.
  public var fabricManagerPorts: Int
  /// Fat tree or rail-only.
  public var design: FabricDesign
  /// Independent fabric planes (NVIDIA Spectrum-X "twin-planar": each GPU has one port on each
  /// plane); the rails split evenly over the planes.
  public var planes: Int

  /// Creates the input.
  public init(
    nodes: Int, rails: Int, radix: Int, oversubscription: Oversubscription = .nonBlocking,
    scalableUnitNodes: Int = 32, fabricManagerPorts: Int = 0, design: FabricDesign = .fatTree, planes: Int = 1
  ) {
    self.planes = planes
    self.nodes = nodes
    self.rails = rails
    self.radix = radix
    self.oversubscription = oversubscription
    self.scalableUnitNodes = scalableUnitNodes
    self.fabricManagerPorts = fabricManagerPorts
    self.design = design
  }
}

/// One switch of a tier and the ports it uses.
public struct SwitchUsage: Sendable, Hashable {
  /// Ports towards the endpoints or the tier below.
  public var down: Int
  /// Ports towards the tier above.
  public var up: Int
  /// Ports used.
  public var used: Int { down + up }
}

/// A group of leaves: the nodes they serve and the node links on each leaf.
public struct LeafGroup: Sendable, Hashable {
  /// Nodes in this group (an SU, or one rail's share of nodes).
  public var nodes: Int
  /// Leaves in the group.
  public var leaves: Int
}

/// The sized fabric: switches per tier with their port usage, and links per tier.
public struct FatTreeDesign: Sendable, Hashable {
  /// 1, 2 or 3.
  public var tiers: Int
  /// Nodes per SU actually used (may be below the spec's when the leaf is small).
  public var scalableUnitNodes: Int
  /// Scalable units built (partial ones count whole).
  public var scalableUnits: Int
  /// Rails a leaf serves.
  public var railsPerLeaf: Int
  /// Leaves per SU.
  public var leavesPerScalableUnit: Int
  /// Uplinks per leaf.
  public var leafUplinks: Int
  /// Leaf switches, each with its port usage.
  public var leaves: [SwitchUsage]
  /// Spine switches.
  public var spines: [SwitchUsage]
  /// Core switches.
  public var cores: [SwitchUsage]
  /// Node ports cabled to leaves.
  public var nodeToLeafLinks: Int
  /// Fabric-manager ports cabled to leaves.
  public var fabricManagerLinks: Int
  /// Leaf–spine links.
  public var leafToSpineLinks: Int
  /// Spine–core links.
  public var spineToCoreLinks: Int
  /// Nodes served by each leaf group, for cabling decisions (one entry per SU, or per rail SU).
  public var leafGroups: [LeafGroup]

  /// All switches.
  public var switchCount: Int { leaves.count + spines.count + cores.count }
}

/// Why a fabric cannot be built.
public enum FatTreeProblem: Error, Sendable, Hashable, CustomStringConvertible {
  /// The switch is too small for the cluster even at three tiers.
  case tooLarge(endpoints: Int, maximum: Int, tiers: Int)
  /// Rail-only needs each rail to fit two tiers.
  case railTooLarge(nodesPerRail: Int, maximum: Int)
  /// A parameter makes no sense.
  case invalid(String)

  /// Human-readable reason.
  public var description: String {
    switch self {
    case .tooLarge(let endpoints, let maximum, let tiers):
      return "\(endpoints) endpoints exceed the \(maximum) a \(tiers)-tier fat tree of this switch reaches"
    case .railTooLarge(let nodes, let maximum):
      return "a rail of \(nodes) nodes exceeds the \(maximum) a two-tier rail fabric of this switch reaches"
    case .invalid(let text):
      return text
    }
  }
}

/// Sizes rail-optimized fat trees and rail-only fabrics.
public enum FatTree {
  /// Sizes the backend fabric: one plane, or `planes` identical planes of `rails / planes` rails.
  public static func size(_ input: FatTreeInput) throws(FatTreeProblem) -> FatTreeDesign {
    guard input.planes >= 1, input.rails % input.planes == 0 else {
      throw .invalid("\(input.rails) rails do not split evenly over \(input.planes) planes")
    }
    guard input.planes > 1 else { return try sizePlane(input) }
    var plane = input
    plane.rails = input.rails / input.planes
    plane.planes = 1
    plane.fabricManagerPorts = min(input.fabricManagerPorts, plane.rails)
    let one = try sizePlane(plane)
    let n = input.planes
    var design = one
    design.leaves = Array([[SwitchUsage]](repeating: one.leaves, count: n).joined())
    design.spines = Array([[SwitchUsage]](repeating: one.spines, count: n).joined())
    design.cores = Array([[SwitchUsage]](repeating: one.cores, count: n).joined())
    design.nodeToLeafLinks = one.nodeToLeafLinks * n
    design.fabricManagerLinks = one.fabricManagerLinks * n
    design.leafToSpineLinks = one.leafToSpineLinks * n
    design.spineToCoreLinks = one.spineToCoreLinks * n
    design.leavesPerScalableUnit = one.leavesPerScalableUnit * n
    design.leafGroups = Array([[LeafGroup]](repeating: one.leafGroups, count: n).joined())
    return design
  }

  /// Sizes one plane.
  static func sizePlane(_ input: FatTreeInput) throws(FatTreeProblem) -> FatTreeDesign {
    let k = input.radix
    guard k >= 4, k % 2 == 0 else { throw .invalid("switch radix \(k) must be even and at least 4") }
    guard input.nodes >= 1, input.rails >= 1 else { throw .invalid("need at least one node and one rail") }
    guard input.fabricManagerPorts >= 0, input.fabricManagerPorts <= input.rails else {
      throw .invalid("fabric-manager ports must be 0…\(input.rails)")
    }
    let down = k / 2
    let over = input.oversubscription
    let uplinks = (down * over.up + over.down - 1) / over.down
    let managerSlot = input.fabricManagerPorts > 0 ? 1 : 0
    let slots = input.nodes + managerSlot
    let endpoints = input.nodes * input.rails + input.fabricManagerPorts

    switch input.design {
    case .fatTree:
      if endpoints <= k {
        let leaf = SwitchUsage(down: endpoints, up: 0)
        return FatTreeDesign(
          tiers: 1, scalableUnitNodes: input.nodes, scalableUnits: 1, railsPerLeaf: input.rails,
          leavesPerScalableUnit: 1, leafUplinks: 0, leaves: [leaf], spines: [], cores: [],
          nodeToLeafLinks: input.nodes * input.rails, fabricManagerLinks: input.fabricManagerPorts,
          leafToSpineLinks: 0, spineToCoreLinks: 0, leafGroups: [LeafGroup(nodes: input.nodes, leaves: 1)])
      }
      // SU geometry.
      var suNodes = min(input.scalableUnitNodes, down)
      var railsPerLeaf = 1
      if suNodes == input.scalableUnitNodes {
        for candidate in stride(from: input.rails, through: 1, by: -1)
        where input.rails % candidate == 0 && candidate * suNodes <= down {
          railsPerLeaf = candidate
          break
        }
      } else {
        suNodes = down
      }
      let leavesPerSU = input.rails / railsPerLeaf
      let units = (slots + suNodes - 1) / suNodes
      // Leaves, SU by SU; the fabric manager takes the last slot of the last SU.
      var leaves: [SwitchUsage] = []
      var groups: [LeafGroup] = []
      for unit in 0..<units {
        let nodesHere = min(suNodes, input.nodes - unit * suNodes)
        let nodesInUnit = max(0, nodesHere)
        groups.append(LeafGroup(nodes: nodesInUnit, leaves: leavesPerSU))
        for leafIndex in 0..<leavesPerSU {
          var downUsed = nodesInUnit * railsPerLeaf
          if unit == units - 1 {
            // Manager ports on the first rails of the last SU.
            let firstRail = leafIndex * railsPerLeaf
            let managerRails = max(0, min(railsPerLeaf, input.fabricManagerPorts - firstRail))
            downUsed += managerRails
          }
          leaves.append(SwitchUsage(down: downUsed, up: uplinks))
        }
      }
      let leafCount = leaves.count
      if leafCount <= k {
        // Two tiers.
        let layout = spineLayout(leaves: leafCount, uplinks: uplinks, radix: k)
        let perSpine = leafCount * (layout.uplinksPerLeaf / layout.spines)
        let spines = [SwitchUsage](repeating: SwitchUsage(down: perSpine, up: 0), count: layout.spines)
        leaves = leaves.map { SwitchUsage(down: $0.down, up: layout.uplinksPerLeaf) }
        return FatTreeDesign(
          tiers: 2, scalableUnitNodes: suNodes, scalableUnits: units, railsPerLeaf: railsPerLeaf,
          leavesPerScalableUnit: leavesPerSU, leafUplinks: layout.uplinksPerLeaf, leaves: leaves, spines: spines,
          cores: [], nodeToLeafLinks: input.nodes * input.rails,
          fabricManagerLinks: input.fabricManagerPorts, leafToSpineLinks: leafCount * layout.uplinksPerLeaf,
          spineToCoreLinks: 0, leafGroups: groups)
      }
      // Three tiers: pods of whole SUs, k/2 leaves at most; each leaf one link to each pod spine.
      let unitsPerPod = max(1, down / leavesPerSU)
      let podLeaves = unitsPerPod * leavesPerSU
      guard podLeaves <= down else { throw .invalid("an SU has more leaves than a spine has downlinks") }
      let pods = (units + unitsPerPod - 1) / unitsPerPod
      let groupSize = smallestDivisor(of: podLeaves, atLeast: (pods * podLeaves + k - 1) / k)
      guard pods * podLeaves / groupSize <= k, pods <= k else {
        throw .tooLarge(endpoints: endpoints, maximum: k * k * k / 4, tiers: 3)
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
        tiers: 3, scalableUnitNodes: suNodes, scalableUnits: units, railsPerLeaf: railsPerLeaf,
        leavesPerScalableUnit: leavesPerSU, leafUplinks: uplinks, leaves: leaves, spines: spines,
        cores: cores, nodeToLeafLinks: input.nodes * input.rails,
        fabricManagerLinks: input.fabricManagerPorts, leafToSpineLinks: leafCount * uplinks,
        spineToCoreLinks: uplinks * leafCount, leafGroups: groups)

    case .railOnly:
      // Each rail is its own fabric of `slots` endpoints.
      var leaves: [SwitchUsage] = []
      var spines: [SwitchUsage] = []
      var groups: [LeafGroup] = []
      let perRailTwoTierMax = k * down
      guard slots <= perRailTwoTierMax else { throw .railTooLarge(nodesPerRail: slots, maximum: perRailTwoTierMax) }
      var tiers = 1
      var railUplinks = 0
      for rail in 0..<input.rails {
        let managerHere = rail < input.fabricManagerPorts ? 1 : 0
        let endpointsOnRail = input.nodes + managerHere
        if slots <= k {
          leaves.append(SwitchUsage(down: endpointsOnRail, up: 0))
          groups.append(LeafGroup(nodes: input.nodes, leaves: 1))
          continue
        }
        tiers = 2
        let leafCount = (slots + down - 1) / down
        let layout = spineLayout(leaves: leafCount, uplinks: uplinks, radix: k)
        railUplinks = layout.uplinksPerLeaf
        for leafIndex in 0..<leafCount {
          let nodesHere = max(0, min(down, input.nodes - leafIndex * down))
          let extra = (leafIndex == leafCount - 1) ? managerHere : 0
          leaves.append(SwitchUsage(down: nodesHere + extra, up: layout.uplinksPerLeaf))
          groups.append(LeafGroup(nodes: nodesHere, leaves: 1))
        }
        for _ in 0..<layout.spines {
          spines.append(SwitchUsage(down: leafCount * (layout.uplinksPerLeaf / layout.spines), up: 0))
        }
      }
      return FatTreeDesign(
        tiers: tiers, scalableUnitNodes: tiers == 1 ? input.nodes : down,
        scalableUnits: tiers == 1 ? 1 : (slots + down - 1) / down, railsPerLeaf: 1,
        leavesPerScalableUnit: input.rails, leafUplinks: railUplinks, leaves: leaves,
        spines: spines, cores: [], nodeToLeafLinks: input.nodes * input.rails,
        fabricManagerLinks: input.fabricManagerPorts,
        leafToSpineLinks: leaves.count * railUplinks, spineToCoreLinks: 0,
        leafGroups: groups)
    }
  }

  /// The spines of a two-tier group and the uplinks each leaf gets: the fewest spines whose ports
  /// terminate every leaf's uplinks, where each leaf's `uplinks` (what the oversubscription asks
  /// for) are rounded up to a multiple of the spine count, so they spread evenly, but never past
  /// k/2 (non-blocking). The non-blocking layout is always feasible, so an oversubscribed group
  /// never gets more spines than a non-blocking one.
  static func spineLayout(leaves: Int, uplinks: Int, radix k: Int) -> (spines: Int, uplinksPerLeaf: Int) {
    let ceiling = max(uplinks, k / 2)
    var spines = max(1, (leaves * uplinks + k - 1) / k)
    while spines <= ceiling {
      let perLeaf = (uplinks + spines - 1) / spines * spines
      if perLeaf <= ceiling, leaves * perLeaf <= spines * k { return (spines, perLeaf) }
      spines += 1
    }
    return (uplinks, uplinks)
  }

  /// The smallest divisor of `n` that is ≥ `minimum` (n itself when none smaller fits).
  static func smallestDivisor(of n: Int, atLeast minimum: Int) -> Int {
    let floor = max(1, minimum)
    guard floor <= n else { return n }
    for candidate in floor...n where n % candidate == 0 { return candidate }
    return n
  }

  /// Checks port conservation: no switch uses more ports than it has, and the two ends of every
  /// tier's links add up. Throws `InternalError` (a bug) when broken.
  public static func checkInvariants(_ design: FatTreeDesign, radix: Int) throws {
    for (name, tier) in [("leaf", design.leaves), ("spine", design.spines), ("core", design.cores)] {
      if let over = tier.first(where: { $0.used > radix }) {
        throw InternalError("a \(name) uses \(over.used) ports of \(radix)")
      }
    }
    let leafDown = design.leaves.reduce(0) { $0 + $1.down }
    guard leafDown == design.nodeToLeafLinks + design.fabricManagerLinks else {
      throw InternalError("leaf downlinks \(leafDown) ≠ node and manager links")
    }
    let leafUp = design.leaves.reduce(0) { $0 + $1.up }
    let spineDown = design.spines.reduce(0) { $0 + $1.down }
    guard leafUp == design.leafToSpineLinks else {
      throw InternalError("leaf uplinks \(leafUp) ≠ leaf–spine links \(design.leafToSpineLinks)")
    }
    guard spineDown == design.leafToSpineLinks else {
      throw InternalError("spine downlinks \(spineDown) ≠ leaf–spine links \(design.leafToSpineLinks)")
    }
    let spineUp = design.spines.reduce(0) { $0 + $1.up }
    let coreDown = design.cores.reduce(0) { $0 + $1.down }
    guard spineUp == design.spineToCoreLinks, coreDown == design.spineToCoreLinks else {
      throw InternalError(
        "spine uplinks \(spineUp) / core ports \(coreDown) ≠ spine–core links \(design.spineToCoreLinks)")
    }
  }
}
