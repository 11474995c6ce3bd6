import Foundation

/// Builds the Mustache context of the optimize page (`optimize.html.mustache`). Every figure comes
/// from ``OptimizeResult`` and is only formatted here; each shown figure is tagged with the JSON
/// path it comes from (`data-figure`). Text from the spec and the catalog (the name, choices,
/// rejection reasons) is placed with `{{ }}` (escaped) and stripped of characters XML cannot carry.
struct OptimizeViewModel {
  let result: OptimizeResult
  let name: String
  let currency: String
  let locale: ReportLocale

  /// The whole context: `L`, `cover`, `best` (cards, choices, chart), `designs`, `excluded`,
  /// `rejections`.
  func context() -> [String: Any] {
    let reported = result.reported
    let rejections = rejectionRows()
    let excluded = excludedRows()
    var context: [String: Any] = [
      "L": locale.strings,
      "version": NeoplanInfo.version,
      "cover": [
        "project": name, "currency": currency, "objective": objectiveName(),
        "evaluated": locale.count(result.evaluated), "feasible": locale.count(result.ranked.count),
        "rejected": locale.count(result.rejected.count),
      ],
      "objectiveHeader": objectiveHeader(),
      "hasDesigns": !reported.isEmpty,
      "designs": reported.enumerated().map { index, entry in
        designRow(entry.design, rank: entry.rank, onFront: entry.onFront, path: "optimize.designs.\(index)")
      },
      "designsIntro": locale.t(
        "opt_designs_intro", ["top": locale.count(result.top), "front": locale.count(result.pareto.count)]),
      "leftOutIntro": locale.t(
        "opt_left_out_intro",
        [
          "rejected": locale.count(result.rejected.count),
          "excluded": locale.count(result.excluded.values.reduce(0, +)),
        ]),
      "hasExcluded": !excluded.isEmpty, "excluded": excluded,
      "hasRejections": !rejections.isEmpty, "rejections": rejections,
    ]
    if let best = result.best {
      context["best"] = [
        "cards": bestCards(best),
        "choices": best.choices.map { ["key": $0.key, "value": $0.value] },
        "chart": chart(best: best),
      ]
    }
    return DiffViewModel.cleaned(context) as? [String: Any] ?? context
  }

  private func money(_ value: Double) -> String { locale.money(Money(roundingMajor: value, currency: currency)) }

  /// A price per GPU-hour as the text report shows it (4 decimals).
  private func rate(_ value: Double?) -> String {
    value.map { "\(currency) \(locale.grouped($0, decimals: 4))" } ?? locale.t("not_available")
  }

  private func objectiveName() -> String { locale.t("opt_objective_" + result.objective.rawValue) }

  private func objectiveHeader() -> String {
    switch result.objective {
    case .capex, .npv: return locale.t("opt_with_unit", ["name": objectiveName(), "unit": currency])
    case .breakEven, .tcoPerGPUHour:
      return locale.t("opt_with_unit", ["name": objectiveName(), "unit": currency + locale.t("unit_per_gpu_hour")])
    }
  }

  /// The objective's value as the designs table shows it (no currency code: the header has it).
  private func objectiveValue(_ d: OptimizeDesign) -> String {
    switch result.objective {
    case .capex, .npv: return NumberFormat.money(Money(roundingMajor: d.objective, currency: currency), minus: "−")
    case .breakEven, .tcoPerGPUHour: return locale.grouped(d.objective, decimals: 4)
    }
  }

  private func designRow(_ d: OptimizeDesign, rank: Int, onFront: Bool, path: String) -> [String: Any] {
    [
      "path": path, "rank": String(rank), "isBest": rank == 1, "onFront": onFront, "objective": objectiveValue(d),
      "capexPerGPU": NumberFormat.money(Money(roundingMajor: d.capexPerGPU, currency: currency), minus: "−"),
      "bisection": locale.grouped(d.bisectionGbpsPerGPU, decimals: 1), "racks": locale.count(d.racks),
      "facilityKW": locale.grouped(d.facilityPowerKW, decimals: 0), "choices": choicesText(d.choices),
    ]
  }

  private func choicesText(_ choices: [OptimizeChoice]) -> String {
    choices.isEmpty ? locale.t("opt_as_written") : choices.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
  }

