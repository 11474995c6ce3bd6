import Foundation
import Testing

@testable import NeoplanKit

/// The one formatting module: half-even on the exact value, no locale, no `-0`, no crash.
@Suite("Number formatting")
struct NumberFormatTests {
  /// Ties, worked by hand. The rule: the double's exact binary value is rounded half-even.
  /// 0.125 = 1/8 exactly: a tie between 0.12 and 0.13 → 0.12 (2 is even).
  /// 0.135 is held as 0.135000000000000008881…: above the tie → 0.14 (also what half-even on
  /// the typed text would give, 4 being even).
  /// 2.5 and −2.5 are exact ties → 2 and −2; 3.5 → 4; 0.5 → 0; 1.5 → 2.
  /// 1.005 is held as 1.00499999999999989341…: below the tie → 1.00 (half away from zero on the
  /// product 1.005 × 100 = 100.49999999999999 gives the same; the rule is about the exact value).
  /// 1.015 is held as 1.01499999999999990230… → 1.01.
  @Test func halfEvenTies() {
    #expect(NumberFormat.fixed(0.125, decimals: 2) == "0.12")
    #expect(NumberFormat.fixed(0.375, decimals: 2) == "0.38")
    #expect(NumberFormat.fixed(0.135, decimals: 2) == "0.14")
    #expect(NumberFormat.fixed(2.5, decimals: 0) == "2")
    #expect(NumberFormat.fixed(-2.5, decimals: 0) == "-2")
    #expect(NumberFormat.fixed(3.5, decimals: 0) == "4")
    #expect(NumberFormat.fixed(0.5, decimals: 0) == "0")
    #expect(NumberFormat.fixed(1.5, decimals: 0) == "2")
    #expect(NumberFormat.fixed(1.005, decimals: 2) == "1.00")
    #expect(NumberFormat.fixed(1.015, decimals: 2) == "1.01")
    // 12.25 = 49/4 exactly: tie → 12.2; 12.35 is held as 12.3499999999999996447… → 12.3.
    #expect(NumberFormat.fixed(12.25, decimals: 1) == "12.2")
    #expect(NumberFormat.fixed(12.35, decimals: 1) == "12.3")
    // A tie that carries into the integer part: 9.5 → 10 (0 even), 99.95 is held as
    // 99.9500000000000028421… → 100.0.
    #expect(NumberFormat.fixed(9.5, decimals: 0) == "10")
    #expect(NumberFormat.fixed(99.95, decimals: 1) == "100.0")
  }

  /// Rows computed independently with Python's decimal module, which converts a float exactly:
  /// `format(Decimal(v).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_EVEN), 'f')`, with a
  /// leading `-` dropped from a zero result. Random values of every magnitude (seeded) and exact
  /// binary ties k/2ⁿ.
  @Test(arguments: [
    (0.145, 3, "0.145"), (1.015, 2, "1.01"), (2.675, 2, "2.67"), (-0.0049, 2, "0.00"),
    (1234567.891, 6, "1234567.891000"), (-0.5, 6, "-0.500000"), (999.9995, 3, "1000.000"), (1e-07, 0, "0"),
    (5e-324, 1, "0.0"), (123456789.125, 2, "123456789.12"), (-7.25, 1, "-7.2"), (0.285, 2, "0.28"),
    (1000000000000000.5, 0, "1000000000000000"), (1.1529215046068472e+18, 2, "1152921504606847232.00"),
    (-7473.382026982809, 3, "-7473.382"), (-8.296294638984946e-08, 2, "0.00"), (0.06225280910600504, 1, "0.1"),
    (-58120473.62221744, 4, "-58120473.6222"), (-939412542296.443, 3, "-939412542296.443"),
    (-937351.3772371433, 1, "-937351.4"), (1462498.484884327, 1, "1462498.5"), (0.040355643744228065, 3, "0.040"),
    (-0.8056655378400923, 0, "-1"), (33622278293.593987, 0, "33622278294"), (892102867.9231528, 6, "892102867.923153"),
    (8.920886495755991e-05, 4, "0.0001"), (-874736498.4539963, 4, "-874736498.4540"),
    (-80476701957.2735, 3, "-80476701957.273"), (4299.75, 1, "4299.8"), (1000.65625, 4, "1000.6562"),
    (-6023.5, 0, "-6024"), (-7579.625, 2, "-7579.62"), (525.59375, 4, "525.5938"), (-2539.9375, 3, "-2539.938"),
    (-18033.5, 0, "-18034"),
  ])
  func matchesExactDecimalReference(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
  }

