import Foundation

extension Plan {
  /// Money from a finance figure, rounded half-even to the cent.
  func money(_ value: Double) -> Money { Money(roundingMajor: value, currency: bom.currency) }

  /// A price per GPU-hour, rounded to 4 decimals (sub-cent rates matter at scale).
  func rate(_ value: Double?) -> JSONValue { value.map { .decimal($0, 4) } ?? .null }

  /// `sensitivity`: each input's low and high case.
  func writeSensitivity<W: JSONWriter>(into w: inout W) {
    func side(_ w: inout W, _ value: Double, _ npv: Double, _ equityNPV: Double, _ breakEven: Double?) {
      w.field("breakEvenRatePerGPUHour", rate(breakEven))
      w.field("equityNPV", money: money(equityNPV))
      w.field("npv", money: money(npv))
      w.field("value", .decimal(value, 6))
    }
    w.objects("sensitivity", finance.sensitivity) { w, row in
      w.object("high") { side(&$0, row.highValue, row.highProjectNPV, row.highEquityNPV, row.highBreakEvenPrice) }
      w.field("input", .string(row.input.rawValue))
      w.object("low") { side(&$0, row.lowValue, row.lowProjectNPV, row.lowEquityNPV, row.lowBreakEvenPrice) }
      w.field("swing", money: money(row.swing))
    }
  }

  /// `utilizationSweep`: the break-even starting rate by utilization.
  func writeUtilizationSweep<W: JSONWriter>(into w: inout W) {
    w.objects("utilizationSweep", finance.utilizationSweep) { w, point in
      w.field("breakEvenRatePerGPUHour", rate(point.breakEvenStartPrice))
      w.field("utilization", .decimal(point.utilization, 2))
    }
  }

  /// The opex lines that are not zero, as `lines`/`opexLines` objects list them (keys sorted).
  func writeOpexLines<W: JSONWriter>(_ lines: OpexBreakdown, into w: inout W) {
    for line in OpexLine.byName where lines.amount(of: line) != 0 {
      w.field(line.rawValue, money: money(lines.amount(of: line)))
    }
  }

  /// `tco`: capex, opex by year and the totals; the headline figures from the plan summary
  /// (``PlanSummary/Finance``).
  func writeTCO<W: JSONWriter>(_ s: PlanSummary.Finance, into w: inout W) {
    let f = finance
    w.objects("annualOpex", f.annualOpex) { w, year in
      w.object("lines") { writeOpexLines(year.lines, into: &$0) }
      w.field("total", money: money(year.lines.total))
      w.field("year", .int(year.year))
    }
    w.field("capex", money: s.capex)
    w.objects("capexByCategory", f.capex.lines) { w, line in
      w.field("amount", money: money(line.amount))
      w.field("category", .string(line.category))
    }
    w.field("capexPerGPU", money: money(f.capexPerGPU))
    w.field("costPerGPUHour", s.json(s.costPerGPUHour))
    w.field("currency", .string(s.currency))
    w.field("horizonYears", .int(financeAssumptions.horizonYears))
    w.field("tcoPerGPUHour", s.json(s.tcoPerGPUHour))
    w.field("total", s.json(s.total))
    w.field("totalOpex", money: money(f.totalOpex))
  }

