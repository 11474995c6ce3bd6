/// How a value outside its range is worded in the located error (the wording is part of the
/// behaviour: messages do not change).
enum RangeWording {
  /// "x is out of range".
  case outOfRange
  /// "x is below min" or "x is above max".
  case belowOrAbove
  /// "x is outside <bounds>", e.g. "outside 0…1".
  case outside(String)
}

extension YAMLValue {
  /// The integer, when it lies in `range`; else a located "N is out of range; expected …".
  func int(in range: ClosedRange<Int>, expected what: String) throws -> Int {
    let x = try int()
    guard range.contains(x) else { throw error("\(x) is out of range", expected: "expected \(what)") }
    return x
  }

  /// The finite number, when it lies in `range`; else a located error worded as `wording` says
  /// (numbers shown with 6 decimals), with "expected `what`".
  func double(in range: ClosedRange<Double>, expected what: String, wording: RangeWording = .outOfRange) throws
    -> Double
  {
    let x = try double()
    guard x.isFinite, range.contains(x) else {
      let shown = NumberFormat.fixed(x, decimals: 6, trimZeros: true)
      let message: String
      switch wording {
      case .outOfRange: message = "\(shown) is out of range"
      case .belowOrAbove:
        message =
          x < range.lowerBound
          ? "\(shown) is below \(NumberFormat.fixed(range.lowerBound, decimals: 6, trimZeros: true))"
          : "\(shown) is above \(NumberFormat.fixed(range.upperBound, decimals: 6, trimZeros: true))"
      case .outside(let bounds): message = "\(shown) is outside \(bounds)"
      }
      throw error(message, expected: "expected \(what)")
    }
    return x
  }
}
