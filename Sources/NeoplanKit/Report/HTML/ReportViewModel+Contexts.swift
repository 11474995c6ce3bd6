import Foundation

extension ReportViewModel {
  /// The context of `quote.html`.
  public func quoteContext() -> [String: Any] {
    let summary = quoteSummaryRows()
    let (verdict, verdictClass) = quoteVerdict()
    var charts = financeCharts()
    charts["topology"] = topologySVG()
    return withRisk([
      "financing": financingContext(),
      "L": labels(),
      "methodology": methodologyHardware(),
      "version": NeoplanInfo.version,
      "cover": cover(title: locale.t("quote_title")),
      "summary": summary,
      "verdict": verdict,
      "verdictClass": verdictClass,
      "topologySummary": topologySummary(),
      "bom": bomCategories(),
      "totals": ["total": locale.money(plan.bom.total), "perGPU": locale.money(plan.bom.perGPU)],
      "charts": charts,
      "assumptions": assumptionRows(),
      "prices": pricesUsed(),
      "warnings": warningTexts(),
      "hasWarnings": !plan.warningItems.isEmpty,
    ])
  }

  /// The context of `plan.html`.
  public func planContext() -> [String: Any] {
    let d = plan.design
    var context: [String: Any] = [
      "financing": financingContext(),
      "L": labels(),
      "version": NeoplanInfo.version,
      "cover": cover(title: locale.t("plan_title")),
      "topologySummary": topologySummary(),
      "charts": ["topology": topologySVG()],
      "bom": bomCategories(),
      "totals": ["total": locale.money(plan.bom.total), "perGPU": locale.money(plan.bom.perGPU)],
      "prices": pricesUsed(),
      "warnings": warningTexts(),
      "hasWarnings": !plan.warningItems.isEmpty,
      "hasBackend": d.backend != nil,
    ]
    if let b = d.backend {
      context["tiers"] = tierRows(b)
      context["backendRows"] = backendRows(b)
    }
    context["networkRows"] = networkRows()
    context["facilityRows"] = facilityRows()
    return context
  }

  /// The quote's key-figure rows: capex, break-even prices, returns, payback and debt.
  private func quoteSummaryRows() -> [[String: String]] {
    let f = plan.finance
    let a = plan.financeAssumptions
    let c = currency
    let hurdle = f.hurdleBreakEvenPrice
    let cash = f.cashBreakEvenPrice
    var summary: [[String: String]] = [
      [
        "label": locale.t("capex"), "value": locale.compactMoney(money(f.capex.total)),
        "note": locale.money(money(f.capex.total)), "figure": "tco.capex",
      ],
      [
        "label": locale.t("capex_per_gpu"),
        "value": locale.money(money(f.capexPerGPU)), "valueFigure": "tco.capexPerGPU",
        "note": locale.t("bom_per_gpu_note"),
      ],
      [
        "label": locale.t("cost_per_gpu_hour"), "value": locale.rate(f.costPerGPUHour, currency: c),
        "note": locale.t("cost_per_gpu_hour_note"),
      ],
      [
        "label": locale.t("market_price"), "value": locale.rate(a.marketPricePerGPUHour, currency: c),
        "note": pathText(a.pricePath),
      ],
      ["label": locale.t("break_even_cash"), "value": locale.rate(cash, currency: c), "note": ""],
      [
        "label": "\(locale.t("break_even_hurdle")) (\(locale.percent(a.discountRate)))",
        "value": locale.rate(hurdle, currency: c), "note": "",
      ],
    ]
    for target in f.breakEven where target.targetIRR != 0 && target.targetIRR != a.discountRate {
      summary.append([
        "label": "\(locale.t("break_even_target")) \(locale.percent(target.targetIRR))",
        "value": locale.rate(target.startPricePerGPUHour, currency: c), "note": "",
      ])
    }
    summary += [
      [
        "label": locale.t("project_irr"), "value": locale.percent(f.projectIRR.annual),
        "note": irrReason(f.projectIRR),
      ],
      [
        "label": locale.t("project_after_tax_irr"), "value": locale.percent(f.projectAfterTax.irr.annual),
        "note": irrReason(f.projectAfterTax.irr),
      ],
      [
        "label": locale.t("equity_irr"), "value": locale.percent(f.equityIRR.annual),
        "note": irrReason(f.equityIRR),
      ],
      ["label": locale.t("npv"), "value": locale.compactMoney(money(f.npv)), "note": locale.percent(a.discountRate)],
      [
        "label": locale.t("moic"),
        "value": f.moic.map { locale.grouped($0, decimals: 2) + "×" } ?? locale.t("not_available"), "note": "",
      ],
      [
        "label": locale.t("payback"),
        "value": f.paybackMonth.map { locale.t("payback_format", ["n": "\($0)"]) } ?? locale.t("payback_never"),
        "note": "",
      ],
    ]
    if f.lender.debtAmount > 0 {
      summary.append([
        "label": locale.t("lender_debt"), "value": locale.compactMoney(money(f.lender.debtAmount)),
        "note":
          "\(locale.t("lender_dscr"))\(locale.t("label_separator"))\(f.lender.minDSCR.map { locale.grouped($0, decimals: 2) } ?? "—") / \(f.lender.averageDSCR.map { locale.grouped($0, decimals: 2) } ?? "—")",
      ])
    }
    return summary
  }

