import Foundation

/// An axis-aligned rectangle in SVG user units.
struct LabelBox: Equatable {
  var minX: Double
  var minY: Double
  var maxX: Double
  var maxY: Double

  /// The box of a single-line label centred vertically on `y`.
  init(x: Double, y: Double, width: Double, fontSize: Double, anchor: SVGWriter.Anchor) {
    switch anchor {
    case .start: minX = x
    case .middle: minX = x - width / 2
    case .end: minX = x - width
    }
    maxX = minX + width
    minY = y - fontSize / 2 - 1
    maxY = y + fontSize / 2 + 1
  }

  init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  func intersects(_ other: LabelBox) -> Bool {
    minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
  }

  func contains(_ other: LabelBox) -> Bool {
    other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
  }

  /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
  func intersects(from a: (x: Double, y: Double), to b: (x: Double, y: Double)) -> Bool {
    var t0 = 0.0
    var t1 = 1.0
    let dx = b.x - a.x
    let dy = b.y - a.y
    for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
      if p == 0 {
        if q < 0 { return false }
      } else {
        let r = q / p
        if p < 0 {
          if r > t1 { return false }
          t0 = max(t0, r)
        } else {
          if r < t0 { return false }
          t1 = min(t1, r)
        }
      }
    }
    return true
  }
}

/// Chooses label positions that avoid drawn lines and earlier labels: of the candidate positions
/// the first with no collision wins, otherwise the one with the fewest collisions.
struct LabelPlacer {
  struct Candidate {
    var x: Double
    var y: Double
    var anchor: SVGWriter.Anchor
  }

  /// Region labels must stay inside.
  var bounds: LabelBox
  /// Line segments to avoid.
  var segments: [((x: Double, y: Double), (x: Double, y: Double))] = []
  /// Boxes already taken.
  var taken: [LabelBox] = []

  /// Picks a candidate for a label of `width` at `fontSize` and reserves its box.
  mutating func place(width: Double, fontSize: Double, candidates: [Candidate]) -> Candidate? {
    var best: (candidate: Candidate, box: LabelBox, cost: Int)?
    for candidate in candidates {
      let box = LabelBox(x: candidate.x, y: candidate.y, width: width, fontSize: fontSize, anchor: candidate.anchor)
      var cost = bounds.contains(box) ? 0 : 1_000
      cost += 10 * taken.filter { $0.intersects(box) }.count
      cost += segments.filter { box.intersects(from: $0.0, to: $0.1) }.count
      if best == nil || cost < best!.cost { best = (candidate, box, cost) }
      if cost == 0 { break }
    }
    if let best { taken.append(best.box) }
    return best?.candidate
  }
}
