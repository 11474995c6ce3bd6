import Foundation

extension RiskEngine {
  /// Bins of the project-IRR histogram.
  static let histogramBins = 16

  /// Percentiles, probabilities, drivers, histogram and fan of a set of path outcomes.
  static func summarize(
    _ outcomes: [PathOutcome], drivers: [Double], fan: [Double], fanPaths: Int, monthCount: Int,
    risk: RiskAssumptions, assumptions: FinanceAssumptions
  ) -> RiskResult {
    let n = Double(max(1, outcomes.count))
    let hurdle = risk.hurdleRate ?? assumptions.discountRate
    let projectIRRs = outcomes.compactMap(\.projectIRR)
    let npvs = outcomes.map(\.npv)
    let hasDebt = outcomes.contains { $0.minDSCR != nil }
    let below = outcomes.filter { outcome in outcome.projectIRR.map { $0 < hurdle } ?? (outcome.npv < 0) }.count
    let dscrs = outcomes.compactMap(\.minDSCR)
    return RiskResult(
      paths: outcomes.count, seed: risk.seed, hurdleRate: hurdle, projectIRR: RiskPercentiles(projectIRRs),
      equityIRR: RiskPercentiles(outcomes.compactMap(\.equityIRR)), npv: RiskPercentiles(npvs),
      equityNPV: RiskPercentiles(outcomes.map(\.equityNPV)),
      paybackMonths: RiskPercentiles(outcomes.map { $0.paybackMonth.map(Double.init) ?? .infinity }),
      minDSCR: hasDebt ? RiskPercentiles(dscrs) : nil,
      probabilityOfLoss: Double(npvs.filter { $0 < 0 }.count) / n,
      probabilityOfEquityLoss: Double(outcomes.filter { $0.equityNPV < 0 }.count) / n,
      probabilityBelowHurdle: Double(below) / n,
      probabilityOfBreach: hasDebt ? Double(outcomes.filter(\.breach).count) / n : nil,
      drivers: driverShares(drivers, npvs: npvs), irrHistogram: histogram(projectIRRs),
      cashFan: fanPoints(fan, paths: fanPaths, months: monthCount), fanPaths: fanPaths)
  }

  /// Squared Spearman correlation of each input with the NPV, normalised to sum to 1; inputs that
  /// did not vary are left out. Sorted by share, then by name.
  static func driverShares(_ values: [Double], npvs: [Double]) -> [RiskDriver] {
    let width = driverInputs.count
    let npvRanks = RiskStatistics.ranks(npvs)
    var rows: [(String, Double)] = []
    for (offset, name) in driverInputs.enumerated() {
      let column = stride(from: offset, to: values.count, by: width).map { values[$0] }
      guard let first = column.first, column.contains(where: { $0 != first }) else { continue }
      rows.append((name, RiskStatistics.pearson(RiskStatistics.ranks(column), npvRanks)))
    }
    let total = rows.reduce(0) { $0 + $1.1 * $1.1 }
    return rows.map {
      RiskDriver(input: $0.0, rankCorrelation: $0.1, varianceShare: total > 0 ? $0.1 * $0.1 / total : 0)
    }
    .sorted { ($1.varianceShare, $0.input) < ($0.varianceShare, $1.input) }
  }

  /// Equal bins from the 1st to the 99th percentile (values outside fall in the end bins).
  static func histogram(_ values: [Double]) -> [HistogramBin] {
    let sorted = values.sorted()
    guard let low = RiskStatistics.percentile(sorted: sorted, 1),
      let high = RiskStatistics.percentile(sorted: sorted, 99)
    else { return [] }
    let width = high > low ? (high - low) / Double(histogramBins) : 0
    guard width > 0 else { return [HistogramBin(lower: low, upper: high, count: sorted.count)] }
    var counts = [Int](repeating: 0, count: histogramBins)
    for value in sorted {
      let bin = Int(((value - low) / width).rounded(.down))
      counts[min(histogramBins - 1, max(0, bin))] += 1
    }
    return counts.enumerated().map { index, count in
      HistogramBin(lower: low + Double(index) * width, upper: low + Double(index + 1) * width, count: count)
    }
  }

  /// P5, P25, P50, P75 and P95 of cumulative cash by month.
  static func fanPoints(_ fan: [Double], paths: Int, months: Int) -> [FanPoint] {
    guard paths > 0 else { return [] }
    return (0..<months).map { month in
      let column = (0..<paths).map { fan[$0 * months + month] }.sorted()
      return FanPoint(
        month: month, values: [5.0, 25, 50, 75, 95].map { RiskStatistics.percentile(sorted: column, $0) ?? 0 })
    }
  }
}
