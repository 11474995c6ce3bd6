import Foundation

extension DiffReport {
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
    out.append(contentsOf: lineItemsText(rule: rule))
    // Matches by part number or description are never silent, even on unchanged lines.
    let quietMatches = lines.filter { $0.status == .unchanged && $0.match != .id }
    if !quietMatches.isEmpty {
      out.append(rule)
      out.append("Unchanged lines matched by part number or description")
      for line in quietMatches {
        for note in line.matchNotes { out.append(contentsOf: wrapWords(note, first: "  = ", next: "      ")) }
      }
    }
    out.append(contentsOf: subtotalsText(rule: rule))
    out.append(contentsOf: financeSectionText(rule: rule))
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

  /// The changed lines by category, with what changed and how each was matched.
  func lineItemsText(rule: String) -> [String] {
    var out: [String] = []
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
    return out
  }

  /// Subtotals by category, the total and the total per GPU.
  func subtotalsText(rule: String) -> [String] {
    var out: [String] = []
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
    return out
  }

  /// Every finance figure, A, B and B − A, with the reasons for figures a side does not have.
  func financeSectionText(rule: String) -> [String] {
    guard let finance else { return [] }
    var out: [String] = []
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
    return out
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
}
