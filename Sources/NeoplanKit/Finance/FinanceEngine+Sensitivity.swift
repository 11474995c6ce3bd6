extension FinanceEngine {
  /// Relative change applied to each input in the tornado: −20 % and +20 %.
  public static let sensitivityStep = 0.2

  /// The sensitivity tornado: each ``SensitivityInput`` at −20 % and +20 % of its value, with
  /// the unlevered pre-tax NPV, the equity NPV and the break-even starting price at the discount
  /// rate (the varied one for ``SensitivityInput/discountRate``).
  ///
  /// Rows are sorted by ``SensitivityRow/swing`` descending, then by equity-NPV swing, then in
  /// ``SensitivityInput`` order. ``SensitivityInput/priceDecline`` is left out when the price
  /// path is flat. Utilization is capped at 100 %.
  public static func sensitivity(inputs: FinanceInputs, assumptions: FinanceAssumptions)
    -> [SensitivityRow]
  {
    let base = OperatingSchedule(
      inputs: inputs, assumptions: assumptions,
      capexTotal: CapexBreakdown(inputs: inputs, assumptions: assumptions).total)
    let basePriced = base.projectPreTaxFlows(inputs: inputs, assumptions: assumptions, startPrices: [0, 1])
    var rows: [SensitivityRow] = []
    for input in SensitivityInput.allCases {
      if input == .priceDecline && assumptions.pricePath == .none { continue }
      let low = vary(input, by: 1 - sensitivityStep, inputs: inputs, assumptions: assumptions)
      let high = vary(input, by: 1 + sensitivityStep, inputs: inputs, assumptions: assumptions)
      let lowCase = SensitivityCase(input, low.inputs, low.assumptions, base: base, basePriced: basePriced)
      let highCase = SensitivityCase(input, high.inputs, high.assumptions, base: base, basePriced: basePriced)
      rows.append(
        SensitivityRow(
          input: input, lowValue: low.value, highValue: high.value,
          lowProjectNPV: lowCase.projectNPV, highProjectNPV: highCase.projectNPV,
          lowEquityNPV: lowCase.equityNPV, highEquityNPV: highCase.equityNPV,
          lowBreakEvenPrice: lowCase.breakEvenPrice, highBreakEvenPrice: highCase.breakEvenPrice))
    }
    // Ordered by position in `allCases` (an array search: a dictionary keyed by the enum made
    // the runtime look up its Hashable conformance, a scan of the whole binary's records).
    let order = SensitivityInput.allCases
    return rows.sorted { lhs, rhs in
      if lhs.swing != rhs.swing { return lhs.swing > rhs.swing }
      let lhsEquity = abs(lhs.highEquityNPV - lhs.lowEquityNPV)
      let rhsEquity = abs(rhs.highEquityNPV - rhs.lowEquityNPV)
      if lhsEquity != rhsEquity { return lhsEquity > rhsEquity }
      return (order.firstIndex(of: lhs.input) ?? 0) < (order.firstIndex(of: rhs.input) ?? 0)
    }
  }

  /// The inputs and assumptions with one input multiplied by `factor`, and the varied value.
  static func vary(
    _ input: SensitivityInput, by factor: Double, inputs: FinanceInputs,
    assumptions: FinanceAssumptions
  ) -> (inputs: FinanceInputs, assumptions: FinanceAssumptions, value: Double) {
    var i = inputs
    var a = assumptions
    let value: Double
    switch input {
    case .capex:
      i.capexByCategory = i.capexByCategory.map { CapexLine(category: $0.category, amount: $0.amount * factor) }
      i.sparesCapex *= factor
      value = CapexBreakdown(inputs: i, assumptions: a).total
    case .marketPrice:
      a.marketPricePerGPUHour *= factor
      value = a.marketPricePerGPUHour
    case .priceDecline:
      a.pricePath = a.pricePath.scalingDecline(by: factor)
      value = a.pricePath.declineParameter
    case .utilization:
      a.utilization = a.utilization.map { min(1, $0 * factor) }
      value = a.utilization.first ?? 0
    case .electricity:
      a.electricityPerKWh *= factor
      value = a.electricityPerKWh
    case .colocation:
      switch a.facilityCost {
      case .colocation(let price):
        a.facilityCost = .colocation(perKWMonth: price * factor)
        value = price * factor
      case .hosting(let price):
        a.facilityCost = .hosting(perNodeMonth: price * factor)
        value = price * factor
      }
    case .discountRate:
      a.discountRate *= factor
      value = a.discountRate
    case .interestRate:
      a.interestRateAnnual *= factor
      value = a.interestRateAnnual
    }
    return (i, a, value)
  }
}

extension PricePath {
  /// The path's decline parameter: 1 − endFraction (linear), the rate (annualDecline), the last
  /// year's 1 − multiplier (perYear), 0 (none).
  public var declineParameter: Double {
    switch self {
    case .none: 0
    case .linear(let endFraction): 1 - endFraction
    case .annualDecline(let rate): rate
    case .perYear(let multipliers): 1 - (multipliers.last ?? 1)
    }
  }
}

/// One tornado variation's figures: the unlevered pre-tax NPV at its discount rate, the equity
/// NPV at its cost of equity, and the break-even starting price at its discount rate.
///
/// The operating schedule reads neither the discount rate nor the interest rate, and the market
/// price only through revenue (``OperatingSchedule/reprice(inputs:assumptions:)``): those
/// variations start from the base schedule, and their break-even flows (at starting prices 0
/// and 1, whatever the assumed price) are the base's. Every figure has the same bits as from a
/// model built afresh (FinanceHoistTests).
struct SensitivityCase {
  let projectNPV: Double
  let equityNPV: Double
  let breakEvenPrice: Double?

  init(
    _ input: SensitivityInput, _ inputs: FinanceInputs, _ a: FinanceAssumptions, base: OperatingSchedule,
    basePriced: [[Double]]
  ) {
    let series: CashFlowSeries
    let priced: [[Double]]
    switch input {
    case .discountRate, .interestRate:
      series = CashFlowSeries(inputs: inputs, assumptions: a, schedule: base)
      priced = basePriced
    case .marketPrice:
      var schedule = base
      schedule.reprice(inputs: inputs, assumptions: a)
      series = CashFlowSeries(inputs: inputs, assumptions: a, schedule: schedule)
      priced = basePriced
    case .capex, .priceDecline, .utilization, .electricity, .colocation:
      series = CashFlowSeries(inputs: inputs, assumptions: a)
      priced = series.ops.projectPreTaxFlows(inputs: inputs, assumptions: a, startPrices: [0, 1])
    }
    projectNPV = FinanceMath.npv(
      ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: a.discountRate), cashFlows: series.projectPreTaxFlows)
    equityNPV = FinanceMath.npv(
      ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: a.costOfEquity), cashFlows: series.equityFlows)
    breakEvenPrice = FinanceEngine.breakEvenStartPrices(pricedFlows: priced, targetIRRs: [a.discountRate])[0]
  }
}
