import Foundation

extension FigureValue {
  /// The value as the plan's JSON writes it: counts as integers, other numbers as exact decimals.
  var json: JSONValue {
    switch self {
    case .measure(let measure):
      let text = measure.plainText
      if measure.unit == .count, let int = Int(text) { return .int(int) }  // `Int(exactly:)`
      return .number(text)
    case .text(let text): return .string(text)
    case .flag(let flag): return .bool(flag)
    case .none: return .null
    }
  }
}

extension PlanSummary {
  /// One member of a design section: a figure at its key path, or one of the lists kept apart.
  private enum DesignEntry {
    case figure(FigureValue)
    case tiers
    case warnings
  }

  /// Writes the design section `section` (`compute`, `fabrics`, `storage` or `facility`) as a
  /// member of the open object: its figures as nested objects in key order, with the backend's
  /// per-tier rows (`fabrics.backend.perTier`, unless the backend kind is `none`) and the warnings
  /// (`facility.warnings`). Nothing when the summary has no figure in the section.
  func writeDesignSection<W: JSONWriter>(_ section: String, into w: inout W) {
    var entries: [(keys: [Substring], entry: DesignEntry)] = []
    for figure in design {
      let keys = figure.path.split(separator: ".")
      if keys.first == section[...] { entries.append((keys, .figure(figure.value))) }
    }
    guard !entries.isEmpty else { return }
    func insert(_ path: String, _ entry: DesignEntry) {
      let keys = path.split(separator: ".")
      let index = entries.firstIndex { keys.lexicographicallyPrecedes($0.keys) } ?? entries.endIndex
      entries.insert((keys, entry), at: index)
    }
    if section == "fabrics", figure("fabrics.backend.kind") != .text("none"),
      design.contains(where: { $0.path.hasPrefix("fabrics.backend.") })
    {
      insert("fabrics.backend.perTier", .tiers)
    }
    if section == "facility" { insert("facility.warnings", .warnings) }
    var open: [Substring] = []  // the keys of the open objects, outermost first
    for (keys, entry) in entries {
      var shared = 0
      while shared < open.count, shared < keys.count - 1, open[shared] == keys[shared] { shared += 1 }
      while open.count > shared {
        w.endObject()
        open.removeLast()
      }
      for key in keys[shared..<(keys.count - 1)] {
        w.key(String(key))
        w.beginObject()
        open.append(key)
      }
      w.key(String(keys[keys.count - 1]))
      switch entry {
      case .figure(let value): w.value(value.json)
      case .tiers:
        w.beginArray()
        for row in backendTiers {
          w.object { w in for figure in row { w.field(figure.path, figure.value.json) } }
        }
        w.endArray()
      case .warnings:
        w.beginArray()
        for warning in warnings { w.value(.string(warning)) }
        w.endArray()
      }
    }
    for _ in open { w.endObject() }
  }

  /// The members of the `bom` object of the plan document.
  func writeBoM<W: JSONWriter>(into w: inout W) {
    w.objects("categories", bom.categories) { w, category in
      w.field("category", .string(category.category))
      w.field("total", .money(category.total))
    }
    w.field("currency", .string(bom.currency))
    w.objects("fxRates", bom.fxRates) { w, rate in
      w.field("asOf", .string(rate.asOf.description))
      w.field("from", .string(rate.from))
      w.field("rate", .number("\(rate.rate)"))
      w.field("source", .string(rate.source))
      w.field("to", .string(rate.to))
    }
    w.objects("lines", bom.lines) { w, line in
      func optional(_ key: String, _ value: JSONValue?) { if let value { w.field(key, value) } }
      optional("asOf", line.asOf.map { .string($0.description) })
      optional("category", line.category.map { .string($0) })
      optional("confidence", line.confidence.map { .string($0) })
      w.field("currency", .string(line.unitPrice.currency))
      optional("description", line.description.map { .string($0) })
      w.field("extendedPrice", .money(line.extendedPrice))
      if let conversion = line.conversion {
        w.field("fxAsOf", .string(conversion.rate.asOf.description))
        w.field("fxRate", .number("\(conversion.rate.rate)"))
        w.field("fxSource", .string(conversion.rate.source))
      }
      w.field("id", .string(line.id))
      optional("note", line.note.map { .string($0) })
      w.field("quantity", .int(line.quantity))
      optional("role", line.role.map { .string($0) })
      optional("source", line.source.map { .string($0) })
      if let conversion = line.conversion {
        w.field("sourceCurrency", .string(conversion.sourcePrice.currency))
        w.field("sourcePrice", .money(conversion.sourcePrice))
      }
      w.field("spare", .bool(line.isSpare))
      optional("stale", line.isStale.map { .bool($0) })
      w.field("unitPrice", .money(line.unitPrice))
    }
    w.field("perGPU", .money(bom.perGPU))
    w.field("perNode", .money(bom.perNode))
    w.field("total", .money(bom.total))
  }
}

extension PlanSummary.Finance {
  /// A money figure, or null.
  func json(_ value: Money?) -> JSONValue { value.map(JSONValue.money) ?? .null }

  /// A fraction, rate or multiple as its exact decimal, or null.
  func json(_ value: Decimal?) -> JSONValue { value.map { .number(NumberFormat.plain($0)) } ?? .null }

  /// A whole number (a month), or null.
  func json(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }

  /// A reason, or null.
  func json(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// The `returns.breakEven` list, as a member.
  func writeBreakEven<W: JSONWriter>(into w: inout W) {
    w.objects("breakEven", breakEven) { w, point in
      w.field(
        "reason",
        point.startRatePerGPUHour == nil
          ? .string("revenue does not depend on the market price (zero utilization, or every GPU on contract)")
          : .null)
      w.field("startRatePerGPUHour", json(point.startRatePerGPUHour))
      w.field("targetIRR", json(point.targetIRR))
    }
  }
}
