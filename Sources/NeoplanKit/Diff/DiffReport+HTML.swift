import Foundation

extension DiffReport {
  /// The self-contained HTML report (`neoplan diff --format html`), rendered from
  /// `diff.html.mustache` (embedded, or overridden from `templatesDirectory`) in `language`.
  public func html(language: ReportLanguage = .en, templatesDirectory: String? = nil) throws -> String {
    let templates = try ReportTemplates.load(overrideDirectory: templatesDirectory)
    let locale = try ReportLocale.load(language, templateDirectories: templates.directories)
    return try templates.render(DiffViewModel(report: self, locale: locale).context(), template: "diff.html")
  }
}

/// Builds the Mustache context of the diff report. All arithmetic and formatting happens here; the
/// template only places strings, escaped with `{{ }}`. Text from the inputs (descriptions, ids,
/// file names) is stripped of characters XML cannot carry.
public struct DiffViewModel {
  let report: DiffReport
  let locale: ReportLocale

  /// Creates a builder.
  public init(report: DiffReport, locale: ReportLocale) {
    self.report = report
    self.locale = locale
  }

  /// The whole context: `L` (labels), `header`, `summary`, `totals`, `categories`, `lines`,
  /// `matching`, `groups`, `finance`, `notes`.
  public func context() -> [String: Any] {
    let changed = report.changedLines
    let financeRows = financeRows()
    let groups = fieldGroups()
    let context: [String: Any] = [
      "L": locale.strings,
      "header": header(),
      "summary": summary(),
      "identical": !report.hasDifferences,
      "verdict": verdict(),
      "scopeGap": scopeGap(),
      "hasBreakdown": report.total.a != report.total.b || !changed.isEmpty,
      "breakdown": breakdownRows(),
      "totals": totals(),
      "categories": categories(),
      "hasLines": !changed.isEmpty,
      "lineGroups": lineGroups(changed),
      "unchangedNote": unchangedNote(changed),
      "hasUnchanged": report.lines.count > changed.count,
      "hasMatching": !matchingRows().isEmpty,
      "matching": matchingRows(),
      "hasGroups": !groups.isEmpty,
      "groups": groups,
      "hasFinance": !financeRows.isEmpty,
      "finance": financeRows,
      "financeBasis": locale.t("diff_finance_basis", ["currency": report.currency]),
      "financeMissing": report.finance == nil && report.a.kind != .csv && report.b.kind != .csv,
      "hasNotes": !report.notes.isEmpty,
      "notes": report.notes,
      "version": NeoplanInfo.version,
    ]
    return DiffViewModel.cleaned(context) as? [String: Any] ?? context
  }

  // MARK: - Sections

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
          "from": rate.from, "to": rate.to, "rate": plainDecimal(rate.rate), "asOf": locale.date(rate.asOf),
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
        ? "" : locale.t("diff_match_" + line.match.rawValue.replacingOccurrences(of: "-", with: "_")),
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
        "match": locale.t("diff_match_" + line.match.rawValue.replacingOccurrences(of: "-", with: "_")),
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
        if let reason = value.reason { reasons.append("\(side): \(reason)") }
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

  // MARK: - Formatting

  func card(_ label: String, _ value: String, note: String, tone: String) -> [String: Any] {
    ["label": label, "value": value, "note": note, "tone": tone]
  }

  /// The one colour rule of the page, for every delta (lines, categories, totals, cards, finance):
  /// `worse` (red) when B costs more, `better` (green) when it costs less, empty (neutral) when
  /// nothing changed. The `+` / `−` / `~` markers say added / removed / changed and are not coloured.
  func tone(cost sign: Int64) -> String { sign > 0 ? "worse" : sign < 0 ? "better" : "" }

  /// The tone of a finance figure's change: costs, rates and the payback month are worse when they
  /// rise; NPV, IRRs and MOIC are better when they rise; the discount rate is an input, neutral.
  func financeTone(_ change: FinanceChange) -> String {
    guard let delta = change.delta else { return "" }
    let sign: Int64 = delta > 0 ? 1 : delta < 0 ? -1 : 0
    switch change.metric {
    case .costPerGPUHour, .tcoPerGPUHour, .capex, .tco, .breakEvenCash, .breakEvenAtDiscountRate, .paybackMonths:
      return tone(cost: sign)
    case .npv, .projectIRR, .equityIRR, .moic: return tone(cost: -sign)
    case .discountRate: return ""
    }
  }

  func amountRow(label: String, marker: String, _ amounts: MoneyDelta, rowClass: String) -> [String: Any] {
    [
      "label": label, "marker": marker, "rowClass": rowClass,
      "a": grouped(amounts.a), "b": grouped(amounts.b), "delta": signed(amounts.delta),
      "percent": percentText(amounts.percent) ?? "", "tone": tone(cost: amounts.delta.cents),
    ]
  }

