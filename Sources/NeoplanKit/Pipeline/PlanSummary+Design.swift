import Foundation

extension PlanSummary {
  /// What kind of value a design key holds.
  enum FigureKind: Sendable, Equatable {
    /// A number in this unit.
    case measure(MeasureUnit)
    /// A text.
    case text
    /// A yes/no flag.
    case flag
  }

  /// One key of a plan's design sections: its dotted path, what it holds, and how a plan gives it
  /// (`nil`: the plan has no such key, e.g. the backend's counts when there is no backend).
  struct DesignKey: Sendable {
    let path: String
    let kind: FigureKind
    let value: @Sendable (Plan) -> FigureValue?

    static func count(_ path: String, _ get: @escaping @Sendable (Plan) -> Int?) -> DesignKey {
      DesignKey(path: path, kind: .measure(.count)) { plan in get(plan).map { .measure(.count($0)) } }
    }

    /// A number the JSON writes rounded to three decimals.
    static func number(_ path: String, _ unit: MeasureUnit, _ get: @escaping @Sendable (Plan) -> Double?)
      -> DesignKey
    {
      DesignKey(path: path, kind: .measure(unit)) { plan in
        get(plan).map { Measure.rounded($0, unit).map(FigureValue.measure) ?? .none }
      }
    }

    static func text(_ path: String, _ get: @escaping @Sendable (Plan) -> String?) -> DesignKey {
      DesignKey(path: path, kind: .text) { plan in get(plan).map(FigureValue.text) }
    }

    static func flag(_ path: String, _ get: @escaping @Sendable (Plan) -> Bool?) -> DesignKey {
      DesignKey(path: path, kind: .flag) { plan in get(plan).map(FigureValue.flag) }
    }

    /// A section that is `null` when the plan has none (`storage`).
    static func absent(_ path: String, _ isAbsent: @escaping @Sendable (Plan) -> Bool) -> DesignKey {
      DesignKey(path: path, kind: .text) { plan in isAbsent(plan) ? FigureValue.none : nil }
    }
  }

  /// Top-level sections of a plan document that describe the design, in report order.
  static let designSections = ["compute", "fabrics", "storage", "facility"]

  /// Every key of the design sections: the one list the JSON writer, the saved-plan reader and the
  /// diff use. Lists (`fabrics.backend.perTier`, `facility.warnings`) are kept apart. Declared in
  /// path order (``sortedByPath(_:)``), section by section, so a plan's figures need no sort.
  static let designKeys: [DesignKey] =
    computeKeys + backendKeys + frontendKeys + managementKeys + storageKeys
    + facilityKeys

  static let computeKeys: [DesignKey] = [
    .text("compute.gpuModel") { $0.spec.compute.nodeSpecs.gpuModel },
    .count("compute.gpus") { $0.design.gpus },
    .count("compute.gpusPerNode") { $0.spec.compute.nodeSpecs.gpus },
    .text("compute.nodeId") { $0.spec.compute.node.id },
    .count("compute.nodes") { $0.design.nodes },
  ]

