import PropertyBased
import Testing

@testable import NeoplanKit

@Suite("Fat tree properties")
struct FatTreePropertyTests {
  /// Port conservation for any size: no switch over its radix; every link has two ends (leaf
  /// downlinks = node links, leaf uplinks = spine downlinks, spine uplinks = core ports).
  /// Every input drawn here fits: 2,000 nodes × 8 rails is far below k³/4 = 65,536 endpoints at
  /// k = 64, and a rail of 2,001 slots fits the k²/2 = 2,048 of a two-tier rail fabric.
  @Test func portConservation() async {
    await propertyCheck(
      count: 300, input: Gen.int(in: 1...2000), Gen.int(in: 0...2), Gen.int(in: 0...4), Gen.bool, Gen.bool
    ) { nodes, radixChoice, fabricManager, railOnly, twoPlanes in
      let radix = [64, 128, 256][radixChoice]
      let input = FatTreeInput(
        nodes: nodes, rails: 8, radix: radix, fabricManagerPorts: fabricManager,
        design: railOnly ? .railOnly : .fatTree, planes: twoPlanes ? 2 : 1)
      let design = try FatTree.size(input)
      #expect(throws: Never.self) { try FatTree.checkInvariants(design, radix: radix) }
      let endpointPorts = design.leaves.reduce(0) { $0 + $1.down }
      #expect(endpointPorts == nodes * 8 + (twoPlanes ? 2 * min(fabricManager, 4) : fabricManager))
    }
  }

  /// Adding nodes never removes a switch or a link.
  @Test func monotoneInNodes() async {
    await propertyCheck(count: 200, input: Gen.int(in: 1...1500), Gen.int(in: 1...40)) { nodes, extra in
      let a = try FatTree.size(FatTreeInput(nodes: nodes, rails: 8, radix: 64))
      let b = try FatTree.size(FatTreeInput(nodes: nodes + extra, rails: 8, radix: 64))
      #expect(b.switchCount >= a.switchCount)
      #expect(b.leafToSpineLinks + b.spineToCoreLinks >= a.leafToSpineLinks + a.spineToCoreLinks)
    }
  }

  /// An oversubscribed fabric never needs more switches (or links) than the non-blocking one of the
  /// same size, for any ratio from 9:8 to 8:1, fat tree or rail-only.
  @Test func oversubscriptionNeverAddsSwitches() async {
    await propertyCheck(
      count: 300, input: Gen.int(in: 1...1500), Gen.int(in: 0...2), Gen.int(in: 1...8), Gen.int(in: 1...8), Gen.bool
    ) { nodes, radixChoice, down, up, railOnly in
      let radix = [64, 128, 256][radixChoice]
      let ratio = Oversubscription(down: max(down, up), up: min(down, up))
      let design: FabricDesign = railOnly ? .railOnly : .fatTree
      let blocking = try FatTree.size(
        FatTreeInput(nodes: nodes, rails: 8, radix: radix, oversubscription: ratio, design: design))
      let nonBlocking = try FatTree.size(FatTreeInput(nodes: nodes, rails: 8, radix: radix, design: design))
      #expect(throws: Never.self) { try FatTree.checkInvariants(blocking, radix: radix) }
      #expect(blocking.switchCount <= nonBlocking.switchCount, "\(nodes) nodes at \(ratio) on radix \(radix)")
      #expect(blocking.leafToSpineLinks <= nonBlocking.leafToSpineLinks)
      // The uplinks a leaf gets are at least what the ratio asks for: ceil(k/2 × up / down).
      if blocking.tiers > 1 {
        #expect(blocking.leafUplinks >= (radix / 2 * ratio.up + ratio.down - 1) / ratio.down)
      }
    }
  }
}
