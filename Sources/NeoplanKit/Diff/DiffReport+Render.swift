import Foundation

extension DiffReport {
  /// JSON schema version of `neoplan diff --format json`.
  public static let schemaVersion = 1

  /// A readable report within 100 columns: design and spec changes, changed lines (+ added,
  /// − removed, ~ changed), subtotals by category, total, per GPU, notes.
  public func text() -> String {
    var out: [String] = []
    let rule = String(repeating: "─", count: 98)
    func describe(_ side: DiffSideSummary) -> String {
      let name = side.name.map { "\($0) " } ?? ""
      return "\(name)(\(side.kind.rawValue) \(side.file))"
    }
    out.append("neoplan diff  A: \(describe(a))")
    out.append("              B: \(describe(b))")
    out.append("              amounts in \(currency), changes are B − A; + added, − removed, ~ changed")
    if !hasDifferences {
      out.append(rule)
      out.append("No differences.")
    }
    out.append(contentsOf: breakdownText(rule: rule))
    for group in fieldGroups where !group.changes.isEmpty {
      out.append(rule)
      out.append(group.title)
      for change in group.changes {
        let marker = change.a == nil ? "+" : change.b == nil ? "−" : "~"
        let delta = change.delta.map { "(\(signedDecimal($0)))" } ?? ""
        out.append(
          "  \(marker) " + pad(truncate(change.path, 36), 36) + " "
            + pad(truncate(change.a?.text ?? "—", 22), 22, right: true) + " → "
            + pad(truncate(change.b?.text ?? "—", 22), 22)
            + " " + delta)
      }
    }
    let changed = changedLines
    if !changed.isEmpty {
      out.append(rule)
      out.append(
        pad("Line items", 34) + pad("qty A", 7, right: true) + pad("qty B", 7, right: true)
          + pad("unit A", 13, right: true) + pad("unit B", 13, right: true) + pad("Δ extended", 16, right: true)
          + pad("Δ%", 9, right: true))
      var category: String?
      for line in changed {
        if line.category != category {
          category = line.category
          out.append("  \(line.category)")
        }
        let marker: String
        switch line.status {
        case .added: marker = "+"
        case .removed: marker = "−"
        default: marker = "~"
        }
        let name = (line.partID ?? line.description) + (line.isSpare ? " (spare)" : "")
        let extended = line.extendedDelta(currency: currency)
        out.append(
          "  \(marker) " + pad(truncate(name, 29), 30) + pad(line.a.map { "\($0.quantity)" } ?? "—", 7, right: true)
            + pad(line.b.map { "\($0.quantity)" } ?? "—", 7, right: true)
            + pad(line.a?.unitPrice.groupedString ?? "—", 13, right: true)
            + pad(line.b?.unitPrice.groupedString ?? "—", 13, right: true)
            + pad(signedMoney(extended.delta), 16, right: true)
            + pad(extended.percent.map(signedPercent) ?? "", 9, right: true))
        if line.status == .changed {
          var parts: [String] = []
          if line.quantityDelta != 0 {
            parts.append(
              "quantity \(line.quantityDelta > 0 ? "+" : "")\(line.quantityDelta)"
                + (percentChange(from: Int64(line.a!.quantity), to: Int64(line.b!.quantity)).map {
                  " (\(signedPercent($0)))"
                } ?? ""))
          }
          if let unit = line.unitPriceDelta, unit.a != unit.b {
            parts.append(
              "unit price \(signedMoney(unit.delta))" + (unit.percent.map { " (\(signedPercent($0)))" } ?? ""))
          }
          if !parts.isEmpty {
            out.append(contentsOf: wrapWords(parts.joined(separator: ", "), first: "      ", next: "      "))
          }
        }
        if line.match == .unidentified {
          out.append(
            "      unidentified: no catalog part id, part number or description matches; listed as "
              + (line.status == .added ? "added" : "removed"))
        }
        for note in line.matchNotes {
          out.append(contentsOf: wrapWords(note, first: "      ", next: "        "))
        }
      }
      let unchanged = lines.count - changed.count
      if unchanged > 0 { out.append("  \(unchanged) line\(unchanged == 1 ? "" : "s") unchanged (not shown)") }
    }
    // Matches by part number or description are never silent, even on unchanged lines.
    let quietMatches = lines.filter { $0.status == .unchanged && $0.match != .id }
    if !quietMatches.isEmpty {
      out.append(rule)
      out.append("Unchanged lines matched by part number or description")
      for line in quietMatches {
        for note in line.matchNotes { out.append(contentsOf: wrapWords(note, first: "  = ", next: "      ")) }
      }
    }
    out.append(rule)
    out.append(
      pad("Subtotals by category", 32) + pad("A", 18, right: true) + pad("B", 18, right: true)
        + pad("Δ", 18, right: true) + pad("Δ%", 9, right: true))
    func amountRow(_ marker: String, _ label: String, _ amounts: MoneyDelta) -> String {
      "  \(marker) " + pad(truncate(label, 27), 28) + pad(amounts.a.groupedString, 18, right: true)
        + pad(amounts.b.groupedString, 18, right: true) + pad(signedMoney(amounts.delta), 18, right: true)
        + pad(amounts.percent.map(signedPercent) ?? "", 9, right: true)
    }
    for category in categories {
      let amounts = category.amounts
      let marker = amounts.a == amounts.b ? " " : amounts.a.cents == 0 ? "+" : amounts.b.cents == 0 ? "−" : "~"
      out.append(amountRow(marker, category.category, amounts))
    }
    out.append(rule)
    out.append(amountRow(total.a == total.b ? " " : "~", "Total \(currency)", total))
    if let perGPU {
      out.append(amountRow(perGPU.a == perGPU.b ? " " : "~", "per GPU (\(a.gpus!) → \(b.gpus!))", perGPU))
    }
    if let finance {
      out.append(rule)
      out.append(
        pad("Finance (\(currency))", 38) + pad("A", 18, right: true) + pad("B", 18, right: true)
          + pad("Δ", 18, right: true))
      for change in finance {
        let metric = change.metric
        out.append(
          "  \(change.differs ? "~" : " ") " + pad(metric.label, 34)
            + pad(change.a.value.map { financeText($0, metric) } ?? "n/a", 18, right: true)
            + pad(change.b.value.map { financeText($0, metric) } ?? "n/a", 18, right: true)
            + pad(change.delta.map { financeDeltaText($0, metric) } ?? "", 18, right: true))
        for (side, value) in [("A", change.a), ("B", change.b)] where value.value == nil {
          if let reason = value.reason {
            out.append(contentsOf: wrapWords("\(side): \(reason)", first: "      ", next: "        "))
          }
        }
      }
    }
    if !notes.isEmpty {
      out.append(rule)
      out.append("Notes")
      for note in notes { out.append(contentsOf: wrapWords(note, first: "  - ", next: "    ")) }
    }
    return out.map { line in
      var line = line
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }.joined(separator: "\n") + "\n"
  }

