/// A quantity of one catalog part in the design, with why it is there.
public struct PartCount: Sendable, Hashable {
  /// BoM category.
  public enum Category: String, Sendable, CaseIterable, Hashable {
    case compute
    case backendNetwork = "backend-network"
    case frontendNetwork = "frontend-network"
    case managementNetwork = "management-network"
    case storage
    case opticsCabling = "optics-cabling"
    case racksPower = "racks-power"
    case cooling
    case software
    case services
  }

  /// The part.
  public var part: Part
  /// How many.
  public var quantity: Int
  /// Where it goes in the BoM.
  public var category: Category
  /// What it is for, e.g. "backend leaf switches".
  public var role: String
  /// A spare, not installed.
  public var isSpare: Bool = false
}

/// The sized backend fabric with its cabling.
public struct BackendFabricDesign: Sendable, Hashable {
  /// The switch every tier is built from.
  public var switchPart: Part
  /// The backend NIC.
  public var nic: Part
  /// InfiniBand or Ethernet.
  public var kind: FabricKind
  /// Fat tree or rail-only.
  public var design: FabricDesign
  /// Speed of one node link in Gb/s.
  public var linkSpeedGbps: Int
  /// Switch ports at the link speed.
  public var radix: Int
  /// Leaf oversubscription `down:up`.
  public var oversubscription: Oversubscription
  /// The switch tree (tiers, leaves, spines, cores, links) of one plane.
  public var tree: FatTreeDesign
  /// Backend NIC cards (0 when the node price includes them).
  public var nicCards: Int
  /// Node links on copper.
  public var copperNodeLinks: Int
  /// Node links on optics.
  public var opticalNodeLinks: Int
  /// Fibre cables (one per optical link).
  public var fiberCables: Int
  /// Copper cables (splitters serve several links).
  public var copperCables: Int
  /// Transceivers in switch cages.
  public var switchSideTransceivers: Int
  /// Transceivers in node NICs.
  public var nodeSideTransceivers: Int
  /// Transceivers on the fabric manager's ports.
  public var fabricManagerTransceivers: Int
  /// Per-tier usage (leaf, spine, core; tiers without switches left out). Its transceivers add up
  /// to `switchSideTransceivers`.
  public var tiers: [BackendTierUsage]

  /// All cables.
  public var cables: Int { fiberCables + copperCables }
}

/// One tier of the backend fabric as built: switches, ports, links and switch-side transceivers.
public struct BackendTierUsage: Sendable, Hashable {
  /// The tier's place in the tree.
  public enum Tier: String, Sendable, Hashable, CaseIterable {
    case leaf, spine, core
  }

  /// Leaf, spine or core.
  public var tier: Tier
  /// Switches in the tier.
  public var switches: Int
  /// Ports in use on the tier's switches (down + up).
  public var portsUsed: Int
  /// Ports the tier's switches have at the link speed.
  public var portsAvailable: Int
  /// Links towards the endpoints or the tier below.
  public var linksDown: Int
  /// Links towards the tier above.
  public var linksUp: Int
  /// Down links on copper (no switch-side module).
  public var copperLinks: Int
  /// Transceivers in the tier's switch cages.
  public var transceivers: Int

  /// Creates the usage of `switches` as sized, each with `radix` ports.
  init(
    tier: Tier, switches: [SwitchUsage], radix: Int, linksDown: Int, linksUp: Int, copperLinks: Int,
    transceivers: Int
  ) {
    self.tier = tier
    self.switches = switches.count
    self.portsUsed = switches.reduce(0) { $0 + $1.used }
    self.portsAvailable = switches.count * radix
    self.linksDown = linksDown
    self.linksUp = linksUp
    self.copperLinks = copperLinks
    self.transceivers = transceivers
  }
}

