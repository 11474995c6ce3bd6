extension Diagnostic {
  /// A finance input error at `keyPath` (e.g. `finance.utilization[2]`), not yet located in a
  /// spec: the pipeline maps the key path to the spec's YAML key and its line. `expected` is what
  /// a valid value looks like ("a fraction between 0 and 1").
  static func finance(_ keyPath: String, _ message: String, expected: String) -> Diagnostic {
    Diagnostic(at: nil, keyPath: keyPath, message: message, expected: "expected " + expected)
  }
}

extension FinanceAssumptions {
  /// Checks every assumption and returns the errors found (empty when valid), each at its
  /// `finance.` key path.
  public func validate() -> [Diagnostic] {
    var p = FinanceProblems()
    validateHorizonAndPrices(&p)
    validateCosts(&p)
    p.problems += validateFinancing()
    for (index, target) in extraTargetIRRs.enumerated() {
      p.check(
        target.isFinite && target > -1, "targetIRRs[\(index)]", "target IRR \(target) is ≤ −100 %",
        "an annual rate > −1")
    }
    return p.problems
  }

  /// The horizon, utilization, market price and price path.
  private func validateHorizonAndPrices(_ p: inout FinanceProblems) {
    let fraction = FinanceProblems.fraction
    let nonNegative = FinanceProblems.nonNegative

    p.check(horizonYears >= 1, "horizon", "horizon is \(horizonYears) years", "a whole number of years ≥ 1")
    p.check(!utilization.isEmpty, "utilization", "no utilization given", "one value, or one per year")
    p.check(
      utilization.count <= 1 || utilization.count == horizonYears, "utilization",
      "\(utilization.count) utilization values for a \(horizonYears)-year horizon",
      "one value, or exactly one per year")
    for (index, value) in utilization.enumerated() {
      let key = utilization.count == 1 ? "utilization" : "utilization[\(index)]"
      p.check(value.isFinite && value >= 0 && value <= 1, key, "utilization \(value) is outside 0…1", fraction)
    }
    p.check(
      marketPricePerGPUHour.isFinite && marketPricePerGPUHour >= 0, "marketPrice",
      "negative market price \(marketPricePerGPUHour)", "a price per GPU-hour ≥ 0")
    switch pricePath {
    case .none:
      break
    case .linear(let endFraction):
      p.check(
        endFraction.isFinite && endFraction >= 0, "pricePath.endFraction",
        "end fraction \(endFraction) would make prices negative", nonNegative)
    case .annualDecline(let rate):
      p.check(
        rate.isFinite && rate <= 1, "pricePath.annualDecline",
        "annual decline \(rate) would make prices negative", "a rate ≤ 1 (negative means rising)")
    case .perYear(let multipliers):
      p.check(
        multipliers.count == horizonYears, "pricePath.perYear",
        "\(multipliers.count) yearly prices for a \(horizonYears)-year horizon", "one value per year")
      for (index, value) in multipliers.enumerated() {
        p.check(
          value.isFinite && value >= 0, "pricePath.perYear[\(index)]",
          "negative price multiplier \(value)", nonNegative)
      }
    }
  }

  /// Lead time, power, facility and running costs, tax and debt terms.
  private func validateCosts(_ p: inout FinanceProblems) {
    let fraction = FinanceProblems.fraction
    let nonNegative = FinanceProblems.nonNegative

    p.check(leadTimeMonths >= 0, "leadTimeMonths", "negative lead time \(leadTimeMonths)", "months ≥ 0")
    p.check(electricityPerKWh >= 0, "electricityPerKWh", "negative electricity price \(electricityPerKWh)", nonNegative)
    // PUE is not checked here: the spec checks it, once, against SpecLimits.pue (1…3).
    if let averageDrawFraction {
      p.check(
        averageDrawFraction >= 0 && averageDrawFraction <= 1, "averageDrawFraction",
        "average draw \(averageDrawFraction) is outside 0…1", fraction)
    }
    switch facilityCost {
    case .colocation(let price):
      p.check(price >= 0, "colocationPerKWMonth", "negative colocation price \(price)", nonNegative)
    case .hosting(let price):
      p.check(price >= 0, "hostingPerNodeMonth", "negative hosting price \(price)", nonNegative)
    }
    let nonNegativeFields: [(String, Double)] = [
      ("maintenancePercent", maintenancePercentOfHardwarePerYear),
      ("staff.fte", staff.fteCount), ("staff.costPerFTE", staff.costPerFTEYear),
      ("softwarePerGPUYear", softwarePerGPUYear), ("insurancePercent", insurancePercentPerYear),
      ("bandwidthPerMonth", bandwidthPerMonth), ("installationPercent", installationPercent),
      ("shippingAndTaxesPercent", shippingAndTaxesPercent),
      ("residualValuePercent", residualValuePercent ?? 0), ("interestRate", interestRateAnnual),
      ("discountRate", discountRate),
    ]
    for (key, value) in nonNegativeFields {
      p.check(value.isFinite && value >= 0, key, "\(key) is \(value)", nonNegative)
    }
    p.check(
      salesAndOtherPercentOfRevenue >= 0 && salesAndOtherPercentOfRevenue <= 1, "salesAndOtherPercent",
      "sales & other \(salesAndOtherPercentOfRevenue) is outside 0…1", fraction)
    p.check(debtShare >= 0 && debtShare <= 1, "debtShare", "debt share \(debtShare) is outside 0…1", fraction)
    p.check(
      debtShare == 0 || debtTermMonths >= 1, "debtTermMonths",
      "debt term is \(debtTermMonths) months", "months ≥ 1 when debt is used")
    p.check(taxRate >= 0 && taxRate <= 1, "taxRate", "tax rate \(taxRate) is outside 0…1", fraction)
    p.check(
      depreciationYears >= 1, "depreciationYears", "depreciation over \(depreciationYears) years",
      "a whole number of years ≥ 1")
  }
}

/// The finance assumption errors found so far, each at its `finance.` key path.
private struct FinanceProblems {
  static let fraction = "a fraction between 0 and 1"
  static let nonNegative = "a number ≥ 0"

  var problems: [Diagnostic] = []

  mutating func check(_ ok: Bool, _ key: String, _ message: @autoclosure () -> String, _ expected: String) {
    if !ok {
      problems.append(.finance("finance." + key, message(), expected: expected))
    }
  }
}

extension FinanceInputs {
  /// Checks the plan's figures and returns the problems found (empty when valid). Key paths
  /// start with "plan.".
  public func validate() -> [Diagnostic] {
    var problems: [Diagnostic] = []
    func check(_ ok: Bool, _ key: String, _ message: String, _ expected: String) {
      if !ok { problems.append(.finance("plan." + key, message, expected: expected)) }
    }
    check(gpuCount >= 0, "gpuCount", "negative GPU count \(gpuCount)", "a count ≥ 0")
    check(nodeCount >= 0, "nodeCount", "negative node count \(nodeCount)", "a count ≥ 0")
    check(itPowerKW.isFinite && itPowerKW >= 0, "itPowerKW", "IT power \(itPowerKW) kW", "kW ≥ 0")
    check(sparesCapex.isFinite && sparesCapex >= 0, "sparesCapex", "spares capex \(sparesCapex)", "an amount ≥ 0")
    for line in capexByCategory {
      check(
        line.amount.isFinite && line.amount >= 0, "capex.\(line.category)",
        "capex \(line.amount) for \(line.category)", "an amount ≥ 0")
    }
    return problems
  }
}