  /// The scope gaps first (what B leaves out), then the total change split into price, quantity,
  /// missing and extra scope; nothing when the totals agree and no line changed.
  func breakdownText(rule: String) -> [String] {
    guard total.a != total.b || !changedLines.isEmpty else { return [] }
    var out = [rule]
    if breakdown.missingFromB.cents != 0 {
      out.append(
        contentsOf: wrapWords(
          "Scope gap: B omits \(breakdown.missingCategories.joined(separator: ", ")) worth "
            + "\(currency) \(Money(cents: -breakdown.missingFromB.cents, currency: currency).groupedString) that A has.",
          first: "", next: "  "))
    }
    out.append("Change in total (\(currency))")
    for (label, amount) in [
      ("price changes on matched lines", breakdown.priceDelta),
      ("quantity changes on matched lines", breakdown.quantityDelta),
      ("lines missing from B (scope gaps)", breakdown.missingFromB),
      ("lines only in B (extra scope)", breakdown.extraInB),
    ] {
      out.append("  " + pad(label, 40) + pad(signedMoney(amount), 20, right: true))
    }
    out.append("  " + pad("total change", 40) + pad(signedMoney(breakdown.totalDelta), 20, right: true))
    return out
  }

  /// The deterministic JSON document: sorted keys, money as exact decimals, every line with both
  /// sides, field changes per group (`design`, `spec`) and every finance figure (`finance`).
  public func json() -> JSONValue {
    func side(_ summary: DiffSideSummary) -> JSONValue {
      var object: [String: JSONValue] = [
        "file": .string(summary.file), "kind": .string(summary.kind.rawValue),
        "name": summary.name.map { .string($0) } ?? .null, "currency": .string(summary.currency),
        "gpus": summary.gpus.map { .int($0) } ?? .null,
      ]
      object["conversion"] =
        summary.conversion.map {
          .object([
            "from": .string($0.from), "to": .string($0.to), "rate": .number("\($0.rate)"),
            "asOf": .string($0.asOf.description), "source": .string($0.source),
          ])
        } ?? .null
      return .object(object)
    }
    func amounts(_ value: LineAmounts?) -> JSONValue {
      guard let value else { return .null }
      return .object([
        "quantity": .int(value.quantity), "unitPrice": .money(value.unitPrice),
        "extendedPrice": .money(value.extendedPrice), "description": .string(value.description),
        "id": value.partID.map { .string($0) } ?? .null,
        "locations": .array(value.locations.map { .string("\($0.file):\($0.line):\($0.column)") }),
      ])
    }
    func delta(_ value: MoneyDelta) -> JSONValue {
      .object([
        "a": .money(value.a), "b": .money(value.b), "delta": .money(value.delta),
        "changePercent": percent(value.percent),
      ])
    }
    let lineValues: [JSONValue] = lines.map { line in
      let extended = line.extendedDelta(currency: currency)
      return .object([
        "status": .string(line.status.rawValue), "match": .string(line.match.rawValue), "key": .string(line.key),
        "id": line.partID.map { .string($0) } ?? .null, "description": .string(line.description),
        "category": .string(line.category), "spare": .bool(line.isSpare), "a": amounts(line.a), "b": amounts(line.b),
        "quantityDelta": .int(line.quantityDelta),
        "unitPriceDelta": line.unitPriceDelta.map { .money($0.delta) } ?? .null,
        "unitPriceChangePercent": percent(line.unitPriceDelta?.percent),
        "extendedPriceDelta": .money(extended.delta), "extendedPriceChangePercent": percent(extended.percent),
        "matchNotes": .array(line.matchNotes.map { .string($0) }),
      ])
    }
    var fields: [String: JSONValue] = [:]
    for group in fieldGroups {
      fields[group.name] = .array(
        group.changes.map { change in
          .object([
            "path": .string(change.path), "a": change.a.map { .string($0.text) } ?? .null,
            "b": change.b.map { .string($0.text) } ?? .null,
            "delta": change.delta.map { .number(NSDecimalNumber(decimal: $0).description(withLocale: posix)) } ?? .null,
          ])
        })
    }
    if let finance {
      fields["finance"] = .array(
        finance.map { change in
          let metric = change.metric
          func value(_ x: Decimal?) -> JSONValue { x.map { .number(financeJSONText($0, metric)) } ?? .null }
          return .object([
            "path": .string(metric.rawValue), "unit": .string(metric.unit.rawValue), "a": value(change.a.value),
            "b": value(change.b.value), "delta": value(change.delta),
            "aReason": change.a.reason.map { .string($0) } ?? .null,
            "bReason": change.b.reason.map { .string($0) } ?? .null, "changed": .bool(change.differs),
          ])
        })
    }
    return .object([
      "schemaVersion": .int(DiffReport.schemaVersion), "a": side(a), "b": side(b), "currency": .string(currency),
      "identical": .bool(!hasDifferences), "lines": .array(lineValues),
      "categories": .array(
        categories.map { category in
          var object: [String: JSONValue] = ["category": .string(category.category)]
          if case .object(let amounts) = delta(category.amounts) { object.merge(amounts) { x, _ in x } }
          return .object(object)
        }),
      "total": delta(total), "perGPU": perGPU.map(delta) ?? .null, "fields": .object(fields),
      "summary": .object([
        "priceDelta": .money(breakdown.priceDelta), "quantityDelta": .money(breakdown.quantityDelta),
        "missingFromB": .money(breakdown.missingFromB), "extraInB": .money(breakdown.extraInB),
        "totalDelta": .money(breakdown.totalDelta),
        "missingCategories": .array(breakdown.missingCategories.map { .string($0) }),
        "extraCategories": .array(breakdown.extraCategories.map { .string($0) }),
      ]),
      "notes": .array(notes.map { .string($0) }),
    ])
  }

