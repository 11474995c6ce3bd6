import Foundation

/// YAML keys of the project-finance assumptions, by the key path `FinanceAssumptions.validate()`
/// reports (merged into `financeKeyPaths`).
let financingKeyPaths: [String: String] = [
  "finance.contract.share": "finance.contract.share",
  "finance.contract.price": "finance.contract.price",
  "finance.contract.prepayment": "finance.contract.prepayment",
  "finance.contracts": FinanceKey.contracts.path.text,
  "finance.utilizationRampMonths": FinanceKey.utilizationRampMonths.path.text,
  "finance.idleDrawFraction": FinanceKey.idleDraw.path.text,
  "finance.warrantyYears": FinanceKey.warrantyYears.path.text,
  "finance.residualCurve": FinanceKey.residualCurve.path.text,
  "finance.lossCarryForwardCap": TaxKey.lossCap.path.text,
  "finance.costOfEquity": FinanceKey.costOfEquity.path.text,
  "finance.covenants.minDSCR": CovenantKey.minDSCR.path.text,
  "finance.covenants.maxLTV": CovenantKey.maxLTV.path.text,
  "finance.advanceRate": FinancingKey.advanceRate.path.text,
  "finance.targetDSCR": FinancingKey.targetDSCR.path.text,
]

extension SpecDecoder {
  /// Decodes the project-finance keys of `finance:`: contracts (one `contract:` or a list
  /// `contracts:`), the utilization ramp, idle and busy draw, warranty, residual curve and cost of
  /// equity. Contradictory combinations are located errors.
  mutating func decodeProjectFinance(_ map: KeyedMapping<FinanceKey>, into a: inout FinanceAssumptions) throws {
    if map[.contract] != nil, let list = map[.contracts] {
      throw list.error("give contract or contracts, not both", expected: "expected one list of contracts")
    }
    if let v = map[.contract] { a.contracts = [try contract(v, index: 0)] }
    if let v = map[.contracts] {
      a.contracts = try v.sequence().enumerated().map { try contract($1, index: $0) }
      let total = a.contracts.reduce(0) { $0 + $1.share }
      if total > 1 + 1e-9 {
        throw v.error(
          "contract shares add up to \(NumberFormat.fixed(total, decimals: 4, trimZeros: true))",
          expected: "expected shares adding up to at most 1")
      }
    }
    if let v = map[.utilizationRampMonths] {
      a.utilizationRampMonths = try v.int(in: 0...120, expected: "0…120 months")
    }
    if let draw = map[.averageDraw], map[.idleDraw] != nil || map[.busyDraw] != nil {
      throw draw.error(
        "average_draw fixes the draw; idle_draw and busy_draw scale it with utilization",
        expected: "expected average_draw, or idle_draw and busy_draw")
    }
    if let v = map[.idleDraw] { a.idleDrawFraction = try fraction(v) }
    if let v = map[.busyDraw] { a.busyDrawFraction = try fraction(v) }
    if a.idleDrawFraction > a.busyDrawFraction, let v = map[.idleDraw] ?? map[.busyDraw] {
      throw v.error(
        "idle draw \(NumberFormat.fixed(a.idleDrawFraction, decimals: 3, trimZeros: true)) is above busy draw \(NumberFormat.fixed(a.busyDrawFraction, decimals: 3, trimZeros: true))",
        expected: "expected idle_draw ≤ busy_draw")
    }
    if let v = map[.warrantyYears] { a.warrantyYears = try v.int(in: 0...10, expected: "0…10 years") }
    if let v = map[.residualCurve] {
      let items = try v.sequence()
      guard !items.isEmpty else { throw v.error("empty residual curve", expected: "expected one fraction per year") }
      a.residualCurve = try items.map { try fraction($0) }
    }
    if let v = map[.costOfEquity] { a.costOfEquity = try rate(v) }
  }

