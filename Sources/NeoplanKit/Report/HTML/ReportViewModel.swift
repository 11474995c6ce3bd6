import Foundation

/// Paper sizes the reports are laid out for when printed.
public enum PaperSize: String, Sendable, CaseIterable {
  case a4, letter

  /// The CSS `@page` size.
  public var css: String { self == .a4 ? "A4" : "letter" }
}

/// Options of a rendered report that do not come from the spec.
public struct ReportOptions: Sendable {
  /// Language of the document.
  public var language: ReportLanguage = .en
  /// Overrides the spec's as-of date for the cover (the plan itself keeps its as-of date).
  public var date: Day?
  /// Overrides `quote.prepared_for`.
  public var preparedFor: String?
  /// Overrides `quote.prepared_by`.
  public var preparedBy: String?
  /// Paper size for printing (CSS `@page size`).
  public var paper: PaperSize = .a4
  /// A Monte Carlo result to show on the quote's risk page (docs/risk.md); `nil`: no risk page.
  public var risk: RiskResult?

  /// Creates options.
  public init(
    language: ReportLanguage = .en, date: Day? = nil, preparedFor: String? = nil, preparedBy: String? = nil,
    paper: PaperSize = .a4
  ) {
    self.paper = paper
    self.language = language
    self.date = date
    self.preparedFor = preparedFor
    self.preparedBy = preparedBy
  }
}

/// Builds the Mustache contexts of the HTML reports from a plan. Every figure comes from the
/// stage that owns it (design, BoM, ``FinanceResult``); this only formats and lays out, and
/// templates only place the strings (escaped with `{{ }}`); the only raw inserts
/// (`{{{ }}}`) are SVG charts built and escaped by `Report/Charts`.
public struct ReportViewModel {
  let plan: Plan
  let locale: ReportLocale
  let options: ReportOptions

  /// Creates a builder.
  public init(plan: Plan, locale: ReportLocale, options: ReportOptions) {
    self.plan = plan
    self.locale = locale
    self.options = options
  }

  var currency: String { plan.bom.currency }
  func money(_ value: Double) -> Money { Money(roundingMajor: value, currency: currency) }
  func categoryLabel(_ raw: String) -> String {
    let key = raw == "shipping & taxes" ? "shippingAndTaxes" : raw
    return locale.t("cat_" + key)
  }

  /// A short, content-derived quote id: FNV-1a 64 of the plan's JSON, `NP-` and 12 hex digits.
  public static func quoteID(for plan: Plan) -> String {
    let hash = plan.jsonFNV1a64()  // streamed: neither the JSON text nor a tree is built
    let hex = String(hash, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: 16 - hex.count) + hex
    return "NP-" + padded.prefix(12)
  }

  // MARK: - Shared pieces

  func cover(title: String) -> [String: Any] {
    let asOf = options.date ?? plan.spec.asOf
    return [
      "title": title,
      "project": plan.spec.name,
      "quoteID": ReportViewModel.quoteID(for: plan),
      "asOf": locale.date(asOf),
      "validUntil": locale.date(plan.spec.quote.validUntil(from: asOf)),
      "preparedFor": options.preparedFor ?? plan.spec.quote.preparedFor ?? "",
      "preparedBy": options.preparedBy ?? plan.spec.quote.preparedBy ?? "",
      "hasPreparedFor": (options.preparedFor ?? plan.spec.quote.preparedFor) != nil,
      "hasPreparedBy": (options.preparedBy ?? plan.spec.quote.preparedBy) != nil,
      "currency": currency,
      "pageSize": options.paper.css,
    ]
  }

  func labels() -> [String: String] { locale.strings }

  /// The plan's warnings in the report's language (English text when a locale lacks the key).
  func warningTexts() -> [String] {
    plan.warningItems.map { warning in
      locale.strings["warn_" + warning.code] != nil ? locale.t("warn_" + warning.code, warning.values) : warning.text
    }
  }