  /// The quote's verdict on the market price against the break-even prices, and its CSS class.
  private func quoteVerdict() -> (String, String) {
    let f = plan.finance
    let a = plan.financeAssumptions
    let c = currency
    let hurdle = f.hurdleBreakEvenPrice
    let cash = f.cashBreakEvenPrice
    let verdictValues = [
      "hurdle": locale.percent(a.discountRate),
      "market": locale.rate(a.marketPricePerGPUHour, currency: c),
    ]
    let (verdict, verdictClass): (String, String)
    switch f.verdict {
    case .meetsHurdle:
      verdict = locale.t(
        "verdict_meets", verdictValues.merging(["breakeven": locale.rate(hurdle, currency: c)]) { a, _ in a })
      verdictClass = "good"
    case .coversCash:
      verdict = locale.t(
        "verdict_cash", verdictValues.merging(["breakeven": locale.rate(hurdle, currency: c)]) { a, _ in a })
      verdictClass = "warn"
    case .noBreakEven:
      verdict = locale.t("verdict_none")
      verdictClass = "bad"
    case .belowCash:
      verdict = locale.t(
        "verdict_loss", verdictValues.merging(["breakeven": locale.rate(cash, currency: c)]) { a, _ in a })
      verdictClass = "bad"
    }
    return (verdict, verdictClass)
  }

  /// The backend fabric's switch tiers.
  private func tierRows(_ b: BackendFabricDesign) -> [[String: String]] {
    b.tiers.enumerated().map { index, usage in
      [
        "key": "fabrics.backend.perTier.\(index)",
        "name": locale.t("tier_" + usage.tier.rawValue), "count": locale.count(usage.switches),
        "portsUsed": "\(locale.count(usage.portsUsed)) / \(locale.count(usage.portsAvailable))",
        "linksUp": locale.count(usage.linksUp), "transceivers": locale.count(usage.transceivers),
      ]
    }
  }

  /// The backend fabric's links, cables, transceivers and scalable units.
  private func backendRows(_ b: BackendFabricDesign) -> [[String: String]] {
    let t = b.tree
    return [
      [
        "label": locale.t("links"),
        "value":
          "\(locale.count(t.nodeToLeafLinks)) \(locale.t("links_node_leaf"))\(locale.t("comma"))\(locale.count(t.leafToSpineLinks)) \(locale.t("links_leaf_spine"))\(locale.t("comma"))\(locale.count(t.spineToCoreLinks)) \(locale.t("links_spine_core"))",
      ],
      [
        "label": locale.t("cables"),
        "value":
          "\(locale.count(b.cables)) (\(locale.count(b.fiberCables)) \(locale.t("fibre"))\(locale.t("comma"))\(locale.count(b.copperCables)) \(locale.t("copper")))",
      ],
      [
        "label": locale.t("transceivers"),
        "value":
          "\(locale.count(b.switchSideTransceivers)) \(locale.t("switch_side"))\(locale.t("comma"))\(locale.count(b.nodeSideTransceiversIncludingFabricManager)) \(locale.t("node_side"))",
      ],
      [
        "label": locale.t("scalable_units"),
        "value":
          "\(t.scalableUnits) × \(t.scalableUnitNodes) \(locale.t(plan.spec.compute.nodeSpecs.rackScale == nil ? "nodes" : "compute_trays"))\(locale.t("semicolon"))\(locale.t("leaves_per_su")) \(t.leavesPerScalableUnit)\(locale.t("semicolon"))\(locale.t("rails_per_leaf")) \(t.railsPerLeaf)\(locale.t("semicolon"))\(locale.t("uplinks_per_leaf")) \(t.leafUplinks)",
      ],
    ]
  }

