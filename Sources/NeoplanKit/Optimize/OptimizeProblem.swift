import Foundation

/// What `neoplan optimize` minimises (or, for NPV, maximises). docs/optimize.md.
public enum OptimizeObjective: String, Sendable, CaseIterable {
  /// The cash break-even starting price per GPU-hour (lower is better).
  case breakEven = "break-even"
  /// Total capex (lower is better).
  case capex
  /// TCO per GPU-hour (lower is better).
  case tcoPerGPUHour = "tco-per-gpu-hour"
  /// Project pre-tax NPV (higher is better).
  case npv

  /// Whether a higher value is better.
  public var maximises: Bool { self == .npv }
}

/// Limits a design must meet to be reported; `nil` = no limit.
public struct OptimizeConstraints: Sendable, Equatable {
  /// Facility power (IT × PUE), kW.
  public var maxPowerKW: Double?
  /// Racks (node, network and storage racks).
  public var maxRacks: Int?
  /// Total capex, in the spec's currency (major units).
  public var maxCapex: Double?
  /// Backend bisection bandwidth per GPU, Gb/s (docs/optimize.md defines it).
  public var minBisectionGbpsPerGPU: Double?
  /// Only InfiniBand backends.
  public var requireInfiniBand: Bool = false

  /// Creates constraints (none by default).
  public init(
    maxPowerKW: Double? = nil, maxRacks: Int? = nil, maxCapex: Double? = nil, minBisectionGbpsPerGPU: Double? = nil,
    requireInfiniBand: Bool = false
  ) {
    self.maxPowerKW = maxPowerKW
    self.maxRacks = maxRacks
    self.maxCapex = maxCapex
    self.minBisectionGbpsPerGPU = minBisectionGbpsPerGPU
    self.requireInfiniBand = requireInfiniBand
  }

  /// `other`'s limits where it sets one, else these.
  public func overridden(by other: OptimizeConstraints) -> OptimizeConstraints {
    OptimizeConstraints(
      maxPowerKW: other.maxPowerKW ?? maxPowerKW, maxRacks: other.maxRacks ?? maxRacks,
      maxCapex: other.maxCapex ?? maxCapex,
      minBisectionGbpsPerGPU: other.minBisectionGbpsPerGPU ?? minBisectionGbpsPerGPU,
      requireInfiniBand: other.requireInfiniBand || requireInfiniBand)
  }
}

/// One free dimension: a spec key and the values it may take. `backend.switch: all` is
/// ``values`` empty with ``allSwitches`` set (every catalog switch of the candidate's fabric kind).
public struct OptimizeDimension: Sendable, Equatable {
  /// The spec key, e.g. `backend.oversubscription`.
  public var key: String
  /// The values, as written in a spec.
  public var values: [String]
  /// `backend.switch: all`.
  public var allSwitches: Bool = false
}

/// The `optimize:` section: free dimensions, objective and constraints.
public struct OptimizeProblem: Sendable {
  /// Free dimensions in canonical order (``OptimizeProblem/keys``).
  public var dimensions: [OptimizeDimension]
  /// The objective (default break-even).
  public var objective: OptimizeObjective
  /// The section's constraints.
  public var constraints: OptimizeConstraints
  /// Designs reported besides the Pareto front (default 5).
  public var top: Int

  /// The free keys neoplan knows, in the order choices are listed.
  public static let keys = [
    ComputeKey.node.path, BackendKey.kind.path, BackendKey.switch.path, BackendKey.design.path,
    BackendKey.oversubscription.path, BackendKey.cabling.path, FacilityKey.cooling.path,
    FacilityKey.rackPowerKW.path, FrontendKey.portSpeedGbps.path, StorageKey.capacityPB.path, StorageKey.server.path,
  ].map(\.text)

  /// Creates a problem.
  public init(
    dimensions: [OptimizeDimension], objective: OptimizeObjective = .breakEven,
    constraints: OptimizeConstraints = OptimizeConstraints(), top: Int = 5
  ) {
    self.dimensions = dimensions
    self.objective = objective
    self.constraints = constraints
    self.top = top
  }
}
