import Foundation

/// What a catalog part is; decides which specs it carries and where it lands in a BoM.
public enum PartKind: String, Sendable, CaseIterable, Hashable {
  case gpuNode = "gpu-node"
  case nic
  case `switch`
  case transceiver
  case cable
  case rack
  case pdu
  case cooling
  case storage
  case managementServer = "management-server"
  case software
  case service
}

/// How much to trust a price.
public enum PriceConfidence: String, Sendable, CaseIterable, Hashable {
  /// A quote, an analyst's figure or a reported deal.
  case quoted
  /// A public list, retail or reseller price.
  case list
  /// Derived by us; the note says how.
  case estimate
}

/// A sourced, dated price.
public struct Price: Sendable, Hashable {
  /// Amount per unit, exact.
  public var amount: Money
  /// Date of the page, quote or snapshot.
  public var asOf: Day
  /// URL or quote reference.
  public var source: String
  /// How much to trust it.
  public var confidence: PriceConfidence
  /// Context; for an estimate, the reasoning.
  public var note: String?
  /// Publication date of the source, when the catalog records one (`source_date`).
  public var sourceDate: Day? = nil
}

/// Network fabrics a NIC, node or switch supports.
public enum FabricKind: String, Sendable, CaseIterable, Hashable {
  case infiniband
  case ethernet
  case management
}

/// Cage or connector form factor.
public enum FormFactor: String, Sendable, CaseIterable, Hashable {
  case osfp, qsfp112, qsfp56, qsfp28, sfp28, rj45
}

/// The cooling a node needs, or a facility provides.
public enum NodeCooling: String, Sendable, CaseIterable, Hashable {
  case air, liquid
}

/// How many ports a switch offers at a given speed (a 64 × 800G switch is 128 × 400G).
public struct PortMode: Sendable, Hashable {
  /// Port speed in Gb/s.
  public var speedGbps: Int
  /// Ports at that speed.
  public var ports: Int
}

/// Power draw in watts.
public struct PowerDraw: Sendable, Hashable {
  /// Typical draw.
  public var typicalW: Int
  /// Maximum (nameplate) draw.
  public var maxW: Int
  /// No draw.
  public static let none = PowerDraw(typicalW: 0, maxW: 0)
}

/// A GPU server.
public struct GPUNodeSpecs: Sendable, Hashable {
  public var gpus: Int
  public var gpuModel: String
  public var gpuMemoryGB: Int?
  public var gpuTDPW: Int?
  /// Backend (compute fabric) NIC ports per node, one per rail.
  public var computeNICs: Int
  public var computeNICSpeedGbps: Int
  /// The node's price includes its backend NICs.
  public var computeNICsIncluded: Bool
  /// The NIC fitted (a `nic` part id).
  public var computeNIC: String?
  public var frontendNICsIncluded: Bool
  public var fabrics: [FabricKind]
  public var cooling: NodeCooling
  public var rackUnits: Int
  public var power: PowerDraw
}

/// A network adapter.
public struct NICSpecs: Sendable, Hashable {
  public var fabrics: [FabricKind]
  public var ports: Int
  public var portSpeedGbps: Int
  public var formFactor: FormFactor
  public var power: PowerDraw
}

/// A network switch.
public struct SwitchSpecs: Sendable, Hashable {
  public var fabric: FabricKind
  public var cages: Int
  public var cageFormFactor: FormFactor
  public var portModes: [PortMode]
  public var rackUnits: Int
  public var power: PowerDraw
  public var managed: Bool?

  /// Ports at `speedGbps` (the radix at that speed), or `nil` when the switch has no such mode.
  public func ports(atSpeed speedGbps: Int) -> Int? {
    portModes.first { $0.speedGbps == speedGbps }?.ports
  }
}

/// A pluggable optical module.
public struct TransceiverSpecs: Sendable, Hashable {
  public var formFactor: FormFactor
  /// Links one module serves (2 for a twin-port module).
  public var ports: Int
  public var portSpeedGbps: Int
  public var media: String
  public var reachM: Int
  public var top: String?
  public var power: PowerDraw
}

/// A cable.
public struct CableSpecs: Sendable, Hashable {
  /// mmf, smf, dac, acc, aoc, cat6.
  public var media: String
  public var lengthM: Double
  /// Links one cable serves (2 for a 1:2 splitter).
  public var links: Int
  public var power: PowerDraw
}

