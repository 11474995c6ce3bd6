import Foundation

/// YAML key of each finance assumption, by the key path `FinanceAssumptions.validate()` reports,
/// so engine-side problems are located in the spec file too.
let financeKeyPaths: [String: String] = [
  "finance.horizon": FinanceKey.horizonYears.path.text,
  "finance.marketPrice": FinanceKey.marketPrice.path.text,
  "finance.pricePath.endFraction": PricePathKey.endFraction.path.text,
  "finance.pricePath.annualDecline": PricePathKey.annualDecline.path.text,
  "finance.pricePath.perYear": PricePathKey.multipliers.path.text,
  "finance.contract.termMonths": "finance.contract.term_months",
  "finance.leadTimeMonths": FinanceKey.leadTimeMonths.path.text,
  "finance.electricityPerKWh": FinanceKey.electricityPerKWh.path.text,
  "finance.averageDrawFraction": FinanceKey.averageDraw.path.text,
  "finance.colocationPerKWMonth": FinanceKey.colocationPerKWMonth.path.text,
  "finance.hostingPerNodeMonth": FinanceKey.hostingPerNodeMonth.path.text,
  "finance.maintenancePercent": FinanceKey.maintenancePerYear.path.text,
  "finance.staff.fte": StaffKey.ftes.path.text,
  "finance.staff.costPerFTE": StaffKey.costPerFTE.path.text,
  "finance.softwarePerGPUYear": FinanceKey.softwarePerGPUYear.path.text,
  "finance.insurancePercent": FinanceKey.insurancePerYear.path.text,
  "finance.bandwidthPerMonth": FinanceKey.bandwidthPerMonth.path.text,
  "finance.installationPercent": FinanceKey.installation.path.text,
  "finance.shippingAndTaxesPercent": FinanceKey.shippingAndTaxes.path.text,
  "finance.residualValuePercent": FinanceKey.residualValue.path.text,
  "finance.salesAndOtherPercent": FinanceKey.salesAndOther.path.text,
  "finance.debtShare": FinancingKey.debtShare.path.text,
  "finance.interestRate": FinancingKey.interestRate.path.text,
  "finance.debtTermMonths": FinancingKey.termMonths.path.text,
  "finance.taxRate": TaxKey.rate.path.text,
  "finance.depreciationYears": TaxKey.depreciationYears.path.text,
  "finance.discountRate": FinanceKey.discountRate.path.text,
  "finance.targetIRRs": FinanceKey.targetIRRs.path.text,
]

/// How the finance decoders word what they expect.
enum FinanceWording {
  static let fraction = "a fraction from 0 to 1 (0.10 is 10%)"
}

extension SpecDecoder {
  /// Decodes the optional `finance:` section into assumptions (defaults from
  /// `FinanceAssumptions.Defaults`, documented in docs/finance.md). Every number here has its
  /// range in ``NumberBounds/spec``, checked as it is read; only rules narrower than those
  /// ranges are checked below.
  mutating func decodeFinance(
    _ root: KeyedMapping<SpecSection>, facilityPUE: Double, currency: String, fxRates: [ExchangeRate]
  ) throws -> FinanceAssumptions {
    var a = FinanceAssumptions()
    a.pue = facilityPUE
    if currency != ClusterSpec.Defaults.currency {
      try convertMoneyDefaults(&a, root, currency: currency, fxRates: fxRates)
    }
    guard let map = try section(root, .finance, as: FinanceKey.self) else { return a }
    if let years = try map[.horizonYears]?.int() { a.horizonYears = years }
    if let v = map[.utilization] { a.utilization = try utilization(v, horizonYears: a.horizonYears) }
    if let x = try map[.marketPrice]?.double() { a.marketPricePerGPUHour = x }
    if let v = map[.pricePath] { a.pricePath = try pricePath(v, horizonYears: a.horizonYears) }
    if let x = try map[.leadTimeMonths]?.int() { a.leadTimeMonths = x }
    try decodeOperatingCosts(map, into: &a)
    if let v = map[.financing] { try decodeFinancing(v, into: &a) }
    try decodeProjectFinance(map, into: &a)
    if let v = map[.tax] { try decodeTax(v, into: &a) }
    if let x = try map[.discountRate]?.double() { a.discountRate = x }
    if let v = map[.targetIRRs] {
      a.extraTargetIRRs = try v.sequence().map { item in
        let x = try item.double()
        guard x > -1, x <= 10 else {
          throw item.error("target IRR \(x) is out of range", expected: "expected an annual rate above −1, e.g. 0.2")
        }
        return x
      }
    }
    return a
  }

  /// The money defaults are US figures in USD; in another currency they are converted at the
  /// spec's USD rate, or must be given.
  private func convertMoneyDefaults(
    _ a: inout FinanceAssumptions, _ root: KeyedMapping<SpecSection>, currency: String, fxRates: [ExchangeRate]
  ) throws {
    let financeMap = try root[.finance]?.mapping()
    let moneyKeys: [FinanceKey] = [.marketPrice, .electricityPerKWh, .colocationPerKWMonth, .hostingPerNodeMonth]
    let given = Set(moneyKeys.filter { financeMap?[$0.rawValue] != nil })
    let needsDefaults =
      !given.contains(.marketPrice) || !given.contains(.electricityPerKWh)
      || given.isDisjoint(with: [.colocationPerKWMonth, .hostingPerNodeMonth])
    if let usd = fxRates.first(where: { $0.from == "USD" }) {
      let rate = NSDecimalNumber(decimal: usd.rate).doubleValue
      a.marketPricePerGPUHour *= rate
      a.electricityPerKWh *= rate
      if case .colocation(let perKW) = a.facilityCost { a.facilityCost = .colocation(perKWMonth: perKW * rate) }
      a.staff.costPerFTEYear *= rate
    } else if needsDefaults {
      let at = root[.fx] ?? root[.currency] ?? root.owner
      throw InputError(
        Diagnostic(
          at: at.location, keyPath: SpecSection.fx.path.text,
          message:
            "no rate from USD to \(currency), and the finance defaults (market price, electricity, colocation) are in USD",
          expected:
            "expected fx: [{from: USD, rate: <\(currency) per USD>, as_of: YYYY-MM-DD, source: ...}], or finance.market_price, electricity_per_kwh and colocation_per_kw_month in \(currency)"
        ))
    }
  }

