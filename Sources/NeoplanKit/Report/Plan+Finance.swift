import Foundation

extension Plan {
  /// Money from a finance figure, rounded half-even to the cent.
  func money(_ value: Double) -> Money { Money(roundingMajor: value, currency: bom.currency) }

  /// A price per GPU-hour, rounded to 4 decimals (sub-cent rates matter at scale).
  func rate(_ value: Double?) -> JSONValue { value.map { .decimal($0, 4) } ?? .null }

  /// The finance part of the JSON document: `tco`, `returns`, `sensitivity`, `utilizationSweep`;
  /// the headline figures from the plan summary (``PlanSummary/Finance``).
  func financeJSON(summary: PlanSummary.Finance? = nil) -> [String: JSONValue] {
    let s = summary ?? PlanSummary.Finance(plan: self)
    let f = finance
    let tco = tcoJSON(s)
    let returnsObject = returnsJSON(s)
    let sensitivity: [JSONValue] = f.sensitivity.map { row in
      .object([
        "input": .string(row.input.rawValue),
        "low": .object([
          "value": .decimal(row.lowValue, 6), "npv": .money(money(row.lowProjectNPV)),
          "equityNPV": .money(money(row.lowEquityNPV)), "breakEvenRatePerGPUHour": rate(row.lowBreakEvenPrice),
        ]),
        "high": .object([
          "value": .decimal(row.highValue, 6), "npv": .money(money(row.highProjectNPV)),
          "equityNPV": .money(money(row.highEquityNPV)), "breakEvenRatePerGPUHour": rate(row.highBreakEvenPrice),
        ]),
        "swing": .money(money(row.swing)),
      ])
    }
    let sweep: [JSONValue] = f.utilizationSweep.map {
      .object(["utilization": .decimal($0.utilization, 2), "breakEvenRatePerGPUHour": rate($0.breakEvenStartPrice)])
    }
    return [
      "tco": tco, "returns": returnsObject, "sensitivity": .array(sensitivity), "utilizationSweep": .array(sweep),
      "financeAssumptions": assumptionsJSON(), "cashFlows": cashFlowsJSON(), "statements": statementsJSON(),
      "sourcesAndUses": sourcesAndUsesJSON(), "revenueTranches": tranchesJSON(),
    ]
  }

  /// `tco`: capex, opex by year and the totals.
  private func tcoJSON(_ s: PlanSummary.Finance) -> JSONValue {
    let f = finance
    let a = financeAssumptions
    let annualOpex: [JSONValue] = f.annualOpex.map { year in
      var lines: [String: JSONValue] = [:]
      for line in OpexLine.allCases where year.lines.amount(of: line) != 0 {
        lines[line.rawValue] = .money(money(year.lines.amount(of: line)))
      }
      return .object(["year": .int(year.year), "lines": .object(lines), "total": .money(money(year.lines.total))])
    }
    return .object([
      "currency": .string(s.currency),
      "capex": .money(s.capex),
      "capexPerGPU": .money(money(f.capexPerGPU)),
      "capexByCategory": .array(
        f.capex.lines.map { .object(["category": .string($0.category), "amount": .money(money($0.amount))]) }),
      "annualOpex": .array(annualOpex),
      "totalOpex": .money(money(f.totalOpex)),
      "total": s.json(s.total),
      "tcoPerGPUHour": s.json(s.tcoPerGPUHour),
      "costPerGPUHour": s.json(s.costPerGPUHour),
      "horizonYears": .int(a.horizonYears),
    ])
  }

