import Foundation

/// What software and services are counted by, one figure per ``PricingUnit``.
struct UnitCounts {
  /// The spec being sized.
  var spec: ClusterSpec
  /// The backend fabric, if any.
  var backend: BackendFabricDesign?
  /// The storage, if any.
  var storage: StorageDesign?
  /// Every rack.
  var racks: Int
  /// Every switch of every network.
  var switches: Int

  /// The quantity of a part priced per `unit`. A node is a server with GPUs: a rack-scale system
  /// counts its compute trays (18 per NVL72 rack), each with its own OS, BMC and NICs.
  func quantity(_ unit: PricingUnit) -> Int {
    let nodes = spec.compute.nodes
    switch unit {
    case .perNode: return nodes * spec.compute.nodeSpecs.fabricNodesPerUnit
    case .perGPU: return nodes * spec.compute.nodeSpecs.gpus
    case .perEndpoint: return backend.map { $0.tree.nodeToLeafLinks } ?? 0
    case .perSwitch: return switches
    case .perRack: return racks
    case .perPB: return storage?.licensedPB ?? 0
    case .perCluster: return 1
    }
  }
}

extension ClusterSizer {
  /// Adds the spec's software licences and services, each by its pricing unit; a licence for
  /// another fabric is left out with a warning located at `software`.
  static func addLicences(
    _ spec: ClusterSpec, counts: UnitCounts, to parts: inout PartList, diagnostics: inout DiagnosticCollector
  ) {
    for part in spec.software {
      guard case .software(let licence) = part.specs else { continue }
      if let fabric = licence.fabric, fabric != spec.backend?.kind {
        diagnostics.warn(
          "licence-fabric", ["part": part.id, "fabric": fabric.rawValue],
          text: "\(part.id) is for \(fabric.rawValue) fabrics only and was left out", at: "software")
        continue
      }
      let term = licence.termYears.map { " (\($0)-year term)" } ?? ""
      parts.add(part, counts.quantity(licence.unit), .software, "\(licence.unit.rawValue) licence\(term)")
    }
    for part in spec.services {
      guard case .service(let service) = part.specs else { continue }
      parts.add(part, counts.quantity(service.unit), .services, service.unit.rawValue)
    }
  }

  /// Spare lines: the spec's percentage of each installed node, switch, transceiver and cable
  /// line, rounded up (rack-scale systems have no spares).
  static func spareCounts(_ spec: ClusterSpec, _ installed: [PartCount]) -> [PartCount] {
    var spares: [PartCount] = []
    for count in installed {
      let percent: Int
      switch count.part.specs {
      case .gpuNode: percent = count.part.kind == .rackSystem ? 0 : spec.spares.nodesPercent
      case .switch: percent = spec.spares.switchesPercent
      case .transceiver: percent = spec.spares.opticsPercent
      case .cable: percent = spec.spares.cablesPercent
      default: percent = 0
      }
      let quantity = (count.quantity * percent + 99) / 100
      if quantity > 0 {
        spares.append(
          PartCount(
            part: count.part, quantity: quantity, category: count.category, role: "spares (\(percent)%)", isSpare: true)
        )
      }
    }
    return spares
  }
}
