import Foundation
import Testing

@testable import NeoplanKit

@Suite("risk: engine")
struct RiskEngineTests {
  static let scenarios: [(String, FinanceInputs, FinanceAssumptions)] = [
    ("worked", FinanceScenario.workedInputs, FinanceScenario.worked),
    ("full", FinanceScenario.fullInputs, FinanceScenario.full),
  ]

  /// Every distribution collapsed (no spread, no downtime, no default): every percentile of every
  /// figure is the deterministic plan's, from FinanceEngine.
  @Test(arguments: 0..<2) func collapsedDistributionsGiveThePlan(scenario: Int) throws {
    let (_, inputs, assumptions) = Self.scenarios[scenario]
    let plan = try FinanceEngine.evaluate(inputs: inputs, assumptions: assumptions)
    var risk = RiskAssumptions().collapsed
    risk.paths = 40
    let result = RiskEngine.run(inputs: inputs, assumptions: assumptions, risk: risk, threads: 2)
    func all(_ p: RiskPercentiles, _ expected: Double?) -> Bool {
      guard let expected else { return false }
      return p.values.allSatisfy { financeClose($0, expected) }
    }
    #expect(all(result.projectIRR, plan.projectIRR.annual))
    #expect(all(result.equityIRR, plan.equityIRR.annual))
    #expect(all(result.npv, plan.npv))
    #expect(all(result.equityNPV, plan.equity.npv))
    #expect(all(result.paybackMonths, plan.paybackMonth.map(Double.init)) || plan.paybackMonth == nil)
    if let dscr = result.minDSCR { #expect(all(dscr, plan.lender.minDSCR)) }
    #expect(result.probabilityOfLoss == (plan.npv < 0 ? 1 : 0))
    #expect(result.probabilityOfBreach == (plan.lender.breaches.isEmpty ? 0 : 1))
    #expect(result.drivers.isEmpty)
  }

  /// A path with perturbations the deterministic model can express (electricity price, capex
  /// overrun as extra installation, utilization by year, a ramp) equals FinanceEngine on the
  /// perturbed assumptions.
  @Test(arguments: 0..<2) func perturbedPathMatchesTheFullModel(scenario: Int) throws {
    let (_, inputs, assumptions) = Self.scenarios[scenario]
    let model = RiskPathModel(inputs: inputs, assumptions: assumptions)
    var draw = RiskDraw.plan(model)
    draw.electricityFactor = 1.3
    draw.capexFactor = 1.1
    draw.utilization = (0..<assumptions.horizonYears).map { 0.5 + 0.1 * Double($0) }
    draw.rampMonths = 5
    var changed = assumptions
    changed.electricityPerKWh *= 1.3
    let capex = CapexBreakdown(inputs: inputs, assumptions: assumptions)
    // installation' × base = installation × base + 0.1 × capex  =>  capex' = 1.1 × capex
    changed.installationPercent += 0.1 * capex.total / inputs.hardwareCapexIncludingSpares
    changed.utilization = draw.utilization
    changed.utilizationRampMonths = 5
    let expected = try FinanceEngine.evaluate(inputs: inputs, assumptions: changed)
    let path = model.evaluate(draw)
    #expect(financeClose(path.npv, expected.npv, relative: 1e-9))
    #expect(financeClose(path.equityNPV, expected.equity.npv, relative: 1e-9))
    #expect(financeClose(path.projectIRR, expected.projectIRR.annual ?? .nan, relative: 1e-7))
    #expect(financeClose(path.equityIRR, expected.equityIRR.annual ?? .nan, relative: 1e-7))
    #expect(path.paybackMonth == expected.paybackMonth)
    #expect(path.minDSCR.map { financeClose($0, expected.lender.minDSCR ?? .nan) } ?? (expected.lender.minDSCR == nil))
  }

  /// A price factor of 0.8 in every year equals a market price 20 % lower.
  @Test func priceFactorScalesTheMarketPrice() throws {
    let inputs = FinanceScenario.workedInputs
    let assumptions = FinanceScenario.worked
    let model = RiskPathModel(inputs: inputs, assumptions: assumptions)
    var draw = RiskDraw.plan(model)
    draw.priceFactor = draw.priceFactor.map { _ in 0.8 }
    var changed = assumptions
    changed.marketPricePerGPUHour *= 0.8
    let expected = try FinanceEngine.evaluate(inputs: inputs, assumptions: changed)
    #expect(financeClose(model.evaluate(draw).npv, expected.npv, relative: 1e-9))
  }

  /// Same seed, 1 or 2 threads: identical results (every double equal).
  @Test func sameSeedSameResultWhateverTheThreads() {
    var risk = RiskAssumptions()
    risk.paths = 301
    risk.seed = 42
    let one = RiskEngine.run(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, risk: risk, threads: 1)
    let two = RiskEngine.run(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, risk: risk, threads: 2)
    #expect(one == two)
    risk.seed = 43
    let other = RiskEngine.run(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, risk: risk, threads: 2)
    #expect(other.npv != one.npv)
  }

  /// Defaults on: the contract of `full` defaults on some paths (2 %/year over 24 months: about
  /// 1 − 0.98² ≈ 4 % of paths), and the drivers list names it; shares add up to 1.
  @Test func defaultsAndDriversAreReported() {
    var risk = RiskAssumptions()
    risk.paths = 400
    let result = RiskEngine.run(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, risk: risk, threads: 2)
    let names = Set(result.drivers.map(\.input))
    #expect(names.isSuperset(of: ["price", "utilization", "capex", "downtime", "counterparty"]))
    #expect(abs(result.drivers.reduce(0) { $0 + $1.varianceShare } - 1) < 1e-12)
    #expect(result.drivers.first?.input == "price")
    #expect(result.irrHistogram.reduce(0) { $0 + $1.count } == result.projectIRR.count)
    #expect(result.cashFan.count == FinanceScenario.full.leadTimeMonths + FinanceScenario.full.horizonMonths + 1)
    #expect(result.probabilityOfBreach != nil)
  }

  /// Counterparty default in month 6 of a 24-month contract: the lost months are replaced by the
  /// market, and the recovery adds rate × remaining value (19 months × hours × share × price).
  @Test func defaultReplacesContractRevenueWithMarketAndRecovery() throws {
    let inputs = FinanceScenario.fullInputs
    let assumptions = FinanceScenario.full
    let model = RiskPathModel(inputs: inputs, assumptions: assumptions)
    var draw = RiskDraw.plan(model)
    draw.defaultMonth = [6]
    draw.recoveryRate = 0
    var shortened = assumptions
    shortened.contracts[0].termMonths = 5
    let noRecovery = try FinanceEngine.evaluate(inputs: inputs, assumptions: shortened)
    #expect(financeClose(model.evaluate(draw).npv, noRecovery.npv, relative: 1e-9))
    // With 40 % recovery: + 0.4 × 19 × 730 × 64 × 0.5 × 2.2 in month L + 6 = 9, before tax and
    // without sales cost? No: it is revenue, so sales and other (3 %) applies: × 0.97.
    draw.recoveryRate = 0.4
    let recovered = 0.4 * 19 * 730 * 64 * 0.5 * 2.2 * 0.97
    let discount = pow(1 + FinanceMath.monthlyRate(fromAnnual: 0.1), 9)
    #expect(financeClose(model.evaluate(draw).npv, noRecovery.npv + recovered / discount, relative: 1e-9))
  }
}