  /// One utilization for every year, or one per year of the horizon.
  private func utilization(_ v: YAMLValue, horizonYears: Int) throws -> [Double] {
    guard case .sequence = v.node else { return [try v.double()] }
    let items = try v.sequence()
    // A one-item list is one value for every year, as a plain number is.
    guard items.count == 1 || items.count == horizonYears else {
      throw v.error(
        "\(items.count) utilization values for a \(horizonYears)-year horizon",
        expected: "expected one value (for every year), or one per year")
    }
    return try items.map { try $0.double() }
  }

  /// `none`, or a mapping with `kind:` none, linear, annual or per-year and its parameter.
  private mutating func pricePath(_ v: YAMLValue, horizonYears: Int) throws -> PricePath {
    if let text = try? v.string(), text == "none" { return .none }
    let p = try mapping(v, as: PricePathKey.self)
    let kindValue = try p.required(.kind, expected: "none, linear, annual or per-year")
    let kind = try kindValue.string()
    switch kind {
    case "none": return .none
    case "linear":
      return .linear(endFraction: try p[.endFraction]?.double() ?? 0.5)
    case "annual":
      guard let rate = try p[.annualDecline]?.double() else {
        throw kindValue.error("kind annual needs annual_decline", expected: "expected annual_decline: 0.2")
      }
      return .annualDecline(rate: rate)
    case "per-year":
      let list = try p.required(.multipliers, expected: "one price multiplier per year, e.g. [1, 0.8, 0.65]")
      let items = try list.sequence()
      guard items.count == horizonYears else {
        throw list.error(
          "\(items.count) multipliers for a \(horizonYears)-year horizon", expected: "expected one per year")
      }
      return .perYear(try items.map { try $0.double() })
    default:
      let allowed = ["none", "linear", "annual", "per-year"]
      var hint = "expected one of none, linear, annual, per-year"
      if let guess = closestMatch(to: kind, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
      throw kindValue.error("'\(kind)' is not a price path", expected: hint)
    }
  }

  /// Power, facility, maintenance, staff and the other yearly costs, and the capex extras.
  private mutating func decodeOperatingCosts(_ map: KeyedMapping<FinanceKey>, into a: inout FinanceAssumptions) throws {
    if let x = try map[.electricityPerKWh]?.double() { a.electricityPerKWh = x }
    if let x = try map[.pue]?.double() { a.pue = x }
    if let x = try map[.averageDraw]?.double() { a.averageDrawFraction = x }
    let colo = try map[.colocationPerKWMonth]?.double()
    let hosting = try map[.hostingPerNodeMonth]?.double()
    if colo != nil, let v = map[.hostingPerNodeMonth] {
      throw v.error(
        "give colocation_per_kw_month or hosting_per_node_month, not both", expected: "expected one facility charge")
    }
    if let colo { a.facilityCost = .colocation(perKWMonth: colo) }
    if let hosting { a.facilityCost = .hosting(perNodeMonth: hosting) }
    if let x = try map[.maintenancePerYear]?.double() { a.maintenancePercentOfHardwarePerYear = x }
    if let v = map[.staff] {
      let s = try mapping(v, as: StaffKey.self)
      a.staff = StaffCost(
        fteCount: try s[.ftes]?.double() ?? 0,
        costPerFTEYear: try s[.costPerFTE]?.double() ?? FinanceAssumptions.Defaults.staff.costPerFTEYear)
    }
    if let x = try map[.softwarePerGPUYear]?.double() { a.softwarePerGPUYear = x }
    if let x = try map[.insurancePerYear]?.double() { a.insurancePercentPerYear = x }
    if let x = try map[.bandwidthPerMonth]?.double() { a.bandwidthPerMonth = x }
    if let x = try map[.installation]?.double() { a.installationPercent = x }
    if let x = try map[.shippingAndTaxes]?.double() { a.shippingAndTaxesPercent = x }
    if let x = try map[.residualValue]?.double() { a.residualValuePercent = x }
    if let x = try map[.salesAndOther]?.double() { a.salesAndOtherPercentOfRevenue = x }
  }

  /// `finance.tax`: rate, depreciation years and the loss carry-forward cap (`none` for none).
  private mutating func decodeTax(_ v: YAMLValue, into a: inout FinanceAssumptions) throws {
    let t = try mapping(v, as: TaxKey.self)
    if let x = try t[.rate]?.double() { a.taxRate = x }
    if let x = try t[.depreciationYears]?.int() { a.depreciationYears = x }
    if let v = t[.lossCap] {
      // Not in NumberBounds: checked here.
      a.lossCarryForwardCap =
        (try? v.string()) == "none"
        ? nil : try v.double(in: 0...1, expected: FinanceWording.fraction, wording: .belowOrAbove)
    }
  }
}