  /// Decodes `finance.financing`: debt sizing (debt_share, advance_rate or target_dscr, one of
  /// them), the rate (interest_rate, or base_rate + spread), its convention, tenor, amortization,
  /// interest during construction and covenants.
  mutating func decodeFinancing(_ value: YAMLValue, into a: inout FinanceAssumptions) throws {
    let f = try mapping(value, as: FinancingKey.self)
    let sizing = [FinancingKey.debtShare, .advanceRate, .targetDSCR].filter { f[$0] != nil }
    if sizing.count > 1, let second = f[sizing[1]] {
      throw second.error(
        "\(sizing.map(\.rawValue).joined(separator: " and ")) both size the debt",
        expected: "expected one of debt_share, advance_rate, target_dscr")
    }
    if let v = f[.debtShare] { a.debtShare = try v.double() }
    if let v = f[.advanceRate] { a.debtSizing = .advanceRate(try fraction(v)) }
    if let v = f[.targetDSCR] {
      let target = try v.double()
      guard target >= 1, target <= 10 else {
        throw v.error(
          "target DSCR \(NumberFormat.fixed(target, decimals: 3, trimZeros: true))",
          expected: "expected a ratio from 1 to 10, e.g. 1.3")
      }
      a.debtSizing = .targetDSCR(target)
    }
    if let v = f[.interestRate], f[.baseRate] != nil || f[.spread] != nil {
      throw v.error("interest_rate and base_rate + spread both set the rate", expected: "expected one of them")
    }
    if let v = f[.interestRate] { a.interestRateAnnual = try v.double() }
    if f[.baseRate] != nil || f[.spread] != nil {
      let base = try f.required(.baseRate, expected: "a base rate such as SOFR, e.g. 0.043")
      let spread = try f.required(.spread, expected: "the margin over the base rate, e.g. 0.045")
      a.interestRateAnnual = try rate(base) + rate(spread)
    }
    if let v = f[.rateConvention] {
      a.interestConvention = try choice(v, RateConvention.self, ["nominal", "effective"])
    }
    if let v = f[.termMonths] { a.debtTermMonths = try v.int() }
    if let v = f[.amortization] {
      a.amortization = try choice(v, Amortization.self, ["annuity", "straight-line", "sculpted"])
    }
    if let v = f[.interestDuringConstruction] {
      a.interestDuringConstruction = try choice(v, InterestDuringConstruction.self, ["capitalised", "paid"])
    }
    if let v = f[.upfrontFee] { a.upfrontFee = try fraction(v) }
    if let v = f[.reserveMonths] { a.reserveMonths = try v.int(in: 0...24, expected: "0…24 months") }
    if let v = f[.covenants] {
      let c = try mapping(v, as: CovenantKey.self)
      if let x = c[.minDSCR] { a.covenants.minDSCR = try ratio(x, "a DSCR such as 1.2") }
      if let x = c[.maxLTV] { a.covenants.maxLTV = try ratio(x, "an LTV such as 0.8") }
    }
  }

  /// One contract: share, price, term_months, prepayment, name.
  private mutating func contract(_ value: YAMLValue, index: Int) throws -> ContractMix {
    let c = try mapping(value, as: ContractKey.self)
    let price = try c.required(.price, expected: "the contract price per GPU-hour")
    let priceValue = try price.double()
    guard priceValue >= 0 else { throw price.error("negative contract price", expected: "expected a price ≥ 0") }
    return ContractMix(
      share: try c[.share].map { try fraction($0) } ?? 0, pricePerGPUHour: priceValue,
      termMonths: try c[.termMonths].map { try $0.int(in: 1...360, expected: "1…360 months") },
      prepayment: try c[.prepayment].map { try fraction($0) } ?? 0,
      name: try c[.name]?.string() ?? "contract \(index + 1)")
  }

  private func fraction(_ v: YAMLValue) throws -> Double {
    try v.double(in: 0...1, expected: FinanceWording.fraction, wording: .outside("0…1"))
  }

  private func rate(_ v: YAMLValue) throws -> Double {
    try v.double(in: 0...1, expected: "an annual rate such as 0.12", wording: .outside("0…1"))
  }

  /// A ratio above 0 and at most 100.
  private func ratio(_ v: YAMLValue, _ what: String) throws -> Double {
    try v.double(in: Double.leastNonzeroMagnitude...100, expected: what)
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
