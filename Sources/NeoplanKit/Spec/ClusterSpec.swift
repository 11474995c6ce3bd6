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

  /// The last day a quote dated `date` is valid.
  public func validUntil(from date: Day) -> Day { date.adding(days: validDays) }

  /// The latest date a quote can carry: its validity must end by 9999-12-31, the last date a
  /// `YYYY-MM-DD` can hold (a later one crashed the quote).
  public var latestDate: Day { Day.latest.adding(days: -validDays) }

  /// Why `date` cannot date a quote.
  func lateDateMessage(_ date: Day) -> String {
    "\(date) plus the quote's \(validDays) valid days is after 9999-12-31"
  }
}

/// The validated cluster spec: every part resolved against the catalog, every default applied.
public struct ClusterSpec: Sendable {
  /// Compute section.
  public struct Compute: Sendable {
    /// The GPU node (or rack-scale system) part (`compute.node`).
    public var node: Part
    /// Its specs.
    public var nodeSpecs: GPUNodeSpecs
    /// Nodes (racks for a rack-scale system), from `compute.nodes` or `compute.gpus`.
    public var nodes: Int
  }

  /// Backend (GPU compute) fabric.
  public struct Backend: Sendable {
    /// InfiniBand or Ethernet (`backend.kind`).
    public var kind: FabricKind
    /// Fat tree or rail-only (`backend.design`).
    public var design: FabricDesign
    /// The fabric switch part (`backend.switch`).
    public var switchPart: Part
    /// Its specs.
    public var switchSpecs: SwitchSpecs
    /// The backend NIC part (`backend.nic`, else the node's included NIC, else the default).
    public var nic: Part
    /// Its specs.
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
    /// Leaf oversubscription (`backend.oversubscription`).
    public var oversubscription: Oversubscription
    /// Nodes (racks) per scalable unit (`backend.scalable_unit_nodes`).
    public var scalableUnitNodes: Int
    /// Leaf ports for the fabric manager appliance (`backend.fabric_manager_ports`).
    public var fabricManagerPorts: Int
    /// Independent fabric planes (Spectrum-X twin-planar = 2).
    public var planes: Int
    /// Optics everywhere, or copper to adjacent racks (`backend.cabling`).
    public var cabling: CablingPolicy
    /// Multimode or single-mode fibre (`backend.optics`).
    public var optics: OpticsMedia
    /// Module in switch cages (`backend.switch_transceiver`).
    public var switchTransceiver: Part
    /// Module in NIC cages (`backend.node_transceiver`).
    public var nodeTransceiver: Part
    /// Fibre, one per optical link (`backend.fiber`).
    public var fiber: Part
    /// Copper cable for `copper-adjacent` (`backend.copper_cable`).
    public var copperCable: Part
  }

  /// Frontend (in-band Ethernet) network.
  public struct Frontend: Sendable {
    /// The frontend switch part (`frontend.switch`).
    public var switchPart: Part
    /// Its specs.
    public var switchSpecs: SwitchSpecs
    /// The frontend NIC part; `nil` when the node includes its frontend NICs.
    public var nic: Part?
    /// Frontend ports per node, or per rack-scale rack (`frontend.ports_per_node`).
    public var portsPerNode: Int
    /// Frontend port speed (`frontend.port_speed_gbps`).
    public var portSpeedGbps: Int
    /// Frontend oversubscription (`frontend.oversubscription`).
    public var oversubscription: Oversubscription
    /// One cable per frontend link (`frontend.cable`).
    public var cable: Part
  }

  /// Storage building block.
  public struct Storage: Sendable {
    /// Usable petabytes (`storage.capacity_pb`).
    public var capacityPB: Double
    /// The storage building block (`storage.server`).
    public var server: Part
    /// Its specs.
    public var serverSpecs: StorageSpecs
    /// The storage licence per PB; `nil` for `software: none`.
    public var software: Part?
  }

