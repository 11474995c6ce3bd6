import Foundation

/// What a catalog part is; decides which specs it carries and where it lands in a BoM.
public enum PartKind: String, Sendable, CaseIterable, Hashable {
  case gpuNode = "gpu-node"
  /// A rack that is the compute unit (GB200/GB300 NVL72): its trays, NICs and NVLink inside.
  case rackSystem = "rack-system"
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
  /// Fibre connectors of a co-packaged-optics switch (no pluggable cage).
  case mpo
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
  /// GPUs in one node.
  public var gpus: Int
  /// The GPU model, e.g. `H100 SXM5`.
  public var gpuModel: String
  /// Memory per GPU in GB, when published.
  public var gpuMemoryGB: Int?
  /// Thermal design power per GPU in watts, when published.
  public var gpuTDPW: Int?
  /// Backend (compute fabric) NIC ports per node, one per rail.
  public var computeNICs: Int
  /// Speed of one backend NIC port in Gb/s.
  public var computeNICSpeedGbps: Int
  /// The node's price includes its backend NICs.
  public var computeNICsIncluded: Bool
  /// The NIC fitted (a `nic` part id).
  public var computeNIC: String?
  /// The node's price includes its frontend NICs.
  public var frontendNICsIncluded: Bool
  /// The backend fabric kinds the node's NICs can join.
  public var fabrics: [FabricKind]
  /// How the node is cooled (air or liquid).
  public var cooling: NodeCooling
  /// Height in rack units (U).
  public var rackUnits: Int
  /// Typical and maximum draw of one node.
  public var power: PowerDraw
  /// Rack-level facts when the part is a `rack-system` (the rack is the unit `nodes:` counts).
  public var rackScale: RackScaleSpecs? = nil
}

/// A network adapter.
public struct NICSpecs: Sendable, Hashable {
  /// The fabric kinds the adapter speaks.
  public var fabrics: [FabricKind]
  /// Ports (cages) on the card.
  public var ports: Int
  /// Speed of one port in Gb/s.
  public var portSpeedGbps: Int
  /// The cage form factor, e.g. OSFP.
  public var formFactor: FormFactor
  /// Draw of one card.
  public var power: PowerDraw
  /// The ways the card can run its cage(s), per fabric (empty: `ports` × `portSpeedGbps` only).
  public var portModes: [NICPortMode] = []
}

/// A network switch.
public struct SwitchSpecs: Sendable, Hashable {
  /// The fabric kind the switch serves.
  public var fabric: FabricKind
  /// Front-panel cages.
  public var cages: Int
  /// The cage form factor, e.g. OSFP.
  public var cageFormFactor: FormFactor
  /// The port counts the cages give at each speed (e.g. 64 × 400G or 128 × 200G).
  public var portModes: [PortMode]
  /// Height in rack units (U).
  public var rackUnits: Int
  /// Typical and maximum draw of one switch.
  public var power: PowerDraw
  /// Whether the switch is managed, when the catalog says.
  public var managed: Bool?
  /// Optics are co-packaged on the switch: no switch-side pluggable modules, but fibre to each port.
  public var coPackagedOptics: Bool = false

  /// Ports at `speedGbps` (the radix at that speed), or `nil` when the switch has no such mode.
  public func ports(atSpeed speedGbps: Int) -> Int? {
    portModes.first { $0.speedGbps == speedGbps }?.ports
  }
}

/// A pluggable optical module.
public struct TransceiverSpecs: Sendable, Hashable {
  /// The module form factor, e.g. OSFP.
  public var formFactor: FormFactor
  /// Links one module serves (2 for a twin-port module).
  public var ports: Int
  /// Speed of one link in Gb/s.
  public var portSpeedGbps: Int
  /// The fibre it drives (mmf or smf).
  public var media: String
  /// Maximum reach in metres.
  public var reachM: Int
  /// Top style (flat or finned), when it matters for the cage.
  public var top: String?
  /// Draw of one module.
  public var power: PowerDraw
}

/// A cable.
public struct CableSpecs: Sendable, Hashable {
  /// mmf, smf, dac, acc, aoc, cat6.
  public var media: String
  /// Length in metres.
  public var lengthM: Double
  /// Links one cable serves (2 for a 1:2 splitter).
  public var links: Int
  /// Draw of one cable (active copper and AOC draw power).
  public var power: PowerDraw
}

