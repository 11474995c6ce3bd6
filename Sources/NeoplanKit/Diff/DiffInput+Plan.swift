import Foundation

extension DiffInput {
  /// Top-level sections of a plan document that describe the design, in report order.
  static let designSections = ["compute", "fabrics", "storage", "facility"]

  /// Reads a saved plan (`neoplan plan --format json`), with located errors.
  static func plan(_ document: YAMLValue, file: String) throws -> DiffInput {
    let map = try document.mapping()
    let versionValue = try map.required("schemaVersion", expected: "schemaVersion: \(Plan.schemaVersion)")
    guard try versionValue.int() == Plan.schemaVersion else {
      throw versionValue.error(
        "unsupported plan schemaVersion", expected: "expected \(Plan.schemaVersion) (neoplan plan --format json)")
    }
    let bom = try map.required("bom", expected: "the bill of materials (bom.lines)").mapping()
    let currency = try bom.required("currency", expected: "an ISO 4217 code").string()
    var lines: [DiffInputLine] = []
    for item in try bom.required("lines", expected: "a list of BoM lines").sequence() {
      let line = try item.mapping()
      let lineCurrency = try line["currency"]?.string() ?? currency
      func money(_ key: String) throws -> Money {
        let value = try line.required(key, expected: "a price such as 1234.50")
        guard let amount = Money(major: try value.decimal(maxFractionDigits: 2), currency: lineCurrency) else {
          throw value.error("the amount does not fit", expected: "expected a price such as 1234.50")
        }
        return amount
      }
      let unit = try money("unitPrice")
      guard lineCurrency == currency else {
        throw (line["currency"] ?? item).error(
          "line priced in \(lineCurrency), the plan in \(currency)", expected: "expected \(currency)")
      }
      let quantityValue = try line.required("quantity", expected: "a whole number")
      let quantity = try quantityValue.int()
      guard DiffInput.fits(quantity: quantity, unit: unit) else {
        throw quantityValue.error(
          "\(quantity) × \(unit.plainString) is too large", expected: "expected at most 10000000 units and 10^15 a line"
        )
      }
      var parsed = DiffInputLine(
        partID: try line.required("id", expected: "a part id").string(), partNumber: nil,
        description: try line["description"]?.string() ?? "", category: try line["category"]?.string(),
        quantity: quantity, unitPrice: unit, isSpare: try line["spare"]?.bool() ?? false, location: item.location)
      if line["extendedPrice"] != nil {
        let extended = try money("extendedPrice")
        if extended != parsed.extendedPrice {
          throw line["extendedPrice"]!.error(
            "extended price \(extended.plainString) is not quantity × unit price (\(parsed.extendedPrice.plainString))",
            expected: "expected an unedited neoplan plan (use a BoM CSV for edited prices)")
        }
        parsed.extendedPrice = extended
      }
      lines.append(parsed)
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
    let compute = try map["compute"]?.mapping()
    var designTree: [String: JSONValue] = [:]
    for section in designSections {
      if let value = map[section] {
        designTree[section] = jsonValue(value)
      } else if map.entries.contains(where: { $0.key == section }) {
        designTree[section] = .null
      }
    }
    let finance = try FinanceFigures.read(document, currency: currency)
    return DiffInput(
      kind: .plan, file: file, name: try map["name"]?.string(), currency: currency, lines: lines,
      nodes: try compute?["nodes"]?.int(), gpus: try compute?["gpus"]?.int(), fxRates: rates,
      design: flattenDesign(.object(designTree)), specFields: nil, finance: finance)
  }

  /// A YAML/JSON node as a `JSONValue`: plain scalars that read as numbers or booleans become
  /// numbers or booleans, the rest strings.
  static func jsonValue(_ value: YAMLValue) -> JSONValue {
    switch value.node {
    case .mapping(let pairs):
      var object: [String: JSONValue] = [:]
      for (key, child) in pairs {
        object[key.string ?? ""] = jsonValue(YAMLValue(node: child, file: value.file, path: value.path))
      }
      return .object(object)
    case .sequence(let items):
      return .array(items.map { jsonValue(YAMLValue(node: $0, file: value.file, path: value.path)) })
    case .scalar(let scalar):
      if value.isNull { return .null }
      guard scalar.style == .plain else { return .string(scalar.string) }
      if scalar.string == "true" { return .bool(true) }
      if scalar.string == "false" { return .bool(false) }
      if let int = Int(scalar.string) { return .int(int) }
      if Decimal(string: scalar.string, locale: Locale(identifier: "en_US_POSIX")) != nil,
        scalar.string.allSatisfy({ "0123456789.-+eE".contains($0) })
      {
        return .number(scalar.string)
      }
      return .string(scalar.string)
    case .alias:
      return .null
    }
  }

  /// The design sections of a plan document (`compute`, `fabrics`, `storage`, `facility`) as
  /// dotted paths with their values; lists (warnings) are left out.
  static func flattenDesign(_ plan: JSONValue) -> [FieldValue] {
    guard case .object(let root) = plan else { return [] }
    var values: [FieldValue] = []
    func walk(_ value: JSONValue, _ path: String) {
      switch value {
      case .object(let members):
        for key in members.keys.sorted() { walk(members[key]!, "\(path).\(key)") }
      case .array: break
      case .string(let s): values.append(FieldValue(path: path, value: s))
      case .int(let n): values.append(FieldValue(path: path, value: String(n)))
      case .number(let s): values.append(FieldValue(path: path, value: s))
      case .bool(let b): values.append(FieldValue(path: path, value: b ? "true" : "false"))
      case .null: values.append(FieldValue(path: path, value: "none"))
      }
    }
    for section in designSections {
      if let value = root[section] { walk(value, section) }
    }
    return values
  }

  /// The resolved spec (defaults applied, parts resolved) as dotted spec keys with their values.
  static func specFields(_ spec: ClusterSpec) -> [FieldValue] {
    var fields: [FieldValue] = []
    func add(_ path: String, _ value: CustomStringConvertible?) {
      fields.append(FieldValue(path: path, value: value.map { "\($0)" } ?? "none"))
    }
    func number(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 3, trimZeros: true) }
    add("as_of", spec.asOf)
    add("currency", spec.currency)
    add("fx", spec.fxRates.isEmpty ? "none" : spec.fxRates.map { "\($0.from)=\($0.rate)" }.joined(separator: ", "))
    add("compute.node", spec.compute.node.id)
    add("compute.nodes", spec.compute.nodes)
    if let b = spec.backend {
      add("backend.kind", b.kind.rawValue)
      add("backend.design", b.design.rawValue)
      add("backend.switch", b.switchPart.id)
      add("backend.nic", b.nic.id)
      add("backend.nics_included", b.nicsIncluded)
      add("backend.oversubscription", b.oversubscription)
      add("backend.scalable_unit_nodes", b.scalableUnitNodes)
      add("backend.fabric_manager_ports", b.fabricManagerPorts)
      add("backend.planes", b.planes)
      add("backend.cabling", b.cabling.rawValue)
      add("backend.optics", b.optics.rawValue)
      add("backend.switch_transceiver", b.switchTransceiver.id)
      add("backend.node_transceiver", b.nodeTransceiver.id)
      add("backend.fiber", b.fiber.id)
      add("backend.copper_cable", b.copperCable.id)
    } else {
      add("backend", "none")
    }
    if let f = spec.frontend {
      add("frontend.switch", f.switchPart.id)
      add("frontend.nic", f.nic?.id)
      add("frontend.ports_per_node", f.portsPerNode)
      add("frontend.port_speed_gbps", f.portSpeedGbps)
      add("frontend.oversubscription", f.oversubscription)
      add("frontend.cable", f.cable.id)
    } else {
      add("frontend", "none")
    }
    if let s = spec.storage {
      add("storage.capacity_pb", number(s.capacityPB))
      add("storage.server", s.server.id)
      add("storage.software", s.software?.id)
    } else {
      add("storage", "none")
    }
    let m = spec.management
    add("management.oob", m.oob)
    add("management.switch", m.switchPart.id)
    add("management.cable", m.cable.id)
    add("management.servers", m.servers)
    add("management.server", m.server.id)
    let f = spec.facility
    add("facility.rack", f.rack.id)
    add("facility.rack_power_kw", number(f.rackPowerKW))
    add("facility.cooling", f.cooling.rawValue)
    add("facility.air_cooling_limit_kw", number(f.airCoolingLimitKW))
    add("facility.pue", number(f.pue))
    add("facility.pdu", f.pdu.id)
    add("facility.rdhx", f.rdhx.id)
    add("facility.cdu", f.cdu.id)
    add("spares.nodes_percent", spec.spares.nodesPercent)
    add("spares.switches_percent", spec.spares.switchesPercent)
    add("spares.optics_percent", spec.spares.opticsPercent)
    add("spares.cables_percent", spec.spares.cablesPercent)
    add("software", spec.software.isEmpty ? "none" : spec.software.map(\.id).joined(separator: ", "))
    add("services", spec.services.isEmpty ? "none" : spec.services.map(\.id).joined(separator: ", "))
    return fields
  }
}