  /// Out-of-band management and control plane.
  public struct Management: Sendable {
    /// Whether the out-of-band network is built (`management.oob`).
    public var oob: Bool
    /// The out-of-band switch part (`management.switch`).
    public var switchPart: Part
    /// Its specs.
    public var switchSpecs: SwitchSpecs
    /// One cable per out-of-band port (`management.cable`).
    public var cable: Part
    /// Control-plane servers (`management.servers`).
    public var servers: Int
    /// The control-plane server part (`management.server`).
    public var server: Part
    /// Its specs.
    public var serverSpecs: ManagementServerSpecs
  }

  /// Racks, power and cooling.
  public struct Facility: Sendable {
    /// The rack part (`facility.rack`).
    public var rack: Part
    /// Its rack units.
    public var rackUnits: Int
    /// Power budget per rack (`facility.rack_power_kw`).
    public var rackPowerKW: Double
    /// Cooling choice (`facility.cooling`).
    public var cooling: CoolingChoice
    /// Highest air-cooled rack power (`facility.air_cooling_limit_kw`).
    public var airCoolingLimitKW: Double
    /// Power usage effectiveness (`facility.pue`, 1…3).
    public var pue: Double
    /// The PDU part (`facility.pdu`).
    public var pdu: Part
    /// Its specs.
    public var pduSpecs: PDUSpecs
    /// The rear-door heat exchanger part (`facility.rdhx`).
    public var rdhx: Part
    /// The coolant distribution unit part (`facility.cdu`).
    public var cdu: Part
  }

  /// Spare parts, as percentages of installed quantities (rounded up).
  public struct Spares: Sendable {
    /// Spare nodes (`spares.nodes_percent`).
    public var nodesPercent: Int
    /// Spare switches (`spares.switches_percent`).
    public var switchesPercent: Int
    /// Spare optics (`spares.optics_percent`).
    public var opticsPercent: Int
    /// Spare cables (`spares.cables_percent`).
    public var cablesPercent: Int
  }

  /// The plan's name (`name`, else the file name).
  public var name: String
  /// The plan's as-of date (`as_of`).
  public var asOf: Day
  /// The currency of every figure (`currency`, ISO 4217).
  public var currency: String
  /// Exchange rates into `currency` (`fx`).
  public var fxRates: [ExchangeRate]
  /// The `compute:` section.
  public var compute: Compute
  /// The backend fabric; `nil` for `kind: none`.
  public var backend: Backend?
  /// The frontend network; `nil` for `kind: none`.
  public var frontend: Frontend?
  /// Storage; `nil` without capacity.
  public var storage: Storage?
  /// Out-of-band management and control plane.
  public var management: Management
  /// Racks, power and cooling.
  public var facility: Facility
  /// Spare parts.
  public var spares: Spares
  /// Software licences (`software`, else the defaults).
  public var software: [Part]
  /// Services (`services`, else the defaults).
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
  /// list items by index (`fx[0].rate`), as dotted texts (``SpecKeyPath/text``). A key not in it
  /// took its default. Strings, not `SpecKeyPath`s: a set of our own type made the runtime scan
  /// every conformance record of the binary for its `Hashable` conformance at the first insert.
  public var givenKeys: Set<String> = []
  /// The spec file as the user named it.
  public var file: String

  /// Total GPUs.
  public var gpus: Int { compute.nodes * compute.nodeSpecs.gpus }

  /// Whether the spec gives `key` a value (else its default applies).
  public func isGiven(_ key: some SpecKey) -> Bool { givenKeys.contains(key.path.text) }

  /// Whether the spec gives the key at `path` a value (else its default applies).
  public func isGiven(_ path: SpecKeyPath) -> Bool { givenKeys.contains(path.text) }

  /// Refuses `--date` when the quote's validity from it would end after 9999-12-31 (the spec's
  /// `as_of` is checked so when the spec is read).
  public func checkQuoteDate(fromFlag date: Day?) throws {
    guard let date, date > quote.latestDate else { return }
    throw InputError(
      Diagnostic(
        at: nil, file: "--date", keyPath: "", message: quote.lateDateMessage(date),
        expected: "expected a date up to \(quote.latestDate)"))
  }

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
