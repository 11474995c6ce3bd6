import Foundation

extension Plan {
  /// `neoplan risk --format json`: the `risk` object plus identification.
  public func riskJSONDocument(_ result: RiskResult, risk: RiskAssumptions) -> JSONValue {
    .object([
      "schemaVersion": .int(Plan.schemaVersion), "name": .string(spec.name), "currency": .string(bom.currency),
      "risk": riskJSON(result, risk: risk),
    ])
  }

  /// The `risk` object.
  func riskJSON(_ r: RiskResult, risk: RiskAssumptions) -> JSONValue {
    func rates(_ p: RiskPercentiles, plan: Double?) -> JSONValue {
      var object = percentileObject(p) { .decimal($0, 6) }
      object["plan"] = plan.map { .decimal($0, 6) } ?? .null
      return .object(object)
    }
    func amounts(_ p: RiskPercentiles, plan: Double) -> JSONValue {
      var object = percentileObject(p) { .money(money($0)) }
      object["plan"] = .money(money(plan))
      return .object(object)
    }
    var payback = percentileObject(r.paybackMonths) { .decimal($0, 2) }
    payback["plan"] = finance.paybackMonth.map { .int($0) } ?? .null
    var dscr: JSONValue = .null
    if let p = r.minDSCR {
      var object = percentileObject(p) { .decimal($0, 4) }
      object["plan"] = finance.lender.minDSCR.map { .decimal($0, 4) } ?? .null
      dscr = .object(object)
    }
    return .object([
      "paths": .int(r.paths), "seed": .string(String(r.seed)), "hurdleRate": .decimal(r.hurdleRate, 6),
      "projectIRR": rates(r.projectIRR, plan: finance.projectIRR.annual),
      "equityIRR": rates(r.equityIRR, plan: finance.equityIRR.annual),
      "npv": amounts(r.npv, plan: finance.npv), "equityNPV": amounts(r.equityNPV, plan: finance.equity.npv),
      "paybackMonths": .object(payback), "minDSCR": dscr,
      "probabilityOfLoss": .decimal(r.probabilityOfLoss, 6),
      "probabilityOfEquityLoss": .decimal(r.probabilityOfEquityLoss, 6),
      "probabilityBelowHurdle": .decimal(r.probabilityBelowHurdle, 6),
      "probabilityOfBreach": r.probabilityOfBreach.map { .decimal($0, 6) } ?? .null,
      "drivers": .array(
        r.drivers.map {
          .object([
            "input": .string($0.input), "rankCorrelation": .decimal($0.rankCorrelation, 4),
            "varianceShare": .decimal($0.varianceShare, 4),
          ])
        }),
      "driverMethod": .string(
        "squared Spearman rank correlation of each input with the project NPV across paths, normalised to sum to 1"),
      "irrHistogram": .array(
        r.irrHistogram.map {
          .object(["lower": .decimal($0.lower, 6), "upper": .decimal($0.upper, 6), "count": .int($0.count)])
        }),
      "cashFan": .object([
        "paths": .int(r.fanPaths), "percentiles": .array([5, 25, 50, 75, 95].map { .int($0) }),
        "months": .array(r.cashFan.map { .array([.int($0.month)] + $0.values.map { .money(money($0)) }) }),
      ]),
      "assumptions": riskAssumptionsJSON(risk),
      "percentileMethod": .string("linear interpolation between closest ranks (numpy's default)"),
    ])
  }

  private func percentileObject(_ p: RiskPercentiles, _ value: (Double) -> JSONValue) -> [String: JSONValue] {
    var object: [String: JSONValue] = ["paths": .int(p.count)]
    for (name, v) in zip(["p5", "p10", "p50", "p90", "p95"], p.values) { object[name] = v.map(value) ?? .null }
    return object
  }

  private func riskAssumptionsJSON(_ r: RiskAssumptions) -> JSONValue {
    .object([
      "priceAnnualDeclineMean": .decimal(r.priceDeclineMean, 6), "priceAnnualDeclineSD": .decimal(r.priceDeclineSD, 6),
      "utilizationSD": .decimal(r.utilizationSD, 6), "rampMonthsSD": .decimal(r.rampMonthsSD, 6),
      "capexOverrunMean": .decimal(r.capexOverrunMean, 6), "capexOverrunSD": .decimal(r.capexOverrunSD, 6),
      "electricitySD": .decimal(r.electricitySD, 6),
      "failureModes": .array(
        r.failureModes.map {
          .object([
            "kind": .string($0.kind), "unitsPerNode": .int($0.unitsPerNode), "mtbfHours": .decimal($0.mtbfHours, 3),
            "mttrHours": .decimal($0.mttrHours, 3),
          ])
        }),
      "contractDefaultProbability": .decimal(r.contractDefaultProbability, 6),
      "recoveryRate": .decimal(r.recoveryRate, 6),
    ])
  }

  /// `neoplan risk` as text.
  public func riskText(_ r: RiskResult) -> String {
    var out = "neoplan risk: \(spec.name)  (\(r.paths) paths, seed \(r.seed); docs/risk.md)\n"
    out += pad("", 18) + ["P5", "P10", "P50", "P90", "P95", "plan"].map { pad($0, 15, right: true) }.joined() + "\n"
    func percent(_ v: Double?) -> String {
      v.map { NumberFormat.percent($0) } ?? "n/a"
    }
    func row(_ name: String, _ p: RiskPercentiles, plan: String, _ format: (Double?) -> String) -> String {
      pad("  " + name, 18) + (p.values.map { format($0) } + [plan]).map { pad($0, 15, right: true) }.joined() + "\n"
    }
    let cash: (Double?) -> String = { v in v.map { money($0).groupedString } ?? "n/a" }
    out += row("project IRR", r.projectIRR, plan: percent(finance.projectIRR.annual), percent)
    out += row("equity IRR", r.equityIRR, plan: percent(finance.equityIRR.annual), percent)
    out += row("NPV", r.npv, plan: cash(finance.npv), cash)
    out += row("equity NPV", r.equityNPV, plan: cash(finance.equity.npv), cash)
    out += row(
      "payback (months)", r.paybackMonths, plan: finance.paybackMonth.map(String.init) ?? "never",
      { $0.map { NumberFormat.fixed($0, decimals: 1, trimZeros: true) } ?? "never" })
    if let dscr = r.minDSCR {
      out += row(
        "minimum DSCR", dscr,
        plan: finance.lender.minDSCR.map { NumberFormat.fixed($0, decimals: 2, trimZeros: true) } ?? "n/a",
        { $0.map { NumberFormat.fixed($0, decimals: 2, trimZeros: true) } ?? "n/a" })
    }
    out += "P(NPV < 0) \(percent(r.probabilityOfLoss))   P(project IRR < \(percent(r.hurdleRate))) "
    out += "\(percent(r.probabilityBelowHurdle))   P(equity NPV < 0) \(percent(r.probabilityOfEquityLoss))"
    out += r.probabilityOfBreach.map { "   P(covenant breach) \(percent($0))" } ?? ""
    out += "\nDrivers of the NPV (squared Spearman rank correlation, normalised)\n"
    for driver in r.drivers {
      out +=
        pad("  " + driver.input, 18) + pad(percent(driver.varianceShare), 8, right: true)
        + "   ρ = \(NumberFormat.fixed(driver.rankCorrelation, decimals: 3))\n"
    }
    return out
  }
}
