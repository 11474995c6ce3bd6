extension Plan {
  /// JSON schema version of `neoplan plan --format json`.
  public static let schemaVersion = 1

  /// The deterministic JSON document (sorted keys, money in major units exact to the cent). The
  /// design sections, the BoM and the headline finance figures are written from the plan's
  /// ``PlanSummary``, the value `neoplan diff` reads back.
  public func json() -> JSONValue { JSONDocument.tree { writeJSON(into: &$0) } }

  /// `json().rendered()`, written straight from the plan without the tree (`neoplan plan --format
  /// json`).
  public func jsonText() -> String { JSONDocument.text { writeJSON(into: &$0) } }

  /// FNV-1a 64 of `jsonText()`'s UTF-8 bytes, without the text (the quote id).
  public func jsonFNV1a64() -> UInt64 { JSONDocument.fnv1a64 { writeJSON(into: &$0) } }

  /// The plan document, members in key order.
  func writeJSON<W: JSONWriter>(into w: inout W) {
    writeDocument(summary: PlanSummary(plan: self), into: &w)
  }

  /// The plan document (with `summary`: design, BoM and finance) or the `tco` document (without:
  /// finance only), members in key order; both share the finance members.
  func writeDocument<W: JSONWriter>(summary: PlanSummary?, into w: inout W) {
    let finance = summary?.finance ?? PlanSummary.Finance(plan: self)
    let design = summary.map(PlanDesignLayout.init)
    w.object { w in
      w.field("asOf", .string(spec.asOf.description))
      if let summary { w.object("bom") { summary.writeBoM(into: &$0) } }
      w.key("cashFlows")
      writeCashFlows(into: &w)
      for section in ["compute", "fabrics", "facility"] { design?.write(section: section, into: &w) }
      w.key("financeAssumptions")
      writeAssumptions(into: &w)
      w.field("name", .string(summary?.name ?? spec.name))
      w.object("returns") { writeReturns(finance, into: &$0) }
      w.key("revenueTranches")
      writeTranches(into: &w)
      w.field("schemaVersion", .int(Plan.schemaVersion))
      writeSensitivity(into: &w)
      w.object("sourcesAndUses") { writeSourcesAndUses(into: &$0) }
      w.object("statements") { writeStatements(into: &$0) }
      design?.write(section: "storage", into: &w)
      w.object("tco") { writeTCO(finance, into: &$0) }
      writeUtilizationSweep(into: &w)
    }
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
