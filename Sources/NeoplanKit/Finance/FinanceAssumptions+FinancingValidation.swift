extension FinanceAssumptions {
  /// Checks the contracts, power draw, warranty, residual curve, debt terms, covenants and
  /// rates added for project finance (part of ``validate()``).
  func validateFinancing() -> [Diagnostic] {
    var problems: [Diagnostic] = []
    func check(_ ok: Bool, _ key: String, _ message: @autoclosure () -> String, _ expected: String) {
      if !ok { problems.append(.finance("finance." + key, message(), expected: expected)) }
    }
    let fraction = "a fraction between 0 and 1"
    for (index, contract) in contracts.enumerated() {
      let key = contracts.count == 1 ? "contract" : "contracts[\(index)]"
      check(
        contract.share >= 0 && contract.share <= 1, key + ".share",
        "contract share \(contract.share) is outside 0…1", fraction)
      check(
        contract.pricePerGPUHour >= 0, key + ".price", "negative contract price \(contract.pricePerGPUHour)",
        "a price per GPU-hour ≥ 0")
      if let term = contract.termMonths {
        check(term >= 0, key + ".termMonths", "negative contract term \(term)", "months ≥ 0")
      }
      check(
        contract.prepayment >= 0 && contract.prepayment <= 1, key + ".prepayment",
        "prepayment \(contract.prepayment) is outside 0…1", fraction)
    }
    let shares = contracts.reduce(0) { $0 + $1.share }
    check(
      shares <= 1 + 1e-12, "contracts", "contract shares add up to \(shares), more than every GPU",
      "shares adding up to at most 1")
    check(utilizationRampMonths >= 0, "utilizationRampMonths", "negative ramp \(utilizationRampMonths)", "months ≥ 0")
    check(
      idleDrawFraction >= 0 && idleDrawFraction <= busyDrawFraction && busyDrawFraction <= 1, "idleDrawFraction",
      "idle draw \(idleDrawFraction) and busy draw \(busyDrawFraction) are not 0 ≤ idle ≤ busy ≤ 1",
      "0 ≤ idle_draw ≤ busy_draw ≤ 1")
    check(warrantyYears >= 0, "warrantyYears", "negative warranty \(warrantyYears)", "years ≥ 0")
    check(!residualCurve.isEmpty, "residualCurve", "empty residual curve", "one fraction per year")
    for (index, value) in residualCurve.enumerated() {
      check(
        value.isFinite && value >= 0 && value <= 1, "residualCurve[\(index)]", "residual \(value) is outside 0…1",
        fraction)
    }
    if let cap = lossCarryForwardCap {
      check(cap >= 0 && cap <= 1, "lossCarryForwardCap", "loss cap \(cap) is outside 0…1", fraction)
    }
    check(costOfEquity.isFinite && costOfEquity >= 0, "costOfEquity", "cost of equity \(costOfEquity)", "a rate ≥ 0")
    check(covenants.minDSCR >= 0, "covenants.minDSCR", "minimum DSCR \(covenants.minDSCR)", "a ratio ≥ 0")
    check(covenants.maxLTV > 0, "covenants.maxLTV", "maximum LTV \(covenants.maxLTV)", "a ratio > 0")
    switch debtSizing {
    case .none, .shareOfCapex:
      break
    case .advanceRate(let rate):
      check(rate >= 0 && rate <= 1, "advanceRate", "advance rate \(rate) is outside 0…1", fraction)
    case .targetDSCR(let target):
      check(target > 0 && target.isFinite, "targetDSCR", "target DSCR \(target)", "a ratio > 0, e.g. 1.3")
      check(
        debtTermMonths <= horizonMonths, "debtTermMonths",
        "a \(debtTermMonths)-month tenor runs past the \(horizonMonths)-month horizon",
        "a tenor within the horizon when the debt is sized to a DSCR")
      let longest = contracts.map { termMonths(of: $0) }.max()
      if let longest {
        check(
          debtTermMonths <= longest, "debtTermMonths",
          "a \(debtTermMonths)-month tenor is longer than the longest contract (\(longest) months)",
          "a tenor no longer than the contracted cash flows it is sized on")
      }
    }
    return problems
  }
}
