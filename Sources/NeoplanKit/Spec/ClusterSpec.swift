import Foundation

/// Leaf oversubscription `down:up`, e.g. 2:1 keeps half as many uplinks as downlinks.
public struct Oversubscription: Sendable, Hashable, CustomStringConvertible {
  /// Downlink share.
  public var down: Int
  /// Uplink share.
  public var up: Int
  /// Non-blocking.
  public static let nonBlocking = Oversubscription(down: 1, up: 1)
  /// `2:1`.
  public var description: String { "\(down):\(up)" }
}

/// Backend fabric topology.
public enum FabricDesign: String, Sendable, CaseIterable {
  /// Rail-optimized fat tree (NVIDIA SuperPOD): leaves per rail per SU, shared spines.
  case fatTree = "fat-tree"
  /// Each rail is its own fabric; no shared spines.
  case railOnly = "rail-only"
}

/// Where copper replaces optics on node-to-leaf links.
public enum CablingPolicy: String, Sendable, CaseIterable {
  /// Transceivers and fibre on every link (NVIDIA RA).
  case optics
  /// Active copper where the node sits in the leaf's rack or the one next to it.
  case copperAdjacent = "copper-adjacent"
}

/// Fibre type for optical links.
public enum OpticsMedia: String, Sendable, CaseIterable {
  case multimode, singlemode
}

/// Facility cooling choice.
public enum CoolingChoice: String, Sendable, CaseIterable {
  /// Air if racks stay within the air limit, rear-door heat exchangers up to their capacity, else liquid.
  case auto, air, rdhx, liquid
}

/// Who a quote is for and by, and how long it is valid.
public struct QuoteDetails: Sendable, Hashable {
  /// The reader, e.g. a fund's name.
  public var preparedFor: String?
  /// The author, e.g. the neocloud's name.
  public var preparedBy: String?
  /// Days the quote stays valid after its as-of date.
  public var validDays: Int
}

/// The validated cluster spec: every part resolved against the catalog, every default applied.
public struct ClusterSpec: Sendable {
  /// Compute section.
  public struct Compute: Sendable {
    public var node: Part
    public var nodeSpecs: GPUNodeSpecs
    public var nodes: Int
  }

  /// Backend (GPU compute) fabric.
  public struct Backend: Sendable {
    public var kind: FabricKind
    public var design: FabricDesign
    public var switchPart: Part
    public var switchSpecs: SwitchSpecs
    public var nic: Part
    public var nicSpecs: NICSpecs
    /// The node's price already includes the NICs.
    public var nicsIncluded: Bool
    /// Backend link speed: the lower of the NIC's and the switch's top speeds (or as asked).
    public var linkSpeedGbps: Int
    /// Fabric endpoint groups per unit: compute trays per rack-scale system, else 1.
    public var fabricNodesPerUnit: Int
    /// NIC cards per fabric node (node or tray).
    public var nicCardsPerFabricNode: Int
    /// Backend ports per fabric node at the link speed: the rails.
    public var railsPerFabricNode: Int
    public var oversubscription: Oversubscription
    public var scalableUnitNodes: Int
    public var fabricManagerPorts: Int
    /// Independent fabric planes (Spectrum-X twin-planar = 2).
    public var planes: Int
    public var cabling: CablingPolicy
    public var optics: OpticsMedia
    public var switchTransceiver: Part
    public var nodeTransceiver: Part
    public var fiber: Part
    public var copperCable: Part
  }

  /// Frontend (in-band Ethernet) network.
  public struct Frontend: Sendable {
    public var switchPart: Part
    public var switchSpecs: SwitchSpecs
    public var nic: Part?
    public var portsPerNode: Int
    public var portSpeedGbps: Int
    public var oversubscription: Oversubscription
    public var cable: Part
  }

  /// Storage building block.
  public struct Storage: Sendable {
    public var capacityPB: Double
    public var server: Part
    public var serverSpecs: StorageSpecs
    public var software: Part?
  }

  /// Out-of-band management and control plane.
  public struct Management: Sendable {
    public var oob: Bool
    public var switchPart: Part
    public var switchSpecs: SwitchSpecs
    public var cable: Part
    public var servers: Int
    public var server: Part
    public var serverSpecs: ManagementServerSpecs
  }

  /// Racks, power and cooling.
  public struct Facility: Sendable {
    public var rack: Part
    public var rackUnits: Int
    public var rackPowerKW: Double
    public var cooling: CoolingChoice
    public var airCoolingLimitKW: Double
    public var pue: Double
    public var pdu: Part
    public var pduSpecs: PDUSpecs
    public var rdhx: Part
    public var cdu: Part
  }

  /// Spare parts, as percentages of installed quantities (rounded up).
  public struct Spares: Sendable {
    public var nodesPercent: Int
    public var switchesPercent: Int
    public var opticsPercent: Int
    public var cablesPercent: Int
  }

  public var name: String
  public var asOf: Day
  public var currency: String
  public var fxRates: [ExchangeRate]
  public var compute: Compute
  public var backend: Backend?
  public var frontend: Frontend?
  public var storage: Storage?
  public var management: Management
  public var facility: Facility
  public var spares: Spares
  public var software: [Part]
  public var services: [Part]
  /// Finance assumptions (the `finance:` section with its defaults).
  public var finance: FinanceAssumptions
  /// The uncertainty model (the `risk:` section), `nil` when the spec has none.
  public var risk: RiskAssumptions?
  /// Investor-quote details (the `quote:` section).
  public var quote: QuoteDetails
  /// Things the spec resolved that a reader should know (e.g. a NIC faster than the node lists).
  public var warnings: [PlanWarning]
  /// Where each key was written (for errors found while sizing).
  public var locations: [String: SourceLocation]
  /// Every key the spec gives a value (not null), mappings included (`finance`, `finance.staff`),
  /// list items by index (`fx[0].rate`). A key not in it took its default.
  public var givenKeys: Set<SpecKeyPath> = []
  /// The spec file as the user named it.
  public var file: String

  /// Total GPUs.
  public var gpus: Int { compute.nodes * compute.nodeSpecs.gpus }

  /// Whether the spec gives `key` a value (else its default applies).
  public func isGiven(_ key: some SpecKey) -> Bool { givenKeys.contains(key.path) }

  /// Whether the spec gives the key at `path` a value (else its default applies).
  public func isGiven(_ path: SpecKeyPath) -> Bool { givenKeys.contains(path) }

  /// A diagnostic at `key` (or at the nearest enclosing key written, else the top of the file).
  public func diagnostic(_ key: some SpecKey, _ message: String, expected: String? = nil) -> Diagnostic {
    diagnostic(key.path.text, message, expected: expected)
  }

  /// A diagnostic at `keyPath` (or at the top of the file when it was not written).
  public func diagnostic(_ keyPath: String, _ message: String, expected: String? = nil) -> Diagnostic {
    var path = keyPath
    var location = locations[path]
    while location == nil, let dot = path.lastIndex(of: ".") {
      path = String(path[..<dot])
      location = locations[path]
    }
    return Diagnostic(
      at: location ?? SourceLocation(file: file, line: 1, column: 1), keyPath: keyPath,
      message: message, expected: expected)
  }
}