  func categoryLabel(_ raw: String) -> String {
    if raw == BillOfMaterialsDiff.uncategorized { return locale.t("diff_uncategorized") }
    return locale.strings["cat_" + raw] ?? raw
  }

  func financeLabel(_ metric: FinanceMetric) -> String {
    locale.t("diff_fin_\(metric)")
  }

  func marker(_ status: LineDiff.Status) -> String {
    switch status {
    case .added: return "+"
    case .removed: return "−"
    case .changed: return "~"
    case .unchanged: return "="
    }
  }

  /// `1,234.50`, `−500.00` (a true minus sign).
  func grouped(_ money: Money) -> String {
    money.cents < 0 ? "−" + String(money.groupedString.dropFirst()) : money.groupedString
  }

  /// `USD 1,234.50`.
  func money(_ money: Money) -> String { "\(money.currency) \(grouped(money))" }

  /// `+1,234.50`, `−500.00`, `0.00`; with the currency code in front when `currency`.
  func signed(_ money: Money, currency: Bool = false) -> String {
    let text = (money.cents > 0 ? "+" : "") + grouped(money)
    return currency ? "\(money.currency) \(text)" : text
  }

  func signedCount(_ n: Int) -> String { (n > 0 ? "+" : "") + locale.count(n) }

  /// `+12.5%`, `−100.0%`; `nil` without a base.
  func percentText(_ value: Decimal?) -> String? {
    value.map { signedText(signedPercent($0), positive: false) }
  }

  /// Replaces a leading ASCII minus with a true minus; adds `+` when `positive` and not signed.
  func signedText(_ text: String, positive: Bool) -> String {
    if text.hasPrefix("-") { return "−" + text.dropFirst() }
    return positive && !text.hasPrefix("+") ? "+" + text : text
  }

  func financeValue(_ value: Decimal, _ metric: FinanceMetric) -> String {
    switch metric.unit {
    case .money: return Money(major: value, currency: report.currency).map(money) ?? plainDecimal(value)
    case .ratePerGPUHour: return "\(report.currency) " + signedText(fixedDecimal(value, 4), positive: false)
    case .fraction: return signedText(fixedDecimal(value * 100, 2), positive: false) + "%"
    case .multiple: return fixedDecimal(value, 2) + "×"
    case .months: return locale.t("payback_format", ["n": plainDecimal(value)])
    }
  }

  func financeDelta(_ value: Decimal, _ metric: FinanceMetric) -> String {
    switch metric.unit {
    case .money:
      return Money(major: value, currency: report.currency).map { signed($0) } ?? plainDecimal(value)
    case .ratePerGPUHour: return signedText(fixedDecimal(value, 4), positive: value > 0)
    case .fraction: return signedText(fixedDecimal(value * 100, 2), positive: value > 0) + " " + locale.t("diff_pp")
    case .multiple: return signedText(fixedDecimal(value, 2), positive: value > 0) + "×"
    case .months: return locale.t("diff_months", ["n": signedText(plainDecimal(value), positive: value > 0)])
    }
  }

  /// A design or spec value for display: numbers grouped with the decimals their unit calls for
  /// (``number(_:unit:)``), anything else as it is.
  func fieldValue(_ value: FigureValue) -> String {
    guard let measure = value.measure else { return value.text }
    return signedText(DiffViewModel.number(measure.value, unit: measure.unit), positive: false)
  }

  /// A design or spec number, locale-independent, with thousands separators: power in kW with one
  /// decimal (`1,853.6`), whole numbers (counts) without decimals (`1,024`), other fractions (a
  /// PUE, petabytes) with up to three decimals, trailing zeros dropped (`1.25`). Rounded
  /// half-even; a leading ASCII minus for negatives.
  static func number(_ value: Decimal, unit: MeasureUnit) -> String {
    let isPower = unit == .kilowatts
    var text = fixedDecimal(value, isPower ? 1 : 3)
    if !isPower, text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    if text == "-0" || text == "-0.0" { text.removeFirst() }
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let integer = UInt64(parts[0]).map(groupThousands) ?? String(parts[0])
    return (negative ? "-" : "") + integer + (parts.count > 1 ? "." + parts[1] : "")
  }

  /// Every string in a context tree without the characters XML 1.0 forbids (C0 controls other
  /// than tab, line feed and carriage return; U+FFFE, U+FFFF).
  static func cleaned(_ value: Any) -> Any {
    switch value {
    case let text as String: return xmlSafe(text)
    case let dictionary as [String: Any]: return dictionary.mapValues { cleaned($0) }
    case let dictionary as [String: String]: return dictionary.mapValues { xmlSafe($0) }
    case let array as [[String: Any]]: return array.map { cleaned($0) }
    case let array as [String]: return array.map { xmlSafe($0) }
    case let array as [Any]: return array.map { cleaned($0) }
    default: return value
    }
  }

  static func xmlSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isForbidden) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isForbidden(scalar) { scalars.append(scalar) }
    return String(scalars)
  }

  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE
      || scalar.value == 0xFFFF
  }
}
