import Foundation
import Testing

@testable import NeoplanKit

/// The break-even solves build one operating schedule and reprice it, instead of one schedule
/// per price and target (issue 13). These tests hold the repriced flows and the shared solves to
/// the full cash-flow model, bit for bit.
@Suite("Break-even solves from one repriced schedule")
struct FinanceHoistTests {
  static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

  /// The full model's pre-tax flows at starting price `price`.
  static func fullFlows(_ inputs: FinanceInputs, _ assumptions: FinanceAssumptions, price: Double) -> [Double] {
    var priced = assumptions
    priced.marketPricePerGPUHour = price
    return CashFlowModel.build(inputs: inputs, assumptions: priced).projectPreTaxFlows
  }

  /// Repricing to 0, 1, the assumed price and an awkward one gives the full model's flows at
  /// each, on every variation the lean-flow tests use.
  static func expectRepricedEqualsFull(_ inputs: FinanceInputs, _ assumptions: FinanceAssumptions) {
    for (i, a) in LeanFinanceTests.variations(inputs, assumptions) {
      let prices = [0, 1, a.marketPricePerGPUHour, 2.718_281_828, 0]
      let repriced = CashFlowModel.projectPreTaxFlows(inputs: i, assumptions: a, startPrices: prices)
      #expect(repriced.count == prices.count)
      for (price, flows) in zip(prices, repriced) {
        #expect(bits(flows) == bits(fullFlows(i, a, price: price)))
      }
    }
  }

  @Test func financeScenarios() {
    for (inputs, assumptions) in LeanFinanceTests.scenarios { Self.expectRepricedEqualsFull(inputs, assumptions) }
  }

  @Test("every example plan", arguments: HTMLReportTests.examples)
  func examples(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    Self.expectRepricedEqualsFull(plan.financeInputs, plan.financeAssumptions)
  }