  /// Why an IRR is missing, in the report's language.
  func irrReason(_ irr: IRRResult) -> String {
    guard irr.status != .unique else { return "" }
    return locale.t(
      "warn_irr-" + irr.status.rawValue,
      [
        "changes": "\(irr.cashFlowSignChanges)",
        "roots": irr.annualRoots.map { locale.percent($0) }.joined(separator: locale.t("comma")),
      ])
  }

  func bomCategories() -> [[String: Any]] {
    // Each figure carries the JSON path it is read back from (`data-figure`, tested).
    plan.bom.categoryTotals.enumerated().map { categoryIndex, category in
      let lines = plan.bom.lines.indices.filter { plan.bom.lines[$0].category == category.category }
      return [
        "name": locale.t("cat_" + category.category.rawValue),
        "figure": "bom.categories.\(categoryIndex)",
        "subtotal": locale.money(category.total),
        "perGPU": locale.money(category.perGPU),
        "share": locale.percent(category.share),
        "lines": lines.map { index -> [String: Any] in
          let line = plan.bom.lines[index]
          return [
            "figure": "bom.lines.\(index)",
            "id": line.partID,
            "description": line.description,
            "partNumber": line.partNumber ?? "",
            "hasPartNumber": line.partNumber != nil,
            "spare": line.isSpare,
            "quantity": locale.count(line.quantity),
            "unitPrice": locale.money(line.unitPrice),
            "extended": locale.money(line.extendedPrice),
            "confidence": locale.t("conf_" + line.confidence.rawValue),
            "isEstimate": line.confidence == .estimate,
          ]
        },
      ]
    }
  }

  func topologySummary() -> [[String: String]] {
    let d = plan.design
    var rows: [[String: String]] = [
      ["label": locale.t("node_model"), "value": plan.spec.compute.node.displayName],
      [
        "label": locale.t(plan.spec.compute.nodeSpecs.rackScale == nil ? "nodes" : "rack_systems"),
        "value": locale.count(d.nodes),
      ],
      ["label": locale.t("gpus"), "value": "\(locale.count(d.gpus)) × \(plan.spec.compute.nodeSpecs.gpuModel)"],
    ]
    if let b = d.backend {
      rows.append([
        "label": locale.t("fabric"),
        "value":
          "\(locale.t("fabric_" + b.kind.rawValue)) \(locale.t("design_" + b.design.rawValue))\(locale.t("comma"))\(b.linkSpeedGbps)G\(locale.t("comma"))\(b.switchPart.displayName) (\(b.oversubscription))",
      ])
      rows.append(["label": locale.t("tiers"), "value": "\(b.tree.tiers)"])
      rows.append(["label": locale.t("switches"), "value": locale.count(d.switchCount)])
    } else {
      rows.append(["label": locale.t("fabric"), "value": locale.t("none")])
    }
    rows.append(["label": locale.t("racks"), "value": locale.count(d.facility.racks)])
    rows.append(["label": locale.t("it_power"), "value": "\(locale.grouped(d.facility.itPowerKW, decimals: 1)) kW"])
    rows.append([
      "label": locale.t("facility_power"), "value": "\(locale.grouped(d.facility.facilityPowerKW, decimals: 1)) kW",
    ])
    rows.append(["label": locale.t("cooling"), "value": locale.t("cooling_" + d.facility.cooling.rawValue)])
    return rows
  }

  func debtSizingText(_ a: FinanceAssumptions) -> String {
    switch a.debtSizing {
    case .none, .shareOfCapex: return "\(locale.percent(a.debtShare)) \(locale.t("of_capex"))"
    case .advanceRate(let rate): return "\(locale.percent(rate)) \(locale.t("of_hardware"))"
    case .targetDSCR(let target): return locale.t("sized_to_dscr", ["dscr": locale.grouped(target, decimals: 2)])
    }
  }

  func pathText(_ path: PricePath) -> String {
    switch path {
    case .none: return locale.t("path_none")
    case .linear(let end): return locale.t("path_linear", ["end": locale.percent(end, decimals: 0)])
    case .annualDecline(let rate): return locale.t("path_annual", ["rate": locale.percent(rate, decimals: 0)])
    case .perYear(let list):
      return locale.t("path_per_year", ["list": list.map { locale.grouped($0, decimals: 2) }.joined(separator: " / ")])
    }
  }

