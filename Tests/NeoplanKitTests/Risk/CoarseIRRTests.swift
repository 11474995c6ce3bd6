import Testing

@testable import NeoplanKit

@Suite("risk: coarse-to-fine IRR")
struct CoarseIRRTests {
  /// The risk kernel's IRR equals the full 4,001-point scan on the project and equity flows of
  /// 300 random paths of both scenarios (price shocks make many of them change sign 2–4 times),
  /// including the paths with several sign changes.
  @Test func agreesWithTheFullScanOnRiskPaths() {
    var multiSign = 0
    for (inputs, assumptions) in [
      (FinanceScenario.fullInputs, FinanceScenario.full), (FinanceScenario.workedInputs, FinanceScenario.worked),
    ] {
      let model = RiskPathModel(inputs: inputs, assumptions: assumptions)
      var risk = RiskAssumptions()
      risk.priceDeclineSD = 0.8
      for index in 0..<150 {
        let (project, equity, _, _) = model.cashFlows(RiskDraw.draw(model: model, risk: risk, index: index))
        for flows in [project, equity] {
          let changes = FinanceMath.signChanges(cashFlows: flows)
          let full = FinanceMath.irrByGridScan(cashFlows: flows, signChanges: changes)
          if full.cashFlowSignChanges > 1 { multiSign += 1 }
          #expect(FinanceMath.irrCoarseToFine(cashFlows: flows) == full)
          #expect(FinanceMath.irr(cashFlows: flows) == full)
        }
      }
    }
    #expect(multiSign > 20, "the sample must exercise the multi-sign-change branch")
  }

  /// Two roots far apart ([-100, 230, -132]: 10 % and 20 % a month) are both found.
  @Test func findsSeparatedRoots() {
    let result = FinanceMath.irrCoarseToFine(cashFlows: [-100, 230, -132])
    #expect(result.monthlyRoots.count == 2)
    #expect(abs(result.monthlyRoots[0] - 0.1) < 1e-9 && abs(result.monthlyRoots[1] - 0.2) < 1e-9)
  }
}
