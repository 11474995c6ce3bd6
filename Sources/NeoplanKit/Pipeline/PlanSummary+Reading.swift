import Foundation

extension PlanSummary {
  /// The summary of a saved plan's text (`neoplan plan --format json` output, or the same as
  /// YAML); a problem is an input error at its line and column in `file`.
  public init(savedPlan text: String, file: String) throws {
    guard let document = try YAMLValue.parse(text, file: file) else {
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: "empty file",
          expected: "expected a saved plan (neoplan plan --format json)"))
    }
    self = try PlanSummary.read(document).summary
  }

  /// A saved plan (`neoplan plan --format json`, or the same as YAML) read into its summary, with
  /// where each BoM line is written; every problem is reported at its line and column.
  static func read(_ document: YAMLValue) throws -> (summary: PlanSummary, lineLocations: [SourceLocation]) {
    let map = try document.mapping()
    let versionValue = try map.required("schemaVersion", expected: "schemaVersion: \(Plan.schemaVersion)")
    guard try versionValue.int() == Plan.schemaVersion else {
      throw versionValue.error(
        "unsupported plan schemaVersion", expected: "expected \(Plan.schemaVersion) (neoplan plan --format json)")
    }
    let (bom, locations) = try readBoM(try map.required("bom", expected: "the bill of materials (bom.lines)"))
    var design: [Figure] = []
    for key in designKeys {
      if let value = try figure(at: key.path, kind: key.kind, in: document) { design.append(Figure(key.path, value)) }
    }
    var tiers: [[Figure]] = []
    if let rows = node(at: "fabrics.backend.perTier", in: document), !rows.isNull {
      for row in try rows.sequence() {
        var figures: [Figure] = []
        for key in tierKeys {
          if let value = try figure(at: key.path, kind: key.kind, in: row) { figures.append(Figure(key.path, value)) }
        }
        tiers.append(sortedByPath(figures))
      }
    }
    var warnings: [String] = []
    if let list = node(at: "facility.warnings", in: document), !list.isNull {
      warnings = try list.sequence().map { try $0.string() }
    }
    let summary = PlanSummary(
      name: try map["name"]?.string() ?? "", design: sortedByPath(design), backendTiers: tiers, warnings: warnings,
      bom: bom, finance: try Finance.read(document, currency: bom.currency))
    return (summary, locations)
  }

  /// The node at a dotted key path, including a null one; `nil` when a key on the way is absent.
  static func node(at path: String, in document: YAMLValue) -> YAMLValue? {
    var current = document
    for key in path.split(separator: ".") {
      guard let map = try? current.mapping(), let entry = map.entries.first(where: { $0.key == key }) else {
        return nil
      }
      current = entry.value
    }
    return current
  }

  /// The value of a design key: `nil` when absent or a section (a mapping), ``FigureValue/none``
  /// when null.
  static func figure(at path: String, kind: FigureKind, in document: YAMLValue) throws -> FigureValue? {
    guard let value = node(at: path, in: document) else { return nil }
    if value.isNull { return FigureValue.none }
    if case .mapping = value.node { return nil }
    switch kind {
    case .measure(.count): return .measure(.count(try value.int()))
    case .measure(let unit): return .measure(Measure(try value.decimal(maxFractionDigits: 12), unit))
    case .text: return .text(try value.string())
    case .flag: return .flag(try value.bool())
    }
  }

  /// The `bom` object: lines checked (one currency, extended price = quantity × unit price, within
  /// the diff's bounds).
  static func readBoM(_ value: YAMLValue) throws -> (BoM, [SourceLocation]) {
    let bom = try value.mapping()
    let currency = try bom.required("currency", expected: "an ISO 4217 code").string()
    var lines: [Line] = []
    var locations: [SourceLocation] = []
    for item in try bom.required("lines", expected: "a list of BoM lines").sequence() {
      lines.append(try readLine(item, currency: currency))
      locations.append(item.location)
    }
    var rates: [ExchangeRate] = []
    for item in try bom["fxRates"]?.sequence() ?? [] {
      let rate = try item.mapping()
      rates.append(
        ExchangeRate(
          from: try rate.required("from", expected: "a currency").string(),
          to: try rate["to"]?.string() ?? currency,
          rate: try rate.required("rate", expected: "a number").decimal(maxFractionDigits: 12),
          asOf: try rate.required("asOf", expected: "YYYY-MM-DD").day(),
          source: try rate["source"]?.string() ?? "saved plan"))
    }
    var categories: [CategoryTotal] = []
    for item in try bom["categories"]?.sequence() ?? [] {
      let entry = try item.mapping()
      categories.append(
        CategoryTotal(
          category: try entry.required("category", expected: "a BoM category").string(),
          total: try money(entry.required("total", expected: "a price such as 1234.50"), currency: currency)))
    }
    let sum = lines.reduce(Money.zero(currency)) { $0 + $1.extendedPrice }
    let total = try bom["total"].map { try money($0, currency: currency) } ?? sum
    // The total is a sum the plan wrote: an edited total (or lines edited under it) is refused like
    // an edited extended price, rather than diffed as if nothing had changed.
    if let totalValue = bom["total"], total != sum {
      throw totalValue.error(
        "\(total.plainString) is not the sum of the lines (\(sum.plainString))",
        expected: "expected an unedited neoplan plan (use a BoM CSV for edited prices)")
    }
    return (
      BoM(
        currency: currency, total: total,
        perNode: try bom["perNode"].map { try money($0, currency: currency) } ?? total,
        perGPU: try bom["perGPU"].map { try money($0, currency: currency) } ?? total, categories: categories,
        fxRates: rates, lines: lines),
      locations
    )
  }

  /// One `bom.lines[]` entry.
  static func readLine(_ item: YAMLValue, currency: String) throws -> Line {
    let line = try item.mapping()
    let lineCurrency = try line["currency"]?.string() ?? currency
    let unit = try money(line.required("unitPrice", expected: "a price such as 1234.50"), currency: lineCurrency)
    guard lineCurrency == currency else {
      throw (line["currency"] ?? item).error(
        "line priced in \(lineCurrency), the plan in \(currency)", expected: "expected \(currency)")
    }
    let quantityValue = try line.required("quantity", expected: "a whole number")
    let quantity = try quantityValue.int()
    guard DiffInput.fits(quantity: quantity, unit: unit) else {
      throw quantityValue.error(
        "\(quantity) × \(unit.plainString) is too large", expected: "expected at most 10000000 units and 10^15 a line")
    }
    var extended = unit.times(quantity)
    if let extendedValue = line["extendedPrice"] {
      let written = try money(extendedValue, currency: currency)
      if written != extended {
        throw extendedValue.error(
          "extended price \(written.plainString) is not quantity × unit price (\(extended.plainString))",
          expected: "expected an unedited neoplan plan (use a BoM CSV for edited prices)")
      }
      extended = written
    }
    var conversion: Conversion?
    if let rate = line["fxRate"] {
      let sourceCurrency = try line.required("sourceCurrency", expected: "a currency").string()
      conversion = Conversion(
        sourcePrice: try money(line.required("sourcePrice", expected: "a price"), currency: sourceCurrency),
        rate: ExchangeRate(
          from: sourceCurrency, to: currency, rate: try rate.decimal(maxFractionDigits: 12),
          asOf: try line.required("fxAsOf", expected: "YYYY-MM-DD").day(),
          source: try line.required("fxSource", expected: "where the rate comes from").string()))
    }
    return Line(
      category: try line["category"]?.string(), id: try line.required("id", expected: "a part id").string(),
      description: try line["description"]?.string(), role: try line["role"]?.string(),
      quantity: quantity, unitPrice: unit, extendedPrice: extended, source: try line["source"]?.string(),
      asOf: try line["asOf"]?.day(), confidence: try line["confidence"]?.string(),
      isSpare: try line["spare"]?.bool() ?? false, isStale: try line["stale"]?.bool(), conversion: conversion,
      note: try line["note"]?.string())
  }

  /// An amount exact to the cent.
  static func money(_ value: YAMLValue, currency: String) throws -> Money {
    guard let amount = Money(major: try value.decimal(maxFractionDigits: 2), currency: currency) else {
      throw value.error("the amount does not fit", expected: "expected a price such as 1234.50")
    }
    return amount
  }
}

