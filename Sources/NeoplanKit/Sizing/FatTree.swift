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

  /// Sizes one plane: a rail-optimized fat tree (``sizeFatTree(_:)``) or a rail-only fabric
  /// (``sizeRailOnly(_:)``).
  static func sizePlane(_ input: FatTreeInput) throws(FatTreeProblem) -> FatTreeDesign {
    let k = input.radix
    guard k >= 4, k % 2 == 0 else { throw .invalid("switch radix \(k) must be even and at least 4") }
    guard input.nodes >= 1, input.rails >= 1 else { throw .invalid("need at least one node and one rail") }
    guard input.fabricManagerPorts >= 0, input.fabricManagerPorts <= input.rails else {
      throw .invalid("fabric-manager ports must be 0…\(input.rails)")
    }
    switch input.design {
    case .fatTree: return try sizeFatTree(input)
    case .railOnly: return try sizeRailOnly(input)
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