  private func bestCards(_ best: OptimizeDesign) -> [[String: String]] {
    func card(_ label: String, _ value: String, _ figure: String, note: String = "") -> [String: String] {
      ["label": label, "value": value, "figure": "optimize.best." + figure, "note": note]
    }
    var cards = [
      card(
        objectiveName(),
        result.objective == .capex || result.objective == .npv ? money(best.objective) : rate(best.objective),
        "objective",
        note: locale.t(result.objective.maximises ? "opt_higher_better" : "opt_lower_better"))
    ]
    // With the capex objective the first card already is the capex.
    if result.objective != .capex { cards.append(card(locale.t("capex"), money(best.capex), "capex")) }
    cards += [
      card(locale.t("capex_per_gpu"), money(best.capexPerGPU), "capexPerGPU"),
      card(locale.t("opt_bisection"), locale.grouped(best.bisectionGbpsPerGPU, decimals: 1), "bisectionGbpsPerGPU"),
      card(locale.t("racks"), locale.count(best.racks), "racks"),
      card(locale.t("opt_facility_kw"), locale.grouped(best.facilityPowerKW, decimals: 0), "facilityPowerKW"),
    ]
    if result.objective != .breakEven, let price = best.breakEvenPrice {
      cards.append(card(locale.t("opt_objective_break-even"), rate(price), "breakEvenPricePerGPUHour"))
    }
    if result.objective != .tcoPerGPUHour, let tco = best.tcoPerGPUHour {
      cards.append(card(locale.t("opt_objective_tco-per-gpu-hour"), rate(tco), "tcoPerGPUHour"))
    }
    if result.objective != .npv { cards.append(card(locale.t("opt_objective_npv"), money(best.npv), "npv")) }
    return cards
  }

  /// Planned designs a constraint left out, by constraint (the order they are checked in).
  private func excludedRows() -> [[String: String]] {
    let c = result.constraints
    let limits: [(String, String?)] = [
      ("require_infiniband", c.requireInfiniBand ? locale.t("opt_yes") : nil),
      ("max_racks", c.maxRacks.map { locale.count($0) }),
      ("max_power_kw", c.maxPowerKW.map { locale.grouped($0, decimals: 0) + " kW" }),
      ("max_capex", c.maxCapex.map(money)),
      ("min_bisection_gbps_per_gpu", c.minBisectionGbpsPerGPU.map { locale.grouped($0, decimals: 1) }),
    ]
    return limits.compactMap { key, limit in
      guard let limit, let count = result.excluded[key] else { return nil }
      return [
        "label": locale.t("opt_constraint_" + key), "limit": limit, "count": locale.count(count),
        "figure": "optimize.excluded." + key,
      ]
    }
  }

  /// Rejections grouped by reason, most frequent first (ties in order of first occurrence), each
  /// with the first design it rejected.
  private func rejectionRows() -> [[String: String]] {
    var order: [String] = []
    var counts: [String: Int] = [:]
    var examples: [String: [OptimizeChoice]] = [:]
    for rejection in result.rejected {
      if counts[rejection.reason] == nil {
        order.append(rejection.reason)
        examples[rejection.reason] = rejection.choices
      }
      counts[rejection.reason, default: 0] += 1
    }
    let sorted = order.enumerated().sorted { a, b in
      let (ca, cb) = (counts[a.element] ?? 0, counts[b.element] ?? 0)
      return ca != cb ? ca > cb : a.offset < b.offset
    }
    return sorted.map { _, reason in
      [
        "reason": reason, "count": locale.count(counts[reason] ?? 0),
        "example": choicesText(examples[reason] ?? []),
      ]
    }
  }

  /// Capex per GPU against bisection per GPU for every feasible design, the front as a step line.
  private func chart(best: OptimizeDesign) -> String {
    let front = Set(result.pareto.map(\.key))
    let points = result.ranked.enumerated().map { index, d in
      ParetoChart.Point(
        cost: d.capexPerGPU, value: d.bisectionGbpsPerGPU, key: d.key,
        label: locale.t(
          "opt_point",
          [
            "rank": locale.count(index + 1), "capex": money(d.capexPerGPU),
            "gbps": locale.grouped(d.bisectionGbpsPerGPU, decimals: 1), "choices": choicesText(d.choices),
          ]), onFront: front.contains(d.key))
    }
    let perGPU: ChartValueFormatter = { [locale, currency] value in
      guard value.isFinite else { return "" }
      return locale.compactMoney(Money(roundingMajor: value, currency: currency))
    }
    let gbps: ChartValueFormatter = { [locale] value in locale.grouped(value, decimals: 0) }
    return ParetoChart(
      title: locale.t("opt_chart"), summary: locale.t("opt_pareto_intro"), points: points, bestKey: best.key,
      bestLabel: locale.t("opt_best_marker"),
      legend: (others: locale.t("opt_other_designs"), front: locale.t("opt_pareto")),
      xAxisTitle: locale.t("opt_axis_capex", ["currency": currency]), yAxisTitle: locale.t("opt_axis_bisection"),
      formatX: perGPU, formatY: gbps, noDataText: locale.t("no_data")
    ).svg()
  }
}
