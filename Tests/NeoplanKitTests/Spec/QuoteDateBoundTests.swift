import Testing

@testable import NeoplanKit

/// A quote is valid until `as_of` + `quote.valid_days`, shown on every HTML report; a date past
/// 9999-12-31 cannot be written, and `Day.adding` trapped on it (a quote dated 9999-12-02 crashed,
/// found in review). The last allowed dates below are counted by hand: December has 31 days, so
/// 9999-12-01 + 30 days = 9999-12-31 and 9999-12-01 + 31 days = 10000-01-01.
@Suite struct QuoteDateBoundTests {
  func spec(asOf: String, validDays: Int? = nil) -> String {
    "as_of: \(asOf)\n" + (validDays.map { "quote: {valid_days: \($0)}\n" } ?? "")
      + "compute: {node: hgx-h100-8gpu, nodes: 16}\n"
  }

  /// The first diagnostic planning `yaml` gives (the spec diagnostics suite's helper).
  func diagnostic(_ yaml: String) -> Diagnostic? { SpecDiagnosticsTests().diagnostic(yaml) }

  @Test func lastDayOfValidityIsTheLastDate() throws {
    #expect(diagnostic(spec(asOf: "9999-12-01")) == nil)
    let plan = try TestCatalog.plan(spec(asOf: "9999-12-01"))
    #expect(plan.spec.quote.validUntil(from: plan.spec.asOf) == Day(year: 9999, month: 12, day: 31))
    #expect(diagnostic(spec(asOf: "9999-11-30", validDays: 31)) == nil)
  }

  @Test func asOfTooLateIsLocated() throws {
    let d = try #require(diagnostic(spec(asOf: "9999-12-02")))
    #expect(
      d.description
        == "test.yaml:1:8: error: as_of: 9999-12-02 plus the quote's 30 valid days is after 9999-12-31; expected a date up to 9999-12-01"
    )
    let longer = try #require(diagnostic(spec(asOf: "9999-12-01", validDays: 31)))
    #expect(longer.message.contains("31 valid days"))
    #expect(longer.expected == "expected a date up to 9999-11-30")
  }

  @Test func quoteDateFlag() throws {
    let plan = try TestCatalog.plan(spec(asOf: "2026-11-15"))
    #expect(throws: Never.self) { try plan.spec.checkQuoteDate(fromFlag: nil) }
    #expect(throws: Never.self) { try plan.spec.checkQuoteDate(fromFlag: Day(year: 9999, month: 12, day: 1)) }
    #expect(throws: InputError.self) { try plan.spec.checkQuoteDate(fromFlag: Day(year: 9999, month: 12, day: 2)) }
  }
}

/// Review of issue 13: `finance.utilization: [0.5]` was refused with "expected one value, or one
/// per year" although it is one value. A one-item list now means that value every year, as the
/// finance engine already read it; two values for a 5-year horizon are still refused.
@Suite struct UtilizationListTests {
  func spec(_ utilization: String) -> String {
    "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\nfinance: {horizon_years: 5, utilization: \(utilization)}\n"
  }

  @Test func oneItemListIsOneValue() throws {
    let list = try TestCatalog.plan(spec("[0.5]"))
    let number = try TestCatalog.plan(spec("0.5"))
    #expect(list.financeAssumptions.utilization == [0.5])
    #expect(list.json().rendered() == number.json().rendered())
  }

  @Test func wrongCountIsLocated() throws {
    do {
      _ = try TestCatalog.plan(spec("[0.5, 0.6]"))
      Issue.record("two values for five years were accepted")
    } catch let error as InputError {
      let d = try #require(error.diagnostics.first)
      // column: "finance: {" is 10 characters, "horizon_years: 5, " 18, "utilization: " 13 → `[` at 42
      #expect(
        d.description
          == "test.yaml:3:42: error: finance.utilization: 2 utilization values for a 5-year horizon; expected one value (for every year), or one per year"
      )
    }
  }
}
