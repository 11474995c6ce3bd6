import Testing

@testable import NeoplanKit

@Suite("risk: spec section")
struct RiskSpecTests {
  static let head = "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\n"

  func diagnostic(_ yaml: String) -> Diagnostic? {
    do {
      _ = try TestCatalog.spec(Self.head + yaml)
      return nil
    } catch let error as InputError {
      return error.diagnostics.first
    } catch {
      return nil
    }
  }

  @Test func noSectionMeansNoRiskModel() throws {
    #expect(try TestCatalog.spec(Self.head).risk == nil)
  }

  @Test func valuesAreRead() throws {
    let spec = try TestCatalog.spec(
      Self.head + """
        risk:
          paths: 500
          seed: 9
          hurdle_rate: 0.15
          price: {annual_decline_mean: 0.1, annual_decline_sd: 0.3}
          utilization: {sd: 0.1, ramp_months_sd: 3}
          capex_overrun: {mean: 0.05, sd: 0.1}
          electricity: {sd: 0.2}
          downtime: none
          counterparty: {annual_default_probability: 0.05, recovery_rate: 0.25}

        """)
    let r = try #require(spec.risk)
    #expect(r.paths == 500 && r.seed == 9 && r.hurdleRate == 0.15)
    #expect(r.priceDeclineMean == 0.1 && r.priceDeclineSD == 0.3)
    #expect(r.utilizationSD == 0.1 && r.rampMonthsSD == 3)
    #expect(r.capexOverrunMean == 0.05 && r.capexOverrunSD == 0.1 && r.electricitySD == 0.2)
    #expect(r.failureModes.isEmpty)
    #expect(r.contractDefaultProbability == 0.05 && r.recoveryRate == 0.25)
  }

  @Test func failureModesAreRead() throws {
    let spec = try TestCatalog.spec(
      Self.head + "risk:\n  downtime:\n    - {kind: gpu, units_per_node: 8, mtbf_hours: 50000, mttr_hours: 24}\n")
    #expect(spec.risk?.failureModes == [FailureMode(kind: "gpu", unitsPerNode: 8, mtbfHours: 50_000, mttrHours: 24)])
  }

  @Test func outOfRangeValuesAreLocated() throws {
    let cases: [(String, Int, Int, String)] = [
      ("risk:\n  seed: -1\n", 4, 9, "risk.seed"),
      ("risk:\n  utilization: {sd: 0.9}\n", 4, 21, "risk.utilization.sd"),
      ("risk:\n  counterparty: {recovery_rate: 1.5}\n", 4, 33, "risk.counterparty.recovery_rate"),
      ("risk:\n  capex_overrun: {mean: .nan}\n", 4, 25, "risk.capex_overrun.mean"),
      ("risk:\n  downtime:\n    - {kind: gpu, mtbf_hours: 0, mttr_hours: 1}\n", 5, 31, "risk.downtime[0].mtbf_hours"),
      ("risk:\n  pathz: 10\n", 4, 3, "risk.pathz"),
    ]
    for (yaml, line, column, keyPath) in cases {
      let d = try #require(diagnostic(yaml), "\(yaml)")
      #expect(d.location?.line == line, "\(yaml)")
      #expect(d.location?.column == column, "\(yaml)")
      #expect(d.keyPath == keyPath, "\(yaml)")
    }
  }
}
