import Testing

@testable import NeoplanKit

/// Expected counts come from NVIDIA's published DGX SuperPOD tables (quoted in each test), and
/// from the fat-tree limits of Al-Fares et al. (SIGCOMM 2008): k, k²/2, k³/4 endpoints.
@Suite("Fat tree sizing against NVIDIA DGX SuperPOD tables")
struct FatTreeTests {
  /// RA-11333-001 (DGX SuperPOD with DGX H100, V11, 2023-09-22), Table 4 "compute fabric":
  /// SUs, nodes, leaf, spine, compute+UFM cables, spine-leaf cables. 31 nodes per SU because one
  /// node slot is given to the UFM appliance (4 ports).
  /// https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-h100/latest/network-fabrics.html
  @Test(
    "H100 SuperPOD with UFM (Table 4)",
    arguments: [
      (1, 31, 8, 4, 252, 256),
      (2, 63, 16, 8, 508, 512),
      (3, 95, 24, 16, 764, 768),
      (4, 127, 32, 16, 1020, 1024),
    ])
  func h100WithUFM(su: Int, nodes: Int, leaves: Int, spines: Int, nodeCables: Int, spineCables: Int) throws {
    let design = try FatTree.size(FatTreeInput(nodes: nodes, rails: 8, radix: 64, fabricManagerPorts: 4))
    #expect(design.tiers == 2)
    #expect(design.scalableUnits == su)
    #expect(design.leaves.count == leaves)
    #expect(design.spines.count == spines)
    #expect(design.cores.isEmpty)
    #expect(design.nodeToLeafLinks + design.fabricManagerLinks == nodeCables)
    #expect(design.leafToSpineLinks == spineCables)
    try FatTree.checkInvariants(design, radix: 64)
  }

  /// DGX SuperPOD H100 architecture page, Table 3 (larger SuperPODs, 32 nodes per SU, "last
  /// updated Nov 19, 2025"), and the DGX B200 RA table with the same rows:
  /// SU 4: 32/16/–; 8: 64/32/–; 16: 128/128/64; 32: 256/256/128; 64: 512/512/256; cables per layer
  /// equal the GPU count. (NVIDIA's page prints spine–core cables for 4 and 8 SU although those
  /// rows have no core; we follow the switch counts.)
  /// https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-h100/latest/dgx-superpod-architecture.html
  @Test(
    "H100/B200 SuperPOD, 32 nodes per SU (Table 3)",
    arguments: [
      (4, 128, 32, 16, 0),
      (8, 256, 64, 32, 0),
      (16, 512, 128, 128, 64),
      (32, 1024, 256, 256, 128),
      (64, 2048, 512, 512, 256),
    ])
  func superPOD(su: Int, nodes: Int, leaves: Int, spines: Int, cores: Int) throws {
    let design = try FatTree.size(FatTreeInput(nodes: nodes, rails: 8, radix: 64))
    #expect(design.scalableUnits == su)
    #expect(design.leaves.count == leaves)
    #expect(design.spines.count == spines)
    #expect(design.cores.count == cores)
    #expect(design.tiers == (cores > 0 ? 3 : 2))
    #expect(design.nodeToLeafLinks == nodes * 8)
    #expect(design.leafToSpineLinks == nodes * 8)
    #expect(design.spineToCoreLinks == (cores > 0 ? nodes * 8 : 0))
    try FatTree.checkInvariants(design, radix: 64)
  }

  /// Ethernet: DGX SuperPOD with DGX B300 (MGX), Spectrum-X twin-planar compute fabric, Table 3
  /// "Larger DGX SuperPOD component counts": 64 nodes per SU, each GPU with 2 × 400GbE on two
  /// planes (16 ports per node), SN5600 at 128 × 400G. SU: leaf/spine 1: 16/8, 2: 32/16, 4: 64/32,
  /// 8: 128/64, 16: 256/128.
  /// https://docs.nvidia.com/dgx-superpod/reference-architecture/scalable-infrastructure-b300/latest/dgx-superpod-architecture.html
  @Test(
    "B300 Spectrum-X twin-plane SuperPOD (Ethernet)",
    arguments: [(1, 16, 8), (2, 32, 16), (4, 64, 32), (8, 128, 64), (16, 256, 128)])
  func spectrumXTwinPlane(su: Int, leaves: Int, spines: Int) throws {
    let design = try FatTree.size(
      FatTreeInput(nodes: su * 64, rails: 16, radix: 128, scalableUnitNodes: 64, planes: 2))
    #expect(design.tiers == 2)
    #expect(design.leaves.count == leaves)
    #expect(design.spines.count == spines)
    #expect(design.cores.isEmpty)
    // 400G links: two per GPU (one per plane) to the leaves, as many up to the spines.
    #expect(design.nodeToLeafLinks == su * 64 * 16)
    #expect(design.leafToSpineLinks == su * 64 * 16)
    try FatTree.checkInvariants(design, radix: 128)
  }

