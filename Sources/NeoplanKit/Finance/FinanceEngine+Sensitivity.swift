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
    var rows: [SensitivityRow] = []
    for input in SensitivityInput.allCases {
      if input == .priceDecline && assumptions.pricePath == .none { continue }
      let low = vary(input, by: 1 - sensitivityStep, inputs: inputs, assumptions: assumptions)
      let high = vary(input, by: 1 + sensitivityStep, inputs: inputs, assumptions: assumptions)
      let lowFlows = CashFlowSeries(inputs: low.inputs, assumptions: low.assumptions)
      let highFlows = CashFlowSeries(inputs: high.inputs, assumptions: high.assumptions)
      func npv(_ flows: [Double], _ a: FinanceAssumptions) -> Double {
        FinanceMath.npv(ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: a.discountRate), cashFlows: flows)
      }
      // The break-even price from the variation's own operating schedule, repriced to 0 and 1.
      func breakEven(_ flows: CashFlowSeries, _ v: (inputs: FinanceInputs, assumptions: FinanceAssumptions)) -> Double?
      {
        breakEvenStartPrices(
          pricedFlows: flows.ops.projectPreTaxFlows(inputs: v.inputs, assumptions: v.assumptions, startPrices: [0, 1]),
          targetIRRs: [v.assumptions.discountRate])[0]
      }
      rows.append(
        SensitivityRow(
          input: input, lowValue: low.value, highValue: high.value,
          lowProjectNPV: npv(lowFlows.projectPreTaxFlows, low.assumptions),
          highProjectNPV: npv(highFlows.projectPreTaxFlows, high.assumptions),
          lowEquityNPV: FinanceMath.npv(
            ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: low.assumptions.costOfEquity),
            cashFlows: lowFlows.equityFlows),
          highEquityNPV: FinanceMath.npv(
            ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: high.assumptions.costOfEquity),
            cashFlows: highFlows.equityFlows),
          lowBreakEvenPrice: breakEven(lowFlows, (low.inputs, low.assumptions)),
          highBreakEvenPrice: breakEven(highFlows, (high.inputs, high.assumptions))))
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
