import Foundation
import Testing

@testable import NeoplanKit

@Suite("Plan → finance wiring")
struct PlanFinanceTests {
  static let base = """
    as_of: 2026-11-21
    compute: {node: hgx-h100-8gpu, nodes: 32}
    storage: {capacity_pb: 1}
    spares: {switches_percent: 10}
    """

  /// Capex = BoM total − subscription licences (charged as software opex when paid);
  /// spares are the spare lines. Derived from the BoM lines, not from the finance output.
  @Test func capexComesFromTheBoM() throws {
    let plan = try TestCatalog.plan(Self.base)
    let subscriptions = plan.bom.lines.filter { line in
      if case .software(let l) = plan.design.parts.first(where: { $0.part.id == line.partID })!.part.specs {
        return l.termYears != nil
      }
      return false
    }
    #expect(!subscriptions.isEmpty)  // UFM and the storage licence are 1-year terms
    let subscriptionCents = subscriptions.reduce(Int64(0)) { $0 + $1.extendedPrice.cents }
    let spareCents = plan.bom.lines.filter(\.isSpare).reduce(Int64(0)) { $0 + $1.extendedPrice.cents }
    #expect(spareCents > 0)
    // Capex is everything but the subscriptions; the percentage base (hardware) also leaves out
    // services, which are labour, not equipment.
    let servicesCents = plan.bom.lines.filter { $0.category == .services && !$0.isSpare }
      .reduce(Int64(0)) { $0 + $1.extendedPrice.cents }
    #expect(servicesCents > 0)
    #expect(abs(plan.finance.capex.total - Double(plan.bom.total.cents - subscriptionCents) / 100) < 0.005)
    let hardware = plan.financeInputs.hardwareCapex
    #expect(abs(hardware - Double(plan.bom.total.cents - subscriptionCents - spareCents - servicesCents) / 100) < 0.005)
    // Maintenance starts after the 3-year warranty: none in year 1; year 4 is 3% of hardware
    // including spares.
    let maintenance = 0.03 * Double(plan.bom.total.cents - subscriptionCents - servicesCents) / 100
    #expect(plan.finance.annualOpex[0].lines.maintenance == 0)
    #expect(abs(plan.finance.annualOpex[3].lines.maintenance - maintenance) < 0.01)
    #expect(abs(plan.financeInputs.sparesCapex - Double(spareCents) / 100) < 0.005)
    // Subscriptions (1-year terms) are charged in full when paid, each year: year-1 software opex
    // is their BoM total (no per-GPU software by default).
    #expect(plan.financeAssumptions.softwarePerGPUYear == 0)
    #expect(abs(plan.finance.annualOpex[0].lines.software - Double(subscriptionCents) / 100) < 0.005)
    #expect(abs(plan.finance.annualOpex[4].lines.software - Double(subscriptionCents) / 100) < 0.005)
  }

  /// The electricity line follows the issue's formula: IT kW × average draw × PUE × 730 h × $/kWh,
  /// ×12 for the first year, with the plan's IT power and PUE 1.3.
  @Test func electricityUsesPlanPower() throws {
    let plan = try TestCatalog.plan(Self.base + "\nfinance: {electricity_per_kwh: 0.1, average_draw: 0.8}")
    let it = plan.design.facility.itPowerKW
    let expected = it * 0.8 * 1.3 * 730 * 0.1 * 12
    #expect(abs(plan.finance.annualOpex[0].lines.electricity - expected) < 1e-6)
  }

  /// Cost per GPU-hour re-derived: at that flat price, 100% utilization, unlevered before tax,
  /// the NPV at the discount rate is zero.
  @Test func costPerGPUHourZeroesNPV() throws {
    let plan = try TestCatalog.plan(Self.base)
    let price = try #require(plan.finance.costPerGPUHour)
    var flat = plan.financeAssumptions
    flat.pricePath = .none
    flat.utilization = [1]
    flat.contractMix = nil
    flat.marketPricePerGPUHour = price
    let npv = FinanceEngine.projectNPV(inputs: plan.financeInputs, assumptions: flat, annualRate: flat.discountRate)
    #expect(abs(npv) < 1)  // within a dollar on ~$10M of capex
  }