  /// `returns`: the headline returns, break-even and verdict, and each cash-flow view's returns.
  private func returnsJSON(_ s: PlanSummary.Finance) -> JSONValue {
    let f = finance
    let a = financeAssumptions
    func irr(_ r: IRRResult) -> JSONValue { r.annual.map { .decimal($0, 6) } ?? .null }
    func irrReason(_ r: IRRResult) -> JSONValue { r.explanation.map { .string($0) } ?? .null }
    func returns(_ r: CashFlowReturns) -> JSONValue {
      .object([
        "irr": irr(r.irr), "irrReason": irrReason(r.irr), "irrStatus": .string(r.irr.status.rawValue),
        "irrRoots": .array(r.irr.annualRoots.map { .decimal($0, 6) }),
        "cashFlowSignChanges": .int(r.irr.cashFlowSignChanges), "npv": .money(money(r.npv)),
        "moic": r.moic.map { .decimal($0, 4) } ?? .null,
        "paybackMonths": r.paybackMonth.map { .int($0) } ?? .null,
        "invested": .money(money(r.invested)),
      ])
    }
    return .object([
      "projectIRR": s.json(s.projectIRR),
      "projectIRRReason": s.json(s.projectIRRReason),
      "equityIRR": s.json(s.equityIRR),
      "equityIRRReason": s.json(s.equityIRRReason),
      "npv": s.json(s.npv),
      "moic": s.json(s.moic),
      "paybackMonths": s.json(s.paybackMonths),
      "discountRate": s.json(s.discountRate),
      "marketPricePerGPUHour": .decimal(a.marketPricePerGPUHour, 4),
      "breakEven": s.breakEvenJSON(),
      "breakEvenUtilization": f.breakEvenUtilization.map { .decimal($0, 4) } ?? .null,
      "verdict": .string(f.verdict.rawValue),
      "projectPreTax": returns(f.projectPreTax),
      "projectAfterTax": returns(f.projectAfterTax),
      "equity": returns(f.equity),
      "lender": lenderJSON(),
      "costOfEquity": .decimal(a.costOfEquity, 6),
      "basis": .string(
        "projectIRR, npv, moic and paybackMonths: unlevered, before tax, at the discount rate; projectAfterTax: unlevered, after tax, at the discount rate; equity: levered, after tax, at the cost of equity"
      ),
    ])
  }

  /// Every assumption the finance used (defaults applied, subscriptions included in software), so a
  /// saved plan can be recomputed by hand. Rates are fractions.
  func assumptionsJSON() -> JSONValue {
    let a = financeAssumptions
    var path: [String: JSONValue]
    switch a.pricePath {
    case .none: path = ["kind": .string("none")]
    case .linear(let end): path = ["kind": .string("linear"), "endFraction": .decimal(end, 6)]
    case .annualDecline(let rate): path = ["kind": .string("annual"), "annualDecline": .decimal(rate, 6)]
    case .perYear(let list): path = ["kind": .string("per-year"), "multipliers": .array(list.map { .decimal($0, 6) })]
    }
    var facility: [String: JSONValue]
    switch a.facilityCost {
    case .colocation(let perKW): facility = ["kind": .string("colocation"), "perKWMonth": .decimal(perKW, 4)]
    case .hosting(let perNode): facility = ["kind": .string("hosting"), "perNodeMonth": .decimal(perNode, 4)]
    }
    let contract: JSONValue =
      a.contractMix.map {
        .object([
          "share": .decimal($0.share, 6), "pricePerGPUHour": .decimal($0.pricePerGPUHour, 6),
          "termMonths": $0.termMonths.map { .int($0) } ?? .null, "prepayment": .decimal($0.prepayment, 6),
          "name": .string($0.name),
        ])
      } ?? .null
    return .object([
      "horizonYears": .int(a.horizonYears),
      "utilization": .array(a.utilization.map { .decimal($0, 6) }),
      "marketPricePerGPUHour": .decimal(a.marketPricePerGPUHour, 6),
      "pricePath": .object(path),
      "contract": contract,
      "leadTimeMonths": .int(a.leadTimeMonths),
      "electricityPerKWh": .decimal(a.electricityPerKWh, 6),
      "pue": .decimal(a.effectivePUE(facilityPUE: spec.facility.pue), 4),
      "averageDraw": a.averageDrawFraction.map { .decimal($0, 6) } ?? .null,
      "idleDraw": .decimal(a.idleDrawFraction, 6),
      "busyDraw": .decimal(a.busyDrawFraction, 6),
      "warrantyYears": .int(a.warrantyYears),
      "facilityCost": .object(facility),
      "maintenancePerYear": .decimal(a.maintenancePercentOfHardwarePerYear, 6),
      "staff": .object(["ftes": .decimal(a.staff.fteCount, 4), "costPerFTE": .decimal(a.staff.costPerFTEYear, 2)]),
      "softwarePerGPUYear": .decimal(a.softwarePerGPUYear, 4),
      "insurancePerYear": .decimal(a.insurancePercentPerYear, 6),
      "bandwidthPerMonth": .decimal(a.bandwidthPerMonth, 2),
      "salesAndOther": .decimal(a.salesAndOtherPercentOfRevenue, 6),
      "installation": .decimal(a.installationPercent, 6),
      "shippingAndTaxes": .decimal(a.shippingAndTaxesPercent, 6),
      "residualValue": .decimal(a.effectiveResidualFraction, 6),
      "residualCurve": .array(a.residualCurve.map { .decimal($0, 6) }),
      "debtShare": .decimal(a.debtShare, 6),
      "debtSizing": debtSizingJSON(a.debtSizing),
      "amortization": .string(a.amortization.rawValue),
      "rateConvention": .string(a.interestConvention.rawValue),
      "interestDuringConstruction": .string(a.interestDuringConstruction.rawValue),
      "costOfEquity": .decimal(a.costOfEquity, 6),
      "lossCarryForwardCap": a.lossCarryForwardCap.map { .decimal($0, 6) } ?? .null,
      "utilizationRampMonths": .int(a.utilizationRampMonths),
      "interestRate": .decimal(a.interestRateAnnual, 6),
      "debtTermMonths": .int(a.debtTermMonths),
      "taxRate": .decimal(a.taxRate, 6),
      "depreciationYears": .int(a.depreciationYears),
      "discountRate": .decimal(a.discountRate, 6),
      "targetIRRs": .array(a.extraTargetIRRs.map { .decimal($0, 6) }),
      "itPowerKW": .decimal(financeInputs.itPowerKW, 3),
      "hardwareCapexBase": .money(money(financeInputs.hardwareCapexIncludingSpares)),
    ])
  }

