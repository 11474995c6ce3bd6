import Foundation

/// Compares two bills of materials (`neoplan diff A B`): lines added, removed and changed,
/// subtotals by category, totals, and — when both sides are specs or plans — design and spec
/// differences. Pure: no files, clock or locale.
public enum BillOfMaterialsDiff {
  /// Compares `b` with `a` in `a`'s currency. `catalog` identifies quote lines by part number or
  /// description. Throws an input error when the currencies differ and neither side knows a rate.
  public static func compare(_ a: DiffInput, _ b: DiffInput, catalog: Catalog) throws -> DiffReport {
    var notes: [String] = a.notes + b.notes
    let (currency, linesA, linesB, conversion) = try inOneCurrency(a, b, notes: &notes)
    for (side, lines) in [(a, linesA), (b, linesB)] {
      if let line = DiffInput.lineExceedingTotal(lines) {
        throw DiffInput.tooLarge(file: side.file, at: line.location, "the BoM total up to this line")
      }
    }
    var matcher = LineMatcher(catalog: catalog, a: linesA, b: linesB)
    let (resolvedA, resolvedB) = matcher.resolve()
    let lines = lineDiffs(resolvedA, resolvedB, catalog: catalog)
    let (categories, total) = subtotals(resolvedA, resolvedB, currency: currency)
    let gpusA = a.gpus ?? derivedGPUs(resolvedA, catalog: catalog, file: a.file, notes: &notes)
    let gpusB = b.gpus ?? derivedGPUs(resolvedB, catalog: catalog, file: b.file, notes: &notes)
    var perGPU: MoneyDelta?
    if let gpusA, let gpusB, gpusA > 0, gpusB > 0 {
      perGPU = MoneyDelta(a: total.a.divided(by: gpusA), b: total.b.divided(by: gpusB))
    }

    var groups: [FieldGroup] = []
    if let designA = a.design, let designB = b.design {
      groups.append(FieldGroup(name: "design", title: "Design", changes: fieldChanges(designA, designB)))
    }
    if let specA = a.specFields, let specB = b.specFields {
      groups.append(FieldGroup(name: "spec", title: "Spec fields", changes: fieldChanges(specA, specB)))
    }

    let finance = financeChanges(a, b, notes: &notes)
    return DiffReport(
      a: DiffSideSummary(
        file: a.file, kind: a.kind, name: a.name, currency: a.currency ?? currency, gpus: gpusA, conversion: nil),
      b: DiffSideSummary(
        file: b.file, kind: b.kind, name: b.name, currency: b.currency ?? currency, gpus: gpusB,
        conversion: conversion),
      currency: currency, lines: lines, categories: categories, total: total, perGPU: perGPU,
      fieldGroups: groups, finance: finance, notes: notes)
  }

  /// Both sides' lines in A's currency (B converted at a known rate, else an input error), with
  /// the conversion used.
  static func inOneCurrency(_ a: DiffInput, _ b: DiffInput, notes: inout [String]) throws -> (
    currency: String, a: [DiffInputLine], b: [DiffInputLine], conversion: ExchangeRate?
  ) {
    let currency = a.currency ?? b.currency ?? "XXX"
    if a.currency == nil, b.currency != nil {
      notes.append("\(a.file) names no currency; its prices are taken as \(currency)")
    }
    if a.currency == nil, b.currency == nil {
      notes.append("neither side names a currency; amounts are shown without one (XXX)")
    }
    let linesA = a.lines.map { relabel($0, to: currency) }
    var linesB = b.lines
    var conversion: ExchangeRate?
    if let currencyB = b.currency, currencyB != currency {
      guard let rate = exchangeRate(from: currencyB, to: currency, in: a.fxRates + b.fxRates) else {
        throw InputError(
          Diagnostic(
            at: nil, file: b.file, keyPath: "",
            message: "prices are in \(currencyB) but \(a.file) is in \(currency) and no exchange rate is known",
            expected:
              "give both sides in one currency, or compare with a spec or plan whose fx lists {from: \(currencyB), rate: <\(currency) per \(currencyB)>, as_of: YYYY-MM-DD, source: ...}"
          ))
      }
      conversion = rate
      notes.append(
        "\(b.file) converted from \(currencyB) to \(currency) at \(rate.rate) (as of \(rate.asOf), \(rate.source)); unit prices rounded half-even to the cent"
      )
      linesB = try linesB.map { line in
        var converted = line
        guard Decimal(line.unitPrice.cents) * rate.rate <= Decimal(DiffInput.maxCents),
          Decimal(line.unitPrice.cents) * rate.rate >= -Decimal(DiffInput.maxCents)
        else { throw DiffInput.tooLarge(file: b.file, at: line.location, "the converted unit price") }
        converted.unitPrice = line.unitPrice.converted(rate: rate.rate, to: currency)
        guard DiffInput.fits(quantity: line.quantity, unit: converted.unitPrice) else {
          throw DiffInput.tooLarge(file: b.file, at: line.location, "the converted line")
        }
        converted.extendedPrice = converted.unitPrice.times(line.quantity)
        return converted
      }
    } else {
      linesB = linesB.map { relabel($0, to: currency) }
      if b.currency == nil, a.currency != nil {
        notes.append("\(b.file) names no currency; its prices are taken as \(currency)")
      }
    }

    return (currency, linesA, linesB, conversion)
  }

