import Foundation

/// YAML key of each finance assumption, by the key path `FinanceAssumptions.validate()` reports,
/// so engine-side problems are located in the spec file too.
let financeKeyPaths: [String: String] = [
  "finance.horizon": "finance.horizon_years",
  "finance.marketPrice": "finance.market_price",
  "finance.pricePath.endFraction": "finance.price_path.end_fraction",
  "finance.pricePath.annualDecline": "finance.price_path.annual_decline",
  "finance.pricePath.perYear": "finance.price_path.multipliers",
  "finance.contract.termMonths": "finance.contract.term_months",
  "finance.leadTimeMonths": "finance.lead_time_months",
  "finance.electricityPerKWh": "finance.electricity_per_kwh",
  "finance.averageDrawFraction": "finance.average_draw",
  "finance.colocationPerKWMonth": "finance.colocation_per_kw_month",
  "finance.hostingPerNodeMonth": "finance.hosting_per_node_month",
  "finance.maintenancePercent": "finance.maintenance_per_year",
  "finance.staff.fte": "finance.staff.ftes",
  "finance.staff.costPerFTE": "finance.staff.cost_per_fte",
  "finance.softwarePerGPUYear": "finance.software_per_gpu_year",
  "finance.insurancePercent": "finance.insurance_per_year",
  "finance.bandwidthPerMonth": "finance.bandwidth_per_month",
  "finance.installationPercent": "finance.installation",
  "finance.shippingAndTaxesPercent": "finance.shipping_and_taxes",
  "finance.residualValuePercent": "finance.residual_value",
  "finance.salesAndOtherPercent": "finance.sales_and_other",
  "finance.debtShare": "finance.financing.debt_share",
  "finance.interestRate": "finance.financing.interest_rate",
  "finance.debtTermMonths": "finance.financing.term_months",
  "finance.taxRate": "finance.tax.rate",
  "finance.depreciationYears": "finance.tax.depreciation_years",
  "finance.discountRate": "finance.discount_rate",
  "finance.targetIRRs": "finance.target_irrs",
]

