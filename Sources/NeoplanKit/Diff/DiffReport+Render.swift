import Foundation

extension DiffReport {
  /// JSON schema version of `neoplan diff --format json`.
  public static let schemaVersion = 1

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
    return .object([
      "schemaVersion": .int(DiffReport.schemaVersion), "a": side(a), "b": side(b), "currency": .string(currency),
      "identical": .bool(!hasDifferences), "lines": .array(lineValues),
      "categories": .array(
        categories.map { category in
          var object: [String: JSONValue] = ["category": .string(category.category)]
          if case .object(let amounts) = delta(category.amounts) { object.merge(amounts) { x, _ in x } }
          return .object(object)
        }),
      "total": delta(total), "perGPU": perGPU.map(delta) ?? .null, "fields": .object(fieldsJSON()),
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

  /// The field changes per group (`design`, `spec`) and every finance figure (`finance`).
  func fieldsJSON() -> [String: JSONValue] {
    var fields: [String: JSONValue] = [:]
    for group in fieldGroups {
      fields[group.name] = .array(
        group.changes.map { change in
          .object([
            "path": .string(change.path), "a": change.a.map { .string($0.text) } ?? .null,
            "b": change.b.map { .string($0.text) } ?? .null,
            "delta": change.delta.map { .number(NumberFormat.plain($0)) } ?? .null,
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
    return fields
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
        unit?.delta.plainString ?? "", unit?.percent.map { NumberFormat.plain($0) } ?? "",
        line.a?.extendedPrice.plainString ?? "", line.b?.extendedPrice.plainString ?? "", extended.delta.plainString,
        extended.percent.map { NumberFormat.plain($0) } ?? "", currency, line.matchNotes.joined(separator: "; "),
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

private func percent(_ value: Decimal?) -> JSONValue {
  value.map { .number(NumberFormat.plain($0)) } ?? .null
}

/// `+12.5%`, `-100.0%`, `0.0%`: one decimal, locale-independent.
func signedPercent(_ value: Decimal) -> String {
  var text = NumberFormat.plain(value)
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
  return NumberFormat.plain(value)
}

/// A finance figure for the text report: `1,234.50`, `2.1234`, `12.35%`, `1.52×`, `month 37`.
func financeText(_ value: Decimal, _ metric: FinanceMetric) -> String {
  switch metric.unit {
  case .money: return Money(major: value, currency: "XXX")?.groupedString ?? NumberFormat.plain(value)
  case .ratePerGPUHour: return NumberFormat.fixed(value, decimals: 4)
  case .fraction: return NumberFormat.fixed(value * 100, decimals: 2) + "%"
  case .multiple: return NumberFormat.fixed(value, decimals: 2) + "×"
  case .months: return "month " + NumberFormat.plain(value)
  }
}

/// A finance delta for the text report: `+1,234.50`, `-0.0312`, `+1.25 pp`, `+0.10×`, `+3 months`.
func financeDeltaText(_ value: Decimal, _ metric: FinanceMetric) -> String {
  let sign = value > 0 ? "+" : ""
  switch metric.unit {
  case .money: return sign + (Money(major: value, currency: "XXX")?.groupedString ?? NumberFormat.plain(value))
  case .ratePerGPUHour: return sign + NumberFormat.fixed(value, decimals: 4)
  case .fraction: return sign + NumberFormat.fixed(value * 100, decimals: 2) + " pp"
  case .multiple: return sign + NumberFormat.fixed(value, decimals: 2) + "×"
  case .months: return sign + NumberFormat.plain(value) + (abs(value) == 1 ? " month" : " months")
  }
}
