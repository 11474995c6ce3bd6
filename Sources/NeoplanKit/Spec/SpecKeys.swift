import Foundation

/// The keys of one mapping of a spec file, in the order docs/spec.md and the "expected one of"
/// hints list them. Unknown-key errors, their "did you mean" and the set of given keys come from
/// these enums, so a key is listed in one place.
public protocol SpecKey: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
  /// The dotted path of the mapping the keys belong to (`""` for the top level, `fx` for each
  /// `fx:` item, `finance.contracts` for each contract).
  static var section: String { get }
}

extension SpecKey {
  /// The key's dotted path in a spec, e.g. `finance.market_price`.
  public var path: SpecKeyPath {
    SpecKeyPath(Self.section.isEmpty ? rawValue : "\(Self.section).\(rawValue)")
  }

  /// Every key of the mapping, in order.
  static var names: [String] { allCases.map(\.rawValue) }
}

/// A dotted key path in a spec file, e.g. `finance.market_price` or `fx[0].rate`.
public struct SpecKeyPath: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The path as written in diagnostics.
  public let text: String

  /// A path from its dotted text.
  public init(_ text: String) { self.text = text }

  /// The dotted text.
  public var description: String { text }

  /// Orders paths by their text.
  public static func < (a: SpecKeyPath, b: SpecKeyPath) -> Bool { a.text < b.text }
}

/// Top-level keys of a spec file.
public enum SpecSection: String, SpecKey {
  /// See docs/spec.md for each key.
  case name
  case asOf = "as_of"
  case currency, fx, compute, backend, frontend, storage, management, facility, spares
  /// Part lists, the finance and risk models, the quote and the optimizer's search.
  case software, services, finance, quote, risk, optimize
  /// The top level.
  public static let section = ""
}

/// Keys of each `fx:` item (an exchange rate).
public enum FXKey: String, SpecKey {
  /// Currency converted from, units of the spec currency per unit of it, its date and source.
  case from, rate
  case asOf = "as_of"
  case source
  /// The `fx:` list.
  public static let section = "fx"
}

/// Keys of `compute:`.
public enum ComputeKey: String, SpecKey {
  /// The GPU node (or rack-scale system) part, and how many of them (nodes or GPUs).
  case node, nodes, gpus
  /// `compute:`.
  public static let section = "compute"
}

/// Keys of `backend:` (the GPU compute fabric).
public enum BackendKey: String, SpecKey {
  /// Fabric kind, topology, switch and NIC parts, leaf oversubscription, scalable unit size.
  case kind, design, `switch`, nic, oversubscription
  case scalableUnitNodes = "scalable_unit_nodes"
  /// UFM ports, copper policy, fibre media, module and cable parts.
  case fabricManagerPorts = "fabric_manager_ports"
  case cabling, optics
  case switchTransceiver = "switch_transceiver"
  /// Module and cable parts.
  case nodeTransceiver = "node_transceiver"
  case fiber
  case copperCable = "copper_cable"
  /// Independent planes and the link speed.
  case planes
  case linkSpeedGbps = "link_speed_gbps"
  /// `backend:`.
  public static let section = "backend"
}

/// Keys of `frontend:` (in-band Ethernet).
public enum FrontendKey: String, SpecKey {
  /// Kind, parts, ports per node and their speed, oversubscription, cable.
  case kind, `switch`, nic
  case portsPerNode = "ports_per_node"
  case portSpeedGbps = "port_speed_gbps"
  case oversubscription
  /// One cable per link.
  case cable
  /// `frontend:`.
  public static let section = "frontend"
}

/// Keys of `storage:`.
public enum StorageKey: String, SpecKey {
  /// Usable petabytes, the building block and its licence.
  case capacityPB = "capacity_pb"
  case server, software
  /// `storage:`.
  public static let section = "storage"
}

/// Keys of `management:` (out-of-band network and control plane).
public enum ManagementKey: String, SpecKey {
  /// OOB network on or off, its switch and cable, control-plane servers and their part.
  case oob, `switch`, cable, servers, server
  /// `management:`.
  public static let section = "management"
}

/// Keys of `facility:` (racks, power, cooling).
public enum FacilityKey: String, SpecKey {
  /// Rack part, power budget, cooling choice and air limit, PUE, PDU and cooling parts.
  case rack
  case rackPowerKW = "rack_power_kw"
  case cooling
  case airCoolingLimitKW = "air_cooling_limit_kw"
  case pue, pdu, rdhx
  /// Coolant distribution unit part.
  case cdu
  /// `facility:`.
  public static let section = "facility"
}

/// Keys of `spares:` (percentages of installed quantities).
public enum SparesKey: String, SpecKey {
  /// Spare nodes, switches, optics and cables.
  case nodesPercent = "nodes_percent"
  case switchesPercent = "switches_percent"
  case opticsPercent = "optics_percent"
  /// Spare cables.
  case cablesPercent = "cables_percent"
  /// `spares:`.
  public static let section = "spares"
}

/// Keys of `quote:`.
public enum QuoteKey: String, SpecKey {
  /// Reader, author and validity of the investor quote.
  case preparedFor = "prepared_for"
  case preparedBy = "prepared_by"
  case validDays = "valid_days"
  /// `quote:`.
  public static let section = "quote"
}