  /// `returns`: the headline returns, break-even and verdict, and each cash-flow view's returns.
  func writeReturns<W: JSONWriter>(_ s: PlanSummary.Finance, into w: inout W) {
    let f = finance
    let a = financeAssumptions
    func returns(_ name: String, _ r: CashFlowReturns) {
      w.object(name) { w in
        w.field("cashFlowSignChanges", .int(r.irr.cashFlowSignChanges))
        w.field("invested", money: money(r.invested))
        w.field("irr", r.irr.annual.map { .decimal($0, 6) } ?? .null)
        w.field("irrReason", r.irr.explanation.map { .string($0) } ?? .null)
        w.array("irrRoots") { w in for root in r.irr.annualRoots { w.value(.decimal(root, 6)) } }
        w.field("irrStatus", .string(r.irr.status.rawValue))
        w.field("moic", r.moic.map { .decimal($0, 4) } ?? .null)
        w.field("npv", money: money(r.npv))
        w.field("paybackMonths", r.paybackMonth.map { .int($0) } ?? .null)
      }
    }
    w.field(
      "basis",
      .string(
        "projectIRR, npv, moic and paybackMonths: unlevered, before tax, at the discount rate; projectAfterTax: unlevered, after tax, at the discount rate; equity: levered, after tax, at the cost of equity"
      ))
    s.writeBreakEven(into: &w)
    w.field("breakEvenUtilization", f.breakEvenUtilization.map { .decimal($0, 4) } ?? .null)
    w.field("costOfEquity", .decimal(a.costOfEquity, 6))
    w.field("discountRate", s.json(s.discountRate))
    returns("equity", f.equity)
    w.field("equityIRR", s.json(s.equityIRR))
    w.field("equityIRRReason", s.json(s.equityIRRReason))
    w.object("lender") { writeLender(into: &$0) }
    w.field("marketPricePerGPUHour", .decimal(a.marketPricePerGPUHour, 4))
    w.field("moic", s.json(s.moic))
    w.field("npv", s.json(s.npv))
    w.field("paybackMonths", s.json(s.paybackMonths))
    returns("projectAfterTax", f.projectAfterTax)
    w.field("projectIRR", s.json(s.projectIRR))
    w.field("projectIRRReason", s.json(s.projectIRRReason))
    returns("projectPreTax", f.projectPreTax)
    w.field("verdict", .string(f.verdict.rawValue))
  }

  /// `financeAssumptions`: every assumption the finance used (defaults applied, subscriptions
  /// included in software), so a saved plan can be recomputed by hand. Rates are fractions.
  func writeAssumptions<W: JSONWriter>(into w: inout W) {
    let a = financeAssumptions
    w.object { w in
      w.field("amortization", .string(a.amortization.rawValue))
      w.field("averageDraw", a.averageDrawFraction.map { .decimal($0, 6) } ?? .null)
      w.field("bandwidthPerMonth", .decimal(a.bandwidthPerMonth, 2))
      w.field("busyDraw", .decimal(a.busyDrawFraction, 6))
      if let contract = a.contractMix {
        w.object("contract") { w in
          w.field("name", .string(contract.name))
          w.field("prepayment", .decimal(contract.prepayment, 6))
          w.field("pricePerGPUHour", .decimal(contract.pricePerGPUHour, 6))
          w.field("share", .decimal(contract.share, 6))
          w.field("termMonths", contract.termMonths.map { .int($0) } ?? .null)
        }
      } else {
        w.field("contract", .null)
      }
      w.field("costOfEquity", .decimal(a.costOfEquity, 6))
      w.field("debtShare", .decimal(a.debtShare, 6))
      w.object("debtSizing") { writeDebtSizing(a.debtSizing, into: &$0) }
      w.field("debtTermMonths", .int(a.debtTermMonths))
      w.field("depreciationYears", .int(a.depreciationYears))
      w.field("discountRate", .decimal(a.discountRate, 6))
      w.field("electricityPerKWh", .decimal(a.electricityPerKWh, 6))
      w.object("facilityCost") { w in
        switch a.facilityCost {
        case .colocation(let perKW):
          w.field("kind", .string("colocation"))
          w.field("perKWMonth", .decimal(perKW, 4))
        case .hosting(let perNode):
          w.field("kind", .string("hosting"))
          w.field("perNodeMonth", .decimal(perNode, 4))
        }
      }
      w.field("hardwareCapexBase", money: money(financeInputs.hardwareCapexIncludingSpares))
      w.field("horizonYears", .int(a.horizonYears))
      w.field("idleDraw", .decimal(a.idleDrawFraction, 6))
      w.field("installation", .decimal(a.installationPercent, 6))
      w.field("insurancePerYear", .decimal(a.insurancePercentPerYear, 6))
      w.field("interestDuringConstruction", .string(a.interestDuringConstruction.rawValue))
      w.field("interestRate", .decimal(a.interestRateAnnual, 6))
      w.field("itPowerKW", .decimal(financeInputs.itPowerKW, 3))
      w.field("leadTimeMonths", .int(a.leadTimeMonths))
      w.field("lossCarryForwardCap", a.lossCarryForwardCap.map { .decimal($0, 6) } ?? .null)
      w.field("maintenancePerYear", .decimal(a.maintenancePercentOfHardwarePerYear, 6))
      w.field("marketPricePerGPUHour", .decimal(a.marketPricePerGPUHour, 6))
      w.object("pricePath") { writePricePath(a.pricePath, into: &$0) }
      w.field("pue", .decimal(a.effectivePUE(facilityPUE: spec.facility.pue), 4))
      w.field("rateConvention", .string(a.interestConvention.rawValue))
      w.array("residualCurve") { w in for x in a.residualCurve { w.value(.decimal(x, 6)) } }
      w.field("residualValue", .decimal(a.effectiveResidualFraction, 6))
      w.field("salesAndOther", .decimal(a.salesAndOtherPercentOfRevenue, 6))
      w.field("shippingAndTaxes", .decimal(a.shippingAndTaxesPercent, 6))
      w.field("softwarePerGPUYear", .decimal(a.softwarePerGPUYear, 4))
      w.object("staff") { w in
        w.field("costPerFTE", .decimal(a.staff.costPerFTEYear, 2))
        w.field("ftes", .decimal(a.staff.fteCount, 4))
      }
      w.array("targetIRRs") { w in for x in a.extraTargetIRRs { w.value(.decimal(x, 6)) } }
      w.field("taxRate", .decimal(a.taxRate, 6))
      w.array("utilization") { w in for x in a.utilization { w.value(.decimal(x, 6)) } }
      w.field("utilizationRampMonths", .int(a.utilizationRampMonths))
      w.field("warrantyYears", .int(a.warrantyYears))
    }
  }

