/// The finance stage of the pipeline: from a plan's figures and the finance assumptions to a
/// ``FinanceResult``. Pure: no file IO, clock or locale.
public enum FinanceEngine {
  /// Evaluates a plan.
  ///
  /// - Throws: ``InputError`` listing every problem when the assumptions or inputs are invalid,
  ///   each at its `finance.` or `plan.` key path (not yet located in a spec).
  /// - Parameter analyses: `false` skips the utilization sweep, the break-even utilization and
  ///   the sensitivity tornado (left empty or `nil`); every other figure is the same (the design
  ///   search reads only those).
  public static func evaluate(inputs: FinanceInputs, assumptions: FinanceAssumptions, analyses: Bool = true)
    throws(InputError)
    -> FinanceResult
  {
    let problems = assumptions.validate() + inputs.validate()
    guard problems.isEmpty else { throw InputError(problems) }

    let flows = CashFlowModel.build(inputs: inputs, assumptions: assumptions)
    let statements = AnnualStatement.statements(of: flows)
    let rate = assumptions.discountRate
    let capexTotal = flows.capex.total

    let annualOpex = annualOpex(of: flows, years: assumptions.horizonYears)
    let totalOpex = annualOpex.reduce(0) { $0 + $1.lines.total }
    let tco = capexTotal + totalOpex
    let gpuHours = Double(inputs.gpuCount) * FinanceMath.hoursPerMonth * Double(assumptions.horizonMonths)

    let breakEven = breakEvenRates(inputs: inputs, assumptions: assumptions)
    let sweep = analyses ? utilizationSweep(inputs: inputs, assumptions: assumptions) : []

    let cashBreakEven = breakEven.first { $0.targetIRR == 0 }?.startPricePerGPUHour
    let hurdleBreakEven = breakEven.first { $0.targetIRR == rate }?.startPricePerGPUHour
    let verdict = RecoveryVerdict(
      marketPrice: assumptions.marketPricePerGPUHour, cashBreakEven: cashBreakEven, hurdleBreakEven: hurdleBreakEven)
    var result = FinanceResult(
      currencyCode: inputs.currencyCode,
      capex: flows.capex,
      capexPerGPU: flows.capex.total / Double(max(1, inputs.gpuCount)),
      annualOpex: annualOpex,
      totalOpex: totalOpex,
      tco: tco,
      tcoPerGPUHour: gpuHours > 0 ? tco / gpuHours : nil,
      costPerGPUHour: costPerGPUHour(inputs: inputs, assumptions: assumptions),
      projectPreTax: CashFlowReturns(
        cashFlows: flows.projectPreTaxFlows, invested: capexTotal, discountRate: rate),
      projectAfterTax: CashFlowReturns(
        cashFlows: flows.projectAfterTaxFlows, invested: capexTotal, discountRate: rate),
      equity: CashFlowReturns(
        cashFlows: flows.equityFlows, invested: flows.equityInvested, discountRate: assumptions.costOfEquity),
      breakEven: breakEven,
      breakEvenUtilization: analyses ? breakEvenUtilization(inputs: inputs, assumptions: assumptions) : nil,
      sensitivity: analyses ? sensitivity(inputs: inputs, assumptions: assumptions) : [],
      utilizationSweep: sweep,
      cashFlows: flows,
      statements: statements,
      lender: LenderView.make(
        flows: flows, statements: statements, assumptions: assumptions,
        hardware: inputs.hardwareCapexIncludingSpares),
      sourcesAndUses: SourcesAndUses.make(flows: flows))
    result.verdict = verdict
    result.cashBreakEvenPrice = cashBreakEven
    result.hurdleBreakEvenPrice = hurdleBreakEven
    result.pricePaths = PricePathSeries(
      assumptions: assumptions, cashBreakEven: cashBreakEven, hurdleBreakEven: hurdleBreakEven)
    result.marketShare = max(0, 1 - assumptions.contracts.reduce(0) { $0 + $1.share })
    result.capexRecoveryPerYear = capexTotal / Double(max(1, assumptions.horizonYears))
    var running = 0.0
    result.cumulativeProjectCash = flows.projectPreTaxFlows.map { flow in
      running += flow
      return running
    }
    return result
  }

  /// Each horizon year's opex lines: the sum of the operating months that fall in it.
  private static func annualOpex(of flows: MonthlyCashFlows, years: Int) -> [AnnualOpex] {
    var annualOpex: [AnnualOpex] = []
    for year in 1...years {
      let lines = flows.months
        .filter { month in month.operatingMonth.map { ($0 - 1) / 12 + 1 == year } ?? false }
        .reduce(OpexBreakdown()) { $0 + $1.opex }
      annualOpex.append(AnnualOpex(year: year, lines: lines))
    }
    return annualOpex
  }

  /// The break-even start price at 0 %, the discount rate and each extra target IRR (each once).
  private static func breakEvenRates(inputs: FinanceInputs, assumptions: FinanceAssumptions) -> [BreakEvenRate] {
    var targets: [Double] = []
    for target in [0, assumptions.discountRate] + assumptions.extraTargetIRRs where !targets.contains(target) {
      targets.append(target)
    }
    let prices = breakEvenStartPrices(inputs: inputs, assumptions: assumptions, targetIRRs: targets)
    return zip(targets, prices).map { BreakEvenRate(targetIRR: $0, startPricePerGPUHour: $1) }
  }

  /// The hurdle break-even start price at flat utilization 10 %, 20 %, … 100 %.
  private static func utilizationSweep(inputs: FinanceInputs, assumptions: FinanceAssumptions)
    -> [UtilizationSweepPoint]
  {
    (1...10).map { step in
      let utilization = Double(step) / 10
      var flat = assumptions
      flat.utilization = [utilization]
      return UtilizationSweepPoint(
        utilization: utilization,
        breakEvenStartPrice: breakEvenStartPrice(
          inputs: inputs, assumptions: flat, targetIRR: assumptions.discountRate))
    }
  }
}