  /// Where a finance input comes from: the spec (any of `keys` written under `finance:`), or the
  /// default with its public source (`src_<first key>` in the locale; docs/finance.md §2).
  func given(_ keys: String...) -> String {
    if keys.contains(where: { plan.spec.isGiven(SpecKeyPath("finance." + $0)) }) { return locale.t("spec_source") }
    let sourceKey = "src_" + ReportLocale.keyPart(keys[0], replacing: ".", with: "_")
    guard locale.strings[sourceKey] != nil else { return locale.t("finance_default_source") }
    return locale.t("finance_default_source") + locale.t("label_separator") + locale.t(sourceKey)
  }

  /// Where a facility input comes from: the spec, or the default with its source (docs/spec.md).
  func facilitySource(_ key: String) -> String {
    if plan.spec.isGiven(SpecKeyPath("facility." + key)) { return locale.t("spec_source") }
    return locale.t("spec_default_source") + locale.t("label_separator") + locale.t("src_facility_" + key)
  }

  /// The quote's assumptions table: each finance and facility input with where it comes from.
  func assumptionRows() -> [[String: String]] {
    var table = AssumptionTable(locale: locale)
    runningCostAssumptionRows(&table)
    financingAndFacilityAssumptionRows(&table)
    return table.rows
  }

  /// Horizon, market price, utilization, power and running costs.
  private func runningCostAssumptionRows(_ table: inout AssumptionTable) {
    let a = plan.financeAssumptions
    let f = plan.spec.facility
    table.row("horizon", "\(a.horizonYears) \(locale.t("years"))", given("horizon_years"))
    table.row("market_price", locale.rate(a.marketPricePerGPUHour, currency: currency), given("market_price"))
    table.row("price_path", pathText(a.pricePath), given("price_path"))
    table.row(
      "utilization_assumed", a.utilization.map { locale.percent($0) }.joined(separator: " / "), given("utilization"))
    table.row("discount_rate", locale.percent(a.discountRate), given("discount_rate"))
    table.row(
      "electricity", "\(currency) \(locale.grouped(a.electricityPerKWh, decimals: 3))\(locale.t("unit_per_kwh"))",
      given("electricity_per_kwh")
    )
    table.row(
      "pue", locale.grouped(a.effectivePUE(facilityPUE: f.pue), decimals: 2),
      plan.spec.isGiven(FinanceKey.pue) ? locale.t("spec_source") : facilitySource("pue"))
    table.row(
      "average_draw",
      a.averageDrawFraction.map { locale.percent($0) }
        ?? "\(locale.percent(a.idleDrawFraction)) – \(locale.percent(a.busyDrawFraction))",
      given("average_draw", "idle_draw", "busy_draw"))
    switch a.facilityCost {
    case .colocation(let perKW):
      table.row(
        "colocation", "\(currency) \(locale.grouped(perKW, decimals: 2))\(locale.t("unit_per_kw_month"))",
        given("colocation_per_kw_month"))
    case .hosting(let perNode):
      table.row(
        "hosting", "\(currency) \(locale.grouped(perNode, decimals: 2))\(locale.t("unit_per_node_month"))",
        given("hosting_per_node_month"))
    }
    table.row("maintenance", locale.percent(a.maintenancePercentOfHardwarePerYear), given("maintenance_per_year"))
    table.row("insurance", locale.percent(a.insurancePercentPerYear), given("insurance_per_year"))
    table.row(
      "software", "\(currency) \(locale.grouped(a.softwarePerGPUYear, decimals: 2))",
      plan.financeInputs.subscriptions.isEmpty
        ? given("software_per_gpu_year") : "\(given("software_per_gpu_year")) + \(locale.t("subscription_source"))")
    table.row(
      "staff", "\(locale.grouped(a.staff.fteCount, decimals: 1)) × \(locale.money(money(a.staff.costPerFTEYear)))",
      given("staff.ftes", "staff.cost_per_fte", "staff"))
    table.row("residual_value", locale.percent(a.effectiveResidualFraction), given("residual_value", "residual_curve"))
    table.row("lead_time", "\(a.leadTimeMonths) \(locale.t("months"))", given("lead_time_months"))
  }

