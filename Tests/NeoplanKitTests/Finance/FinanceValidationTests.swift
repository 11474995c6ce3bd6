import Testing

@testable import NeoplanKit

@Suite("Finance assumption validation")
struct FinanceValidationTests {
  @Test func defaultsAreValid() {
    #expect(FinanceAssumptions().validate().isEmpty)
    #expect(FinanceScenario.worked.validate().isEmpty)
    #expect(FinanceScenario.full.validate().isEmpty)
  }

  @Test func badValuesAreReportedByKeyPath() {
    var bad = FinanceAssumptions()
    bad.horizonYears = 0
    bad.utilization = [1.2]
    bad.marketPricePerGPUHour = -1
    bad.debtShare = 1.5
    bad.interestRateAnnual = -0.05
    let keys = Set(bad.validate().map(\.keyPath))
    #expect(
      keys.isSuperset(of: [
        "finance.horizon", "finance.utilization", "finance.marketPrice", "finance.debtShare",
        "finance.interestRate",
      ]))
    #expect(
      bad.validate().allSatisfy {
        $0.severity == .error && !$0.message.isEmpty && $0.expected?.hasPrefix("expected ") == true
      })
  }

  @Test func perYearListsMustMatchTheHorizon() {
    var bad = FinanceAssumptions()
    bad.utilization = [0.8, 0.9]
    bad.pricePath = .perYear([1, 0.8, -0.1])
    let keys = bad.validate().map(\.keyPath)
    #expect(keys.contains("finance.utilization"))
    #expect(keys.contains("finance.pricePath.perYear"))
    #expect(keys.contains("finance.pricePath.perYear[2]"))
  }

  @Test func evaluateRefusesInvalidAssumptions() {
    var bad = FinanceAssumptions()
    bad.utilization = [-0.1]
    let error = #expect(throws: InputError.self) {
      try FinanceEngine.evaluate(inputs: FinanceScenario.h100Node, assumptions: bad)
    }
    // One utilization value is reported at the key itself, not at an index (`utilization[0]`).
    #expect(error?.diagnostics.map(\.keyPath) == ["finance.utilization"])
  }
}