/// A rack enclosure.
public struct RackSpecs: Sendable, Hashable {
  public var rackUnits: Int
}

/// A power distribution unit.
public struct PDUSpecs: Sendable, Hashable {
  public var capacityKW: Double
  public var rackUnits: Int
}

/// A cooling unit (rear-door heat exchanger or coolant distribution unit).
public struct CoolingSpecs: Sendable, Hashable {
  public enum Method: String, Sendable, CaseIterable { case rdhx, cdu }
  public var method: Method
  public var capacityKW: Double
  public var power: PowerDraw
  public var rackUnits: Int
}

/// A storage building block: one chassis of `nodes` storage servers.
public struct StorageSpecs: Sendable, Hashable {
  /// Usable capacity of one building block.
  public var usableTB: Double
  /// Fewest storage servers (nodes, not chassis) the storage software accepts.
  public var minServers: Int
  /// Storage servers (nodes) in one building block; each has its own BMC.
  public var nodes: Int = 1
  /// Frontend NIC ports of one building block (all its nodes' NICs).
  public var frontendPorts: Int
  public var portSpeedGbps: Int
  public var rackUnits: Int
  public var power: PowerDraw
}

/// A management / control-plane server.
public struct ManagementServerSpecs: Sendable, Hashable {
  public var frontendPorts: Int
  public var portSpeedGbps: Int
  public var rackUnits: Int
  public var power: PowerDraw
}

/// What a software licence or service is counted per.
public enum PricingUnit: String, Sendable, CaseIterable, Hashable {
  case perNode = "per-node"
  case perGPU = "per-gpu"
  case perEndpoint = "per-endpoint"
  case perSwitch = "per-switch"
  case perRack = "per-rack"
  case perPB = "per-pb"
  case perCluster = "per-cluster"
}

/// A licence or a service.
public struct LicenceSpecs: Sendable, Hashable {
  public var unit: PricingUnit
  public var termYears: Int?
  public var fabric: FabricKind?
}

/// The kind-specific specs of a part.
public enum PartSpecs: Sendable, Hashable {
  case gpuNode(GPUNodeSpecs)
  case nic(NICSpecs)
  case `switch`(SwitchSpecs)
  case transceiver(TransceiverSpecs)
  case cable(CableSpecs)
  case rack(RackSpecs)
  case pdu(PDUSpecs)
  case cooling(CoolingSpecs)
  case storage(StorageSpecs)
  case managementServer(ManagementServerSpecs)
  case software(LicenceSpecs)
  case service(LicenceSpecs)
}

/// A part number an OEM uses for a catalog part, e.g. Supermicro's SYS-821GE-TNHR for an HGX H100 box.
public struct OEMPartNumber: Sendable, Hashable {
  /// Who sells it under this number.
  public var vendor: String
  /// The number as it appears on a quote.
  public var number: String
}

/// One catalog entry: what it is, its specs and its sourced price.
public struct Part: Sendable, Hashable {
  public var id: String
  public var kind: PartKind
  public var vendor: String
  public var model: String
  public var partNumber: String?
  /// The numbers OEMs and resellers put on quotes for this part (a diff or a price book matches them).
  public var oemPartNumbers: [OEMPartNumber] = []
  public var description: String?
  public var specs: PartSpecs
  public var price: Price
  public var specSources: [String]
  /// Where the part is defined (for diagnostics).
  public var location: SourceLocation

  /// A one-line name: vendor and model.
  public var displayName: String { "\(vendor) \(model)" }

  /// Power draw, where the kind has one.
  public var power: PowerDraw {
    switch specs {
    case .gpuNode(let s): return s.power
    case .nic(let s): return s.power
    case .switch(let s): return s.power
    case .transceiver(let s): return s.power
    case .cable(let s): return s.power
    case .cooling(let s): return s.power
    case .storage(let s): return s.power
    case .managementServer(let s): return s.power
    case .rack, .pdu, .software, .service: return .none
    }
  }

  /// Rack units, where the kind occupies any.
  public var rackUnits: Int {
    switch specs {
    case .gpuNode(let s): return s.rackUnits
    case .switch(let s): return s.rackUnits
    case .storage(let s): return s.rackUnits
    case .managementServer(let s): return s.rackUnits
    case .cooling(let s): return s.rackUnits
    case .pdu(let s): return s.rackUnits
    default: return 0
    }
  }
}
