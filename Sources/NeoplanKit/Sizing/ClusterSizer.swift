import Foundation

/// Sizes a validated spec into a `ClusterDesign`: networks, cabling, racks, power, cooling, spares.
/// A pure function of its input. docs/sizing.md explains every rule and its source.
///
/// Each concern lives in its own file (`ClusterSizer+Backend`, `+Frontend`, `+Storage`, `+Racks`,
/// `+OOB`, `+Cooling`, `+Licences`, `+Power`); ``size(_:diagnostics:)`` assembles the design from
/// their results in BoM order.
public enum ClusterSizer {
  /// Sizes the cluster. Warnings (a partial scalable unit, racks hotter than their cooling) are
  /// reported into `diagnostics`, located at the spec key they are about; input problems found
  /// here (a switch too small, a rack too weak) are thrown as located `InputError`s.
  public static func size(_ spec: ClusterSpec, diagnostics: inout DiagnosticCollector) throws -> ClusterDesign {
    var parts = PartList()
    let layout = try RackLayout(spec)
    parts.add(
      spec.compute.node, spec.compute.nodes, .compute,
      layout.isRackScale ? "rack-scale systems, one per rack" : "GPU nodes")
    let backend = try spec.backend.map {
      try addBackend(spec, $0, layout: layout, to: &parts, diagnostics: &diagnostics)
    }
    let storage = spec.storage.map { addStorage($0, to: &parts) }
    let frontend = try spec.frontend.map { try addFrontend(spec, $0, storage: storage, to: &parts) }
    let racks = addRacks(spec, layout: layout, backend: backend, storage: storage, to: &parts)
    let management = addManagement(spec, layout: layout, storage: storage, racks: racks, to: &parts)
    let cooling = try addCooling(spec, layout: layout, racks: racks, to: &parts, diagnostics: &diagnostics)
    let counts = UnitCounts(
      spec: spec, backend: backend, storage: storage, racks: racks.racks,
      switches: (backend?.tree.switchCount ?? 0) + (frontend?.switches ?? 0) + management.switches)
    addLicences(spec, counts: counts, to: &parts, diagnostics: &diagnostics)
    let spares = spareCounts(spec, parts.counts)
    let facility = facilityDesign(spec, layout: layout, racks: racks, cooling: cooling, installed: parts.counts)
    return ClusterDesign(
      spec: spec, backend: backend, frontend: frontend, management: management,
      storage: storage, facility: facility, parts: mergeLines(parts.counts + spares))
  }

  /// Sizes the cluster without keeping its warnings (for callers that need only the figures).
  public static func size(_ spec: ClusterSpec) throws -> ClusterDesign {
    var diagnostics = DiagnosticCollector(locations: spec.locations)
    return try size(spec, diagnostics: &diagnostics)
  }

  /// Merges counts of the same part, category and spare flag (roles joined), keeping first order.
  static func mergeLines(_ counts: [PartCount]) -> [PartCount] {
    var merged: [PartCount] = []
    for count in counts {
      if let index = merged.firstIndex(where: {
        $0.part.id == count.part.id && $0.category == count.category && $0.isSpare == count.isSpare
      }) {
        merged[index].quantity += count.quantity
        if !merged[index].role.contains(count.role) { merged[index].role += "; " + count.role }
      } else {
        merged.append(count)
      }
    }
    return merged
  }
}

/// The installed part counts as the sizing stages add them, in BoM order.
struct PartList {
  /// The counts so far.
  private(set) var counts: [PartCount] = []

  /// Adds `quantity` of `part` (nothing when the quantity is 0).
  mutating func add(_ part: Part, _ quantity: Int, _ category: PartCount.Category, _ role: String) {
    guard quantity > 0 else { return }
    counts.append(PartCount(part: part, quantity: quantity, category: category, role: role))
  }

  /// The switch lines added so far.
  var switches: [PartCount] {
    counts.filter {
      if case .switch = $0.part.specs { return true }
      return false
    }
  }
}