  /// Bad finance input is a located error at its key.
  @Test(
    arguments: [
      ("finance: {utilization: 1.2}", "finance.utilization", 5),
      ("finance: {market_price: -1}", "finance.market_price", 5),
      ("finance: {horizon_years: 0}", "finance.horizon_years", 5),
      ("finance: {financing: {debt_share: 1.5}}", "finance.financing.debt_share", 5),
      ("finance: {price_path: {kind: lineer}}", "finance.price_path.kind", 5),
      ("finance: {financing: {debt_share: 0.5, target_dscr: 1.3}}", "finance.financing.target_dscr", 5),
      ("finance: {financing: {amortization: ballon}}", "finance.financing.amortization", 5),
      ("finance: {financing: {interest_rate: 0.1, spread: 0.05}}", "finance.financing.interest_rate", 5),
      ("finance: {average_draw: 0.8, idle_draw: 0.3}", "finance.average_draw", 5),
      ("finance: {contract: {price: 2}, contracts: [{price: 2}]}", "finance.contracts", 5),
      ("finance: {contracts: [{share: 0.7, price: 2}, {share: 0.5, price: 2}]}", "finance.contracts", 5),
      (
        "finance: {contract: {share: 0.5, price: 2.2, term_months: 36}, financing: {target_dscr: 1.3, term_months: 48}}",
        "finance.financing.term_months", 5
      ),
    ])
  func badFinanceInput(yaml: String, keyPath: String, line: Int) throws {
    do {
      _ = try TestCatalog.plan(Self.base + "\n" + yaml)
      Issue.record("expected an error for \(yaml)")
    } catch let error as InputError {
      let d = try #require(error.diagnostics.first)
      #expect(d.keyPath == keyPath)
      #expect(d.location?.line == line)
    }
  }

