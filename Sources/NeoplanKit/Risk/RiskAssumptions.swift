/// The uncertainty model of a plan: the `risk:` section of a spec after defaults are applied.
///
/// Every input varies *around the plan*: the deterministic plan is the central path, so with
/// every spread set to 0 (and downtime and counterparty default switched off) each path equals
/// the plan. Defaults and their sources are in docs/risk.md.
public struct RiskAssumptions: Sendable, Equatable, Hashable, Codable {
  /// Number of Monte Carlo paths.
  public var paths: Int = 10_000
  /// Seed of the random numbers (each path's generator is seeded from it and the path index).
  public var seed: UInt64 = 1
  /// Mean extra annual log decline d of the market price on top of the plan's price path: each
  /// operating year the price moves by the factor exp(−d), so with mean 0 the plan's path is the
  /// median path.
  public var priceDeclineMean: Double = 0
  /// Standard deviation of the annual log decline, drawn once per operating year. Default 0.48:
  /// fitted to the public H100 rental price history 2024–2026 (docs/risk.md §2).
  public var priceDeclineSD: Double = 0.48
  /// Standard deviation of each year's utilization around the plan's (absolute, e.g. 0.05 =
  /// ±5 points), clamped to 0…1. *Estimate*.
  public var utilizationSD: Double = 0.05
  /// Standard deviation of the utilization ramp length in months around the plan's ramp
  /// (rounded, at least 0). *Estimate*.
  public var rampMonthsSD: Double = 0
  /// Mean capex overrun as a fraction of capex (0.05 = 5 % more). Paid as extra installation
  /// cost: capex and depreciation rise, the hardware value does not.
  public var capexOverrunMean: Double = 0
  /// Standard deviation of the capex overrun. *Estimate*: 0.05.
  public var capexOverrunSD: Double = 0.05
  /// Standard deviation of the electricity price as a fraction of the plan's (one draw per
  /// path). *Estimate*: 0.15.
  public var electricitySD: Double = 0.15
  /// Component failures that take a node out of service; empty = no downtime.
  public var failureModes: [FailureMode] = FailureMode.llama3Defaults
  /// Counterparty default of each contract: annual probability of default (0 = off).
  public var contractDefaultProbability: Double = 0.02
  /// Share of the lost contract revenue recovered from a defaulted counterparty.
  public var recoveryRate: Double = 0.4
  /// Annual IRR below which a path misses the hurdle; `nil` = the plan's discount rate.
  public var hurdleRate: Double?

  /// Creates the default risk model.
  public init() {}

  /// The same model with every spread 0 and no downtime or defaults: every path is the plan.
  public var collapsed: RiskAssumptions {
    var copy = self
    copy.priceDeclineMean = 0
    copy.priceDeclineSD = 0
    copy.utilizationSD = 0
    copy.rampMonthsSD = 0
    copy.capexOverrunMean = 0
    copy.capexOverrunSD = 0
    copy.electricitySD = 0
    copy.failureModes = []
    copy.contractDefaultProbability = 0
    return copy
  }
}

/// A kind of component failure that takes one node out of service until repaired.
public struct FailureMode: Sendable, Equatable, Hashable, Codable {
  /// Name: "gpu", "network" or "host".
  public var kind: String
  /// Units of this kind per node (8 GPUs; 1 for node-level kinds).
  public var unitsPerNode: Int
  /// Mean time between failures of one unit, in hours.
  public var mtbfHours: Double
  /// Mean time to repair (node out of service), in hours.
  public var mttrHours: Double

  /// Creates a failure mode.
  public init(kind: String, unitsPerNode: Int, mtbfHours: Double, mttrHours: Double) {
    self.kind = kind
    self.unitsPerNode = unitsPerNode
    self.mtbfHours = mtbfHours
    self.mttrHours = mttrHours
  }

  /// Failure rates from Meta's Llama 3 405B training run: 16,384 H100 GPUs in 2,048 servers over
  /// 54 days (1,296 h), 419 unexpected interruptions ("The Llama 3 Herd of Models",
  /// arXiv:2407.21783, 2024-07, Table 5). GPU kinds (faulty GPU 148, HBM3 72, SRAM 19, GPU system
  /// processor 17 = 256): MTBF per GPU = 16,384 × 1,296 / 256 = 82,944 h. Network switch and
  /// cable 35: per node 2,048 × 1,296 / 35 = 75,835 h. Everything else (128): per node
  /// 2,048 × 1,296 / 128 = 20,736 h. Repair times are *estimates*: 48 h to swap a GPU board from
  /// the spares pool, 8 h for a cable or switch, 12 h for other host faults.
  public static let llama3Defaults = [
    FailureMode(kind: "gpu", unitsPerNode: 8, mtbfHours: 82_944, mttrHours: 48),
    FailureMode(kind: "network", unitsPerNode: 1, mtbfHours: 75_835, mttrHours: 8),
    FailureMode(kind: "host", unitsPerNode: 1, mtbfHours: 20_736, mttrHours: 12),
  ]
}