  static let backendKeys: [DesignKey] = [
    .count("fabrics.backend.cables") { $0.design.backend?.cables },
    .count("fabrics.backend.copperCables") { $0.design.backend?.copperCables },
    .text("fabrics.backend.design") { $0.design.backend?.design.rawValue },
    .count("fabrics.backend.fiberCables") { $0.design.backend?.fiberCables },
    .text("fabrics.backend.kind") { $0.design.backend?.kind.rawValue ?? "none" },
    .count("fabrics.backend.leafUplinks") { $0.design.backend?.tree.leafUplinks },
    DesignKey(path: "fabrics.backend.linkSpeedGbps", kind: .measure(.gigabitsPerSecond)) { plan in
      plan.design.backend.map { .measure(Measure(Decimal($0.linkSpeedGbps), .gigabitsPerSecond)) }
    },
    .count("fabrics.backend.links.copperNodeLinks") { $0.design.backend?.copperNodeLinks },
    .count("fabrics.backend.links.fabricManagerToLeaf") { $0.design.backend?.tree.fabricManagerLinks },
    .count("fabrics.backend.links.leafToSpine") { $0.design.backend?.tree.leafToSpineLinks },
    .count("fabrics.backend.links.nodeToLeaf") { $0.design.backend?.tree.nodeToLeafLinks },
    .count("fabrics.backend.links.spineToCore") { $0.design.backend?.tree.spineToCoreLinks },
    .text("fabrics.backend.nicId") { $0.design.backend?.nic.id },
    .count("fabrics.backend.nics") { $0.design.backend?.nicCards },
    .text("fabrics.backend.oversubscription") { $0.design.backend?.oversubscription.description },
    .count("fabrics.backend.radix") { $0.design.backend?.radix },
    .count("fabrics.backend.railsPerLeaf") { $0.design.backend?.tree.railsPerLeaf },
    .count("fabrics.backend.scalableUnitNodes") { $0.design.backend?.tree.scalableUnitNodes },
    .count("fabrics.backend.scalableUnits") { $0.design.backend?.tree.scalableUnits },
    .text("fabrics.backend.switchId") { $0.design.backend?.switchPart.id },
    .count("fabrics.backend.switches.core") { $0.design.backend?.tree.cores.count },
    .count("fabrics.backend.switches.leaf") { $0.design.backend?.tree.leaves.count },
    .count("fabrics.backend.switches.spine") { $0.design.backend?.tree.spines.count },
    .count("fabrics.backend.switches.total") { $0.design.backend?.tree.switchCount },
    .count("fabrics.backend.tiers") { $0.design.backend?.tree.tiers },
    .count("fabrics.backend.transceivers.fabricManagerSide") { $0.design.backend?.fabricManagerTransceivers },
    .count("fabrics.backend.transceivers.nodeSide") { $0.design.backend?.nodeSideTransceivers },
    .count("fabrics.backend.transceivers.switchSide") { $0.design.backend?.switchSideTransceivers },
  ]

  static let frontendKeys: [DesignKey] = [
    .count("fabrics.frontend.cables") { $0.design.frontend?.cables },
    .count("fabrics.frontend.endpoints") { $0.design.frontend?.endpoints },
    .text("fabrics.frontend.kind") { $0.design.frontend == nil ? "none" : "ethernet" },
    .count("fabrics.frontend.links.endpointToLeaf") { $0.design.frontend?.endpointLinks },
    .count("fabrics.frontend.links.leafToSpine") { $0.design.frontend?.leafToSpineLinks },
    .count("fabrics.frontend.nics") { $0.design.frontend?.nicCards },
    DesignKey(path: "fabrics.frontend.portSpeedGbps", kind: .measure(.gigabitsPerSecond)) { plan in
      plan.design.frontend.map { .measure(Measure(Decimal($0.portSpeedGbps), .gigabitsPerSecond)) }
    },
    .count("fabrics.frontend.portsPerNode") { $0.design.frontend?.portsPerNode },
    .text("fabrics.frontend.switchId") { $0.design.frontend?.switchPart.id },
    .count("fabrics.frontend.switches.leaf") { $0.design.frontend?.leaves },
    .count("fabrics.frontend.switches.spine") { $0.design.frontend?.spines },
    .count("fabrics.frontend.switches.total") { $0.design.frontend?.switches },
    .count("fabrics.frontend.tiers") { $0.design.frontend?.tiers },
  ]

  static let managementKeys: [DesignKey] = [
    .count("fabrics.management.cables") { $0.design.management.cables },
    .flag("fabrics.management.oob") { $0.spec.management.oob },
    .count("fabrics.management.ports") { $0.design.management.ports },
    .count("fabrics.management.servers") { $0.design.management.servers },
    .count("fabrics.management.switches") { $0.design.management.switches },
  ]

