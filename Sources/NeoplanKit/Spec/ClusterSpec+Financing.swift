import Foundation

/// YAML keys of the project-finance assumptions, by the key path `FinanceAssumptions.validate()`
/// reports (merged into `financeKeyPaths`).
let financingKeyPaths: [String: String] = [
  "finance.contract.share": "finance.contract.share",
  "finance.contract.price": "finance.contract.price",
  "finance.contract.prepayment": "finance.contract.prepayment",
  "finance.contracts": "finance.contracts",
  "finance.utilizationRampMonths": "finance.utilization_ramp_months",
  "finance.idleDrawFraction": "finance.idle_draw",
  "finance.warrantyYears": "finance.warranty_years",
  "finance.residualCurve": "finance.residual_curve",
  "finance.lossCarryForwardCap": "finance.tax.loss_cap",
  "finance.costOfEquity": "finance.cost_of_equity",
  "finance.covenants.minDSCR": "finance.financing.covenants.min_dscr",
  "finance.covenants.maxLTV": "finance.financing.covenants.max_ltv",
  "finance.advanceRate": "finance.financing.advance_rate",
  "finance.targetDSCR": "finance.financing.target_dscr",
]

extension SpecDecoder {
  /// Keys of `finance:` decoded here (added to the section's allowed keys).
  static let projectFinanceKeys = [
    "contracts", "utilization_ramp_months", "idle_draw", "busy_draw", "warranty_years", "residual_curve",
    "cost_of_equity",
  ]

  /// Decodes the project-finance keys of `finance:`: contracts (one `contract:` or a list
  /// `contracts:`), the utilization ramp, idle and busy draw, warranty, residual curve and cost of
  /// equity. Contradictory combinations are located errors.
  mutating func decodeProjectFinance(_ map: YAMLMapping, into a: inout FinanceAssumptions) throws {
    if map["contract"] != nil, let list = map["contracts"] {
      throw list.error("give contract or contracts, not both", expected: "expected one list of contracts")
    }
    if let v = map["contract"] { a.contracts = [try contract(v, index: 0)] }
    if let v = map["contracts"] {
      a.contracts = try v.sequence().enumerated().map { try contract($1, index: $0) }
      let total = a.contracts.reduce(0) { $0 + $1.share }
      if total > 1 + 1e-9 {
        throw v.error(
          "contract shares add up to \(NumberFormat.fixed(total, decimals: 4, trimZeros: true))",
          expected: "expected shares adding up to at most 1")
      }
    }
    if let v = map["utilization_ramp_months"] {
      a.utilizationRampMonths = try v.int(in: 0...120, expected: "0…120 months")
    }
    if let draw = map["average_draw"], map["idle_draw"] != nil || map["busy_draw"] != nil {
      throw draw.error(
        "average_draw fixes the draw; idle_draw and busy_draw scale it with utilization",
        expected: "expected average_draw, or idle_draw and busy_draw")
    }
    if let v = map["idle_draw"] { a.idleDrawFraction = try fraction(v) }
    if let v = map["busy_draw"] { a.busyDrawFraction = try fraction(v) }
    if a.idleDrawFraction > a.busyDrawFraction, let v = map["idle_draw"] ?? map["busy_draw"] {
      throw v.error(
        "idle draw \(NumberFormat.fixed(a.idleDrawFraction, decimals: 3, trimZeros: true)) is above busy draw \(NumberFormat.fixed(a.busyDrawFraction, decimals: 3, trimZeros: true))",
        expected: "expected idle_draw ≤ busy_draw")
    }
    if let v = map["warranty_years"] { a.warrantyYears = try v.int(in: 0...10, expected: "0…10 years") }
    if let v = map["residual_curve"] {
      let items = try v.sequence()
      guard !items.isEmpty else { throw v.error("empty residual curve", expected: "expected one fraction per year") }
      a.residualCurve = try items.map { try fraction($0) }
    }
    if let v = map["cost_of_equity"] { a.costOfEquity = try rate(v) }
  }

