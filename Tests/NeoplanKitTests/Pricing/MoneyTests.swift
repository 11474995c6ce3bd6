import Foundation
import Testing

@testable import NeoplanKit

@Suite("Money, exchange rates, BoM totals")
struct MoneyTests {
  @Test func exactParsing() throws {
    #expect(Money(major: Decimal(string: "36000.00")!, currency: "USD")?.cents == 3_600_000)
    #expect(Money(major: Decimal(string: "0.1")!, currency: "USD")?.cents == 10)
    #expect(Money(major: Decimal(string: "1.005")!, currency: "USD") == nil)  // three decimals
  }

  /// Half-even (banker's) rounding, by hand: 10.00 ÷ 3 = 3.333… → 3.33; 0.05 ÷ 2 = 0.025 → 0.02;
  /// 0.15 ÷ 2 = 0.075 → 0.08; −0.05 ÷ 2 = −0.025 → −0.02.
  @Test func divisionRoundsHalfEven() {
    #expect(Money(cents: 1000, currency: "USD").divided(by: 3).cents == 333)
    #expect(Money(cents: 5, currency: "USD").divided(by: 2).cents == 2)
    #expect(Money(cents: 15, currency: "USD").divided(by: 2).cents == 8)
    #expect(Money(cents: -5, currency: "USD").divided(by: 2).cents == -2)
  }

  /// 1,500,000 CNY × 0.1405 USD/CNY = 210,750.00 USD exactly; 2,188 USD × 7.1 = 15,534.80 CNY;
  /// 0.01 × 0.5 = 0.005 → 0.00 (half-even), 0.03 × 0.5 = 0.015 → 0.02.
  @Test func conversion() {
    #expect(
      Money(cents: 150_000_000, currency: "CNY").converted(rate: Decimal(string: "0.1405")!, to: "USD").cents
        == 21_075_000)
    #expect(
      Money(cents: 218_800, currency: "USD").converted(rate: Decimal(string: "7.1")!, to: "CNY").cents == 1_553_480)
    #expect(Money(cents: 1, currency: "USD").converted(rate: Decimal(string: "0.5")!, to: "X").cents == 0)
    #expect(Money(cents: 3, currency: "USD").converted(rate: Decimal(string: "0.5")!, to: "X").cents == 2)
  }

  @Test func formatting() {
    #expect(Money(cents: 123_456_789, currency: "USD").groupedString == "1,234,567.89")
    #expect(Money(cents: -5, currency: "USD").plainString == "-0.05")
    #expect(Money(cents: 100, currency: "USD").plainString == "1.00")
  }

  /// A CNY-priced node in a USD plan is converted at the spec's dated rate and the line shows it.
  @Test func fxLineInPlan() throws {
    let plan = try TestCatalog.plan(
      """
      as_of: 2026-11-15
      currency: USD
      fx: [{from: CNY, rate: 0.1405, as_of: 2026-11-14, source: "test rate"}]
      compute: {node: hgx-h200-8gpu-cn, nodes: 8}
      """)
    let line = try #require(plan.bom.lines.first { $0.partID == "hgx-h200-8gpu-cn" })
    #expect(line.unitPrice.cents == 21_075_000)
    #expect(line.extendedPrice.cents == 8 * 21_075_000)
    #expect(line.exchangeRate?.asOf == Day("2026-11-14"))
  }

  /// Totals: Σ lines = total; per GPU = total ÷ GPUs rounded half-even.
  @Test func totals() throws {
    let plan = try TestCatalog.plan("as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
    let sum = plan.bom.lines.reduce(Int64(0)) { $0 + $1.extendedPrice.cents }
    #expect(plan.bom.total.cents == sum)
    #expect(plan.bom.categoryTotals.reduce(Int64(0)) { $0 + $1.total.cents } == sum)
    for line in plan.bom.lines { #expect(line.extendedPrice.cents == line.unitPrice.cents * Int64(line.quantity)) }
    let gpus = Int64(128)
    let q = sum / gpus
    let r = sum % gpus
    let expected = (2 * r > gpus || (2 * r == gpus && q % 2 == 1)) ? q + 1 : q
    #expect(plan.bom.perGPU.cents == expected)
  }

  @Test func days() {
    #expect(Day("2026-02-29") == nil)
    #expect(Day("2024-02-29") != nil)
    #expect(Day("2026-13-01") == nil)
    // 2026-05-25 → 2026-11-21: 6 + 30 + 31 + 31 + 30 + 31 + 21 = 180 days.
    #expect(Day("2026-05-25")!.days(to: Day("2026-11-21")!) == 180)
    #expect(Day("1970-01-01")!.ordinal == 0)
  }
}

/// Percentages keep their sign below one percent: −0.4 % is not 0.4 % (an IRR of −0.4 % printed
/// as "0.4%" before). By hand, on the fraction's exact binary value, half-even at one decimal of
/// the percentage: −0.0044 (−0.00440000000000000026…) → −0.4%; 0.1235 (0.12349999999999999866…,
/// below the tie) → 12.3% (the old rule, rounding 12.35 away from zero, printed 12.4%);
/// 0 → 0.0%; −0.1458 → −14.6%.
@Test func percentTextKeepsTheSign() {
  #expect(NumberFormat.percent(-0.0044) == "-0.4%")
  #expect(NumberFormat.percent(0.1235) == "12.3%")
  #expect(NumberFormat.percent(0) == "0.0%")
  #expect(NumberFormat.percent(-0.1458) == "-14.6%")
}
