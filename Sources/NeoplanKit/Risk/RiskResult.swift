/// P5, P10, P50, P90 and P95 of a figure across the paths (numpy's linear percentiles).
public struct RiskPercentiles: Sendable, Equatable, Codable {
  /// The levels reported, in percent.
  public static let levels: [Double] = [5, 10, 50, 90, 95]
  /// Values at ``levels``; `nil` where the figure is undefined (e.g. payback beyond the horizon).
  public var values: [Double?]
  /// Paths that had the figure (IRRs: a unique root or −100 %; payback: all).
  public var count: Int

  /// The percentiles of `values` (any order).
  public init(_ values: [Double]) {
    let sorted = values.sorted()
    self.values = RiskPercentiles.levels.map { RiskStatistics.percentile(sorted: sorted, $0) }
    count = values.count
  }

  /// P5, P10, P50, P90, P95.
  public var p5: Double? { values[0] }
  /// P10.
  public var p10: Double? { values[1] }
  /// P50 (median).
  public var p50: Double? { values[2] }
  /// P90.
  public var p90: Double? { values[3] }
  /// P95.
  public var p95: Double? { values[4] }
}

/// How much one input drives the spread of the project NPV.
public struct RiskDriver: Sendable, Equatable, Codable {
  /// Input name: price, utilization, ramp, capex, electricity, downtime, counterparty.
  public var input: String
  /// Spearman rank correlation of the input with the project NPV across paths.
  public var rankCorrelation: Double
  /// Squared rank correlation divided by the sum over inputs (shares add up to 1).
  public var varianceShare: Double
}

/// One bin of the project-IRR histogram.
public struct HistogramBin: Sendable, Equatable, Codable {
  /// Lower edge (annual IRR); the first bin also holds everything below.
  public var lower: Double
  /// Upper edge; the last bin also holds everything above.
  public var upper: Double
  /// Paths in the bin.
  public var count: Int
}

/// Percentiles of cumulative unlevered pre-tax cash at one timeline month.
public struct FanPoint: Sendable, Equatable, Codable {
  /// Timeline month.
  public var month: Int
  /// P5, P25, P50, P75, P95 of the cumulative cash.
  public var values: [Double]
}

/// What a Monte Carlo run found.
public struct RiskResult: Sendable, Equatable, Codable {
  /// Paths drawn.
  public var paths: Int
  /// Seed.
  public var seed: UInt64
  /// Hurdle rate tested (annual).
  public var hurdleRate: Double
  /// Unlevered pre-tax IRR (annual).
  public var projectIRR: RiskPercentiles
  /// Equity IRR (annual).
  public var equityIRR: RiskPercentiles
  /// Unlevered pre-tax NPV at the discount rate.
  public var npv: RiskPercentiles
  /// Equity NPV at the cost of equity.
  public var equityNPV: RiskPercentiles
  /// Payback month (`nil` percentiles: beyond the horizon).
  public var paybackMonths: RiskPercentiles
  /// Lowest annual DSCR; `nil` without debt.
  public var minDSCR: RiskPercentiles?
  /// P(project NPV < 0).
  public var probabilityOfLoss: Double
  /// P(equity NPV < 0).
  public var probabilityOfEquityLoss: Double
  /// P(project IRR < hurdle); a path without a unique IRR counts when its NPV is negative.
  public var probabilityBelowHurdle: Double
  /// P(any covenant test fails); `nil` without debt.
  public var probabilityOfBreach: Double?
  /// Inputs ranked by variance share.
  public var drivers: [RiskDriver]
  /// Histogram of the project IRR (paths with a defined IRR).
  public var irrHistogram: [HistogramBin]
  /// Fan of cumulative cash by timeline month, from the first ``fanPaths`` paths.
  public var cashFan: [FanPoint]
  /// Paths behind the fan chart.
  public var fanPaths: Int
}
