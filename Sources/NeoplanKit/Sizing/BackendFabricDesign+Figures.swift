/// One rail's own fabric in a rail-only design.
public struct RailFabric: Sendable, Hashable {
  /// Leaf switches of the rail.
  public var leaves: Int
  /// Spine switches of the rail (0 when one switch holds the whole rail).
  public var spines: Int
}

extension BackendFabricDesign {
  /// Transceivers at the node end of the links: in node NICs and on the fabric manager's ports.
  public var nodeSideTransceiversIncludingFabricManager: Int { nodeSideTransceivers + fabricManagerTransceivers }

  /// Rail-only: each rail's fabric (every rail is sized alike); empty for other designs. A
  /// rail-only scalable unit has one leaf per rail, so the rails are the leaves per unit.
  public var railFabrics: [RailFabric] {
    guard design == .railOnly else { return [] }
    let rails = max(1, tree.leavesPerScalableUnit)
    let fabric = RailFabric(leaves: tree.leaves.count / rails, spines: tree.spines.count / rails)
    return Array(repeating: fabric, count: rails)
  }
}
