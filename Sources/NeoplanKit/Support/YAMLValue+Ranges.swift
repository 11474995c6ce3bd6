extension YAMLValue {
  /// The integer, when it lies in `range`; else a located "N is out of range; expected …".
  func int(in range: ClosedRange<Int>, expected what: String) throws -> Int {
    let x = try int()
    guard range.contains(x) else { throw error("\(x) is out of range", expected: "expected \(what)") }
    return x
  }

  /// The finite number, when it lies in `range`; else a located "x is out of range; expected …".
  func double(in range: ClosedRange<Double>, expected what: String) throws -> Double {
    let x = try double()
    guard x.isFinite, range.contains(x) else {
      throw error(
        "\(NumberFormat.fixed(x, decimals: 6, trimZeros: true)) is out of range", expected: "expected \(what)")
    }
    return x
  }
}
