import PropertyBased
import Testing

@testable import NeoplanKit

/// B300 on Quantum-X800, rack-scale NVL72 systems, and the new port-mode rules. Every expected
/// value is derived in the comment above it, from the radix rules or from NVIDIA's published RA.
@Suite("XDR 800G, ConnectX-8 port modes and rack-scale systems")
struct RackScaleAndXDRTests {
  func diagnostic(_ yaml: String) -> Diagnostic? {
    do {
      _ = try TestCatalog.plan(yaml)
      return nil
    } catch let error as InputError {
      return error.diagnostics.first
    } catch {
      return nil
    }
  }

  /// NVIDIA DGX SuperPOD with DGX B300, Quantum-X800 XDR and AC power (RA-11339-001), Table 3:
  /// 72 nodes per SU on 144-port Q3400 switches. SU 1: 8 leaves, 4 spines, 576 node–leaf and 576
  /// leaf–spine cables; 2: 16, 8; 4: 32, 18; 8: 64, 36; 18: 144, 72 (10,368 of each cable).
  @Test(
    arguments: [(1, 8, 4), (2, 16, 8), (4, 32, 18), (8, 64, 36), (18, 144, 72)])
  func b300SuperPODTable(su: Int, leaves: Int, spines: Int) throws {
    let nodes = 72 * su
    let tree = try FatTree.size(FatTreeInput(nodes: nodes, rails: 8, radix: 144, scalableUnitNodes: 72))
    #expect(tree.tiers == 2)
    #expect(tree.leaves.count == leaves)
    #expect(tree.spines.count == spines)
    #expect(tree.nodeToLeafLinks == nodes * 8)
    #expect(tree.leafToSpineLinks == nodes * 8)
  }