  /// Against an independent implementation: C's `printf("%.*f")` (glibc), which also rounds the
  /// exact binary value half-even (in the default rounding mode), with `-0.00` read as `0.00`.
  /// 20,000 seeded values over 20 orders of magnitude, both signs, plus exact ties k/2ⁿ, at 0…6
  /// decimals, through both the fast path (no grouping) and the general one (grouped). (A test-only
  /// use of `String(format:)`; the product never calls it.)
  @Test func agreesWithPrintfOnTheExactValue() {
    var state: UInt64 = 0x8F0A_7C11
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var mismatches: [String] = []
    for index in 0..<20_000 {
      let unit = Double(next() >> 11) / Double(1 << 53)
      let magnitude = pow(10.0, Double(Int(next() % 20)) - 8)
      var value = unit * magnitude
      if index % 4 == 0 { value = Double(Int(next() % 2_000_001)) / Double(1 << (next() % 12)) }
      if next() % 2 == 0 { value = -value }
      let decimals = Int(next() % 7)
      var reference = String(format: "%.\(decimals)f", value)
      if reference.hasPrefix("-") && reference.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
        reference.removeFirst()
      }
      let ours = NumberFormat.fixed(value, decimals: decimals)
      if ours != reference { mismatches.append("\(value) at \(decimals): \(ours) vs \(reference)") }
      // The grouped form goes through the general path (the plain one has a fast path): same digits.
      let grouped = NumberFormat.fixed(value, decimals: decimals, grouping: "'").replacingOccurrences(of: "'", with: "")
      if grouped != reference { mismatches.append("grouped \(value) at \(decimals): \(grouped) vs \(reference)") }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  /// Grouping by threes from the right, with any separator; trimmed zeros; no `-0`.
  @Test func groupingAndSigns() {
    #expect(NumberFormat.fixed(1_234_567.891, decimals: 2, grouping: ",") == "1,234,567.89")
    #expect(NumberFormat.fixed(-1_234.5, decimals: 1, grouping: ",", minus: "−") == "−1,234.5")
    #expect(NumberFormat.fixed(999.999, decimals: 2, grouping: ",") == "1,000.00")
    #expect(NumberFormat.fixed(123.0, decimals: 0, grouping: ",") == "123")
    #expect(NumberFormat.fixed(12.50, decimals: 3, trimZeros: true) == "12.5")
    #expect(NumberFormat.fixed(40.0, decimals: 3, trimZeros: true) == "40")
    #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
    #expect(NumberFormat.fixed(-0.0, decimals: 1) == "0.0")
    #expect(NumberFormat.fixed(-0.004, decimals: 3, trimZeros: true) == "-0.004")
    #expect(NumberFormat.fixed(-0.0004, decimals: 3, trimZeros: true) == "0")
    #expect(NumberFormat.integer(1_234_567) == "1,234,567")
    #expect(NumberFormat.integer(-1_024, minus: "−") == "−1,024")
    #expect(NumberFormat.integer(999) == "999")
    #expect(NumberFormat.integer(UInt64.max) == "18,446,744,073,709,551,615")
  }

  /// Large values print every digit of the double, with no exponent and no clamping:
  /// 1e21 = 10²¹ is exact in binary; 2⁶⁴ = 18446744073709551616; 1e300's nearest double is
  /// 1000000000000000052504760255204420248704468581108159154915854115111802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115467196834763571470.
  @Test func largeValues() {
    #expect(NumberFormat.fixed(1e21, decimals: 0) == "1000000000000000000000")
    #expect(NumberFormat.fixed(18_446_744_073_709_551_616.0, decimals: 2) == "18446744073709551616.00")
    #expect(NumberFormat.fixed(-1e17, decimals: 0, grouping: ",") == "-100,000,000,000,000,000")
    #expect(
      NumberFormat.fixed(1e300, decimals: 0).hasPrefix("10000000000000000525047602552044202487044685811081591549158541")
    )
    #expect(NumberFormat.fixed(1e300, decimals: 0).count == 301)
    #expect(NumberFormat.fixed(Double.greatestFiniteMagnitude, decimals: 0).count == 309)
    // 2⁵³ + 2 = 9007199254740994, an integer: fraction digits are zeros.
    #expect(NumberFormat.fixed(9_007_199_254_740_994.0, decimals: 3) == "9007199254740994.000")
  }