  /// Each break-even point, the cost per GPU-hour and the utilization sweep, recomputed from the
  /// full model at prices 0 and 1 (the affine solve: p = −NPV(0) ÷ (NPV(1) − NPV(0))).
  @Test("break-evens, cost per GPU-hour and sweep", arguments: HTMLReportTests.examples)
  func solves(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    let (inputs, assumptions) = (plan.financeInputs, plan.financeAssumptions)
    func fullBreakEven(_ a: FinanceAssumptions, _ target: Double) -> Double? {
      let rate = FinanceMath.monthlyRate(fromAnnual: target)
      let atZero = FinanceMath.npv(ratePerPeriod: rate, cashFlows: Self.fullFlows(inputs, a, price: 0))
      let atOne = FinanceMath.npv(ratePerPeriod: rate, cashFlows: Self.fullFlows(inputs, a, price: 1))
      let slope = atOne - atZero
      guard slope.isFinite, atZero.isFinite, abs(slope) > 1e-12 * max(1, abs(atZero)) else { return nil }
      return -atZero / slope
    }
    #expect(plan.finance.breakEven.count >= 2)
    for point in plan.finance.breakEven {
      #expect(point.startPricePerGPUHour?.bitPattern == fullBreakEven(assumptions, point.targetIRR)?.bitPattern)
    }
    var flat = assumptions
    flat.pricePath = .none
    flat.utilization = [1]
    flat.contracts = []
    flat.utilizationRampMonths = 0
    #expect(plan.finance.costPerGPUHour?.bitPattern == fullBreakEven(flat, assumptions.discountRate)?.bitPattern)
    #expect(plan.finance.utilizationSweep.count == 10)
    for point in plan.finance.utilizationSweep {
      var swept = assumptions
      swept.utilization = [point.utilization]
      #expect(
        point.breakEvenStartPrice?.bitPattern == fullBreakEven(swept, assumptions.discountRate)?.bitPattern)
    }
  }

  /// The series the tornado reads without monthly records give the records' pre-tax and equity
  /// flows, and its schedule repriced to 0 and 1 gives the full model's flows at those prices.
  @Test("cash-flow series equal the records", arguments: HTMLReportTests.examples)
  func series(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    for (i, a) in LeanFinanceTests.variations(plan.financeInputs, plan.financeAssumptions) {
      let series = CashFlowSeries(inputs: i, assumptions: a)
      let full = CashFlowModel.build(inputs: i, assumptions: a)
      #expect(Self.bits(series.projectPreTaxFlows) == Self.bits(full.projectPreTaxFlows))
      #expect(Self.bits(series.equityFlows) == Self.bits(full.equityFlows))
      let priced = series.ops.projectPreTaxFlows(inputs: i, assumptions: a, startPrices: [0, 1])
      #expect(Self.bits(priced[0]) == Self.bits(Self.fullFlows(i, a, price: 0)))
      #expect(Self.bits(priced[1]) == Self.bits(Self.fullFlows(i, a, price: 1)))
    }
  }

  /// Every tornado row (some start from the base schedule) against the full model built afresh
  /// for its variation: the project NPV, the equity NPV and the break-even price, bit for bit.
  @Test("tornado rows equal the full model", arguments: HTMLReportTests.examples)
  func tornado(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    let rows = plan.finance.sensitivity
    #expect(rows.count >= 7)
    for row in rows {
      for (factor, project, equity, breakEven) in [
        (0.8, row.lowProjectNPV, row.lowEquityNPV, row.lowBreakEvenPrice),
        (1.2, row.highProjectNPV, row.highEquityNPV, row.highBreakEvenPrice),
      ] {
        let v = FinanceEngine.vary(
          row.input, by: factor, inputs: plan.financeInputs, assumptions: plan.financeAssumptions)
        let full = CashFlowModel.build(inputs: v.inputs, assumptions: v.assumptions)
        let projectRate = FinanceMath.monthlyRate(fromAnnual: v.assumptions.discountRate)
        let equityRate = FinanceMath.monthlyRate(fromAnnual: v.assumptions.costOfEquity)
        #expect(
          project.bitPattern
            == FinanceMath.npv(ratePerPeriod: projectRate, cashFlows: full.projectPreTaxFlows).bitPattern)
        #expect(equity.bitPattern == FinanceMath.npv(ratePerPeriod: equityRate, cashFlows: full.equityFlows).bitPattern)
        let atZero = FinanceMath.npv(
          ratePerPeriod: projectRate, cashFlows: Self.fullFlows(v.inputs, v.assumptions, price: 0))
        let atOne = FinanceMath.npv(
          ratePerPeriod: projectRate, cashFlows: Self.fullFlows(v.inputs, v.assumptions, price: 1))
        #expect(breakEven?.bitPattern == FinanceEngine.solveAffine(atZero: atZero, atOne: atOne)?.bitPattern)
      }
    }
  }

  /// `OpexBreakdown.total` is the sum from 0 over `OpexLine.allCases` in order, bit for bit, on
  /// awkward values (negative zero, magnitudes that lose low bits, mixed signs).
  @Test func opexTotalIsTheOrderedSum() {
    var random = SystemRandomNumberGenerator()
    let awkward: [Double] = [-0.0, 0, 1e16, -1e16, 0.1, 0.2, 0.3, 1e-300, 3.5, -7.25, 123_456.789]
    for round in 0..<2_000 {
      var opex = OpexBreakdown()
      let pick = { (index: Int) -> Double in
        round < 200 ? awkward[(round + index * 7) % awkward.count] : Double.random(in: -1e9...1e9, using: &random)
      }
      opex.electricity = pick(0)
      opex.colocation = pick(1)
      opex.hosting = pick(2)
      opex.maintenance = pick(3)
      opex.staff = pick(4)
      opex.software = pick(5)
      opex.insurance = pick(6)
      opex.bandwidth = pick(7)
      opex.salesAndOther = pick(8)
      var reference = 0.0
      for line in OpexLine.allCases { reference = reference + opex.amount(of: line) }
      #expect(opex.total.bitPattern == reference.bitPattern)
    }
    // All lines −0: 0 + (−0) + … is +0.
    var zeros = OpexBreakdown()
    zeros.electricity = -0.0
    #expect(zeros.total.bitPattern == 0.0.bitPattern)
  }
}