  /// `pricePath`: its kind and parameters.
  private func writePricePath<W: JSONWriter>(_ path: PricePath, into w: inout W) {
    switch path {
    case .none: w.field("kind", .string("none"))
    case .linear(let end):
      w.field("endFraction", .decimal(end, 6))
      w.field("kind", .string("linear"))
    case .annualDecline(let rate):
      w.field("annualDecline", .decimal(rate, 6))
      w.field("kind", .string("annual"))
    case .perYear(let list):
      w.field("kind", .string("per-year"))
      w.array("multipliers") { w in for x in list { w.value(.decimal(x, 6)) } }
    }
  }

  /// `debtSizing`: its kind and value (no sizing given: the debt share of capex).
  private func writeDebtSizing<W: JSONWriter>(_ sizing: DebtSizing?, into w: inout W) {
    let (kind, value): (String, Double) =
      switch sizing {
      case .none: ("shareOfCapex", financeAssumptions.debtShare)
      case .shareOfCapex(let x): ("shareOfCapex", x)
      case .advanceRate(let x): ("advanceRate", x)
      case .targetDSCR(let x): ("targetDSCR", x)
      }
    w.field("kind", .string(kind))
    w.field("value", .decimal(value, 6))
  }

  /// `cashFlows`: the monthly cash flows (money rounded to the cent; flows signed, + = received).
  func writeCashFlows<W: JSONWriter>(into w: inout W) {
    w.beginArray()
    for m in finance.cashFlows.months {
      w.object { w in
        w.field("capex", money: money(m.capex))
        w.field("debtBalance", money: money(m.debtBalance))
        w.field("draw", money: money(m.debtDrawdown))
        w.field("equity", money: money(m.equity))
        w.field("interest", money: money(m.interest))
        w.field("interestPaid", money: money(m.interestPaid))
        w.field("month", .int(m.month))
        w.field("opex", money: money(m.opex.total))
        w.field("prepaymentReceived", money: money(m.prepaymentReceived))
        w.field("price", .decimal(m.marketPricePerGPUHour, 6))
        w.field("principal", money: money(m.principalRepayment))
        w.field("projectAfterTax", money: money(m.projectAfterTax))
        w.field("projectPreTax", money: money(m.projectPreTax))
        w.field("residualValue", money: money(m.residualValue))
        w.field("revenue", money: money(m.revenue))
        w.field("tax", money: money(m.equityTax))
        w.field("utilization", .decimal(m.utilization, 6))
        w.field("year", .int(m.year))
      }
    }
    w.endArray()
  }

