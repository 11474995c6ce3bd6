import Testing

@testable import NeoplanKit

@Suite("risk: statistics")
struct RiskStatisticsTests {
  /// Expected values printed by numpy 2.4.6 / scipy:
  /// `python3 Tests/NeoplanKitTests/Finance/reference/finance_reference.py` (section "risk percentiles").
  static let sample = [3.1, -2.0, 7.5, 0.25, 4.0, 4.0, 10.0, -1.5, 2.2, 6.6, 1.0, 5.3]
  static let numpy: [(Double, Double)] = [
    (0, -2.0), (5, -1.725), (10, -1.3249999999999997), (25, 0.8125), (50, 3.55), (90, 7.41),
    (95, 8.624999999999998), (99, 9.725000000000001), (100, 10.0),
  ]

  @Test func percentilesMatchNumpyToTheLastBit() {
    let sorted = Self.sample.sorted()
    for (q, expected) in Self.numpy {
      #expect(RiskStatistics.percentile(sorted: sorted, q) == expected, "P\(q)")
    }
  }

  @Test func riskPercentilesUseTheSameDefinition() {
    let p = RiskPercentiles(Self.sample)
    #expect(p.p5 == -1.725)
    #expect(p.p10 == -1.3249999999999997)
    #expect(p.p50 == 3.55)
    #expect(p.p90 == 7.41)
    #expect(p.p95 == 8.624999999999998)
    #expect(p.count == 12)
  }

  @Test func paybackNeverIsAnUndefinedPercentile() {
    // Two of four paths never pay back. P5: h = 3 × 0.05 = 0.15, 30 + 0.15 × (40 − 30) = 31.5.
    // P50: h = 1.5 lies between 40 and infinity: undefined (numpy gives nan there).
    let p = RiskPercentiles([30, 40, .infinity, .infinity])
    #expect(p.p5 == 31.5)
    #expect(p.p50 == nil)
  }

  /// scipy.stats.spearmanr(sample, y).statistic = 0.7442784956146897 (same script).
  @Test func spearmanMatchesScipy() {
    let y = [1.0, 2.0, 3.0, 3.0, 5.0, 4.0, 9.0, 0.0, 2.5, 7.0, 1.5, 3.0]
    #expect(abs(RiskStatistics.spearman(Self.sample, y) - 0.7442784956146897) < 1e-15)
    #expect(RiskStatistics.spearman(Self.sample, Array(repeating: 1, count: 12)) == 0)
  }

  @Test func ranksAverageTies() {
    // 4.0 appears twice at sorted positions 7 and 8 (1-based) -> 7.5 each.
    let ranks = RiskStatistics.ranks(Self.sample)
    #expect(ranks[4] == 7.5 && ranks[5] == 7.5)
    #expect(ranks[1] == 1 && ranks[6] == 12)
  }

  @Test func generatorMomentsAndStreams() {
    // 200,000 standard normals: the mean's standard error is 1/√200000 ≈ 0.0022, so |mean| < 0.01
    // fails with probability < 1e-5; the variance's is √(2/200000) ≈ 0.0032.
    var rng = SplitMix64(seed: 7, path: 0)
    var sum = 0.0
    var squares = 0.0
    let n = 200_000
    for _ in 0..<n {
      let z = rng.normal()
      sum += z
      squares += z * z
    }
    #expect(abs(sum / Double(n)) < 0.01)
    #expect(abs(squares / Double(n) - 1) < 0.015)
    // Poisson(4.5) by inversion and Poisson(400) by the normal approximation: means within 4 s.e.
    var small = 0
    var large = 0
    for _ in 0..<20_000 {
      small += rng.poisson(4.5)
      large += rng.poisson(400)
    }
    #expect(abs(Double(small) / 20_000 - 4.5) < 4 * (4.5 / 20_000).squareRoot())
    #expect(abs(Double(large) / 20_000 - 400) < 4 * (400 / 20_000.0).squareRoot())
    // Paths have independent streams: the first draws of paths 0 and 1 differ; a path repeats.
    var a = SplitMix64(seed: 7, path: 0)
    var b = SplitMix64(seed: 7, path: 1)
    var c = SplitMix64(seed: 7, path: 0)
    let first = a.next()
    #expect(first != b.next())
    #expect(first == c.next())
  }
}
