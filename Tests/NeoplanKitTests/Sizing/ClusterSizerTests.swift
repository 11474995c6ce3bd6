import PropertyBased
import Testing

@testable import NeoplanKit

@Suite("Cluster sizing: cabling, optics, racks, power")
struct ClusterSizerTests {
  /// RA-11333-001 appendix (DGX H100 SuperPOD, 4 SU, 127 nodes + UFM): 1,536 switch OSFP
  /// transceivers, 508 DGX OSFP transceivers (4 twin-port flat-top modules per DGX), 4 UFM
  /// transceivers, and 1,016 + 1,024 NDR cables plus the 4 UFM links.
  @Test func dgxSuperPODOptics() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-15
      compute: {node: dgx-h100, nodes: 127}
      backend:
        kind: infiniband
        fabric_manager_ports: 4
        node_transceiver: nvidia-osfp-2x400g-sr8-flat
      """)
    let backend = try #require(plan.design.backend)
    #expect(backend.tree.leaves.count == 32)
    #expect(backend.tree.spines.count == 16)
    #expect(backend.switchSideTransceivers == 1536)
    #expect(backend.nodeSideTransceivers == 508)
    #expect(backend.fabricManagerTransceivers == 4)
    #expect(backend.fiberCables == 1016 + 4 + 1024)
    #expect(backend.nicCards == 0)  // the DGX price includes its NICs
  }

  /// HGX with single-port NICs: one flat-top module per NIC, so 128 nodes × 8 = 1,024 node-side;
  /// switch side 1,024 leaf-down links / 2 + 1,024 leaf-up / 2 + 1,024 spine / 2 = 1,536.
  @Test func hgxOptics() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-15
      compute: {node: hgx-h100-8gpu, nodes: 128}
      """)
    let backend = try #require(plan.design.backend)
    #expect(backend.nodeSideTransceivers == 1024)
    #expect(backend.switchSideTransceivers == 1536)
    #expect(backend.cables == 2048)
  }

  /// Copper next to the leaf rack: 32 B200 nodes at 4 per 60 kW rack; the 2 racks beside the SU's
  /// network rack hold 8 nodes. SN5600 leaves serve 2 rails, so each of the 4 leaves gets
  /// 8 × 2 = 16 copper links = 8 splitter cables (1:2) → 64 copper links, 32 cables, and
  /// (32 − 8) × 8 = 192 node-side modules.
  @Test func copperAdjacent() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-15
      compute: {node: hgx-b200-8gpu, nodes: 32}
      backend: {kind: ethernet, switch: nvidia-sn5600, nic: nvidia-cx7-400g-osfp-ib, cabling: copper-adjacent}
      facility: {rack_power_kw: 60, cooling: liquid}
      """)
    let backend = try #require(plan.design.backend)
    #expect(plan.design.facility.nodesPerRack == 4)
    #expect(backend.copperNodeLinks == 64)
    #expect(backend.copperCables == 32)
    #expect(backend.nodeSideTransceivers == 192)
    #expect(backend.opticalNodeLinks == 256 - 64)
  }

  /// Racks from the power budget: an HGX H100 draws 10.2 kW max plus 8 × 9 W of flat-top optics
  /// = 10.272 kW; a 40 kW rack holds 3 (30.8 kW), a 15 kW rack holds 1.
  @Test func nodesPerRackFromPower() throws {
    let forty = try TestCatalog.plan(
      "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 32}\nfacility: {rack_power_kw: 40}")
    #expect(forty.design.facility.nodesPerRack == 3)
    #expect(forty.design.facility.nodeRacks == 11)
    let fifteen = try TestCatalog.plan(
      "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 32}\nfacility: {rack_power_kw: 15}")
    #expect(fifteen.design.facility.nodesPerRack == 1)
    #expect(fifteen.design.facility.nodeRacks == 32)
  }

  /// Rail-only fabrics have no SUs, so node racks are packed densely (docs/sizing.md): 128 HGX
  /// H100 nodes at 3 per 40 kW rack (as above) take ceil(128 / 3) = 43 racks; a two-tier fat
  /// tree counts them SU by SU: 4 SUs × ceil(32 / 3) = 4 × 11 = 44.
  @Test func railOnlyRacksIgnoreScalableUnits() throws {
    let railOnly = try TestCatalog.plan(
      "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 128}\nbackend: {design: rail-only}\nfacility: {rack_power_kw: 40}"
    )
    #expect(railOnly.design.facility.nodeRacks == 43)
    let fatTree = try TestCatalog.plan(
      "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 128}\nfacility: {rack_power_kw: 40}")
    #expect(fatTree.design.facility.nodeRacks == 44)
  }

  /// Just past a tier boundary the plan says so. 257 H100 nodes on QM9700 (k = 64): 9 SUs → 72
  /// leaves in 3 pods of 4 SUs → 3 × 32 = 96 spines, core groups of ceil(3 × 32 / 64) = 2 → 64 cores:
  /// 232 switches. 256 nodes fit two tiers: 64 leaves + 32 spines = 96. The difference is 136.
  @Test func tierCliffWarning() throws {
    let plan = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 257}")
    #expect(plan.design.backend?.tree.switchCount == 232)
    let warning = try #require(plan.warningItems.first { $0.code == "tier-cliff" })
    #expect(warning.values["max"] == "256")
    #expect(warning.values["extra"] == "136")
    let far = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 320}")
    #expect(!far.warningItems.contains { $0.code == "tier-cliff" })
  }

  /// NVIDIA gives the UFM one node slot: 127 nodes + UFM fill 4 SUs exactly (no partial-SU
  /// warning); 128 nodes + UFM open a 5th SU for the manager alone, which the plan says.
  @Test func fabricManagerSlot() throws {
    let full = try TestCatalog.plan(
      "as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 127}\nbackend: {fabric_manager_ports: 4}")
    #expect(full.design.backend?.tree.scalableUnits == 4)
    #expect(!full.warningItems.contains { $0.code == "partial-su" || $0.code == "manager-su" })
    let over = try TestCatalog.plan(
      "as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 128}\nbackend: {fabric_manager_ports: 4}")
    #expect(over.design.backend?.tree.scalableUnits == 5)
    #expect(over.warningItems.first { $0.code == "manager-su" }?.values["fit"] == "127")
    #expect(throws: InputError.self) {
      try TestCatalog.plan(
        "as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 64}\nbackend: {kind: ethernet, fabric_manager_ports: 4}"
      )
    }
  }

  /// Air-cooled nodes: `auto` never picks direct liquid; an explicit `liquid` is warned about. With a
  /// 90 kW budget an H100 rack is limited by space: (48 − 1) U ÷ 8 U = 5 nodes × 10.272 kW =
  /// 51.4 kW, above the 30 kW air limit and within the 75 kW rear-door heat exchanger.
  @Test func airCooledNodesAndLiquid() throws {
    let dense = try TestCatalog.plan(
      "as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 32}\nfacility: {rack_power_kw: 90}")
    #expect(dense.design.facility.nodesPerRack == 5)
    #expect(dense.design.facility.cooling == .rdhx)
    #expect(!dense.warningItems.contains { $0.code == "rdhx-limit" })
    let liquid = try TestCatalog.plan(
      "as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 32}\nfacility: {cooling: liquid}")
    #expect(liquid.warningItems.contains { $0.code == "air-node-liquid" })
  }

  /// Air cooling over its limit is warned about, never silent.
  @Test func coolingWarning() throws {
    let plan = try TestCatalog.plan(
      "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 32}\nfacility: {rack_power_kw: 40, cooling: air}")
    #expect(plan.warnings.contains { $0.contains("above the 30 kW air cooling removes") })
  }

  /// IT power adds every installed part's maximum draw: for 8 L40S nodes on one switch with no
  /// frontend and no OOB, the parts are listed in the plan; facility power is IT × PUE.
  @Test func facilityPowerIsITTimesPUE() throws {
    let plan = try TestCatalog.plan(
      "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\nfacility: {pue: 1.5}")
    let facility = plan.design.facility
    #expect(abs(facility.facilityPowerKW - facility.itPowerKW * 1.5) < 1e-9)
    let expectedW = plan.design.parts.filter { !$0.isSpare && $0.category != .cooling }
      .reduce(0) { $0 + $1.quantity * $1.part.power.maxW }
    #expect(abs(facility.itPowerKW - Double(expectedW) / 1000) < 1e-9)
  }

  /// Cost never falls when nodes are added (same spec otherwise).
  @Test func costMonotoneInNodes() async {
    await propertyCheck(count: 25, input: Gen.int(in: 8...500), Gen.int(in: 1...12)) { nodes, extra in
      let yaml = { (n: Int) in
        "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: \(n)}\nstorage: {capacity_pb: 2}"
      }
      let a = try TestCatalog.plan(yaml(nodes))
      let b = try TestCatalog.plan(yaml(min(512, nodes + extra)))
      #expect(b.bom.total >= a.bom.total)
    }
  }
}
