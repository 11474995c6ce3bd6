import Foundation

extension FigureValue {
  /// The value as the plan's JSON writes it: counts as integers, other numbers as exact decimals.
  var json: JSONValue {
    switch self {
    case .measure(let measure):
      if measure.unit == .count, let int = Int(exactly: measure.value) { return .int(int) }
      return .number(measure.plainText)
    case .text(let text): return .string(text)
    case .flag(let flag): return .bool(flag)
    case .none: return .null
    }
  }
}

extension PlanSummary {
  /// The design sections of the plan document (`compute`, `fabrics`, `storage`, `facility`),
  /// with the per-tier rows and the warnings.
  func designJSON() -> [String: JSONValue] {
    var root: [String: JSONValue] = [:]
    for figure in design {
      insert(figure.value.json, at: figure.path.split(separator: ".").map(String.init)[...], into: &root)
    }
    if case .object(var fabrics)? = root["fabrics"], case .object(var backend)? = fabrics["backend"],
      backend["kind"] != .string("none")
    {
      backend["perTier"] = .array(
        backendTiers.map { row in .object(Dictionary(row.map { ($0.path, $0.value.json) }) { x, _ in x }) })
      fabrics["backend"] = .object(backend)
      root["fabrics"] = .object(fabrics)
    }
    if case .object(var facility)? = root["facility"] {
      facility["warnings"] = .array(warnings.map { .string($0) })
      root["facility"] = .object(facility)
    }
    return root
  }

  /// Sets `value` at the key path `keys` of `object`, making objects on the way.
  private func insert(_ value: JSONValue, at keys: ArraySlice<String>, into object: inout [String: JSONValue]) {
    guard let key = keys.first else { return }
    if keys.count == 1 {
      object[key] = value
      return
    }
    var child: [String: JSONValue] = [:]
    if case .object(let existing)? = object[key] { child = existing }
    insert(value, at: keys.dropFirst(), into: &child)
    object[key] = .object(child)
  }

  /// The `bom` object of the plan document.
  func bomJSON() -> JSONValue {
    let lines: [JSONValue] = bom.lines.map { line in
      var object: [String: JSONValue] = [
        "id": .string(line.id), "quantity": .int(line.quantity), "unitPrice": .money(line.unitPrice),
        "extendedPrice": .money(line.extendedPrice), "currency": .string(line.unitPrice.currency),
        "spare": .bool(line.isSpare),
      ]
      let optional: [String: JSONValue?] = [
        "category": line.category.map { .string($0) }, "description": line.description.map { .string($0) },
        "role": line.role.map { .string($0) }, "source": line.source.map { .string($0) },
        "asOf": line.asOf.map { .string($0.description) }, "confidence": line.confidence.map { .string($0) },
        "stale": line.isStale.map { .bool($0) }, "note": line.note.map { .string($0) },
      ]
      for (key, value) in optional { if let value { object[key] = value } }
      if let conversion = line.conversion {
        object["sourcePrice"] = .money(conversion.sourcePrice)
        object["sourceCurrency"] = .string(conversion.sourcePrice.currency)
        object["fxRate"] = .number("\(conversion.rate.rate)")
        object["fxAsOf"] = .string(conversion.rate.asOf.description)
        object["fxSource"] = .string(conversion.rate.source)
      }
      return .object(object)
    }
    return .object([
      "currency": .string(bom.currency), "total": .money(bom.total), "perNode": .money(bom.perNode),
      "perGPU": .money(bom.perGPU),
      "categories": .array(
        bom.categories.map { .object(["category": .string($0.category), "total": .money($0.total)]) }),
      "fxRates": .array(
        bom.fxRates.map {
          .object([
            "from": .string($0.from), "to": .string($0.to), "rate": .number("\($0.rate)"),
            "asOf": .string($0.asOf.description), "source": .string($0.source),
          ])
        }),
      "lines": .array(lines),
    ])
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

  /// The `returns.breakEven` list.
  func breakEvenJSON() -> JSONValue {
    .array(
      breakEven.map {
        .object([
          "targetIRR": json($0.targetIRR), "startRatePerGPUHour": json($0.startRatePerGPUHour),
          "reason": $0.startRatePerGPUHour == nil
            ? .string("revenue does not depend on the market price (zero utilization, or every GPU on contract)")
            : .null,
        ])
      })
  }
}
