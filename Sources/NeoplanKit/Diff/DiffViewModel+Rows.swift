import Foundation

/// The line, matching, field and finance rows of the diff page.
extension DiffViewModel {
  func lineGroups(_ changed: [LineDiff]) -> [[String: Any]] {
    var groups: [[String: Any]] = []
    var current: (name: String, rows: [[String: Any]])?
    for line in changed {
      if current?.name != line.category {
        if let current { groups.append(["name": categoryLabel(current.name), "lines": current.rows]) }
        current = (line.category, [])
      }
      current!.rows.append(lineRow(line))
    }
    if let current { groups.append(["name": categoryLabel(current.name), "lines": current.rows]) }
    return groups
  }

  func lineRow(_ line: LineDiff) -> [String: Any] {
    let extended = line.extendedDelta(currency: report.currency)
    var details: [String] = []
    if line.status == .changed {
      if line.quantityDelta != 0, let a = line.a, let b = line.b {
        let percent = percentChange(from: Int64(a.quantity), to: Int64(b.quantity))
        details.append(
          locale.t("diff_quantity_change", ["delta": signedCount(line.quantityDelta)])
            + (percentText(percent).map { " (\($0))" } ?? ""))
      }
      if let unit = line.unitPriceDelta, unit.a != unit.b {
        details.append(
          locale.t("diff_unit_change", ["delta": signed(unit.delta)])
            + (percentText(unit.percent).map { " (\($0))" } ?? ""))
      }
    }
    if line.match == .unidentified {
      details.append(locale.t("diff_unidentified", ["status": locale.t("diff_status_" + line.status.rawValue)]))
    }
    details += line.matchNotes
    return [
      "marker": marker(line.status),
      "rowClass": line.status.rawValue,
      "status": locale.t("diff_status_" + line.status.rawValue),
      "id": line.partID ?? "",
      "description": line.description,
      "spare": line.isSpare,
      "quantityA": line.a.map { locale.count($0.quantity) } ?? "—",
      "quantityB": line.b.map { locale.count($0.quantity) } ?? "—",
      "unitA": line.a.map { grouped($0.unitPrice) } ?? "—",
      "unitB": line.b.map { grouped($0.unitPrice) } ?? "—",
      "extendedDelta": signed(extended.delta),
      "extendedPercent": percentText(extended.percent) ?? "",
      "tone": tone(cost: extended.delta.cents),
      "match": line.match == .id
        ? "" : locale.t("diff_match_" + ReportLocale.keyPart(line.match.rawValue, replacing: "-", with: "_")),
      "hasMatch": line.match != .id,
      "details": details,
      "hasDetails": !details.isEmpty,
    ]
  }

  func unchangedNote(_ changed: [LineDiff]) -> String {
    let unchanged = report.lines.count - changed.count
    return unchanged > 0 ? locale.t("diff_unchanged_count", ["n": locale.count(unchanged)]) : ""
  }

  /// Lines not identified (shown as added or removed) and lines matched by part number or
  /// description, changed or not: matches other than by id are never silent.
  func matchingRows() -> [[String: Any]] {
    report.lines.filter { $0.match != .id }.map { line in
      let notes =
        line.match == .unidentified
        ? [locale.t("diff_unidentified", ["status": locale.t("diff_status_" + line.status.rawValue)])]
        : line.matchNotes
      return [
        "marker": marker(line.status),
        "rowClass": line.status.rawValue,
        "status": locale.t("diff_status_" + line.status.rawValue),
        "match": locale.t("diff_match_" + ReportLocale.keyPart(line.match.rawValue, replacing: "-", with: "_")),
        "id": line.partID ?? "",
        "description": line.description + (line.isSpare ? " (\(locale.t("diff_spare")))" : ""),
        "notes": notes,
      ]
    }
  }

  func fieldGroups() -> [[String: Any]] {
    report.fieldGroups.map { group in
      let rows: [[String: Any]] = group.changes.map { change in
        [
          "marker": change.a == nil ? "+" : change.b == nil ? "−" : "~",
          "rowClass": change.a == nil ? "added" : change.b == nil ? "removed" : "changed",
          "path": change.path,
          "a": change.a.map(fieldValue) ?? "—",
          "b": change.b.map(fieldValue) ?? "—",
          "delta": change.delta.map { delta in
            signedText(DiffViewModel.number(delta, unit: change.unit ?? .count), positive: delta > 0)
          } ?? "",
        ]
      }
      return [
        "title": locale.t("diff_group_" + group.name),
        "rows": rows,
        "hasRows": !rows.isEmpty,
        "none": locale.t("diff_no_field_changes"),
      ]
    }
  }

  func financeRows() -> [[String: Any]] {
    (report.finance ?? []).map { change in
      let metric = change.metric
      var reasons: [String] = []
      for (side, value) in [("A", change.a), ("B", change.b)] where value.value == nil {
        // A payback outside the horizon has a translated sentence; IRR reasons are the engine's.
        let text = metric == .paybackMonths ? locale.t("payback_never") : value.reason
        if value.reason != nil, let text { reasons.append("\(side): \(text)") }
      }
      return [
        "marker": change.differs ? "~" : "",
        "rowClass": change.differs ? "changed" : "unchanged",
        "label": financeLabel(metric),
        "path": metric.rawValue,
        "a": change.a.value.map { financeValue($0, metric) } ?? locale.t("not_available"),
        "b": change.b.value.map { financeValue($0, metric) } ?? locale.t("not_available"),
        "delta": change.delta.map { financeDelta($0, metric) } ?? "",
        "tone": financeTone(change),
        "reasons": reasons,
        "hasReasons": !reasons.isEmpty,
      ]
    }
  }
}