  /// The finance summary for the text report (fits 100 columns).
  public func financeText() -> String {
    let f = finance
    let a = financeAssumptions
    let c = bom.currency
    var out: [String] = []
    func pct(_ x: Double?) -> String { x.map { NumberFormat.percent($0) } ?? "n/a" }
    func perHour(_ x: Double?) -> String {
      x.map { "\(c) \(NumberFormat.fixed($0, decimals: 4))/GPU-h" } ?? "n/a"
    }
    out.append(
      "Finance   \(a.horizonYears) years; market \(c) \(NumberFormat.fixed(a.marketPricePerGPUHour, decimals: 2, trimZeros: true))/GPU-h, \(pathText(a.pricePath))"
    )
    out.append(
      "          utilization \(a.utilization.map { NumberFormat.percent($0) }.joined(separator: "/")); discount rate \(pct(a.discountRate)); cost of equity \(pct(a.costOfEquity))"
    )
    for contract in a.contracts {
      out.append(
        "          contract \(contract.name): \(pct(contract.share)) of GPUs at \(c) \(NumberFormat.fixed(contract.pricePerGPUHour, decimals: 2, trimZeros: true))/GPU-h for \(a.termMonths(of: contract)) months, \(pct(contract.prepayment)) prepaid"
      )
    }
    out.append("  capex                 \(money(f.capex.total).description)")
    for line in f.capex.lines {
      out.append(pad("    " + line.category, 26) + pad(money(line.amount).groupedString, 20, right: true))
    }
    let firstYear = f.annualOpex.first?.lines ?? OpexBreakdown()
    out.append("  opex, year 1          \(money(firstYear.total).description)")
    for line in OpexLine.allCases where firstYear.amount(of: line) != 0 {
      out.append(
        pad("    " + line.rawValue, 26) + pad(money(firstYear.amount(of: line)).groupedString, 20, right: true))
    }
    out.append("  TCO over \(a.horizonYears) years      \(money(f.tco).description)")
    out.append(
      "  cost per GPU-hour     \(perHour(f.costPerGPUHour))  (NPV = 0 at \(pct(a.discountRate)), 100% utilized)")
    out.append("  returns               unlevered pre-tax | unlevered after-tax | levered after-tax (equity)")
    out.append(
      "  IRR                   \(pct(f.projectIRR.annual)) | \(pct(f.projectAfterTax.irr.annual)) | \(pct(f.equityIRR.annual))"
    )
    out.append(
      "  NPV                   \(money(f.npv).groupedString) | \(money(f.projectAfterTax.npv).groupedString) | \(money(f.equity.npv).groupedString)"
    )
    out.append(
      "    discounted at       \(pct(a.discountRate)) | \(pct(a.discountRate)) | \(pct(a.costOfEquity)) (cost of equity)"
    )
    for (label, irr) in [
      ("project IRR", f.projectIRR), ("after-tax IRR", f.projectAfterTax.irr), ("equity IRR", f.equityIRR),
    ] {
      if let why = irr.explanation { out.append(pad("  " + label, 24) + "n/a — " + why) }
    }
    func moic(_ r: CashFlowReturns) -> String {
      r.moic.map { NumberFormat.fixed($0, decimals: 2, trimZeros: true) + "×" } ?? "n/a"
    }
    func payback(_ r: CashFlowReturns) -> String { r.paybackMonth.map { "month \($0)" } ?? "none" }
    out.append("  MOIC                  \(moic(f.projectPreTax)) | \(moic(f.projectAfterTax)) | \(moic(f.equity))")
    out.append(
      "  payback               \(payback(f.projectPreTax)) | \(payback(f.projectAfterTax)) | \(payback(f.equity))")
    for be in f.breakEven {
      let label = be.targetIRR == 0 ? "break-even (cash)" : "break-even at \(pct(be.targetIRR))"
      out.append(pad("  " + label, 24) + perHour(be.startPricePerGPUHour) + " starting rate")
    }
    out.append(
      "  break-even utilization "
        + (f.breakEvenUtilization.map { "\(pct($0)) at the market price path" }
          ?? "none: even 100% utilization at the market price path does not reach NPV 0"))
    out += sourcesAndUsesText()
    out += statementsText()
    return out.flatMap { $0.count > 98 ? wrap($0, width: 98, indent: "                        ") : [$0] }
      .joined(separator: "\n") + "\n"
  }

