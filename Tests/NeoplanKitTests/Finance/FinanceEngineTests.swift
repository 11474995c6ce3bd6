import Testing

@testable import NeoplanKit

/// End-to-end figures of the engine against reference/finance_reference.py, whose model is a
/// separate implementation of docs/finance.md using numpy-financial and scipy brentq.
@Suite("Finance engine: returns, break-even, sensitivity")
struct FinanceEngineTests {
  @Test func workedExampleReturns() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.workedInputs, assumptions: FinanceScenario.worked)
    // python: worked.capexTotal = 300000.0; worked.tco = 452301.6; tcoPerGPUHour = 2.1513584474885845
    #expect(financeClose(result.capex.total, 300_000))
    #expect(financeClose(result.tco, 452_301.6, relative: 1e-12))
    #expect(financeClose(result.tcoPerGPUHour, 2.1513584474885845, relative: 1e-12))
    // python: worked.year1 opex 52208.84571428571, year3 opex 49325.55428571429
    #expect(result.annualOpex.count == 3)
    #expect(financeClose(result.annualOpex[0].lines.total, 52_208.84571428571, relative: 1e-12))
    #expect(financeClose(result.annualOpex[2].lines.total, 49_325.55428571429, relative: 1e-12))
    // python: worked.npvPreTax = -81973.36800455628, npvAfterTax = -92566.62193312772,
    //         npvEquity@coe = -92821.1278631686 (equity at the 18 % cost of equity)
    #expect(financeClose(result.npv, -81_973.36800455628, relative: 1e-10))
    #expect(financeClose(result.projectAfterTax.npv, -92_566.62193312772, relative: 1e-10))
    #expect(financeClose(result.equity.npv, -92_821.1278631686, relative: 1e-10))
    // python: worked.pre.irrAnnual(brentq) = -0.09881286557642122
    //         (npf.irr monthly -0.008632717793955136 agrees)
    #expect(financeClose(result.projectIRR.annual, -0.09881286557642122, relative: 1e-8))
    // python: worked.after.irrAnnual(brentq) = -0.12529785205185495
    #expect(financeClose(result.projectAfterTax.irr.annual, -0.12529785205185495, relative: 1e-8))
    // python: worked.equity.irrAnnual(brentq) = -0.3691022087628911; only root (np.roots) despite
    //         7 sign changes (annual tax paid in year-end months)
    #expect(result.equityIRR.status == .unique)
    #expect(result.equityIRR.cashFlowSignChanges == 7)
    #expect(financeClose(result.equityIRR.annual, -0.3691022087628911, relative: 1e-8))
    // python: worked.pre.sum = -43869.60000000001 -> MOIC = 1 + sum / 300000 = 0.853768
    #expect(financeClose(result.moic, 1 - 43_869.6 / 300_000, relative: 1e-12))
    // python: worked.pre.paybackMonth = None
    #expect(result.paybackMonth == nil)
    // python: worked.equity.sum = -80051.64382046422; equity invested 150000
    #expect(financeClose(result.equity.moic, 1 - 80_051.64382046422 / 150_000, relative: 1e-10))
  }

  @Test func workedExampleBreakEvens() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.workedInputs, assumptions: FinanceScenario.worked)
    // python: worked.costPerGPUHour = 2.3213094149979554 (brentq on the price)
    #expect(financeClose(result.costPerGPUHour, 2.3213094149979554, relative: 1e-9))
    // python: worked.breakEvenStart@0.0 = 3.3660778658976227, @0.12 = 3.7953130917417326,
    //         @0.2 = 4.071911327337105
    #expect(result.breakEven.map(\.targetIRR) == [0, 0.12, 0.20])
    #expect(financeClose(result.breakEven[0].startPricePerGPUHour, 3.3660778658976227, relative: 1e-9))
    #expect(financeClose(result.breakEven[1].startPricePerGPUHour, 3.7953130917417326, relative: 1e-9))
    #expect(financeClose(result.breakEven[2].startPricePerGPUHour, 4.071911327337105, relative: 1e-9))
    // python: worked.breakEvenUtilization = None (NPV < 0 even at 100 %)
    #expect(result.breakEvenUtilization == nil)
    // python: worked.sweep@0.1 = 30.362504733933974, @0.5 = 6.072500946786803, @1.0 = 3.036250473393409
    #expect(result.utilizationSweep.count == 10)
    #expect(financeClose(result.utilizationSweep[0].breakEvenStartPrice, 30.362504733933974, relative: 1e-9))
    #expect(financeClose(result.utilizationSweep[4].breakEvenStartPrice, 6.072500946786803, relative: 1e-9))
    #expect(financeClose(result.utilizationSweep[9].breakEvenStartPrice, 3.036250473393409, relative: 1e-9))
  }

  @Test func costPerGPUHourGivesZeroNPV() throws {
    let price = try #require(
      FinanceEngine.costPerGPUHour(inputs: FinanceScenario.h100Node, assumptions: FinanceAssumptions()))
    // python: defaultsH100.costPerGPUHour = 1.4315358336396002
    #expect(financeClose(price, 1.4315358336396002, relative: 1e-9))
    var flat = FinanceAssumptions()
    flat.pricePath = .none
    flat.utilization = [1]
    func npv(_ p: Double) -> Double {
      flat.marketPricePerGPUHour = p
      return FinanceEngine.projectNPV(inputs: FinanceScenario.h100Node, assumptions: flat, annualRate: 0.144)
    }
    #expect(abs(npv(price)) < 1e-6)
    // Re-solve with the bracketed solver instead of the analytic formula.
    let solved = RootSolver.bisect(lower: 0, upper: 100, npv)
    #expect(solved.status == .converged)
    #expect(financeClose(solved.root, price, absolute: 1e-9))
  }

  @Test func breakEvenAtTargetZeroGivesZeroIRR() throws {
    let assumptions = FinanceAssumptions()
    let atZero = try #require(
      FinanceEngine.breakEvenStartPrice(inputs: FinanceScenario.h100Node, assumptions: assumptions, targetIRR: 0))
    // python: defaultsH100.breakEvenStart@0.0 = 1.7626360367982699
    #expect(financeClose(atZero, 1.7626360367982699, relative: 1e-9))
    var scenario = assumptions
    scenario.marketPricePerGPUHour = atZero
    let flows = CashFlowModel.build(inputs: FinanceScenario.h100Node, assumptions: scenario)
    #expect(abs(flows.projectPreTaxFlows.reduce(0, +)) < 1e-6)
    let irr = try #require(FinanceMath.irr(cashFlows: flows.projectPreTaxFlows).annual)
    #expect(abs(irr) < 1e-9)
    // At the discount-rate break-even the IRR is the discount rate.
    scenario.marketPricePerGPUHour = try #require(
      FinanceEngine.breakEvenStartPrice(inputs: FinanceScenario.h100Node, assumptions: assumptions, targetIRR: 0.12))
    // python: defaultsH100.breakEvenStart@0.12 = 2.0840764582905713
    #expect(financeClose(scenario.marketPricePerGPUHour, 2.0840764582905713, relative: 1e-9))
    let irr12 = FinanceMath.irr(
      cashFlows: CashFlowModel.build(inputs: FinanceScenario.h100Node, assumptions: scenario).projectPreTaxFlows)
    #expect(financeClose(irr12.annual, 0.12, absolute: 1e-9))
  }

  @Test func defaultAssumptionsOnOneH100Node() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.h100Node, assumptions: FinanceAssumptions())
    // python: defaultsH100.npvPreTax = 33835.667979839025; pre.irrAnnual = 0.2196265781434743;
    //         after.irrAnnual = 0.17321288528415124; pre.paybackMonth = 35; after = 40
    #expect(financeClose(result.npv, 33_835.667979839025, relative: 1e-9))
    #expect(financeClose(result.projectIRR.annual, 0.2196265781434743, relative: 1e-8))
    #expect(financeClose(result.projectAfterTax.irr.annual, 0.17321288528415124, relative: 1e-8))
    #expect(result.paybackMonth == 35)
    #expect(result.projectAfterTax.paybackMonth == 40)
    // No debt: the equity flows are the after-tax project flows.
    #expect(result.equity.irr == result.projectAfterTax.irr)
    // python: defaultsH100.breakEvenUtilization = 0.7742121833440692
    #expect(financeClose(result.breakEvenUtilization, 0.7742121833440692, relative: 1e-9))
  }

  @Test func everyFeatureAtOnce() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full)
    // python: full.npvPreTax = -419198.674405861; npvAfterTax = -483395.319280995;
    //         npvEquity@coe = -507704.2023706766
    #expect(financeClose(result.npv, -419_198.674405861, relative: 1e-10))
    #expect(financeClose(result.projectAfterTax.npv, -483_395.319280995, relative: 1e-10))
    #expect(financeClose(result.equity.npv, -507_704.2023706766, relative: 1e-10))
    // python: full.pre.irrAnnual(brentq) = -0.015162419274614147
    #expect(financeClose(result.projectIRR.annual, -0.015162419274614147, relative: 1e-7))
    // python: full.after.irrAnnual(brentq) = -0.0322126367925718
    #expect(financeClose(result.projectAfterTax.irr.annual, -0.0322126367925718, relative: 1e-7))
    // python: full.equity.allIRRsMonthly(np.roots+brentq) = [-0.01344053697483809], annual
    //         -0.1498820232011664; 3 sign changes. Debt drawn with the capex over the 3-month
    //         lead time leaves a single IRR (drawn at month 0 it gave two).
    #expect(result.equityIRR.status == .unique)
    #expect(result.equityIRR.cashFlowSignChanges == 3)
    #expect(financeClose(result.equityIRR.annual, -0.1498820232011664, relative: 1e-7))
    // python: full.costPerGPUHour = 1.7915564351088165; breakEvenStart@0.0 = 2.579024703200659,
    //         @0.1 = 3.12647237704501, @0.15 = 3.4155033530450822
    #expect(financeClose(result.costPerGPUHour, 1.7915564351088165, relative: 1e-9))
    #expect(financeClose(result.breakEven[0].startPricePerGPUHour, 2.579024703200659, relative: 1e-9))
    #expect(financeClose(result.breakEven[1].startPricePerGPUHour, 3.12647237704501, relative: 1e-9))
    #expect(financeClose(result.breakEven[2].startPricePerGPUHour, 3.4155033530450822, relative: 1e-9))
    // python: full.debtPrincipal = 1348200.0; totalTaxLevered = 20834.962268602656
    #expect(financeClose(result.cashFlows.debtPrincipal, 1_348_200, relative: 1e-12))
    #expect(financeClose(result.cashFlows.months.reduce(0) { $0 + $1.equityTax }, 20_834.962268602656, relative: 1e-9))
    // python: full.totalOpex = 1415185.3399999996 (over the 4 operating years)
    #expect(financeClose(result.totalOpex, 1_415_185.3399999996, relative: 1e-12))
  }

  @Test func fallingPricesLeaveNoIRR() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.node250k, assumptions: FinanceScenario.falling)
    // python: falling.pre.signChanges = 2; np.roots finds no root; the NPV stays ≤ -101610.11 for
    //         every monthly rate in [-0.99, 1]; npf.irr = nan
    #expect(result.projectIRR.status == .noRootInSearchRange)
    #expect(result.projectIRR.cashFlowSignChanges == 2)
    #expect(result.projectIRR.explanation != nil)
    // python: falling.npvPreTax = -101683.10806415386; breakEvenStart@0.144 = 4.132809667549424
    #expect(financeClose(result.npv, -101_683.10806415386, relative: 1e-10))
    #expect(financeClose(result.breakEven[1].startPricePerGPUHour, 4.132809667549424, relative: 1e-9))
  }

  @Test func fullDebtEquityReturns() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.node250k, assumptions: FinanceScenario.debt100)
    // Nothing invested by equity: no MOIC. Its cumulative cash goes negative while debt service
    // exceeds income and stays ≥ 0 from month 51. python: debt100.equity.paybackMonth = 51
    #expect(result.equity.invested == 0)
    #expect(result.equity.moic == nil)
    #expect(result.equity.paybackMonth == 51)
    // python: debt100.equity.signChanges = 6, np.roots finds no root in range
    #expect(result.equityIRR.status == .noRootInSearchRange)
    // python: debt100.npvEquity@coe = 33284.69248364092; pre.irrAnnual = 0.23629352581234686
    #expect(financeClose(result.equity.npv, 33_284.69248364092, relative: 1e-9))
    #expect(financeClose(result.projectIRR.annual, 0.23629352581234686, relative: 1e-8))
    // python: debt100.breakEvenUtilization = 0.7600311696705216
    #expect(financeClose(result.breakEvenUtilization, 0.7600311696705216, relative: 1e-9))
  }

  @Test func zeroUtilizationBreakEvens() throws {
    var zero = FinanceAssumptions()
    zero.utilization = [0]
    zero.residualValuePercent = 0
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.node250k, assumptions: zero)
    // python: zero.npvPreTax = -355266.3957213191; zero.costPerGPUHour = 1.4694530278018902
    //         (independent of utilization); zero.breakEvenUtilization = 0.7957538913960214
    #expect(financeClose(result.npv, -355_266.3957213191, relative: 1e-10))
    #expect(financeClose(result.costPerGPUHour, 1.4694530278018902, relative: 1e-9))
    #expect(financeClose(result.breakEvenUtilization, 0.7957538913960214, relative: 1e-9))
    // No revenue depends on the price at zero utilization: no break-even price.
    #expect(result.breakEven.allSatisfy { $0.startPricePerGPUHour == nil })
    #expect(result.projectIRR.status == .noSignChange)
  }

  @Test func sensitivityTornado() throws {
    let result = try FinanceEngine.evaluate(inputs: FinanceScenario.workedInputs, assumptions: FinanceScenario.worked)
    let rows = result.sensitivity
    #expect(rows.count == 8)
    // python: worked.sensitivity.order(by |pre-tax NPV swing|) = marketPrice ≈ utilization
    //   (123684.67541511258, a tie: revenue ∝ price × utilization), capex 122089.80096466256,
    //   priceDecline 38093.694953911785, colocation 24299.803287825198, discountRate
    //   12823.916629134153, electricity 8869.42820005615, interestRate 0.0
    #expect(Set(rows.prefix(2).map(\.input)) == [.marketPrice, .utilization])
    #expect(
      rows.dropFirst(2).map(\.input) == [
        .capex, .priceDecline, .colocation, .discountRate, .electricity, .interestRate,
      ])
    let capex = try #require(rows.first { $0.input == .capex })
    // python: worked.sensitivity.capex = [(-20928.46752222501, -38956.883831815954, 3.2030499004212203),
    //                                     (-143018.26848688757, -148306.70979922434, 4.387576283062282)]
    //         (equity NPVs at the 18 % cost of equity)
    #expect(financeClose(capex.lowProjectNPV, -20_928.467522225008, relative: 1e-9))
    #expect(financeClose(capex.highProjectNPV, -143_018.26848688757, relative: 1e-9))
    #expect(financeClose(capex.lowEquityNPV, -38_956.883831815954, relative: 1e-9))
    #expect(financeClose(capex.highEquityNPV, -148_306.70979922434, relative: 1e-9))
    #expect(financeClose(capex.lowBreakEvenPrice, 3.2030499004212203, relative: 1e-9))
    #expect(financeClose(capex.highBreakEvenPrice, 4.387576283062282, relative: 1e-9))
    let interest = try #require(rows.first { $0.input == .interestRate })
    // python: worked.sensitivity.interestRate equity NPVs -88912.42115782712 / -96814.50027237787
    #expect(interest.swing == 0)
    #expect(financeClose(interest.lowEquityNPV, -88_912.42115782712, relative: 1e-9))
    #expect(financeClose(interest.highEquityNPV, -96_814.50027237787, relative: 1e-9))
    let discount = try #require(rows.first { $0.input == .discountRate })
    // python: worked.sensitivity.discountRate = [(-75354.75246201409, ..., 3.710837792467686),
    //                                            (-88178.66909114824, ..., 3.879098232057501)]
    #expect(financeClose(discount.lowProjectNPV, -75_354.75246201409, relative: 1e-9))
    #expect(financeClose(discount.highBreakEvenPrice, 3.879098232057501, relative: 1e-9))
    let decline = try #require(rows.first { $0.input == .priceDecline })
    // python: worked.sensitivity.priceDecline low NPV -62926.520527600376, high -101020.21548151216
    #expect(financeClose(decline.lowProjectNPV, -62_926.520527600376, relative: 1e-9))
    #expect(financeClose(decline.highProjectNPV, -101_020.21548151216, relative: 1e-9))
  }
}
