import Foundation
import Testing

@testable import NeoplanKit

/// The ICU-free cent rounding (`CentRounding`) against the formatter-based rounding it replaced.
@Suite("Cent rounding without a formatter")
struct CentRoundingTests {
  /// The slow path, as `Money(roundingMajor:)` always did it: `"%.6f"` then half-even to the cent.
  static func formatterCents(_ value: Double) -> Int64 {
    var decimal =
      Decimal(string: String(format: "%.6f", locale: Locale(identifier: "en_US_POSIX"), value)) ?? Decimal(value)
    decimal *= 100
    var rounded = Decimal()
    NSDecimalRound(&rounded, &decimal, 0, .bankers)
    return Int64(truncating: rounded as NSDecimalNumber)
  }

  /// A deterministic generator (SplitMix64), so a failure names a reproducible value.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
  }

  /// Worked by hand: 0.125 is exact in binary → "0.125000" → 12.5 cents → 12 (even);
  /// 0.375 → 37.5 → 38; −0.125 → −12; 2.675 is 2.67499999999999982… in binary, which "%.6f"
  /// prints as 2.675000 → 267.5 → 268 (the double rounding the old path always did);
  /// 1.0000004 → 1.000000 → 100; 0.0049995 prints 0.004999 or 0.005000 (0.49… or 0.5 cents) → 0 either way.
  @Test func handWorkedValues() {
    #expect(CentRounding.cents(ofMajor: 0.125) == 12)
    #expect(CentRounding.cents(ofMajor: 0.375) == 38)
    #expect(CentRounding.cents(ofMajor: -0.125) == -12)
    #expect(CentRounding.cents(ofMajor: 2.675) == 268)
    #expect(CentRounding.cents(ofMajor: 1.000_000_4) == 100)
    #expect(CentRounding.cents(ofMajor: 0.004_999_5) == 0)
    #expect(CentRounding.cents(ofMajor: 0) == 0)
    #expect(CentRounding.cents(ofMajor: 123_456_789.015) == 12_345_678_902)
  }

  /// Not finite or too large: `nil`, never a trap.
  @Test func outOfRangeIsNil() {
    #expect(CentRounding.cents(ofMajor: .infinity) == nil)
    #expect(CentRounding.cents(ofMajor: -.infinity) == nil)
    #expect(CentRounding.cents(ofMajor: .nan) == nil)
    #expect(CentRounding.cents(ofMajor: 9e12) == nil)
    #expect(CentRounding.cents(ofMajor: -1e300) == nil)
    #expect(CentRounding.cents(ofMajor: .greatestFiniteMagnitude) == nil)
    #expect(CentRounding.cents(ofMajor: 8.999_999e12) == 899_999_900_000_000)
    #expect(Money(roundingMajor: 1e300, currency: "USD").currency == "USD")  // falls back, does not trap
  }

  /// Random values of every magnitude, cent and 6-decimal ties (k/128 and k/8 are exact in
  /// binary), their neighbours one ulp away, subnormals and negatives: both paths agree.
  @Test func agreesWithTheFormatter() {
    var random = SplitMix(state: 0x1234_5678)
    var values: [Double] = [5e-324, 1e-310, 4.9e-7, 5e-7, 5.000001e-7, 0.005, 0.015, 0.025, 1.005, 8.5e12]
    for _ in 0..<10_000 {
      let magnitude = pow(10.0, Double(random.next() % 13) - 1)
      values.append(random.unit() * magnitude)
    }
    for _ in 0..<3_000 {
      let whole = Double(random.next() % 10_000_000)
      values.append(whole + Double(random.next() % 128) / 128)
      values.append(whole + Double(random.next() % 8) / 8)
      values.append(whole + Double(random.next() % 1000) / 1000 + 0.0005)
      values.append(whole + Double(random.next() % 100) / 100 + 0.005)
    }
    values += values.flatMap { [$0.nextUp, $0.nextDown, -$0] }
    var mismatches: [Double] = []
    for value in values where CentRounding.cents(ofMajor: value) != Self.formatterCents(value) {
      mismatches.append(value)
    }
    #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    #expect(values.count > 80_000)
  }
}
