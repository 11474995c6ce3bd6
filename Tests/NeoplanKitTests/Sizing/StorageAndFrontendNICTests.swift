import Foundation
import Testing

@testable import NeoplanKit

/// The corrected storage building block (a 2U chassis of 4 nodes with 8 × 400G NICs) and nodes
/// whose price includes their frontend NICs (issue 14).
@Suite("Sizing: storage building blocks and included frontend NICs")
struct StorageAndFrontendNICTests {
  static func yaml(node: String = "hgx-h100-8gpu", nodes: Int = 16, storagePB: String? = nil) -> String {
    var text = "as_of: 2026-11-15\ncompute: {node: \(node), nodes: \(nodes)}\n"
    if let storagePB { text += "storage: {capacity_pb: \(storagePB)}\n" }
    return text
  }

  /// Chassis = max(ceil(8 servers ÷ 4 nodes per chassis), ceil(capacity ÷ 250 TB)):
  /// 0.1 PB → max(2, 1) = 2; 2 PB → max(2, 8) = 8; 2.1 PB → max(2, ceil(8.4)) = 9.
  @Test(arguments: [("0.1", 2), ("2", 8), ("2.1", 9)])
  func chassisCount(capacity: String, chassis: Int) throws {
    let plan = try TestCatalog.plan(Self.yaml(storagePB: capacity))
    let storage = try #require(plan.design.storage)
    #expect(storage.servers == chassis)
    #expect(storage.usableTB == Double(chassis) * 250)
  }

  /// Frontend endpoints = 16 nodes × 2 ports + 8 chassis × 8 NIC ports + 3 control-plane
  /// servers × 2 ports = 32 + 64 + 6 = 102 (the old 2-port storage server gave 32 + 16 + 6 = 54).
  @Test func storageNICsFeedTheFrontend() throws {
    let plan = try TestCatalog.plan(Self.yaml(storagePB: "2"))
    let frontend = try #require(plan.design.frontend)
    #expect(frontend.endpoints == 102)
  }

  /// Every storage node has its own BMC: out-of-band ports = nodes + switches + 8 chassis × 4
  /// nodes + control-plane servers + PDUs, so the storage term is 32.
  @Test func everyStorageNodeGetsAnOOBPort() throws {
    let plan = try TestCatalog.plan(Self.yaml(storagePB: "2"))
    let design = plan.design
    let switches = design.parts.filter {
      if case .switch = $0.part.specs { return !$0.isSpare && $0.category != .managementNetwork }
      return false
    }.reduce(0) { $0 + $1.quantity }
    let others = 16 + switches + design.management.servers + design.facility.pdus
    #expect(design.management.ports - others == 32)
  }

  /// 8 chassis × USD 200,000.00 = USD 1,600,000.00 of storage hardware.
  @Test func storageHardwareLine() throws {
    let plan = try TestCatalog.plan(Self.yaml(storagePB: "2"))
    let line = try #require(plan.bom.lines.first { $0.partID == "storage-allflash-node" && !$0.isSpare })
    #expect(line.quantity == 8)
    #expect(line.extendedPrice == Money(major: Decimal(string: "1600000.00")!, currency: "USD"))
  }

  /// The SemiAnalysis $270k node includes two BlueField-3 DPUs for the frontend: its plan buys
  /// no frontend NICs, while the Thinkmate-quoted node buys 16 nodes × ceil(2 ports ÷ 2 ports per
  /// ConnectX-6 Dx) = 16. Both still connect 2 frontend ports per node.
  @Test func includedFrontendNICsAreNotBoughtTwice() throws {
    let included = try TestCatalog.plan(Self.yaml(node: "hgx-h100-8gpu-oem-semianalysis"))
    let frontendNICs = included.bom.lines.filter {
      $0.category == .frontendNetwork && TestCatalog.embedded[$0.partID]?.kind == .nic
    }
    #expect(frontendNICs.isEmpty, "\(frontendNICs.map(\.partID))")
    #expect(included.design.frontend?.nicCards == 0)
    #expect(included.design.frontend?.endpoints == 16 * 2 + 3 * 2)

    let separate = try TestCatalog.plan(Self.yaml(node: "hgx-h100-8gpu"))
    let bought = separate.bom.lines.filter { $0.partID == "nvidia-cx6dx-2x100g" && !$0.isSpare }
    #expect(bought.map(\.quantity) == [16])
    #expect(separate.design.frontend?.endpoints == 16 * 2 + 3 * 2)
  }
}