  func pathText(_ path: PricePath) -> String {
    switch path {
    case .none: return "flat"
    case .linear(let end): return "linear to \(NumberFormat.percent(end)) by the last month"
    case .annualDecline(let rate): return "−\(NumberFormat.percent(rate)) a year"
    case .perYear(let list):
      return "per year ×" + list.map { NumberFormat.fixed($0, decimals: 2, trimZeros: true) }.joined(separator: "/")
    }
  }
}

extension Plan {
  /// `neoplan tco` text: the finance summary, the sensitivity tornado and the utilization sweep.
  public func financeReportText() -> String {
    let c = bom.currency
    var out =
      "neoplan tco: \(spec.name)  (as of \(spec.asOf), \(c); \(design.gpus) GPUs, capex per GPU \(money(finance.capexPerGPU).groupedString))\n"
    out += financeText()
    out += "Sensitivity (each input −20% / +20%; NPV at the discount rate; break-even starting rate)\n"
    out +=
      pad("  input", 20) + pad("NPV −20%", 20, right: true) + pad("NPV +20%", 20, right: true)
      + pad("b/e −20%", 12, right: true) + pad("b/e +20%", 12, right: true) + "\n"
    for row in finance.sensitivity {
      out +=
        pad("  " + row.input.rawValue, 20) + pad(money(row.lowProjectNPV).groupedString, 20, right: true)
        + pad(money(row.highProjectNPV).groupedString, 20, right: true)
        + pad(row.lowBreakEvenPrice.map { NumberFormat.fixed($0, decimals: 4) } ?? "n/a", 12, right: true)
        + pad(row.highBreakEvenPrice.map { NumberFormat.fixed($0, decimals: 4) } ?? "n/a", 12, right: true)
        + "\n"
    }
    out += "Break-even starting rate at \(NumberFormat.percent(financeAssumptions.discountRate)) by utilization\n"
    for point in finance.utilizationSweep {
      out +=
        pad("  \(NumberFormat.percent(point.utilization))", 12)
        + (point.breakEvenStartPrice.map { "\(c) \(NumberFormat.fixed($0, decimals: 4))/GPU-h" } ?? "n/a")
        + "\n"
    }
    return out
  }

  /// `neoplan tco --format json`: the finance keys of the plan document plus identification.
  public func financeJSONDocument() -> JSONValue { JSONDocument.tree { writeDocument(summary: nil, into: &$0) } }

  /// `financeJSONDocument().rendered()`, written without the tree.
  public func financeJSONText() -> String { JSONDocument.text { writeDocument(summary: nil, into: &$0) } }
}

extension OpexLine {
  /// Every line in the order of their names (the order a JSON object lists them).
  static let byName = allCases.sorted { $0.rawValue < $1.rawValue }
}