  /// NaN and infinities never trap; the general form names them, wrappers choose their text.
  @Test func nonFiniteValues() {
    #expect(NumberFormat.fixed(Double.nan, decimals: 2) == "nan")
    #expect(NumberFormat.fixed(.infinity, decimals: 2) == "inf")
    #expect(NumberFormat.fixed(-.infinity, decimals: 0, grouping: ",") == "-inf")
    #expect(NumberFormat.percent(.nan) == "nan")
    #expect(NumberFormat.compact(.infinity) == ("0", ""))
    #expect(NumberFormat.power(kilowatts: .nan) == "nan kW")
    #expect(NumberFormat.fixed(Decimal.nan, decimals: 2) == "nan")
  }

  /// Percentages round the fraction's exact value at decimals + 2, then move the point:
  /// 0.0625 = 1/16 → 6.25% → one decimal, a tie → 6.2% (2 even); 0.1875 = 3/16 → 18.75% → 18.8%
  /// (8 even); 0.5 → 50%; −0.05 (held as −0.05000000000000000277…) → −5%; 0.1825 (held as
  /// 0.18249999999999999555…, below the tie; 18.25% typed would be a tie, also → 18.2%) → 18.2%,
  /// where the binary product 0.1825 × 100 = 18.25 made the old half-away rule print 18.3%; 12.5 → 1,250.0% grouped; −0.0001 → 0.0%.
  @Test func percentages() {
    #expect(NumberFormat.percent(0.0625, decimals: 1) == "6.2%")
    #expect(NumberFormat.percent(0.1875, decimals: 1) == "18.8%")
    #expect(NumberFormat.percent(0.5, decimals: 0) == "50%")
    #expect(NumberFormat.percent(-0.05, decimals: 0) == "-5%")
    #expect(NumberFormat.percent(0.1825, decimals: 1) == "18.2%")
    #expect(NumberFormat.percent(12.5, decimals: 1, grouping: ",") == "1,250.0%")
    #expect(NumberFormat.percent(-0.0001, decimals: 1, minus: "−") == "0.0%")
  }

  /// Power: the unit moves the decimal point of the exact value. 1853.6 kW → 1,853.6 kW;
  /// in MW with 2 decimals: 1.8536 → 1.85; 0.0625 kW in W → 62.5 W, with 0 decimals a tie → 62 W;
  /// 2.5 MW as 2500 kW exactly → "2.5 MW".
  @Test func power() {
    #expect(NumberFormat.power(kilowatts: 1853.6) == "1,853.6 kW")
    #expect(NumberFormat.power(kilowatts: 1853.6, unit: .megawatts, decimals: 2) == "1.85 MW")
    #expect(NumberFormat.power(kilowatts: 0.0625, unit: .watts, decimals: 1) == "62.5 W")
    #expect(NumberFormat.power(kilowatts: 0.0625, unit: .watts, decimals: 0) == "62 W")
    #expect(NumberFormat.power(kilowatts: 2500, unit: .megawatts, decimals: 3, trimZeros: true) == "2.5 MW")
    #expect(NumberFormat.powerValue(kilowatts: 40, decimals: 1, trimZeros: true) == "40")
  }