  /// DGX SuperPOD B200 RA: 2 SU → 16 leaf, 8 spine, 512 + 512 cables.
  @Test func b200TwoUnits() throws {
    let design = try FatTree.size(FatTreeInput(nodes: 64, rails: 8, radix: 64))
    #expect(design.leaves.count == 16)
    #expect(design.spines.count == 8)
    #expect(design.nodeToLeafLinks == 512)
    #expect(design.leafToSpineLinks == 512)
  }

  /// Tier boundaries with radix k = 64 and 8 rails: one tier up to k = 64 endpoints (8 nodes);
  /// two tiers up to k²/2 = 2,048 endpoints (256 nodes); three tiers beyond, up to k³/4 = 65,536.
  @Test func tierBoundaries() throws {
    #expect(try FatTree.size(FatTreeInput(nodes: 8, rails: 8, radix: 64)).tiers == 1)
    #expect(try FatTree.size(FatTreeInput(nodes: 9, rails: 8, radix: 64)).tiers == 2)
    #expect(try FatTree.size(FatTreeInput(nodes: 256, rails: 8, radix: 64)).tiers == 2)
    #expect(try FatTree.size(FatTreeInput(nodes: 257, rails: 8, radix: 64)).tiers == 3)
    #expect(try FatTree.size(FatTreeInput(nodes: 8192, rails: 8, radix: 64)).tiers == 3)
    #expect(throws: FatTreeProblem.self) {
      try FatTree.size(FatTreeInput(nodes: 8193, rails: 8, radix: 64))
    }
    // Radix 128 (an 800G switch split to 2×400G): one tier up to 128 endpoints (16 nodes),
    // two tiers up to 128²/2 = 8,192 endpoints (1,024 nodes).
    #expect(try FatTree.size(FatTreeInput(nodes: 16, rails: 8, radix: 128)).tiers == 1)
    #expect(try FatTree.size(FatTreeInput(nodes: 17, rails: 8, radix: 128)).tiers == 2)
    #expect(try FatTree.size(FatTreeInput(nodes: 1024, rails: 8, radix: 128)).tiers == 2)
    #expect(try FatTree.size(FatTreeInput(nodes: 1025, rails: 8, radix: 128)).tiers == 3)
  }

  /// A single-tier fabric: 8 nodes × 8 rails = 64 ports on one 64-port switch, no uplinks.
  @Test func singleSwitch() throws {
    let design = try FatTree.size(FatTreeInput(nodes: 8, rails: 8, radix: 64))
    #expect(design.leaves == [SwitchUsage(down: 64, up: 0)])
    #expect(design.spines.isEmpty)
  }

  /// 2:1 on a 64-port leaf keeps 32 down and 16 up (domain.md, SemiAnalysis); 128 nodes:
  /// 32 leaves × 16 uplinks = 512 links on 64-port spines → 8 spines (vs 16 at 1:1).
  @Test func oversubscriptionHalvesSpines() throws {
    let design = try FatTree.size(
      FatTreeInput(nodes: 128, rails: 8, radix: 64, oversubscription: Oversubscription(down: 2, up: 1)))
    #expect(design.leaves.count == 32)
    #expect(design.leafUplinks == 16)
    #expect(design.spines.count == 8)
    #expect(design.leafToSpineLinks == 512)
  }

  /// A partial SU is built as a full SU: 40 nodes → 2 SUs → 16 leaves and 8 spines, but only
  /// 320 node links.
  @Test func partialUnitBuiltFull() throws {
    let design = try FatTree.size(FatTreeInput(nodes: 40, rails: 8, radix: 64))
    #expect(design.scalableUnits == 2)
    #expect(design.leaves.count == 16)
    #expect(design.spines.count == 8)
    #expect(design.nodeToLeafLinks == 320)
    #expect(design.leafToSpineLinks == 512)
  }

  /// Radix 128: a leaf has 64 downlinks, so it serves two rails of a 32-node SU; 128 nodes →
  /// 4 SUs × 4 leaves = 16 leaves, 16 × 64 = 1,024 uplinks → 8 spines of 128 ports.
  @Test func radix128TwoRailsPerLeaf() throws {
    let design = try FatTree.size(FatTreeInput(nodes: 128, rails: 8, radix: 128))
    #expect(design.railsPerLeaf == 2)
    #expect(design.leaves.count == 16)
    #expect(design.spines.count == 8)
  }

  /// Rail-only (Cheah's sheet): 64 nodes on 64-port switches → one switch per rail, 8 switches;
  /// 128 nodes → per rail 4 leaves of 32 nodes + 2 spines → 48 switches.
  @Test func railOnly() throws {
    let small = try FatTree.size(FatTreeInput(nodes: 64, rails: 8, radix: 64, design: .railOnly))
    #expect(small.tiers == 1)
    #expect(small.switchCount == 8)
    let large = try FatTree.size(FatTreeInput(nodes: 128, rails: 8, radix: 64, design: .railOnly))
    #expect(large.tiers == 2)
    #expect(large.leaves.count == 32)
    #expect(large.spines.count == 16)
    #expect(throws: FatTreeProblem.self) {
      try FatTree.size(FatTreeInput(nodes: 2049, rails: 8, radix: 64, design: .railOnly))
    }
  }
}
