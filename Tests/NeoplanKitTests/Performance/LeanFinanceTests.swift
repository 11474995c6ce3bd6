import Foundation
import Testing

@testable import NeoplanKit

/// The break-even solves read only the unlevered pre-tax flows, which
/// `CashFlowModel.projectPreTaxFlows` computes without tax, debt or monthly records. These tests
/// hold it to the full model, bit for bit, on every scenario the finance tests use, every
/// example's plan, and every tornado variation of each.
@Suite("Lean project flows equal the full cash-flow model")
struct LeanFinanceTests {
  /// (inputs, assumptions) of the finance scenarios (FinanceTestSupport.swift).
  static let scenarios: [(FinanceInputs, FinanceAssumptions)] = [
    (FinanceScenario.workedInputs, FinanceScenario.worked), (FinanceScenario.fullInputs, FinanceScenario.full),
    (FinanceScenario.h100Node, FinanceScenario.falling), (FinanceScenario.node250k, FinanceScenario.debt100),
    (FinanceScenario.node250k, FinanceScenario.lead6), (FinanceScenario.dscrInputs, FinanceScenario.dscr),
  ]

  /// The assumptions and inputs a finance evaluation varies: the base, each tornado input at
  /// −20 % and +20 %, and the break-even solves' prices 0 and 1 on each.
  static func variations(_ inputs: FinanceInputs, _ assumptions: FinanceAssumptions)
    -> [(FinanceInputs, FinanceAssumptions)]
  {
    var cases = [(inputs, assumptions)]
    for input in SensitivityInput.allCases {
      for factor in [0.8, 1.2] {
        let varied = FinanceEngine.vary(input, by: factor, inputs: inputs, assumptions: assumptions)
        cases.append((varied.inputs, varied.assumptions))
      }
    }
    var all: [(FinanceInputs, FinanceAssumptions)] = []
    for (i, a) in cases {
      all.append((i, a))
      for price in [0.0, 1.0] {
        var priced = a
        priced.marketPricePerGPUHour = price
        all.append((i, priced))
      }
    }
    return all
  }

  static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

  static func expectLeanEqualsFull(_ inputs: FinanceInputs, _ assumptions: FinanceAssumptions) {
    for (i, a) in variations(inputs, assumptions) {
      let full = CashFlowModel.build(inputs: i, assumptions: a).projectPreTaxFlows
      let lean = CashFlowModel.projectPreTaxFlows(inputs: i, assumptions: a)
      #expect(bits(lean) == bits(full))
    }
  }

  @Test func financeScenarios() {
    for (inputs, assumptions) in Self.scenarios { Self.expectLeanEqualsFull(inputs, assumptions) }
  }

  @Test("every example plan", arguments: HTMLReportTests.examples)
  func examples(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    Self.expectLeanEqualsFull(plan.financeInputs, plan.financeAssumptions)
  }

  /// The tornado and the break-even prices, recomputed here from the full model the way the
  /// engine computed them before the lean flows: the same bits.
  @Test("tornado and break-evens equal their full-model computation", arguments: HTMLReportTests.examples)
  func tornado(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    let (inputs, assumptions) = (plan.financeInputs, plan.financeAssumptions)
    func fullNPV(_ i: FinanceInputs, _ a: FinanceAssumptions, _ rate: Double) -> Double {
      FinanceMath.npv(
        ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: rate),
        cashFlows: CashFlowModel.build(inputs: i, assumptions: a).projectPreTaxFlows)
    }
    func fullBreakEven(_ i: FinanceInputs, _ a: FinanceAssumptions, _ target: Double) -> Double? {
      var scenario = a
      return FinanceEngine.solveAffine { price in
        scenario.marketPricePerGPUHour = price
        return fullNPV(i, scenario, target)
      }
    }
    let rows = plan.finance.sensitivity
    #expect(!rows.isEmpty)
    for row in rows {
      for (factor, npv, breakEven) in [
        (0.8, row.lowProjectNPV, row.lowBreakEvenPrice), (1.2, row.highProjectNPV, row.highBreakEvenPrice),
      ] {
        let v = FinanceEngine.vary(row.input, by: factor, inputs: inputs, assumptions: assumptions)
        #expect(npv.bitPattern == fullNPV(v.inputs, v.assumptions, v.assumptions.discountRate).bitPattern)
        #expect(
          breakEven?.bitPattern
            == fullBreakEven(v.inputs, v.assumptions, v.assumptions.discountRate)?.bitPattern)
      }
    }
    for point in plan.finance.breakEven {
      #expect(
        point.startPricePerGPUHour?.bitPattern
          == fullBreakEven(inputs, assumptions, point.targetIRR)?.bitPattern)
    }
  }

  /// Hardware capex leaves out the non-hardware categories: 1000.5 + 250.25 = 1250.75 (the 99 of
  /// "services" excluded), exact in binary.
  @Test func hardwareCapexExcludesNonHardware() {
    var inputs = FinanceInputs(
      gpuCount: 8, nodeCount: 1, itPowerKW: 10,
      capexByCategory: [
        CapexLine(category: "compute", amount: 1000.5), CapexLine(category: "services", amount: 99),
        CapexLine(category: "network", amount: 250.25),
      ], sparesCapex: 10)
    inputs.nonHardwareCategories = ["services"]
    #expect(inputs.hardwareCapex == 1250.75)
    #expect(inputs.hardwareCapexIncludingSpares == 1260.75)
  }
}