  /// Money is exact from integer cents: grouping, sign, code, and no rounding at all.
  @Test func money() {
    let amount = Money(cents: -123_456_789, currency: "USD")
    #expect(NumberFormat.money(amount) == "-1,234,567.89")
    #expect(NumberFormat.money(amount, grouping: "") == "-1234567.89")
    #expect(NumberFormat.money(amount, minus: "−", code: true) == "USD −1,234,567.89")
    #expect(NumberFormat.money(Money(cents: 5, currency: "CNY")) == "0.05")
    #expect(NumberFormat.money(Money(cents: Int64.min + 1, currency: "USD")) == "-92,233,720,368,547,758.07")
    // Compact from cents: 48,190,500.00 / 10⁶ = 48.1905 → 1 decimal → 48.2;
    // 48,150,000.00 → 48.15 → a tie at 1 decimal → 48.2 (2 even); 48,250,000.00 → 48.2;
    // 481,905,000,000 cents = 4,819,050,000.00 = 48.1905亿 at 10⁸.
    #expect(
      NumberFormat.compactMoney(Money(cents: 4_819_050_000, currency: "USD"), power: 6, decimals: 1, suffix: "M")
        == "48.2M")
    #expect(
      NumberFormat.compactMoney(Money(cents: 4_815_000_000, currency: "USD"), power: 6, decimals: 1, suffix: "M")
        == "48.2M")
    #expect(
      NumberFormat.compactMoney(Money(cents: 4_825_000_000, currency: "USD"), power: 6, decimals: 1, suffix: "M")
        == "48.2M")
    #expect(
      NumberFormat.compactMoney(Money(cents: 481_905_000_000, currency: "CNY"), power: 8, decimals: 2, suffix: "亿")
        == "48.19亿")
    #expect(
      NumberFormat.compactMoney(Money(cents: 123_456, currency: "USD"), power: 0, decimals: 2, suffix: "") == "1,234.56"
    )
    #expect(
      NumberFormat.compactMoney(Money(cents: -250_000, currency: "USD"), power: 3, decimals: 0, suffix: "k", minus: "−")
        == "−2k")
  }

  /// Compact axis labels: the unit steps up while the value, rounded in the current unit, reads
  /// 1000 or more. 999,999 → 999.999k → 2 decimals → 1000.00k → 1.00M → "1M" (zeros trimmed).
  /// 1,234,500 = 1.2345M → 1.23 (third decimal 4, below the tie); 1,235,000 = 1.235M exactly,
  /// a tie → 1.24 (4 even); 1,225,000 → 1.225, a tie → 1.22 (2 even); 5·10¹⁵ → 5000T (no unit above T).
  @Test func compactLabels() {
    #expect(NumberFormat.compact(1_200_000) == ("1.2", "M"))
    #expect(NumberFormat.compact(950) == ("950", ""))
    #expect(NumberFormat.compact(999_999) == ("1", "M"))
    #expect(NumberFormat.compact(1_234_500) == ("1.23", "M"))
    #expect(NumberFormat.compact(1_235_000) == ("1.24", "M"))
    #expect(NumberFormat.compact(1_225_000) == ("1.22", "M"))
    #expect(NumberFormat.compact(-2_300_000) == ("-2.3", "M"))
    #expect(NumberFormat.compact(5e15) == ("5000", "T"))
  }

  /// Exact decimals (the diff's figures): half-even on the decimal value itself.
  @Test func decimals() throws {
    func d(_ text: String) throws -> Decimal {
      try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
    }
    #expect(NumberFormat.fixed(try d("0.125"), decimals: 2) == "0.12")
    #expect(NumberFormat.fixed(try d("1.005"), decimals: 2) == "1.00")
    #expect(NumberFormat.fixed(try d("1.015"), decimals: 2) == "1.02")
    #expect(NumberFormat.fixed(try d("-0.03125"), decimals: 4) == "-0.0312")
    #expect(NumberFormat.fixed(try d("-0.00004"), decimals: 4) == "0.0000")
    #expect(NumberFormat.fixed(try d("1234567.5"), decimals: 0, grouping: ",") == "1,234,568")
    #expect(NumberFormat.fixed(try d("12.5"), decimals: 3) == "12.500")
    #expect(NumberFormat.plain(try d("-12.50")) == "-12.5")
    #expect(NumberFormat.plain(try d("16")) == "16")
    #expect(NumberFormat.plain(try d("1e20")) == "100000000000000000000")
    #expect(NumberFormat.plain(try d("0.000001")) == "0.000001")
  }

  /// ISO dates, with the year padded to four digits.
  @Test func dates() throws {
    #expect(NumberFormat.date(try #require(Day(year: 2026, month: 11, day: 21))) == "2026-11-21")
    #expect(NumberFormat.date(try #require(Day(year: 987, month: 1, day: 2))) == "0987-01-02")
    #expect(NumberFormat.isoDate(year: 2025, month: 8, day: nil) == "2025-08")
  }
}