/// A rack enclosure.
public struct RackSpecs: Sendable, Hashable {
  /// Usable height in rack units (U).
  public var rackUnits: Int
}

/// A power distribution unit.
public struct PDUSpecs: Sendable, Hashable {
  /// Rated capacity in kW.
  public var capacityKW: Double
  /// Height in rack units (0 for a vertical PDU).
  public var rackUnits: Int
}

/// A cooling unit (rear-door heat exchanger or coolant distribution unit).
public struct CoolingSpecs: Sendable, Hashable {
  /// How the unit removes heat.
  public enum Method: String, Sendable, CaseIterable {
    /// Rear-door heat exchanger (air-cooled racks).
    case rdhx
    /// Coolant distribution unit (direct liquid cooling).
    case cdu
  }
  /// How the unit removes heat.
  public var method: Method
  /// Heat it removes, in kW.
  public var capacityKW: Double
  /// Draw of the unit itself.
  public var power: PowerDraw
  /// Height in rack units (0 for a rear door).
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
  /// Speed of one frontend port in Gb/s.
  public var portSpeedGbps: Int
  /// Height of one building block in rack units (U).
  public var rackUnits: Int
  /// Draw of one building block.
  public var power: PowerDraw
}

/// A management / control-plane server.
public struct ManagementServerSpecs: Sendable, Hashable {
  /// Frontend NIC ports of the server.
  public var frontendPorts: Int
  /// Speed of one frontend port in Gb/s.
  public var portSpeedGbps: Int
  /// Height in rack units (U).
  public var rackUnits: Int
  /// Draw of one server.
  public var power: PowerDraw
}

/// What a software licence or service is counted per.
public enum PricingUnit: String, Sendable, CaseIterable, Hashable {
  /// One per GPU node.
  case perNode = "per-node"
  /// One per GPU.
  case perGPU = "per-gpu"
  /// One per network endpoint (NIC port).
  case perEndpoint = "per-endpoint"
  /// One per switch.
  case perSwitch = "per-switch"
  /// One per rack.
  case perRack = "per-rack"
  /// One per petabyte of usable storage.
  case perPB = "per-pb"
  /// One for the whole cluster.
  case perCluster = "per-cluster"
}

/// A licence or a service.
public struct LicenceSpecs: Sendable, Hashable {
  /// What the licence or service is counted per.
  public var unit: PricingUnit
  /// Subscription term in years (`nil`: perpetual or one-off).
  public var termYears: Int?
  /// The fabric kind it applies to, when it is fabric-specific.
  public var fabric: FabricKind?
}

/// The kind-specific specs of a part.
public enum PartSpecs: Sendable, Hashable {
  /// A GPU server or rack-scale system.
  case gpuNode(GPUNodeSpecs)
  /// A network adapter.
  case nic(NICSpecs)
  case `switch`(SwitchSpecs)
  /// A pluggable optical module.
  case transceiver(TransceiverSpecs)
  /// A cable.
  case cable(CableSpecs)
  /// A rack enclosure.
  case rack(RackSpecs)
  /// A power distribution unit.
  case pdu(PDUSpecs)
  /// A cooling unit.
  case cooling(CoolingSpecs)
  /// A storage building block.
  case storage(StorageSpecs)
  /// A management / control-plane server.
  case managementServer(ManagementServerSpecs)
  /// A software licence.
  case software(LicenceSpecs)
  /// A service (installation, support).
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
  /// The catalog id specs refer to, e.g. `hgx-h100`.
  public var id: String
  /// What kind of part it is.
  public var kind: PartKind
  /// The maker.
  public var vendor: String
  /// The maker's model name.
  public var model: String
  /// The maker's part number, when known.
  public var partNumber: String?
  /// The numbers OEMs and resellers put on quotes for this part (a diff or a price book matches them).
  public var oemPartNumbers: [OEMPartNumber] = []
  /// A short description, when the catalog gives one.
  public var description: String?
  /// The kind-specific specs.
  public var specs: PartSpecs
  /// The sourced price.
  public var price: Price
  /// Where the specs come from (URLs or documents).
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
