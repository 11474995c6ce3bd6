import PropertyBased
import Testing

@testable import NeoplanKit

@Suite("Fat tree properties")
struct FatTreePropertyTests {
  /// Port conservation for any size: no switch over its radix; every link has two ends (leaf
  /// downlinks = node links, leaf uplinks = spine downlinks, spine uplinks = core ports).
  @Test func portConservation() async {
    await propertyCheck(
      count: 300, input: Gen.int(in: 1...2048), Gen.int(in: 0...3), Gen.int(in: 0...4), Gen.bool, Gen.bool
    ) { nodes, radixChoice, fabricManager, railOnly, twoPlanes in
      let radix = [32, 64, 128, 256][radixChoice]
      let input = FatTreeInput(
        nodes: nodes, rails: 8, radix: radix, fabricManagerPorts: fabricManager,
        design: railOnly ? .railOnly : .fatTree, planes: twoPlanes ? 2 : 1)
      guard let design = try? FatTree.size(input) else { return }
      #expect(throws: Never.self) { try FatTree.checkInvariants(design, radix: radix) }
      let endpointPorts = design.leaves.reduce(0) { $0 + $1.down }
      #expect(endpointPorts == nodes * 8 + (twoPlanes ? 2 * min(fabricManager, 4) : fabricManager))
    }
  }

  /// Adding nodes never removes a switch or a link.
  @Test func monotoneInNodes() async {
    await propertyCheck(count: 200, input: Gen.int(in: 1...1500), Gen.int(in: 1...40)) { nodes, extra in
      let a = try? FatTree.size(FatTreeInput(nodes: nodes, rails: 8, radix: 64))
      let b = try? FatTree.size(FatTreeInput(nodes: nodes + extra, rails: 8, radix: 64))
      guard let a, let b else { return }
      #expect(b.switchCount >= a.switchCount)
      #expect(b.leafToSpineLinks + b.spineToCoreLinks >= a.leafToSpineLinks + a.spineToCoreLinks)
    }
  }
}