  func debtSizingJSON(_ sizing: DebtSizing?) -> JSONValue {
    switch sizing {
    case .none: .object(["kind": .string("shareOfCapex"), "value": .decimal(financeAssumptions.debtShare, 6)])
    case .shareOfCapex(let x): .object(["kind": .string("shareOfCapex"), "value": .decimal(x, 6)])
    case .advanceRate(let x): .object(["kind": .string("advanceRate"), "value": .decimal(x, 6)])
    case .targetDSCR(let x): .object(["kind": .string("targetDSCR"), "value": .decimal(x, 6)])
    }
  }

  /// The monthly cash flows (money rounded to the cent; flows signed, + = received).
  func cashFlowsJSON() -> JSONValue {
    .array(
      finance.cashFlows.months.map { m in
        .object([
          "month": .int(m.month), "price": .decimal(m.marketPricePerGPUHour, 6),
          "utilization": .decimal(m.utilization, 6), "revenue": .money(money(m.revenue)),
          "opex": .money(money(m.opex.total)), "capex": .money(money(m.capex)),
          "residualValue": .money(money(m.residualValue)), "projectPreTax": .money(money(m.projectPreTax)),
          "projectAfterTax": .money(money(m.projectAfterTax)), "equity": .money(money(m.equity)),
          "draw": .money(money(m.debtDrawdown)), "interest": .money(money(m.interest)),
          "interestPaid": .money(money(m.interestPaid)), "principal": .money(money(m.principalRepayment)),
          "debtBalance": .money(money(m.debtBalance)), "tax": .money(money(m.equityTax)),
          "prepaymentReceived": .money(money(m.prepaymentReceived)), "year": .int(m.year),
        ])
      })
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
  public func financeJSONDocument() -> JSONValue {
    var document = financeJSON()
    document["schemaVersion"] = .int(Plan.schemaVersion)
    document["name"] = .string(spec.name)
    document["asOf"] = .string(spec.asOf.description)
    return .object(document)
  }
}