  /// RFC 4180 CSV, one row per line item with both sides (CRLF line ends, fields quoted when needed).
  /// The side a line is absent from (B for a removed line, A for an added one) has its quantity,
  /// unit price and extended price empty; the deltas count it as zero.
  public func csv() -> String {
    var rows: [[String]] = [
      [
        "status", "match", "category", "id", "description", "spare", "quantity_a", "quantity_b", "quantity_delta",
        "unit_price_a", "unit_price_b", "unit_price_delta", "unit_price_change_pct", "extended_price_a",
        "extended_price_b", "extended_price_delta", "extended_price_change_pct", "currency", "match_notes",
      ]
    ]
    for line in lines {
      let extended = line.extendedDelta(currency: currency)
      let unit = line.unitPriceDelta
      rows.append([
        line.status.rawValue, line.match.rawValue, line.category, line.partID ?? "", line.description,
        line.isSpare ? "yes" : "no", line.a.map { "\($0.quantity)" } ?? "", line.b.map { "\($0.quantity)" } ?? "",
        String(line.quantityDelta), line.a?.unitPrice.plainString ?? "", line.b?.unitPrice.plainString ?? "",
        unit?.delta.plainString ?? "", unit?.percent.map(plainDecimal) ?? "",
        line.a?.extendedPrice.plainString ?? "", line.b?.extendedPrice.plainString ?? "", extended.delta.plainString,
        extended.percent.map(plainDecimal) ?? "", currency, line.matchNotes.joined(separator: "; "),
      ])
    }
    return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }
}