  /// One row per part and spare flag, in category order, installed before spares, A's order.
  static func lineDiffs(_ resolvedA: [ResolvedLine], _ resolvedB: [ResolvedLine], catalog: Catalog) -> [LineDiff] {
    let aggregatedA = aggregate(resolvedA, catalog: catalog)
    let aggregatedB = aggregate(resolvedB, catalog: catalog)
    var keys: [AggregateKey] = []
    var seen = Set<AggregateKey>()
    for key in aggregatedA.order + aggregatedB.order where seen.insert(key).inserted { keys.append(key) }
    var lines: [(LineDiff, Int)] = []
    for key in keys {
      let sideA = aggregatedA.lines[key]
      let sideB = aggregatedB.lines[key]
      let partID = catalog[key.key] != nil ? key.key : (sideA?.amounts.partID ?? sideB?.amounts.partID)
      let description =
        catalog[key.key]?.displayName ?? sideA?.amounts.description ?? sideB?.amounts.description ?? key.key
      let matches = [sideA?.match, sideB?.match].compactMap { $0 }
      let match = matches.max { $0.strength < $1.strength } ?? .id
      let order = sideA.map(\.order) ?? (resolvedA.count + (sideB?.order ?? 0))
      let line = LineDiff(
        key: key.key, partID: partID, description: description,
        category: sideA?.category ?? sideB?.category ?? uncategorized, isSpare: key.isSpare,
        a: sideA?.amounts, b: sideB?.amounts, match: match,
        matchNotes: (sideA?.notes ?? []) + (sideB?.notes ?? []))
      lines.append((line, order))
    }
    lines.sort { x, y in
      (categoryRank(x.0.category), x.0.category, x.0.isSpare ? 1 : 0, x.1)
        < (categoryRank(y.0.category), y.0.category, y.0.isSpare ? 1 : 0, y.1)
    }
    return lines.map(\.0)
  }

  /// Subtotals by category and the total, both sides.
  static func subtotals(_ resolvedA: [ResolvedLine], _ resolvedB: [ResolvedLine], currency: String) -> (
    [CategoryDelta], MoneyDelta
  ) {
    func sums(_ lines: [ResolvedLine]) -> [String: Money] {
      lines.reduce(into: [:]) { sums, line in
        sums[line.category] = (sums[line.category] ?? .zero(currency)) + line.line.extendedPrice
      }
    }
    let subtotalsA = sums(resolvedA)
    let subtotalsB = sums(resolvedB)
    let categoryNames = Set(subtotalsA.keys).union(subtotalsB.keys).sorted {
      (categoryRank($0), $0) < (categoryRank($1), $1)
    }
    let categories = categoryNames.map {
      CategoryDelta(
        category: $0, amounts: MoneyDelta(a: subtotalsA[$0] ?? .zero(currency), b: subtotalsB[$0] ?? .zero(currency)))
    }
    let total = MoneyDelta(
      a: resolvedA.reduce(.zero(currency)) { $0 + $1.line.extendedPrice },
      b: resolvedB.reduce(.zero(currency)) { $0 + $1.line.extendedPrice })
    return (categories, total)
  }

  /// Every finance figure of both sides in A's currency; `nil` (with a note) when a side has none
  /// or no rate converts B.
  static func financeChanges(_ a: DiffInput, _ b: DiffInput, notes: inout [String]) -> [FinanceChange]? {
    var finance: [FinanceChange]?
    if let financeA = a.finance, var financeB = b.finance {
      if financeB.currency != financeA.currency {
        if let rate = exchangeRate(from: financeB.currency, to: financeA.currency, in: a.fxRates + b.fxRates) {
          financeB = financeB.converted(rate: rate.rate, to: financeA.currency)
          notes.append(
            "\(b.file) finance converted from \(rate.from) to \(rate.to) at \(rate.rate): money rounded half-even to the cent, rates per GPU-hour to 4 decimals"
          )
        } else {
          notes.append(
            "finance is not compared: \(a.file) is in \(financeA.currency), \(b.file) in \(financeB.currency), and no exchange rate is known"
          )
        }
      }
      if financeB.currency == financeA.currency {
        finance = FinanceMetric.allCases.map { metric in
          FinanceChange(
            metric: metric, a: financeA.values[metric] ?? FinanceValue(value: nil),
            b: financeB.values[metric] ?? FinanceValue(value: nil))
        }
      }
    } else if a.kind != .csv, b.kind != .csv {
      for side in [a, b] where side.finance == nil {
        notes.append(
          "\(side.file) has no tco and returns (a plan saved before neoplan wrote finance); finance is not compared")
      }
    }
    return finance
  }

