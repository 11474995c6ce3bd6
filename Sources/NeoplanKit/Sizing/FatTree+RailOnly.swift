extension FatTree {
  /// A rail-only fabric: each rail is its own fabric of the node slots, one switch when they fit,
  /// else two tiers; the fabric manager's ports go to the first rails.
  static func sizeRailOnly(_ input: FatTreeInput) throws(FatTreeProblem) -> FatTreeDesign {
    let k = input.radix
    let down = input.down
    let slots = input.slots
    var leaves: [SwitchUsage] = []
    var spines: [SwitchUsage] = []
    var groups: [LeafGroup] = []
    let perRailTwoTierMax = k * down
    guard slots <= perRailTwoTierMax else { throw .railTooLarge(nodesPerRail: slots, maximum: perRailTwoTierMax) }
    var tiers = 1
    var railUplinks = 0
    for rail in 0..<input.rails {
      let managerHere = rail < input.fabricManagerPorts ? 1 : 0
      if slots <= k {
        leaves.append(SwitchUsage(down: input.nodes + managerHere, up: 0))
        groups.append(LeafGroup(nodes: input.nodes, leaves: 1))
        continue
      }
      tiers = 2
      let leafCount = (slots + down - 1) / down
      let layout = spineLayout(leaves: leafCount, uplinks: input.uplinks, radix: k)
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