  @Test func jsonHasFinanceKeys() throws {
    let plan = try TestCatalog.plan(Self.base + "\nfinance: {target_irrs: [0.2]}")
    guard case .object(let root) = plan.json(), case .object(let tco)? = root["tco"],
      case .object(let returns)? = root["returns"], case .array(let breakEven)? = returns["breakEven"],
      case .array(let sensitivity)? = root["sensitivity"]
    else {
      Issue.record("missing finance objects")
      return
    }
    for key in ["capex", "annualOpex", "costPerGPUHour"] { #expect(tco[key] != nil) }
    for key in ["projectIRR", "equityIRR", "npv", "moic", "paybackMonths", "breakEvenUtilization"] {
      #expect(returns[key] != nil)
    }
    #expect(breakEven.count == 3)  // 0, the 14.4% discount rate, and 20%
    #expect(sensitivity.count == 8)
  }

  /// The issue's JSON keys: statements.annual[], returns.lender, sourcesAndUses, the three
  /// returns, and the debt per month; the CSV statements have one row per year.
  @Test func jsonHasStatementsAndLenderKeys() throws {
    let plan = try TestCatalog.plan(
      Self.base + "\nfinance: {lead_time_months: 2, financing: {debt_share: 0.5, term_months: 36}}")
    let root = try #require(jsonObject(plan.json()))
    let statements = try #require(jsonObject(root["statements"]))
    guard case .array(let annual)? = statements["annual"] else { throw JSONShapeError() }
    #expect(annual.count == 6)  // the build (year 0) and 5 operating years
    let year1 = try #require(jsonObject(annual[1]))
    for key in [
      "year", "revenue", "opex", "ebitda", "depreciation", "interest", "tax", "netIncome", "capex", "debtDrawn",
      "debtRepaid", "cashFlowToFirm", "cashFlowToEquity", "dscr",
    ] {
      #expect(year1[key] != nil, "statements.annual[1].\(key)")
    }
    let returns = try #require(jsonObject(root["returns"]))
    for key in ["projectPreTax", "projectAfterTax", "equity"] { #expect(returns[key] != nil) }
    let lender = try #require(jsonObject(returns["lender"]))
    for key in ["debtAmount", "minDSCR", "averageDSCR", "llcr", "maxLTV", "breaches"] { #expect(lender[key] != nil) }
    let funds = try #require(jsonObject(root["sourcesAndUses"]))
    guard case .array(let sources)? = funds["sources"], case .array(let uses)? = funds["uses"] else {
      throw JSONShapeError()
    }
    #expect(sources.count == 3 && uses.count == 2)
    guard case .array(let months)? = root["cashFlows"], let month1 = jsonObject(months[1]) else {
      throw JSONShapeError()
    }
    for key in ["draw", "interest", "principal"] { #expect(month1[key] != nil) }
    let csv = plan.statementsCSV().split(separator: "\r\n")
    #expect(csv.count == 7)  // header + 6 years
    #expect(csv[0].hasPrefix("year,revenue_market,revenue,opex,ebitda"))
    // Opex by line: the opex_* columns add up to the opex column, year by year, to the cent.
    let header = csv[0].split(separator: ",").map(String.init)
    let opexColumn = try #require(header.firstIndex(of: "opex"))
    let lineColumns = header.indices.filter { header[$0].hasPrefix("opex_") }
    #expect(lineColumns.count == OpexLine.allCases.count)
    for row in csv.dropFirst() {
      let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let sum = lineColumns.compactMap { Decimal(string: fields[$0]) }.reduce(0, +)
      #expect(sum == Decimal(string: fields[opexColumn]), "\(row)")
    }
  }
}

/// The saved plan carries its finance assumptions and monthly cash flows. Month 1 revenue for
/// 32 nodes × 8 GPUs at 75% and USD 3.00 is 256 × 730 × 0.75 × 3.00 = 420,480.00 (by hand).
@Test func savedPlanCarriesAssumptionsAndCashFlows() throws {
  let plan = try TestCatalog.plan(
    PlanFinanceTests.base + "\nfinance: {market_price: 3.0, utilization: 0.75, price_path: none}")
  guard case .object(let root) = plan.json(), case .array(let months)? = root["cashFlows"],
    case .object(let assumptions)? = root["financeAssumptions"], case .object(let first) = months[1]
  else {
    Issue.record("missing cashFlows or financeAssumptions")
    return
  }
  #expect(months.count == 61)
  #expect(first["revenue"] == .number("420480.00"))
  #expect(assumptions["marketPricePerGPUHour"] == .number("3"))
  #expect(assumptions["utilization"] == .array([.number("0.75")]))
}

/// The project-finance keys reach the engine.
@Test func projectFinanceKeysAreDecoded() throws {
  let plan = try TestCatalog.plan(
    PlanFinanceTests.base + """

      finance:
        contracts:
          - {name: anchor, share: 0.6, price: 2.1, term_months: 48, prepayment: 0.2}
          - {share: 0.1, price: 2.4, term_months: 24}
        utilization_ramp_months: 6
        idle_draw: 0.25
        busy_draw: 0.85
        warranty_years: 2
        residual_curve: [0.6, 0.4, 0.3, 0.2, 0.1]
        cost_of_equity: 0.2
        tax: {loss_cap: none}
        financing: {target_dscr: 1.25, base_rate: 0.043, spread: 0.045, term_months: 48,
                    amortization: sculpted, interest_during_construction: paid, rate_convention: effective,
                    covenants: {min_dscr: 1.2, max_ltv: 0.8}}
      """)
  let a = plan.financeAssumptions
  #expect(a.contracts.map(\.name) == ["anchor", "contract 2"])
  #expect(a.contracts[0].prepayment == 0.2)
  #expect(a.utilizationRampMonths == 6 && a.warrantyYears == 2)
  #expect(a.idleDrawFraction == 0.25 && a.busyDrawFraction == 0.85)
  #expect(a.residualCurve == [0.6, 0.4, 0.3, 0.2, 0.1])
  #expect(a.costOfEquity == 0.2 && a.lossCarryForwardCap == nil)
  #expect(a.debtSizing == .targetDSCR(1.25))
  #expect(abs(a.interestRateAnnual - 0.088) < 1e-15)  // 4.3 % + 4.5 %
  #expect(a.amortization == .sculpted && a.interestDuringConstruction == .paid && a.interestConvention == .effective)
  #expect(a.covenants == Covenants(minDSCR: 1.2, maxLTV: 0.8))
  #expect(plan.finance.cashFlows.trancheNames == ["anchor", "contract 2", "market"])
}

struct JSONShapeError: Error {}

/// The members of a JSON object, or `nil`.
func jsonObject(_ value: JSONValue?) -> [String: JSONValue]? {
  if case .object(let members)? = value { return members }
  return nil
}