  /// Decodes `finance.financing`: debt sizing (debt_share, advance_rate or target_dscr, one of
  /// them), the rate (interest_rate, or base_rate + spread), its convention, tenor, amortization,
  /// interest during construction and covenants.
  mutating func decodeFinancing(_ value: YAMLValue, into a: inout FinanceAssumptions) throws {
    let f = try value.mapping()
    try f.rejectUnknownKeys([
      "debt_share", "advance_rate", "target_dscr", "interest_rate", "base_rate", "spread", "rate_convention",
      "term_months", "amortization", "interest_during_construction", "covenants", "upfront_fee", "reserve_months",
    ])
    remember(f)
    let sizing = ["debt_share", "advance_rate", "target_dscr"].filter { f[$0] != nil }
    if sizing.count > 1, let second = f[sizing[1]] {
      throw second.error(
        "\(sizing.joined(separator: " and ")) both size the debt",
        expected: "expected one of debt_share, advance_rate, target_dscr")
    }
    if let v = f["debt_share"] { a.debtShare = try fraction(v) }
    if let v = f["advance_rate"] { a.debtSizing = .advanceRate(try fraction(v)) }
    if let v = f["target_dscr"] {
      let target = try v.double()
      guard target >= 1, target <= 10 else {
        throw v.error(
          "target DSCR \(NumberFormat.fixed(target, decimals: 3, trimZeros: true))",
          expected: "expected a ratio from 1 to 10, e.g. 1.3")
      }
      a.debtSizing = .targetDSCR(target)
    }
    if let v = f["interest_rate"], f["base_rate"] != nil || f["spread"] != nil {
      throw v.error("interest_rate and base_rate + spread both set the rate", expected: "expected one of them")
    }
    if let v = f["interest_rate"] { a.interestRateAnnual = try rate(v) }
    if f["base_rate"] != nil || f["spread"] != nil {
      let base = try f.required("base_rate", expected: "a base rate such as SOFR, e.g. 0.043")
      let spread = try f.required("spread", expected: "the margin over the base rate, e.g. 0.045")
      a.interestRateAnnual = try rate(base) + rate(spread)
    }
    if let v = f["rate_convention"] {
      a.interestConvention = try choice(v, RateConvention.self, ["nominal", "effective"])
    }
    if let v = f["term_months"] { a.debtTermMonths = try v.int(in: 1...360, expected: "1…360 months") }
    if let v = f["amortization"] {
      a.amortization = try choice(v, Amortization.self, ["annuity", "straight-line", "sculpted"])
    }
    if let v = f["interest_during_construction"] {
      a.interestDuringConstruction = try choice(v, InterestDuringConstruction.self, ["capitalised", "paid"])
    }
    if let v = f["upfront_fee"] { a.upfrontFee = try fraction(v) }
    if let v = f["reserve_months"] { a.reserveMonths = try v.int(in: 0...24, expected: "0…24 months") }
    if let v = f["covenants"] {
      let c = try v.mapping()
      try c.rejectUnknownKeys(["min_dscr", "max_ltv"])
      remember(c)
      if let x = c["min_dscr"] { a.covenants.minDSCR = try ratio(x, "a DSCR such as 1.2") }
      if let x = c["max_ltv"] { a.covenants.maxLTV = try ratio(x, "an LTV such as 0.8") }
    }
  }

  /// One contract: share, price, term_months, prepayment, name.
  private mutating func contract(_ value: YAMLValue, index: Int) throws -> ContractMix {
    let c = try value.mapping()
    try c.rejectUnknownKeys(["share", "price", "term_months", "prepayment", "name"])
    remember(c)
    let price = try c.required("price", expected: "the contract price per GPU-hour")
    let priceValue = try price.double()
    guard priceValue >= 0 else { throw price.error("negative contract price", expected: "expected a price ≥ 0") }
    return ContractMix(
      share: try c["share"].map { try fraction($0) } ?? 0, pricePerGPUHour: priceValue,
      termMonths: try c["term_months"].map { try $0.int(in: 1...360, expected: "1…360 months") },
      prepayment: try c["prepayment"].map { try fraction($0) } ?? 0,
      name: try c["name"]?.string() ?? "contract \(index + 1)")
  }

  private func fraction(_ v: YAMLValue) throws -> Double {
    let x = try v.double()
    guard x >= 0, x <= 1 else {
      throw v.error(
        "\(NumberFormat.fixed(x, decimals: 6, trimZeros: true)) is outside 0…1",
        expected: "expected a fraction from 0 to 1 (0.10 is 10%)")
    }
    return x
  }

  private func rate(_ v: YAMLValue) throws -> Double {
    let x = try v.double()
    guard x >= 0, x <= 1 else {
      throw v.error(
        "\(NumberFormat.fixed(x, decimals: 6, trimZeros: true)) is outside 0…1",
        expected: "expected an annual rate such as 0.12")
    }
    return x
  }

  private func ratio(_ v: YAMLValue, _ what: String) throws -> Double {
    let x = try v.double()
    guard x > 0, x <= 100 else {
      throw v.error(
        "\(NumberFormat.fixed(x, decimals: 6, trimZeros: true)) is out of range", expected: "expected \(what)")
    }
    return x
  }

  private func choice<T: RawRepresentable>(_ v: YAMLValue, _ type: T.Type, _ allowed: [String]) throws -> T
  where T.RawValue == String {
    let text = try v.string()
    if let value = T(rawValue: text) { return value }
    var hint = "expected one of " + allowed.joined(separator: ", ")
    if let guess = closestMatch(to: text, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
    throw v.error("'\(text)' is not allowed here", expected: hint)
  }
}