  /// The category name for quote lines that have none and match nothing that has one.
  public static let uncategorized = "uncategorized"

  /// Known categories first in BoM order, then others by name, `uncategorized` last.
  static func categoryRank(_ category: String) -> Int {
    if let index = PartCount.Category.allCases.firstIndex(where: { $0.rawValue == category }) { return index }
    return category == uncategorized ? 1000 : 500
  }

  static func relabel(_ line: DiffInputLine, to currency: String) -> DiffInputLine {
    var line = line
    line.unitPrice.currency = currency
    line.extendedPrice.currency = currency
    return line
  }

  /// A rate `from` → `to` from the sides' rates, directly or as the inverse of `to` → `from`.
  static func exchangeRate(from: String, to: String, in rates: [ExchangeRate]) -> ExchangeRate? {
    if let direct = rates.first(where: { $0.from == from && $0.to == to }) { return direct }
    if let inverse = rates.first(where: { $0.from == to && $0.to == from }), inverse.rate != 0 {
      return ExchangeRate(
        from: from, to: to, rate: 1 / inverse.rate, asOf: inverse.asOf,
        source: "inverse of \(inverse.from)→\(inverse.to) \(inverse.rate), \(inverse.source)")
    }
    return nil
  }

  /// GPUs of a CSV side: installed (not spare) lines identified as catalog GPU nodes × GPUs per node.
  static func derivedGPUs(_ lines: [ResolvedLine], catalog: Catalog, file: String, notes: inout [String]) -> Int? {
    var gpus = 0
    var parts: [String] = []
    for line in lines where !line.line.isSpare {
      if let part = catalog[line.key], case .gpuNode(let node) = part.specs {
        gpus += line.line.quantity * node.gpus
        parts.append("\(line.line.quantity) × \(part.id)")
      }
    }
    guard !parts.isEmpty else { return nil }
    notes.append("\(file): \(gpus) GPUs counted from its GPU-node lines (\(parts.joined(separator: " + ")))")
    return gpus
  }

  /// The fields that differ, in A's order then B-only fields.
  static func fieldChanges(_ a: [Figure], _ b: [Figure]) -> [FieldChange] {
    let valuesA = Dictionary(a.map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
    let valuesB = Dictionary(b.map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
    var paths: [String] = []
    var seen = Set<String>()
    for field in a + b where seen.insert(field.path).inserted { paths.append(field.path) }
    return paths.compactMap { path in
      let x = valuesA[path]
      let y = valuesB[path]
      return x == y ? nil : FieldChange(path: path, a: x, b: y)
    }
  }

  struct AggregateKey: Hashable {
    var key: String
    var isSpare: Bool
  }

  struct AggregatedLine {
    var amounts: LineAmounts
    var category: String
    var match: LineMatch
    var notes: [String]
    var order: Int
  }

  /// Sums each side's lines with the same key and spare flag (a part may appear in several categories).
  static func aggregate(_ lines: [ResolvedLine], catalog: Catalog) -> (
    lines: [AggregateKey: AggregatedLine], order: [AggregateKey]
  ) {
    var result: [AggregateKey: AggregatedLine] = [:]
    var order: [AggregateKey] = []
    var unitPrices: [AggregateKey: Set<Money>] = [:]
    for (index, resolved) in lines.enumerated() {
      let line = resolved.line
      let key = AggregateKey(key: resolved.key, isSpare: line.isSpare)
      unitPrices[key, default: []].insert(line.unitPrice)
      if var existing = result[key] {
        existing.amounts.quantity += line.quantity
        existing.amounts.extendedPrice = existing.amounts.extendedPrice + line.extendedPrice
        existing.amounts.locations += line.location.map { [$0] } ?? []
        if resolved.match.strength > existing.match.strength { existing.match = resolved.match }
        existing.notes += resolved.note.map { [$0] } ?? []
        result[key] = existing
      } else {
        var description = line.description
        if description.hasSuffix(" (spare)") { description.removeLast(" (spare)".count) }
        if description.isEmpty { description = line.partID ?? line.partNumber ?? resolved.key }
        result[key] = AggregatedLine(
          amounts: LineAmounts(
            quantity: line.quantity, unitPrice: line.unitPrice, extendedPrice: line.extendedPrice,
            description: description, partID: line.partID, locations: line.location.map { [$0] } ?? []),
          category: resolved.category, match: resolved.match, notes: resolved.note.map { [$0] } ?? [],
          order: index)
        order.append(key)
      }
    }
    for (key, prices) in unitPrices where prices.count > 1 {
      var line = result[key]!
      if line.amounts.quantity > 0 {
        line.amounts.unitPrice = line.amounts.extendedPrice.divided(by: line.amounts.quantity)
        line.notes.append("several lines at different unit prices; the unit price shown is their weighted average")
      }
      result[key] = line
    }
    return (result, order)
  }
}