  static let storageKeys: [DesignKey] = [
    .absent("storage") { $0.design.storage == nil },
    .number("storage.capacityPB", .petabytes) { $0.design.storage?.capacityPB },
    .text("storage.serverId") { $0.design.storage?.server.id },
    .count("storage.servers") { $0.design.storage?.servers },
    .number("storage.usableTB", .terabytes) { $0.design.storage?.usableTB },
  ]

  static let facilityKeys: [DesignKey] = [
    .count("facility.cduUnits") { $0.design.facility.cduUnits },
    .text("facility.cooling") { $0.design.facility.cooling.rawValue },
    .number("facility.facilityPowerKW", .kilowatts) { $0.design.facility.facilityPowerKW },
    .number("facility.itPowerKW", .kilowatts) { $0.design.facility.itPowerKW },
    .number("facility.itPowerTypicalKW", .kilowatts) { $0.design.facility.itPowerTypicalKW },
    .count("facility.networkRacks") { $0.design.facility.networkRacks },
    .number("facility.nodeRackKW", .kilowatts) { $0.design.facility.nodeRackKW },
    .count("facility.nodeRacks") { $0.design.facility.nodeRacks },
    .count("facility.nodesPerRack") { $0.design.facility.nodesPerRack },
    .count("facility.pdus") { $0.design.facility.pdus },
    .number("facility.peakRackKW", .kilowatts) { $0.design.facility.peakRackKW },
    .number("facility.pue", .ratio) { $0.design.facility.pue },
    .number("facility.rackPowerBudgetKW", .kilowatts) { $0.spec.facility.rackPowerKW },
    .count("facility.racks") { $0.design.facility.racks },
    .count("facility.rdhxUnits") { $0.design.facility.rdhxUnits },
    .count("facility.storageRacks") { $0.design.facility.storageRacks },
  ]

  /// The keys of one `fabrics.backend.perTier` row, in key order.
  static let tierKeys: [(path: String, kind: FigureKind, value: @Sendable (BackendTierUsage) -> FigureValue)] = [
    ("copperLinks", .measure(.count), { .measure(.count($0.copperLinks)) }),
    ("linksDown", .measure(.count), { .measure(.count($0.linksDown)) }),
    ("linksUp", .measure(.count), { .measure(.count($0.linksUp)) }),
    ("portsAvailable", .measure(.count), { .measure(.count($0.portsAvailable)) }),
    ("portsUsed", .measure(.count), { .measure(.count($0.portsUsed)) }),
    ("switches", .measure(.count), { .measure(.count($0.switches)) }),
    ("tier", .text, { .text($0.tier.rawValue) }),
    ("transceivers", .measure(.count), { .measure(.count($0.transceivers)) }),
  ]

  /// The plan's design figures in path order (the order the diff lists them in): ``designKeys``
  /// are declared in that order (``sortedByPath(_:)``; a test checks it).
  static func designFigures(_ plan: Plan) -> [Figure] {
    designKeys.compactMap { key in key.value(plan).map { Figure(key.path, $0) } }
  }

  /// The plan's per-tier rows, each in key order (``tierKeys`` are declared in it).
  static func tierFigures(_ plan: Plan) -> [[Figure]] {
    (plan.design.backend?.tiers ?? []).map { usage in tierKeys.map { Figure($0.path, $0.value(usage)) } }
  }

  /// Figures by section (``designSections`` order), then by path key by key (`a.b` before `a.c.d`
  /// when `b < c`), as a walk of the JSON document's sorted keys meets them.
  /// Each path is split once, not at every comparison (a saved plan's figures are sorted with it).
  static func sortedByPath(_ figures: [Figure]) -> [Figure] {
    let keyed = figures.map { figure in
      let keys = figure.path.split(separator: ".")
      let section = keys.first.map(String.init) ?? figure.path
      return (rank: designSections.firstIndex(of: section) ?? designSections.count, keys: keys, figure: figure)
    }
    return keyed.sorted { x, y in
      if x.rank != y.rank { return x.rank < y.rank }
      return x.keys.lexicographicallyPrecedes(y.keys)
    }.map(\.figure)
  }
}