/// Word-wraps `text` to 98 columns after the prefix `first` (later lines start with `next`).
func wrapWords(_ text: String, first: String, next: String, width: Int = 98) -> [String] {
  var lines: [String] = []
  var current = first
  var empty = true
  for word in text.split(separator: " ") {
    if !empty, current.count + 1 + word.count > width {
      lines.append(current)
      current = next + word
    } else {
      current += (empty ? "" : " ") + word
    }
    empty = false
  }
  lines.append(current)
  return lines
}

private let posix = Locale(identifier: "en_US_POSIX")

func plainDecimal(_ value: Decimal) -> String {
  NSDecimalNumber(decimal: value).description(withLocale: posix)
}

private func percent(_ value: Decimal?) -> JSONValue {
  value.map { .number(plainDecimal($0)) } ?? .null
}

/// `+12.5%`, `-100.0%`, `0.0%`: one decimal, locale-independent.
func signedPercent(_ value: Decimal) -> String {
  var text = plainDecimal(value)
  if !text.contains(".") { text += ".0" }
  return (value > 0 ? "+" : "") + text + "%"
}

/// `+1,234.50`, `-648,000.00`, `0.00`.
func signedMoney(_ value: Money) -> String {
  (value.cents > 0 ? "+" : "") + value.groupedString
}

/// A finance figure for JSON: money with two decimals, the rest as exact plain decimals.
func financeJSONText(_ value: Decimal, _ metric: FinanceMetric) -> String {
  if metric.unit == .money, let money = Money(major: value, currency: "XXX") { return money.plainString }
  return plainDecimal(value)
}

/// A finance figure for the text report: `1,234.50`, `2.1234`, `12.35%`, `1.52×`, `month 37`.
func financeText(_ value: Decimal, _ metric: FinanceMetric) -> String {
  switch metric.unit {
  case .money: return Money(major: value, currency: "XXX")?.groupedString ?? plainDecimal(value)
  case .ratePerGPUHour: return fixedDecimal(value, 4)
  case .fraction: return fixedDecimal(value * 100, 2) + "%"
  case .multiple: return fixedDecimal(value, 2) + "×"
  case .months: return "month " + plainDecimal(value)
  }
}

/// A finance delta for the text report: `+1,234.50`, `-0.0312`, `+1.25 pp`, `+0.10×`, `+3 months`.
func financeDeltaText(_ value: Decimal, _ metric: FinanceMetric) -> String {
  let sign = value > 0 ? "+" : ""
  switch metric.unit {
  case .money: return sign + (Money(major: value, currency: "XXX")?.groupedString ?? plainDecimal(value))
  case .ratePerGPUHour: return sign + fixedDecimal(value, 4)
  case .fraction: return sign + fixedDecimal(value * 100, 2) + " pp"
  case .multiple: return sign + fixedDecimal(value, 2) + "×"
  case .months: return sign + plainDecimal(value) + (abs(value) == 1 ? " month" : " months")
  }
}

/// `value` rounded half-even to exactly `scale` decimals, plain (`-0.0312`, `12.50`).
func fixedDecimal(_ value: Decimal, _ scale: Int) -> String {
  let rounded = roundDecimal(value, scale)
  var text = rounded.isZero ? "0" : plainDecimal(rounded)
  if scale > 0 {
    if !text.contains(".") { text += "." }
    let decimals = text.split(separator: ".", omittingEmptySubsequences: false)[1].count
    text += String(repeating: "0", count: max(0, scale - decimals))
  }
  return text
}