extension PlanSummary.Finance {
  /// The `tco` and `returns` figures of a saved plan; `nil` when it has neither (saved before
  /// finance was written).
  static func read(_ document: YAMLValue, currency: String) throws -> PlanSummary.Finance? {
    let map = try document.mapping()
    guard let tcoValue = map["tco"], let returnsValue = map["returns"] else { return nil }
    let tco = try tcoValue.mapping()
    let returns = try returnsValue.mapping()
    let figureCurrency = try tco["currency"]?.string() ?? currency
    func number(_ value: YAMLValue?, digits: Int = 12) throws -> Decimal? {
      try value.map { try $0.decimal(maxFractionDigits: digits) }
    }
    func money(_ value: YAMLValue?) throws -> Money? {
      try value.map { try PlanSummary.money($0, currency: figureCurrency) }
    }
    var breakEven: [PlanSummary.BreakEven] = []
    for item in try returns["breakEven"]?.sequence() ?? [] {
      let entry = try item.mapping()
      breakEven.append(
        PlanSummary.BreakEven(
          targetIRR: try entry.required("targetIRR", expected: "a fraction").decimal(maxFractionDigits: 12),
          startRatePerGPUHour: try number(entry["startRatePerGPUHour"])))
    }
    return PlanSummary.Finance(
      currency: figureCurrency,
      capex: try PlanSummary.money(
        tco.required("capex", expected: "the capex, e.g. 1234.50"), currency: figureCurrency),
      total: try money(tco["total"]), tcoPerGPUHour: try number(tco["tcoPerGPUHour"]),
      costPerGPUHour: try number(tco["costPerGPUHour"]), projectIRR: try number(returns["projectIRR"]),
      projectIRRReason: try returns["projectIRRReason"]?.string(), equityIRR: try number(returns["equityIRR"]),
      equityIRRReason: try returns["equityIRRReason"]?.string(), npv: try money(returns["npv"]),
      moic: try number(returns["moic"]), paybackMonths: try returns["paybackMonths"]?.int(),
      discountRate: try number(returns["discountRate"]), breakEven: breakEven)
  }
}