  /// The frontend, storage and out-of-band network rows.
  private func networkRows() -> [[String: String]] {
    let d = plan.design
    var network: [[String: String]] = []
    if let fe = d.frontend {
      network.append([
        "label": locale.t("frontend"),
        "value":
          "\(fe.portsPerNode) × \(fe.portSpeedGbps)G \(locale.t(isRackScale ? "per_rack" : "per_node"))\(locale.t("comma"))\(locale.count(fe.endpoints)) \(locale.t("ports"))\(locale.t("comma"))\(fe.leaves) \(locale.t("tier_leaf")) + \(fe.spines) \(locale.t("tier_spine")) × \(fe.switchPart.model)\(locale.t("comma"))\(locale.count(fe.cables)) \(locale.t("cables"))",
      ])
    } else {
      network.append(["label": locale.t("frontend"), "value": locale.t("none")])
    }
    if let s = d.storage {
      network.append([
        "label": locale.t("storage"),
        "value":
          "\(locale.grouped(s.capacityPB, decimals: 2)) PB: \(s.servers) × \(s.server.model) (\(locale.grouped(s.usableTB, decimals: 0)) TB)",
      ])
    } else {
      network.append(["label": locale.t("storage"), "value": locale.t("none")])
    }
    network.append([
      "label": locale.t("oob"),
      "value": plan.spec.management.oob
        ? "\(locale.count(d.management.ports)) \(locale.t("ports"))\(locale.t("comma"))\(d.management.switches) × \(plan.spec.management.switchPart.model)\(locale.t("comma"))\(d.management.servers) \(locale.t("control_plane_servers"))"
        : locale.t("none"),
    ])
    return network
  }

  /// The methodology's hardware sentence, with the plan's scalable unit (nodes, or compute trays
  /// of a rack-scale system; the generic phrase without a fat-tree backend).
  private func methodologyHardware() -> String {
    let su: String
    if let nodes = plan.design.backend?.tree.scalableUnitNodes, nodes > 0 {
      su = locale.t(isRackScale ? "method_su_trays" : "method_su_nodes", ["n": locale.count(nodes)])
    } else {
      su = locale.t("method_su_generic")
    }
    return locale.t("method_5", ["su": su])
  }

  /// The nodes are rack-scale systems (`nodes:` counts racks).
  private var isRackScale: Bool { plan.spec.compute.nodeSpecs.rackScale != nil }

  /// The racks, power and cooling rows.
  private func facilityRows() -> [[String: String]] {
    let d = plan.design
    let fac = d.facility
    return [
      ["label": locale.t("racks"), "value": locale.count(fac.racks)],
      [
        "label": locale.t("node_racks"),
        "value": isRackScale
          ? locale.t(
            "node_racks_rack_scale", ["racks": locale.count(fac.nodeRacks), "model": plan.spec.compute.node.model])
          : locale.t("node_racks_value", ["racks": locale.count(fac.nodeRacks), "n": locale.count(fac.nodesPerRack)]),
      ],
      ["label": locale.t("network_racks"), "value": locale.count(fac.networkRacks)],
      ["label": locale.t("storage_racks"), "value": locale.count(fac.storageRacks)],
      [
        "label": locale.t("rack_kw"),
        "value":
          "\(locale.grouped(fac.nodeRackKW, decimals: 1)) kW / \(locale.grouped(plan.spec.facility.rackPowerKW, decimals: 1)) kW",
      ],
      ["label": locale.t("pdus"), "value": locale.count(fac.pdus)],
      [
        "label": locale.t("cooling"),
        "value":
          "\(locale.t("cooling_" + fac.cooling.rawValue))\(fac.rdhxUnits > 0 ? "\(locale.t("comma"))\(fac.rdhxUnits) RDHx" : "")\(fac.cduUnits > 0 ? "\(locale.t("comma"))\(fac.cduUnits) CDU" : "")",
      ],
      [
        "label": locale.t("it_power"),
        "value":
          locale.t(
            "it_power_value",
            [
              "max": locale.grouped(fac.itPowerKW, decimals: 1),
              "typical": locale.grouped(fac.itPowerTypicalKW, decimals: 1),
            ]),
      ],
      [
        "label": locale.t("facility_power"),
        "value": "\(locale.grouped(fac.facilityPowerKW, decimals: 1)) kW, PUE \(locale.grouped(fac.pue, decimals: 2))",
      ],
    ]
  }
}
