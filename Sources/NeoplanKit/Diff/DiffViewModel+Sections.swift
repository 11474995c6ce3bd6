import Foundation

/// The header, verdict, summary cards, breakdown, totals and category rows of the diff page.
extension DiffViewModel {
  func header() -> [String: Any] {
    func side(_ summary: DiffSideSummary, _ label: String) -> [String: Any] {
      [
        "label": label,
        "name": summary.name ?? (summary.file as NSString).lastPathComponent,
        "kind": locale.t("diff_kind_" + summary.kind.rawValue),
        "file": summary.file,
        "currency": summary.currency,
        "gpus": summary.gpus.map { locale.count($0) } ?? locale.t("not_available"),
      ]
    }
    var header: [String: Any] = [
      "title": locale.t("diff_title"),
      "a": side(report.a, locale.t("diff_side_a")),
      "b": side(report.b, locale.t("diff_side_b")),
      "currency": report.currency,
      "legend": locale.t("diff_legend", ["currency": report.currency]),
      "hasConversion": report.b.conversion != nil,
    ]
    if let rate = report.b.conversion {
      header["conversion"] = locale.t(
        "diff_converted",
        [
          "from": rate.from, "to": rate.to, "rate": NumberFormat.plain(rate.rate), "asOf": locale.date(rate.asOf),
          "source": rate.source,
        ])
    }
    return header
  }

  func verdict() -> String {
    guard report.hasDifferences else { return locale.t("diff_identical") }
    let lines = report.changedLines.count
    let fields = report.fieldGroups.reduce(0) { $0 + $1.changes.count }
    let values = ["lines": locale.count(lines), "fields": locale.count(fields)]
    guard let finance = report.finance else { return locale.t("diff_differs_lines", values) }
    return locale.t(
      "diff_differs", values.merging(["finance": locale.count(finance.filter(\.differs).count)]) { x, _ in x })
  }

  func summary() -> [[String: Any]] {
    let lines = report.changedLines
    func count(_ status: LineDiff.Status) -> Int { lines.filter { $0.status == status }.count }
    var cards: [[String: Any]] = [
      card(
        "\(locale.t("diff_total_change")) (\(report.currency))", signed(report.total.delta),
        note: percentText(report.total.percent).map { "\($0) · \(money(report.total.a)) → \(money(report.total.b))" }
          ?? "\(money(report.total.a)) → \(money(report.total.b))",
        tone: tone(cost: report.total.delta.cents))
    ]
    if let perGPU = report.perGPU {
      cards.append(
        card(
          "\(locale.t("diff_per_gpu_change")) (\(report.currency))", signed(perGPU.delta),
          note: "\(money(perGPU.a)) → \(money(perGPU.b))", tone: tone(cost: perGPU.delta.cents)))
    }
    cards.append(
      card(
        locale.t("diff_line_changes"),
        "+\(locale.count(count(.added))) / −\(locale.count(count(.removed))) / ~\(locale.count(count(.changed)))",
        note: locale.t("diff_line_changes_note"), tone: ""))
    if let finance = report.finance {
      for metric in [FinanceMetric.capex, .costPerGPUHour] {
        guard let change = finance.first(where: { $0.metric == metric }) else { continue }
        let value = change.delta.map { financeDelta($0, metric) } ?? locale.t("not_available")
        let note =
          (change.a.value.map { financeValue($0, metric) } ?? locale.t("not_available")) + " → "
          + (change.b.value.map { financeValue($0, metric) } ?? locale.t("not_available"))
        cards.append(
          card("\(financeLabel(metric)) (\(report.currency))", value, note: note, tone: financeTone(change)))
      }
    }
    return cards
  }

  /// "B omits racks and power, cooling worth USD 1,234.00 that A has", or empty.
  func scopeGap() -> String {
    let breakdown = report.breakdown
    guard breakdown.missingFromB.cents != 0 else { return "" }
    let separator = locale.t("list_separator")
    return locale.t(
      "diff_scope_gap",
      [
        "categories": breakdown.missingCategories.map(categoryLabel).joined(separator: separator),
        "amount": money(Money(cents: -breakdown.missingFromB.cents, currency: report.currency)),
      ])
  }

  /// The total change split four ways, then the total.
  func breakdownRows() -> [[String: Any]] {
    let breakdown = report.breakdown
    let parts: [(String, Money)] = [
      ("diff_part_price", breakdown.priceDelta), ("diff_part_quantity", breakdown.quantityDelta),
      ("diff_part_missing", breakdown.missingFromB), ("diff_part_extra", breakdown.extraInB),
    ]
    // A scope gap makes B look cheaper; it is not a saving, so it stays uncoloured.
    return parts.map { key, amount in
      [
        "label": locale.t(key), "delta": signed(amount),
        "tone": key == "diff_part_missing" ? "" : tone(cost: amount.cents), "rowClass": "",
      ]
    } + [
      [
        "label": locale.t("diff_total_change"), "delta": signed(breakdown.totalDelta),
        "tone": tone(cost: breakdown.totalDelta.cents), "rowClass": "total",
      ]
    ]
  }

  func totals() -> [[String: Any]] {
    var rows = [
      amountRow(
        label: "\(locale.t("diff_total")) (\(report.currency))", marker: report.total.a == report.total.b ? "" : "~",
        report.total,
        rowClass: "total")
    ]
    if let perGPU = report.perGPU, let gpusA = report.a.gpus, let gpusB = report.b.gpus {
      rows.append(
        amountRow(
          label: locale.t("diff_per_gpu", ["a": locale.count(gpusA), "b": locale.count(gpusB)]),
          marker: perGPU.a == perGPU.b ? "" : "~", perGPU, rowClass: ""))
    }
    return rows
  }

  func categories() -> [[String: Any]] {
    report.categories.map { category in
      let amounts = category.amounts
      let marker = amounts.a == amounts.b ? "" : amounts.a.cents == 0 ? "+" : amounts.b.cents == 0 ? "−" : "~"
      return amountRow(label: categoryLabel(category.category), marker: marker, amounts, rowClass: "")
    }
  }
}