/// A two-tier (or single-switch) Ethernet network such as the frontend.
public struct EthernetNetworkDesign: Sendable, Hashable {
  /// The switch of both tiers.
  public var switchPart: Part
  /// Port speed, Gb/s.
  public var portSpeedGbps: Int
  /// Ports per GPU node.
  public var portsPerNode: Int
  /// Switch ports the endpoints (nodes, storage, management) use.
  public var endpoints: Int
  /// Switch ports at the port speed.
  public var radix: Int
  /// 1 (a single switch layer) or 2 (leaf–spine).
  public var tiers: Int
  /// Leaf switches.
  public var leaves: Int
  /// Spine switches (0 with one tier).
  public var spines: Int
  /// Endpoint-to-leaf links.
  public var endpointLinks: Int
  /// Leaf-to-spine links.
  public var leafToSpineLinks: Int
  /// Frontend NIC cards added to nodes whose price does not include them.
  public var nicCards: Int
  /// One cable per link.
  public var cables: Int { endpointLinks + leafToSpineLinks }
  /// Leaves plus spines.
  public var switches: Int { leaves + spines }
}

/// Out-of-band management network.
public struct ManagementNetworkDesign: Sendable, Hashable {
  /// Out-of-band ports (BMCs, switch management ports, PDUs).
  public var ports: Int
  /// Out-of-band switches.
  public var switches: Int
  /// Out-of-band cables.
  public var cables: Int
  /// Management / control-plane servers.
  public var servers: Int
}

/// Storage building blocks.
public struct StorageDesign: Sendable, Hashable {
  /// The storage building block.
  public var server: Part
  /// Usable capacity asked for, in PB.
  public var capacityPB: Double
  /// Storage building blocks (catalog `storage` parts, e.g. 4-node chassis) bought.
  public var servers: Int
  /// Usable capacity built, in TB.
  public var usableTB: Double
  /// Petabytes licensed: the capacity asked for, rounded up to whole PB.
  public var licensedPB: Int
}

/// Racks, power and cooling.
public struct FacilityDesign: Sendable, Hashable {
  /// GPU nodes in one rack (the rack power and space allow).
  public var nodesPerRack: Int
  /// Racks holding GPU nodes.
  public var nodeRacks: Int
  /// Racks for the network switches that do not sit in node racks.
  public var networkRacks: Int
  /// Racks holding storage.
  public var storageRacks: Int
  /// Every rack: node, network and storage racks.
  public var racks: Int { nodeRacks + networkRacks + storageRacks }
  /// Peak power of a full node rack, kW.
  public var nodeRackKW: Double
  /// Peak power of the densest rack, kW.
  public var peakRackKW: Double
  /// Power distribution units.
  public var pdus: Int
  /// The cooling chosen (auto resolved to air, rdhx or liquid).
  public var cooling: CoolingChoice
  /// Rear-door heat exchangers.
  public var rdhxUnits: Int
  /// Coolant distribution units.
  public var cduUnits: Int
  /// Maximum IT power, kW.
  public var itPowerKW: Double
  /// Typical IT power, kW.
  public var itPowerTypicalKW: Double
  /// IT power × PUE, kW.
  public var facilityPowerKW: Double
  /// Power usage effectiveness used for facility power.
  public var pue: Double
}

/// Everything the sizing decided: the input to pricing.
public struct ClusterDesign: Sendable {
  /// The spec it was sized from.
  public var spec: ClusterSpec
  /// The backend (compute) fabric, when the spec has one.
  public var backend: BackendFabricDesign?
  /// The frontend (Ethernet) network, when the spec has one.
  public var frontend: EthernetNetworkDesign?
  /// The out-of-band management network.
  public var management: ManagementNetworkDesign
  /// The storage, when the spec has one.
  public var storage: StorageDesign?
  /// Racks, power and cooling.
  public var facility: FacilityDesign
  /// Installed and spare quantities, in BoM order.
  public var parts: [PartCount]

  /// Nodes.
  public var nodes: Int { spec.compute.nodes }
  /// GPUs.
  public var gpus: Int { spec.gpus }
  /// All switches of every network.
  public var switchCount: Int {
    (backend?.tree.switchCount ?? 0) + (frontend?.switches ?? 0) + management.switches
  }
}
