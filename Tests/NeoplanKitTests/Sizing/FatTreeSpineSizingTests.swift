import Testing

@testable import NeoplanKit

/// Spine counts sized from the uplinks they terminate, and partial pods in three tiers; every
/// expected figure is worked out by hand in the comments.
@Suite("Fat tree spines: oversubscription and partial pods")
struct FatTreeSpineSizingTests {
  /// 16 HGX nodes × 8 rails on a 64-port switch: one SU (k/2 = 32 nodes per leaf, 1 rail per leaf),
  /// 8 leaves. Non-blocking: 32 uplinks per leaf, 8 × 32 = 256 uplinks → 4 spines of 64 (12 switches).
  /// 3:1 asks ceil(32 / 3) = 11 uplinks: 88 uplinks need ceil(88 / 64) = 2 spines; 11 rounds up to
  /// 12 (a multiple of 2) so each leaf sends 6 to each spine: 96 links, 48 ports per spine
  /// (10 switches). 5:4 asks ceil(32 × 4 / 5) = 26: ceil(208 / 64) = 4 spines, 26 → 28 per leaf
  /// (7 per spine), 224 links, 56 ports per spine.
  @Test(arguments: [
    (Oversubscription.nonBlocking, 4, 32),
    (Oversubscription(down: 3, up: 1), 2, 12),
    (Oversubscription(down: 5, up: 4), 4, 28),
  ])
  func sixteenNodesOnRadix64(ratio: Oversubscription, spines: Int, uplinksPerLeaf: Int) throws {
    let design = try FatTree.size(FatTreeInput(nodes: 16, rails: 8, radix: 64, oversubscription: ratio))
    #expect(design.leaves.count == 8)
    #expect(design.spines.count == spines)
    #expect(design.leafUplinks == uplinksPerLeaf)
    #expect(design.leafToSpineLinks == 8 * uplinksPerLeaf)
    #expect(design.spines.allSatisfy { $0.down == 8 * uplinksPerLeaf / spines })
    try FatTree.checkInvariants(design, radix: 64)
  }

  /// 257 H200 nodes on QM9700 (k = 64): 9 SUs of 32 (the last holds one node), 8 leaves per SU →
  /// 72 leaves > 64, so three tiers. Pods of k/2 = 32 leaves (4 SUs): pods of 32, 32 and 8 leaves.
  /// Each leaf has 32 uplinks, so 32 spines per pod: 96 spines. A spine has one core uplink per
  /// leaf below it: 32 in the full pods, 8 in the last. Spine–core links = 32 × (32 + 32 + 8) =
  /// 2,304 (not 3 × 32 × 32 = 3,072). Cores: per spine plane, 3 pods × 32 leaf slots = 96 > 64
  /// ports → 2 cores, 32 planes → 64 cores, each with 72 / 2 = 36 links.
  @Test func partialLastPodIsNotOverbuilt() throws {
    let design = try FatTree.size(FatTreeInput(nodes: 257, rails: 8, radix: 64))
    #expect(design.tiers == 3)
    #expect(design.leaves.count == 72)
    #expect(design.spines.count == 96)
    #expect(design.spineToCoreLinks == 2304)
    #expect(design.spines.filter { $0.up == 8 }.count == 32)
    #expect(design.cores.count == 64)
    #expect(design.cores.allSatisfy { $0.down == 36 })
    try FatTree.checkInvariants(design, radix: 64)
  }
}