  /// 64 HGX B300 on Q3400 (the b300-xdr-64 example). ConnectX-8 and Q3400 both top out at 800G,
  /// so links run at 800G and the radix is 144 (72 down, 72 up per leaf). One 72-node SU: 8 rails
  /// → 8 leaves; 8 × 72 = 576 uplinks over 144-port spines → 4 spines (18 uplinks per spine per
  /// leaf). Switch-side 1.6T twin-port modules serve 2 links: leaves 8 × (64/2 + 72/2) = 544,
  /// spines 576/2 = 288 → 832. Node side: one 800G module per NIC, 64 × 8 = 512. Fibre: 512 node
  /// links + 576 leaf–spine = 1,088.
  @Test func b300OnQ3400() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-29
      compute: {node: hgx-b300-8gpu, nodes: 64}
      backend: {kind: infiniband, switch: nvidia-q3400, scalable_unit_nodes: 72}
      facility: {rack_power_kw: 65, cooling: rdhx}
      """)
    let backend = try #require(plan.design.backend)
    #expect(backend.linkSpeedGbps == 800)
    #expect(backend.radix == 144)
    #expect(backend.tree.leaves.count == 8)
    #expect(backend.tree.spines.count == 4)
    #expect(backend.switchSideTransceivers == 832)
    #expect(backend.nodeSideTransceivers == 512)
    #expect(backend.fiberCables == 1088)
  }

  /// 8 GB300 NVL72 racks on Q3400. The fabric sees 8 × 18 = 144 compute trays with 4 CX-8 rails
  /// each (576 endpoints). The 8-rack SU (144 trays) exceeds a leaf's 72 down ports, so an SU is
  /// 72 trays (4 racks) with one leaf per rail: 2 × 4 = 8 leaves; 8 × 72 = 576 uplinks → 4 spines.
  /// Node side: 576 single-port 800G modules. Racks: the 8 systems are their own racks (no
  /// enclosure, no PDUs, no spare racks); CDUs: 8 × 115 kW = 920 kW over 1,200 kW units → 1 + 1 (N+1).
  @Test func gb300Racks() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-29
      compute: {node: gb300-nvl72, nodes: 8}
      backend: {kind: infiniband, switch: nvidia-q3400}
      frontend: {kind: none}
      facility: {rack_power_kw: 150}
      """)
    let design = plan.design
    let backend = try #require(design.backend)
    #expect(backend.tree.nodeToLeafLinks == 576)
    #expect(backend.tree.leaves.count == 8)
    #expect(backend.tree.spines.count == 4)
    #expect(backend.nodeSideTransceivers == 576)
    #expect(design.facility.nodeRacks == 8)
    #expect(design.facility.nodesPerRack == 1)
    #expect(design.facility.cooling == .liquid)
    #expect(design.facility.cduUnits == 2)
    let rackSystems = design.parts.filter { $0.part.id == "gb300-nvl72" }
    #expect(rackSystems.map(\.quantity) == [8])  // no spare racks
    let enclosures = design.parts.filter { $0.part.id == "rack-48u" }.reduce(0) { $0 + $1.quantity }
    #expect(enclosures == design.facility.networkRacks + design.facility.storageRacks)
    // 36 OOB ports per rack (18 compute trays, 9 switch trays, 8 power shelves, 1 controller).
    #expect(design.management.ports >= 8 * 36)
  }

  /// One NVL72 rack is a valid cluster (72 GPUs); 65 racks is past the 64-rack limit.
  @Test func rackCountLimits() throws {
    _ = try TestCatalog.plan(
      "as_of: 2026-11-29\ncompute: {node: gb200-nvl72, nodes: 1}\nfacility: {rack_power_kw: 150}\n")
    let d = try #require(diagnostic("as_of: 2026-11-29\ncompute: {node: gb200-nvl72, nodes: 65}\n"))
    #expect(d.keyPath == "compute.nodes")
    #expect(d.message.contains("65 racks"))
  }

  /// A facility that cannot cool or power the rack is a located error, never a warning.
  @Test func facilityThatCannotHoldTheRack() throws {
    let air = try #require(
      diagnostic(
        "as_of: 2026-11-29\ncompute: {node: gb300-nvl72, nodes: 8}\nfacility: {rack_power_kw: 150, cooling: rdhx}\n"))
    #expect(air.keyPath == "facility.cooling")
    // On Q3400 (800G links): 140 kW max plus 72 × 13 W of 800G NIC-side modules = 140.9 kW > 100 kW.
    let power = try #require(
      diagnostic(
        "as_of: 2026-11-29\ncompute: {node: gb300-nvl72, nodes: 8}\nbackend: {switch: nvidia-q3400}\nfacility: {rack_power_kw: 100}\n"
      ))
    #expect(power.keyPath == "facility.rack_power_kw")
    #expect(power.message.contains("140.9 kW"))
    // 140.9 kW − 115 kW to liquid = 25.9 kW to air, above a 20 kW air limit.
    let residual = try #require(
      diagnostic(
        "as_of: 2026-11-29\ncompute: {node: gb300-nvl72, nodes: 8}\nbackend: {switch: nvidia-q3400}\nfacility: {rack_power_kw: 150, air_cooling_limit_kw: 20}\n"
      ))
    #expect(residual.keyPath == "facility.air_cooling_limit_kw")
  }

  /// ConnectX-8 on Ethernet runs 2 × 400GbE: on an SN5610 (top speed 800G) the link is the lower
  /// end, 400G; 8 cards × 2 = 16 rails per node; each cage takes one twin-port module, so 8 modules
  /// per node. 32 nodes: 512 node links, 256 node-side modules.
  @Test func cx8OnEthernetRuns2x400() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-29
      compute: {node: hgx-b300-8gpu, nodes: 32}
      backend: {kind: ethernet, switch: nvidia-sn5610, planes: 2}
      facility: {rack_power_kw: 65, cooling: rdhx}
      """)
    let backend = try #require(plan.design.backend)
    #expect(backend.linkSpeedGbps == 400)
    #expect(backend.radix == 128)
    #expect(backend.tree.nodeToLeafLinks == 32 * 16)
    #expect(backend.nodeSideTransceivers == 32 * 8)
  }

  /// A single 800GbE port is not a ConnectX-8 mode: asking for it is a located error.
  @Test func cx8Single800GbEIsAnError() throws {
    let d = try #require(
      diagnostic(
        """
        as_of: 2026-11-29
        compute: {node: hgx-b300-8gpu, nodes: 32}
        backend: {kind: ethernet, switch: nvidia-sn5610, link_speed_gbps: 800}
        """))
    #expect(d.keyPath == "backend.link_speed_gbps")
    #expect(d.message.contains("cannot make a 800 Gb/s ethernet link"))
    #expect(d.location?.line == 3)
  }

  /// A CX-8 (800G) on a Quantum-2 QM9700 (top 400G) runs at the lower end, NDR 400G, radix 64.
  @Test func linkSpeedIsTheLowerEnd() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-29
      compute: {node: hgx-b300-8gpu, nodes: 16}
      backend: {kind: infiniband, switch: nvidia-qm9700}
      facility: {rack_power_kw: 65, cooling: rdhx}
      """)
    let backend = try #require(plan.design.backend)
    #expect(backend.linkSpeedGbps == 400)
    #expect(backend.radix == 64)
  }

  /// Co-packaged optics: the 102.4T SN6810 takes no switch-side modules, but every link still has
  /// its fibre. 32 B300 nodes at 2 × 400GbE: 512 node links fit one 256-port (400G) switch, so
  /// 512 fibres and 0 switch modules; naming a switch transceiver is a located error.
  @Test func coPackagedOptics() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-29
      compute: {node: hgx-b300-8gpu, nodes: 16}
      backend: {kind: ethernet, switch: nvidia-sn6810-cpo}
      facility: {rack_power_kw: 65, cooling: rdhx}
      """)
    let backend = try #require(plan.design.backend)
    #expect(backend.radix == 256)
    #expect(backend.tree.tiers == 1)
    #expect(backend.switchSideTransceivers == 0)
    #expect(backend.fiberCables == 16 * 16)
    let d = try #require(
      diagnostic(
        """
        as_of: 2026-11-29
        compute: {node: hgx-b300-8gpu, nodes: 16}
        backend: {kind: ethernet, switch: nvidia-sn6810-cpo, switch_transceiver: nvidia-osfp-1p6t-2x800g-dr4}
        """))
    #expect(d.keyPath == "backend.switch_transceiver")
  }

  /// A rack-system entry is decoded with located errors: tray counts are bounded (a huge one would
  /// overflow the NIC count), liquid heat cannot exceed the rack's power, and the rack is liquid.
  @Test(arguments: [
    ("compute_trays: 18", "compute_trays: 999999999999", "compute_trays", "out of range"),
    ("liquid_heat_kw: 100", "liquid_heat_kw: 500", "liquid_heat_kw", "more than the rack's 120 kW"),
    ("liquid_heat_kw: 100", "liquid_heat_kw: 100\n      cooling: air", "cooling", "liquid-cooled"),
  ])
  func rackSystemDecodingErrors(from: String, to: String, key: String, message: String) {
    let good = """
      schema: 1
      parts:
        - id: test-rack
          kind: rack-system
          vendor: X
          model: Y
          specs:
            gpus: 72
            gpu_model: Z
            compute_trays: 18
            nics_per_tray: 4
            compute_nic_speed_gbps: 800
            fabrics: [infiniband]
            rack_units: 48
            liquid_heat_kw: 100
            power_typical_w: 100000
            power_max_w: 120000
          price: {amount: 1.00, currency: USD, as_of: 2026-11-29, source: x, confidence: list}
      """
    #expect(throws: Never.self) { _ = try CatalogLoader.parse(good, file: "t.yaml") }
    do {
      _ = try CatalogLoader.parse(good.replacingOccurrences(of: from, with: to), file: "t.yaml")
      Issue.record("expected an error for \(key)")
    } catch let error as InputError {
      let d = error.diagnostics.first
      #expect(d?.keyPath.hasSuffix("specs.\(key)") == true, "\(String(describing: d))")
      #expect(d?.message.contains(message) == true, "\(String(describing: d))")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  /// Port modes conserve the box: no switch mode offers more bandwidth than its fastest mode, and
  /// every mode's ports split the cages evenly; no NIC mode offers more than its fastest mode.
  @Test func catalogPortModesConserveBandwidth() {
    for part in TestCatalog.embedded.parts {
      switch part.specs {
      case .switch(let s):
        let top = s.portModes.map { $0.ports * $0.speedGbps }.max() ?? 0
        for mode in s.portModes {
          #expect(mode.ports * mode.speedGbps <= top, "\(part.id) \(mode)")
          #expect(mode.ports % s.cages == 0 || s.cages % mode.ports == 0, "\(part.id) \(mode)")
        }
      case .nic(let n):
        for fabric in n.fabrics {
          let modes = n.modes(on: fabric)
          #expect(!modes.isEmpty, "\(part.id) on \(fabric)")
          let top = modes.map { $0.ports * $0.speedGbps }.max() ?? 0
          #expect(top <= n.ports * n.portSpeedGbps, "\(part.id) on \(fabric)")
        }
      default: continue
      }
    }
  }

  /// Ports are conserved for any size and port mode: every NIC port at the chosen mode is cabled
  /// to a leaf exactly once (node links = fabric nodes × rails), and no switch exceeds its radix at
  /// that speed. Drawn over B300 nodes (8 or 16 rails by fabric) and NVL72 racks (4 rails per tray).
  @Test func portsConservedAcrossModes() async {
    await propertyCheck(count: 60, input: Gen.int(in: 0...3), Gen.int(in: 1...64)) { choice, count in
      let cases = [
        ("hgx-b300-8gpu", "infiniband", "nvidia-q3400", 8, 1, 8, 144),
        ("hgx-b300-8gpu", "ethernet", "nvidia-sn5610", 8, 1, 16, 128),
        ("gb300-nvl72", "infiniband", "nvidia-q3400", 1, 18, 4, 144),
        ("gb300-nvl72", "ethernet", "nvidia-sn5610", 1, 18, 8, 128),
      ]
      let (node, fabric, switchID, minUnits, trays, rails, radix) = cases[choice]
      let units = max(minUnits, choice >= 2 ? count : count * 8)
      let plan = try TestCatalog.plan(
        """
        as_of: 2026-11-29
        compute: {node: \(node), nodes: \(units)}
        backend: {kind: \(fabric), switch: \(switchID)}
        frontend: {kind: none}
        facility: {rack_power_kw: 150, cooling: \(choice >= 2 ? "liquid" : "rdhx")}
        """)
      let backend = try #require(plan.design.backend)
      #expect(backend.radix == radix)
      #expect(backend.tree.nodeToLeafLinks == units * trays * rails)
      #expect(backend.tree.leaves.reduce(0) { $0 + $1.down } == units * trays * rails)
      #expect(throws: Never.self) { try FatTree.checkInvariants(backend.tree, radix: radix) }
    }
  }
}

@Suite("Rack-scale systems: per-node units and the fabric manager")
struct RackScaleUnitTests {
  /// A node is a server with GPUs: on an NVL72 rack, per-node services count its compute trays.
  /// 8 GB300 NVL72 racks × 18 trays = 144 installations (not 8, one per rack).
  @Test func perNodeServicesCountComputeTrays() throws {
    let plan = try TestCatalog.plan(
      "as_of: 2026-11-29\ncompute: {node: gb300-nvl72, nodes: 8}\nfacility: {rack_power_kw: 150, cooling: liquid}")
    let install = try #require(plan.design.parts.first { $0.part.id == "install-integration-per-node" })
    #expect(install.quantity == 8 * 18)
  }

  /// 16 NVL72 racks are 16 × 18 = 288 compute trays; with the fabric manager's ports the last SU
  /// opens for the manager alone, and the warning counts trays, not racks or "nodes".
  @Test func fabricManagerWarningCountsTrays() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-29
      compute: {node: gb300-nvl72, nodes: 16}
      backend: {fabric_manager_ports: 4}
      facility: {rack_power_kw: 150, cooling: liquid}
      """)
    let tree = try #require(plan.design.backend?.tree)
    try #require(tree.leafGroups.last?.nodes == 0)
    let warning = try #require(plan.warningItems.first { $0.code == "manager-su-trays" })
    #expect(warning.values["nodes"] == "288")
    // Every SU but the manager's is full: (SUs − 1) × trays per SU − 1 trays would fit one fewer.
    #expect(warning.values["fit"] == "\((tree.scalableUnits - 1) * tree.scalableUnitNodes - 1)")
    #expect(!warning.text.contains(" nodes "))
    #expect(!plan.warningItems.contains { $0.code == "manager-su" })
  }
}
