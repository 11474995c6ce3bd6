import Foundation
import Testing

@testable import NeoplanKit

/// What the plan summary skips at start-up gives what the longer way gave.
@Suite("Plan summary without the slow steps")
struct PlanSummaryFastPathTests {
  /// The design keys are declared in the order `sortedByPath` puts them (section order, then key
  /// by key), so a plan's figures need no sort; likewise a per-tier row's keys.
  @Test func keysAreDeclaredInPathOrder() {
    let design = PlanSummary.designKeys.map { Figure($0.path, .none) }
    #expect(design.map(\.path) == PlanSummary.sortedByPath(design).map(\.path))
    let tier = PlanSummary.tierKeys.map { Figure($0.path, .none) }
    #expect(tier.map(\.path) == PlanSummary.sortedByPath(tier).map(\.path))
    // By hand: sections compute, fabrics, storage, facility; `switchId` before `switches` (I < e).
    let paths = design.map(\.path)
    #expect(paths.first == "compute.gpuModel")
    #expect(paths.last == "facility.storageRacks")
    let switchID = paths.firstIndex(of: "fabrics.backend.switchId") ?? 0
    let leaf = paths.firstIndex(of: "fabrics.backend.switches.leaf") ?? 0
    #expect(switchID < leaf)
  }

  /// Decimals of every shape a plan writes (counts, powers rounded to 3 places, rates to 4 or 6,
  /// negatives, zero, large values): `plainText` == `NumberFormat.plain`.
  @Test func plainTextEqualsNumberFormatPlain() throws {
    var values: [Decimal] = [0, 1, -1, 10, 100, 512, 1_000_000, -4096, Decimal(Int.max), Decimal(Int.min)]
    for text in ["0.5", "-0.001", "1853.628", "12.300", "0.0001", "-12.5", "1e3", "-0", "0.000", "123456789.123456"] {
      values.append(try #require(Decimal(string: text)))
    }
    var rng = SplitMix64(seed: 8, path: 0)
    for _ in 0..<3000 {
      let x = Double.random(in: -1e7...1e7, using: &rng)
      for decimals in [0, 2, 3, 4, 6] {
        values.append(try #require(jsonRounded(x, decimals)))
        values.append(try #require(jsonRounded(x / 1e6, decimals)))
      }
      values.append(Decimal(Int.random(in: -100_000...100_000, using: &rng)))
    }
    values += values.map { $0 * 10 } + values.map { $0 / 1000 } + values.map { -$0 }
    for value in values {
      #expect(Measure(value, .kilowatts).plainText == NumberFormat.plain(value), "\(value)")
    }
  }

  /// `Measure.plain` by hand, including what it leaves to `NumberFormat.plain`.
  @Test func plainByHand() throws {
    let cases: [(String, String)] = [
      ("0", "0"), ("-0", "0"), ("7", "7"), ("-7", "-7"), ("100", "100"), ("1e3", "1000"), ("0.5", "0.5"),
      ("-0.005", "-0.005"), ("1853.628", "1853.628"), ("12.300", "12.3"), ("123456789.123456", "123456789.123456"),
    ]
    for (text, expected) in cases {
      let value = try #require(Decimal(string: text))
      #expect(Measure.plain(value) == expected, "\(text)")
      #expect(NumberFormat.plain(value) == expected, "\(text)")
    }
    #expect(Measure.plain(.nan) == NumberFormat.plain(.nan))
    let huge = Decimal(UInt64.max) * 1000 + 1  // significand beyond 64 bits: the long way
    #expect(Measure.plain(huge) == NumberFormat.plain(huge))
    #expect(Measure.plain(Decimal(UInt64.max)) == "18446744073709551615")
  }

  /// `jsonRounded` reads the fixed text without a locale: the same decimal, the same text, as
  /// read with `en_US_POSIX`.
  @Test func jsonRoundedEqualsPOSIXParse() throws {
    let posix = Locale(identifier: "en_US_POSIX")
    var rng = SplitMix64(seed: 9, path: 0)
    for _ in 0..<2000 {
      let x = Double.random(in: -1e9...1e9, using: &rng) / Double(Int.random(in: 1...1_000_000, using: &rng))
      for decimals in [2, 3, 4, 6] {
        let text = NumberFormat.fixed(x, decimals: decimals, trimZeros: true)
        let expected = try #require(Decimal(string: text, locale: posix))
        let value = try #require(jsonRounded(x, decimals))
        #expect(value == expected && value.description == expected.description, "\(text)")
      }
    }
    #expect(jsonRounded(.nan, 3) == nil)
    #expect(jsonRounded(.infinity, 3) == nil)
  }

  /// A count's whole number, quick path or long: equal to `Int(exactly:)` (the decimal's plain
  /// text read as an `Int`) for whole numbers, fractions, numbers beyond `Int`, negatives, zero.
  @Test func wholeNumberEqualsIntExactly() throws {
    var values: [Decimal] = [0, 1, -1, 512, Decimal(Int.max), Decimal(Int.min), -Decimal(Int.max) * 10]
    values.append(Decimal(Int.max) + 1)
    values.append(Decimal(UInt64.max) * 1000)
    for text in [
      "0.5", "12.0", "1e3", "1e30", "-7e2", "100.000", "-0.001", "9223372036854775807", "9223372036854775808",
    ] {
      values.append(try #require(Decimal(string: text)))
    }
    var rng = SplitMix64(seed: 10, path: 0)
    for _ in 0..<2000 {
      values.append(Decimal(Int.random(in: -1_000_000_000...1_000_000_000, using: &rng)))
      values.append(try #require(jsonRounded(Double.random(in: -1e6...1e6, using: &rng), 3)))
    }
    for value in values {
      #expect(FigureValue.wholeNumber(value) == Int(exactly: value), "\(value)")
    }
    #expect(FigureValue.wholeNumber(512) == 512)
    #expect(FigureValue.wholeNumber(try #require(Decimal(string: "0.5"))) == nil)
  }
}