  /// Debt, equity, residual value, tax, the facility inputs and the FX rates.
  private func financingAndFacilityAssumptionRows(_ table: inout AssumptionTable) {
    let a = plan.financeAssumptions
    let f = plan.spec.facility
    table.row(
      "debt", debtSizingText(a), given("financing.debt_share", "financing.advance_rate", "financing.target_dscr"))
    table.row(
      "interest",
      "\(locale.percent(a.interestRateAnnual, decimals: 2)) (\(locale.t("rate_" + a.interestConvention.rawValue)))",
      given("financing.interest_rate", "financing.base_rate", "financing.spread"))
    table.row(
      "loan_terms",
      "\(a.debtTermMonths) \(locale.t("months"))\(locale.t("comma"))\(locale.t("amort_" + a.amortization.rawValue))\(locale.t("semicolon"))\(locale.t("lender_idc"))\(locale.t("label_separator"))\(locale.t("idc_" + a.interestDuringConstruction.rawValue))",
      given("financing.term_months", "financing.amortization", "financing.interest_during_construction"))
    table.row(
      "covenants",
      "DSCR ≥ \(locale.grouped(a.covenants.minDSCR, decimals: 2)), LTV ≤ \(locale.percent(a.covenants.maxLTV))",
      given("financing.covenants"))
    table.row("cost_of_equity", locale.percent(a.costOfEquity), given("cost_of_equity"))
    table.row("warranty", "\(a.warrantyYears) \(locale.t("years"))", given("warranty_years"))
    table.row(
      "residual_curve", a.residualCurve.map { locale.percent($0, decimals: 1) }.joined(separator: " / "),
      given("residual_curve"))
    table.row(
      "loss_cap", a.lossCarryForwardCap.map { locale.percent($0) } ?? locale.t("no_limit"), given("tax.loss_cap"))
    table.row("tax_rate", locale.percent(a.taxRate), given("tax.rate"))
    table.row("depreciation", "\(a.depreciationYears) \(locale.t("years"))", given("tax.depreciation_years"))
    table.row(
      "rack_power_budget", "\(locale.grouped(f.rackPowerKW, decimals: 1)) kW",
      facilitySource("rack_power_kw"))
    table.row(
      "cooling_choice", locale.t("cooling_" + f.cooling.rawValue),
      facilitySource("cooling"))
    table.row(
      "air_limit", "\(locale.grouped(f.airCoolingLimitKW, decimals: 1)) kW",
      facilitySource("air_cooling_limit_kw"))
    for rate in plan.spec.fxRates {
      table.rows.append([
        "label": locale.t("fx_rate"), "value": "1 \(rate.from) = \(rate.rate) \(rate.to) (\(rate.asOf))",
        "source": rate.source,
      ])
    }
  }

  func pricesUsed() -> [[String: Any]] {
    var seen = Set<String>()
    var rows: [[String: Any]] = []
    for line in plan.bom.lines where seen.insert(line.partID).inserted {
      let stale = line.isStale
      let estimate = line.confidence == .estimate
      var flags: [String] = []
      if estimate { flags.append(locale.t("estimated_price")) }
      if stale { flags.append(locale.t("stale_price")) }
      rows.append([
        "id": line.partID,
        "price": "\(line.sourcePrice.currency) \(line.sourcePrice.groupedString)",
        "asOf": line.asOf.description,
        "source": line.source,
        "confidence": locale.t("conf_" + line.confidence.rawValue),
        "flagged": !flags.isEmpty,
        "flags": flags.joined(separator: locale.t("list_separator")),
      ])
    }
    return rows
  }
}

/// The rows of the quote's assumptions table, each a label key, a value and its source.
private struct AssumptionTable {
  let locale: ReportLocale
  var rows: [[String: String]] = []

  mutating func row(_ label: String, _ value: String, _ source: String) {
    rows.append(["label": locale.t(label), "value": value, "source": source])
  }
}
