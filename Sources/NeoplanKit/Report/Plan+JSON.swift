extension Plan {
  /// JSON schema version of `neoplan plan --format json`.
  public static let schemaVersion = 1

  /// The deterministic JSON document (sorted keys, money in major units exact to the cent). The
  /// design sections, the BoM and the headline finance figures are written from the plan's
  /// ``PlanSummary``, the value `neoplan diff` reads back.
  public func json() -> JSONValue {
    let summary = PlanSummary(plan: self)
    var document = summary.designJSON()
    document["schemaVersion"] = .int(Plan.schemaVersion)
    document["name"] = .string(summary.name)
    document["asOf"] = .string(spec.asOf.description)
    document["bom"] = summary.bomJSON()
    document.merge(financeJSON(summary: summary.finance)) { a, _ in a }
    return .object(document)
  }

  /// The BoM as RFC 4180 CSV (CRLF line ends, fields quoted when needed).
  public func csv() -> String {
    var rows: [[String]] = [
      [
        "category", "id", "description", "quantity", "unit_price", "extended_price", "currency", "spare",
        "confidence", "as_of", "source", "source_price", "source_currency", "fx_rate", "fx_as_of",
      ]
    ]
    for line in bom.lines {
      rows.append([
        line.category.rawValue, line.partID, line.description, String(line.quantity), line.unitPrice.plainString,
        line.extendedPrice.plainString, line.unitPrice.currency, line.isSpare ? "yes" : "no",
        line.confidence.rawValue, line.asOf.description, line.source, line.sourcePrice.plainString,
        line.sourcePrice.currency, line.exchangeRate.map { "\($0.rate)" } ?? "",
        line.exchangeRate?.asOf.description ?? "",
      ])
    }
    return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }
}

/// Quotes a CSV field per RFC 4180 when it holds a comma, quote or line break.
func csvField(_ field: String) -> String {
  if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
  return field
}
