import Foundation

/// Percentiles and rank correlations of path sets.
public enum RiskStatistics {
  /// The `q`-th percentile (0…100) of ascending `sorted` values by linear interpolation between
  /// closest ranks, exactly as numpy's default (`method="linear"`): h = (n − 1) × q ÷ 100,
  /// result = x[⌊h⌋] + (x[⌊h⌋+1] − x[⌊h⌋]) × (h − ⌊h⌋), computed from the upper neighbour when
  /// h − ⌊h⌋ ≥ 0.5 as numpy's `_lerp` does. `nil` for no values or a non-finite result.
  public static func percentile(sorted x: [Double], _ q: Double) -> Double? {
    guard !x.isEmpty else { return nil }
    let h = Double(x.count - 1) * (q / 100)
    let below = Int(h.rounded(.down))
    let t = h - Double(below)
    guard below + 1 < x.count, t > 0 else { return x[min(below, x.count - 1)].finiteOrNil }
    let a = x[below]
    let b = x[below + 1]
    let difference = b - a
    let value = t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    return value.finiteOrNil
  }

  /// Ranks 1…n of `values`, ties given their average rank.
  public static func ranks(_ values: [Double]) -> [Double] {
    // Equal values share their average rank, so their order among themselves does not matter.
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
      let average = Double(start + end) / 2 + 1
      for position in start...end { ranks[order[position]] = average }
      start = end + 1
    }
    return ranks
  }

  /// Spearman's rank correlation (Pearson correlation of the ranks); 0 when either series is
  /// constant.
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    pearson(ranks(x), ranks(y))
  }

  /// Pearson correlation; 0 when either series is constant or the series are empty.
  public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(min(x.count, y.count))
    guard n > 1 else { return 0 }
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in 0..<Int(n) {
      sxy += (x[i] - mx) * (y[i] - my)
      sxx += (x[i] - mx) * (x[i] - mx)
      syy += (y[i] - my) * (y[i] - my)
    }
    guard sxx > 0, syy > 0 else { return 0 }
    return sxy / (sxx * syy).squareRoot()
  }
}

extension Double {
  /// Self when finite, else `nil`.
  var finiteOrNil: Double? { isFinite ? self : nil }
}
