import Foundation

extension FigureValue {
  /// `Int(exactly:)` of a count, quickly for the usual case: a decimal without fraction digits
  /// (exponent ≥ 0) whose `Int64` value converts back to it exactly; anything else goes the long
  /// way through its text (start-up: the text costs ~14 k instructions a figure, this ~0.6 k).
  static func wholeNumber(_ value: Decimal) -> Int? {
    if !value.isNaN, value.exponent >= 0 {
      let candidate = Int(NSDecimalNumber(decimal: value).int64Value)
      if Decimal(candidate) == value { return candidate }
    }
    return Int(exactly: value)
  }

  /// The value as the plan's JSON writes it: counts as integers, other numbers as exact decimals.
  var json: JSONValue {
    switch self {
    case .measure(let measure):
      if measure.unit == .count, let int = Self.wholeNumber(measure.value) { return .int(int) }
      return .number(measure.plainText)
    case .text(let text): return .string(text)
    case .flag(let flag): return .bool(flag)
    case .none: return .null
    }
  }
}

/// The design sections of a plan document as the JSON writer walks them: every figure's path cut
/// into its keys once, with the lists kept apart (the backend's per-tier rows, the warnings) at
/// their places, all in key order.
struct PlanDesignLayout {
  /// What a member holds: a figure, or one of the lists kept apart.
  private enum Entry {
    case figure(FigureValue)
    case tiers
    case warnings
  }

  private let summary: PlanSummary
  /// Every member, by path in key order (the summary's order, sections apart).
  private var entries: [(keys: [Substring], entry: Entry)] = []

  /// The layout of `summary`'s design: the per-tier rows go to `fabrics.backend.perTier` unless
  /// the backend kind is `none`, the warnings to `facility.warnings` when there is a `facility`.
  init(_ summary: PlanSummary) {
    self.summary = summary
    entries = summary.design.map { (Self.keys($0.path), .figure($0.value)) }
    if summary.figure("fabrics.backend.kind") != .text("none"),
      summary.design.contains(where: { $0.path.hasPrefix("fabrics.backend.") })
    {
      insert("fabrics.backend.perTier", .tiers)
    }
    if summary.design.contains(where: { $0.path.hasPrefix("facility.") }) { insert("facility.warnings", .warnings) }
  }

  /// A dotted path's keys, cut at each `.` found in its UTF-8 bytes (`split` on the characters
  /// costs ~10 k instructions a path, on the `UTF8View` ~5 k).
  private static func keys(_ path: String) -> [Substring] {
    var keys: [Substring] = []
    keys.reserveCapacity(4)  // a design path has at most four keys: one allocation
    var start = path.startIndex
    while let dot = path.utf8[start...].firstIndex(of: UInt8(ascii: ".")) {
      keys.append(path[start..<dot])
      start = path.utf8.index(after: dot)
    }
    keys.append(path[start...])
    return keys
  }

  private mutating func insert(_ path: String, _ entry: Entry) {
    let keys = Self.keys(path)
    let section = keys.first
    let index =
      entries.firstIndex { $0.keys.first == section && keys.lexicographicallyPrecedes($0.keys) }
      ?? entries.lastIndex { $0.keys.first == section }.map { $0 + 1 } ?? entries.endIndex
    entries.insert((keys, entry), at: index)
  }

  /// Writes the design section `section` (`compute`, `fabrics`, `storage` or `facility`) as a
  /// member of the open object, its figures as nested objects; nothing when the summary has no
  /// figure in it.
  func write<W: JSONWriter>(section: String, into w: inout W) {
    var open: [Substring] = []  // the keys of the open objects, outermost first
    for (keys, entry) in entries where keys.first == section[...] {
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
        for row in summary.backendTiers {
          w.object { w in for figure in row { w.field(figure.path, figure.value.json) } }
        }
        w.endArray()
      case .warnings:
        w.beginArray()
        for warning in summary.warnings { w.value(.string(warning)) }
        w.endArray()
      }
    }
    for _ in open { w.endObject() }
  }
}

extension PlanSummary {
  /// The members of the `bom` object of the plan document.
  func writeBoM<W: JSONWriter>(into w: inout W) {
    w.objects("categories", bom.categories) { w, category in
      w.field("category", .string(category.category))
      w.field("total", money: category.total)
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
      w.field("extendedPrice", money: line.extendedPrice)
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
        w.field("sourcePrice", money: conversion.sourcePrice)
      }
      w.field("spare", .bool(line.isSpare))
      optional("stale", line.isStale.map { .bool($0) })
      w.field("unitPrice", money: line.unitPrice)
    }
    w.field("perGPU", money: bom.perGPU)
    w.field("perNode", money: bom.perNode)
    w.field("total", money: bom.total)
  }
}

extension PlanSummary.Finance {
  /// A money figure, or null.
  func json(_ value: Money?) -> JSONValue { value.map(JSONValue.money) ?? .null }

  /// A fraction, rate or multiple as its exact decimal, or null.
  func json(_ value: Decimal?) -> JSONValue { value.map { .number(Measure.plain($0)) } ?? .null }

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