extension SpecDecoder {
  /// Decodes the optional `finance:` section into assumptions (defaults from
  /// `FinanceAssumptions.Defaults`, documented in docs/finance.md) with located range checks.
  mutating func decodeFinance(
    _ root: YAMLMapping, facilityPUE: Double, currency: String, fxRates: [ExchangeRate]
  ) throws -> FinanceAssumptions {
    var a = FinanceAssumptions()
    a.pue = facilityPUE
    // The money defaults are US figures in USD; in another currency they are converted at the
    // spec's USD rate, or must be given.
    if currency != "USD" {
      let moneyKeys = ["market_price", "electricity_per_kwh", "colocation_per_kw_month", "hosting_per_node_month"]
      let financeMap = try root["finance"]?.mapping()
      let given = Set(moneyKeys.filter { financeMap?[$0] != nil })
      let needsDefaults =
        !given.contains("market_price") || !given.contains("electricity_per_kwh")
        || (given.isDisjoint(with: ["colocation_per_kw_month", "hosting_per_node_month"]))
      if let usd = fxRates.first(where: { $0.from == "USD" }) {
        let rate = NSDecimalNumber(decimal: usd.rate).doubleValue
        a.marketPricePerGPUHour *= rate
        a.electricityPerKWh *= rate
        if case .colocation(let perKW) = a.facilityCost { a.facilityCost = .colocation(perKWMonth: perKW * rate) }
        a.staff.costPerFTEYear *= rate
      } else if needsDefaults {
        let at = root["fx"] ?? root["currency"] ?? root.owner
        throw InputError(
          Diagnostic(
            at: at.location, keyPath: "fx",
            message:
              "no rate from USD to \(currency), and the finance defaults (market price, electricity, colocation) are in USD",
            expected:
              "expected fx: [{from: USD, rate: <\(currency) per USD>, as_of: YYYY-MM-DD, source: ...}], or finance.market_price, electricity_per_kwh and colocation_per_kw_month in \(currency)"
          ))
      }
    }
    guard
      let map = try section(
        root, "finance",
        allowed: [
          "horizon_years", "utilization", "market_price", "price_path", "contract", "lead_time_months",
          "electricity_per_kwh", "pue", "average_draw", "colocation_per_kw_month", "hosting_per_node_month",
          "maintenance_per_year", "staff", "software_per_gpu_year", "insurance_per_year", "bandwidth_per_month",
          "installation", "shipping_and_taxes", "residual_value", "sales_and_other", "financing", "tax",
          "discount_rate", "target_irrs",
        ] + SpecDecoder.projectFinanceKeys)
    else { return a }

    func number(_ m: YAMLMapping, _ key: String, min: Double? = nil, max: Double? = nil, what: String) throws
      -> Double?
    {
      guard let v = m[key] else { return nil }
      let x = try v.double()
      if let min, x < min {
        throw v.error(
          "\(NumberFormat.fixed(x, decimals: 6, trimZeros: true)) is below \(NumberFormat.fixed(min, decimals: 6, trimZeros: true))",
          expected: "expected \(what)")
      }
      if let max, x > max {
        throw v.error(
          "\(NumberFormat.fixed(x, decimals: 6, trimZeros: true)) is above \(NumberFormat.fixed(max, decimals: 6, trimZeros: true))",
          expected: "expected \(what)")
      }
      return x
    }
    func whole(_ m: YAMLMapping, _ key: String, min: Int, max: Int, what: String) throws -> Int? {
      guard let v = m[key] else { return nil }
      let x = try v.int()
      guard x >= min, x <= max else { throw v.error("\(x) is out of range", expected: "expected \(what)") }
      return x
    }
    let fraction = "a fraction from 0 to 1 (0.10 is 10%)"
    let money = "an amount ≥ 0 in the spec currency"

    if let years = try whole(map, "horizon_years", min: 1, max: 30, what: "1…30 years") { a.horizonYears = years }
    if let v = map["utilization"] {
      if case .sequence = v.node {
        let items = try v.sequence()
        guard items.count == a.horizonYears else {
          throw v.error(
            "\(items.count) utilization values for a \(a.horizonYears)-year horizon",
            expected: "expected one value, or one per year")
        }
        a.utilization = try items.map { item in
          let x = try item.double()
          guard (0...1).contains(x) else {
            throw item.error(
              "utilization \(NumberFormat.fixed(x, decimals: 4, trimZeros: true)) is outside 0…1",
              expected: "expected \(fraction)")
          }
          return x
        }
      } else {
        let x = try v.double()
        guard (0...1).contains(x) else {
          throw v.error(
            "utilization \(NumberFormat.fixed(x, decimals: 4, trimZeros: true)) is outside 0…1",
            expected: "expected \(fraction)")
        }
        a.utilization = [x]
      }
    }
    if let x = try number(map, "market_price", min: 0, what: "a starting price per GPU-hour ≥ 0") {
      a.marketPricePerGPUHour = x
    }
    if let v = map["price_path"] {
      if let text = try? v.string(), text == "none" {
        a.pricePath = .none
      } else {
        let p = try v.mapping()
        try p.rejectUnknownKeys(["kind", "end_fraction", "annual_decline", "multipliers"])
        remember(p)
        let kindValue = try p.required("kind", expected: "none, linear, annual or per-year")
        let kind = try kindValue.string()
        switch kind {
        case "none": a.pricePath = .none
        case "linear":
          a.pricePath = .linear(
            endFraction: try number(
              p, "end_fraction", min: 0, what: "the last month's price as a fraction of the first, e.g. 0.5") ?? 0.5)
        case "annual":
          guard let rate = try number(p, "annual_decline", min: -1, max: 1, what: "a yearly decline such as 0.2 (20%)")
          else {
            throw kindValue.error("kind annual needs annual_decline", expected: "expected annual_decline: 0.2")
          }
          a.pricePath = .annualDecline(rate: rate)
        case "per-year":
          let list = try p.required("multipliers", expected: "one price multiplier per year, e.g. [1, 0.8, 0.65]")
          let items = try list.sequence()
          guard items.count == a.horizonYears else {
            throw list.error(
              "\(items.count) multipliers for a \(a.horizonYears)-year horizon", expected: "expected one per year")
          }
          a.pricePath = .perYear(
            try items.map { item in
              let x = try item.double()
              guard x >= 0 else { throw item.error("negative multiplier", expected: "expected ≥ 0") }
              return x
            })
        default:
          let allowed = ["none", "linear", "annual", "per-year"]
          var hint = "expected one of none, linear, annual, per-year"
          if let guess = closestMatch(to: kind, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
          throw kindValue.error("'\(kind)' is not a price path", expected: hint)
        }
      }
    }
    if let x = try whole(map, "lead_time_months", min: 0, max: 60, what: "0…60 months") { a.leadTimeMonths = x }
    if let x = try number(map, "electricity_per_kwh", min: 0, what: money) { a.electricityPerKWh = x }
    if let x = try number(map, "pue", min: 1, max: 3, what: "1.0…3.0") { a.pue = x }
    if let x = try number(map, "average_draw", min: 0, max: 1, what: fraction) { a.averageDrawFraction = x }
    let colo = try number(map, "colocation_per_kw_month", min: 0, what: money)
    let hosting = try number(map, "hosting_per_node_month", min: 0, what: money)
    if colo != nil, hosting != nil {
      throw map["hosting_per_node_month"]!.error(
        "give colocation_per_kw_month or hosting_per_node_month, not both",
        expected: "expected one facility charge")
    }
    if let colo { a.facilityCost = .colocation(perKWMonth: colo) }
    if let hosting { a.facilityCost = .hosting(perNodeMonth: hosting) }
    if let x = try number(map, "maintenance_per_year", min: 0, max: 1, what: fraction) {
      a.maintenancePercentOfHardwarePerYear = x
    }
    if let v = map["staff"] {
      let s = try v.mapping()
      try s.rejectUnknownKeys(["ftes", "cost_per_fte"])
      remember(s)
      a.staff = StaffCost(
        fteCount: try number(s, "ftes", min: 0, what: "FTEs ≥ 0") ?? 0,
        costPerFTEYear: try number(s, "cost_per_fte", min: 0, what: money)
          ?? FinanceAssumptions.Defaults.staff.costPerFTEYear)
    }
    if let x = try number(map, "software_per_gpu_year", min: 0, what: money) { a.softwarePerGPUYear = x }
    if let x = try number(map, "insurance_per_year", min: 0, max: 1, what: fraction) { a.insurancePercentPerYear = x }
    if let x = try number(map, "bandwidth_per_month", min: 0, what: money) { a.bandwidthPerMonth = x }
    if let x = try number(map, "installation", min: 0, max: 1, what: fraction) { a.installationPercent = x }
    if let x = try number(map, "shipping_and_taxes", min: 0, max: 1, what: fraction) { a.shippingAndTaxesPercent = x }
    if let x = try number(map, "residual_value", min: 0, max: 1, what: fraction) { a.residualValuePercent = x }
    if let x = try number(map, "sales_and_other", min: 0, max: 1, what: fraction) {
      a.salesAndOtherPercentOfRevenue = x
    }
    if let v = map["financing"] { try decodeFinancing(v, into: &a) }
    try decodeProjectFinance(map, into: &a)
    if let v = map["tax"] {
      let t = try v.mapping()
      try t.rejectUnknownKeys(["rate", "depreciation_years", "loss_cap"])
      remember(t)
      if let x = try number(t, "rate", min: 0, max: 1, what: fraction) { a.taxRate = x }
      if let x = try whole(t, "depreciation_years", min: 1, max: 30, what: "1…30 years") { a.depreciationYears = x }
      if let v = t["loss_cap"] {
        a.lossCarryForwardCap =
          (try? v.string()) == "none" ? nil : try number(t, "loss_cap", min: 0, max: 1, what: fraction)
      }
    }
    if let x = try number(map, "discount_rate", min: 0, max: 1, what: "an annual rate such as 0.12") {
      a.discountRate = x
    }
    if let v = map["target_irrs"] {
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
}
