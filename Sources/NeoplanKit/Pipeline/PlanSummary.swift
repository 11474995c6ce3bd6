import Foundation

/// The figures a plan's JSON shows and `neoplan diff` compares — the design (counts, power,
/// parts), the priced BoM (lines and totals) and the headline finance figures — as typed values
/// that carry their unit. Made from a ``Plan`` in memory (``init(plan:)``) or read from a saved plan
/// (``read(_:file:)``); the JSON writer writes these sections from this value, so a plan and its
/// saved JSON give equal summaries.
public struct PlanSummary: Sendable, Hashable, Codable {
  /// The plan's name.
  public var name: String
  /// The design sections (`compute`, `fabrics`, `storage`, `facility`) as dotted paths with their
  /// values, lists left out, in path order.
  public var design: [Figure]
  /// The backend fabric's per-tier usage rows (`fabrics.backend.perTier`), each as the row's keys
  /// with their values; empty without a backend fabric.
  public var backendTiers: [[Figure]]
  /// The sizing warnings (`facility.warnings`), in English.
  public var warnings: [String]
  /// The priced bill of materials.
  public var bom: BoM
  /// The headline finance figures; `nil` for a plan saved before neoplan wrote finance.
  public var finance: Finance?

  /// Creates a summary from its parts.
  public init(
    name: String, design: [Figure], backendTiers: [[Figure]], warnings: [String], bom: BoM, finance: Finance?
  ) {
    self.name = name
    self.design = design
    self.backendTiers = backendTiers
    self.warnings = warnings
    self.bom = bom
    self.finance = finance
  }

  /// The summary of a plan made in memory, rounded exactly as its JSON is written.
  public init(plan: Plan) {
    self.init(
      name: plan.spec.name, design: PlanSummary.designFigures(plan),
      backendTiers: PlanSummary.tierFigures(plan), warnings: plan.warnings, bom: BoM(plan: plan),
      finance: Finance(plan: plan))
  }

  /// The design figure at `path`, if the plan has it.
  public func figure(_ path: String) -> FigureValue? { design.first { $0.path == path }?.value }

  /// Nodes (`compute.nodes`).
  public var nodes: Int? { figure("compute.nodes")?.measure.flatMap { Int(exactly: $0.value) } }
  /// GPUs (`compute.gpus`).
  public var gpus: Int? { figure("compute.gpus")?.measure.flatMap { Int(exactly: $0.value) } }
}

extension Int {
  /// The decimal as an `Int` when it is whole and fits.
  init?(exactly value: Decimal) {
    guard let int = Int(NumberFormat.plain(value)) else { return nil }
    self = int
  }
}
