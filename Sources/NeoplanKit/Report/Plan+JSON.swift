extension Plan {
  /// JSON schema version of `neoplan plan --format json`.
  public static let schemaVersion = 1

  /// The deterministic JSON document (sorted keys, money in major units exact to the cent).
  public func json() -> JSONValue {
    let d = design
    var fabrics: [String: JSONValue] = [:]
    if let b = d.backend {
      let t = b.tree
      fabrics["backend"] = .object([
        "kind": .string(b.kind.rawValue),
        "design": .string(b.design.rawValue),
        "switchId": .string(spec.backend!.switchPart.id),
        "nicId": .string(spec.backend!.nic.id),
        "linkSpeedGbps": .int(b.linkSpeedGbps),
        "radix": .int(b.radix),
        "oversubscription": .string(b.oversubscription.description),
        "tiers": .int(t.tiers),
        "scalableUnits": .int(t.scalableUnits),
        "scalableUnitNodes": .int(t.scalableUnitNodes),
        "railsPerLeaf": .int(t.railsPerLeaf),
        "leafUplinks": .int(t.leafUplinks),
        "switches": .object([
          "leaf": .int(t.leaves.count), "spine": .int(t.spines.count), "core": .int(t.cores.count),
          "total": .int(t.switchCount),
        ]),
        "links": .object([
          "nodeToLeaf": .int(t.nodeToLeafLinks), "fabricManagerToLeaf": .int(t.fabricManagerLinks),
          "leafToSpine": .int(t.leafToSpineLinks), "spineToCore": .int(t.spineToCoreLinks),
          "copperNodeLinks": .int(b.copperNodeLinks),
        ]),
        "cables": .int(b.cables),
        "fiberCables": .int(b.fiberCables),
        "copperCables": .int(b.copperCables),
        "transceivers": .object([
          "switchSide": .int(b.switchSideTransceivers), "nodeSide": .int(b.nodeSideTransceivers),
          "fabricManagerSide": .int(b.fabricManagerTransceivers),
        ]),
        "nics": .int(b.nicCards),
        "perTier": .array(
          b.tiers.map { usage in
            .object([
              "tier": .string(usage.tier.rawValue), "switches": .int(usage.switches),
              "portsUsed": .int(usage.portsUsed), "portsAvailable": .int(usage.portsAvailable),
              "linksDown": .int(usage.linksDown), "linksUp": .int(usage.linksUp),
              "copperLinks": .int(usage.copperLinks), "transceivers": .int(usage.transceivers),
            ])
          }),
      ])
    } else {
      fabrics["backend"] = .object(["kind": .string("none")])
    }
    if let f = d.frontend {
      fabrics["frontend"] = .object([
        "kind": .string("ethernet"), "switchId": .string(spec.frontend!.switchPart.id),
        "portSpeedGbps": .int(spec.frontend!.portSpeedGbps), "portsPerNode": .int(spec.frontend!.portsPerNode),
        "endpoints": .int(f.endpoints), "tiers": .int(f.tiers),
        "switches": .object(["leaf": .int(f.leaves), "spine": .int(f.spines), "total": .int(f.switches)]),
        "links": .object(["endpointToLeaf": .int(f.endpointLinks), "leafToSpine": .int(f.leafToSpineLinks)]),
        "cables": .int(f.cables), "nics": .int(f.nicCards),
      ])
    } else {
      fabrics["frontend"] = .object(["kind": .string("none")])
    }
    fabrics["management"] = .object([
      "oob": .bool(spec.management.oob), "ports": .int(d.management.ports),
      "switches": .int(d.management.switches), "cables": .int(d.management.cables),
      "servers": .int(d.management.servers),
    ])
    let storage: JSONValue =
      d.storage.map {
        .object([
          "capacityPB": .decimal($0.capacityPB), "servers": .int($0.servers),
          "usableTB": .decimal($0.usableTB), "serverId": .string(spec.storage!.server.id),
        ])
      } ?? .null
    let f = d.facility
    let lines: [JSONValue] = bom.lines.map { line in
      var object: [String: JSONValue] = [
        "category": .string(line.category.rawValue), "id": .string(line.partID),
        "description": .string(line.description), "role": .string(line.role),
        "quantity": .int(line.quantity), "unitPrice": .money(line.unitPrice),
        "extendedPrice": .money(line.extendedPrice), "currency": .string(line.unitPrice.currency),
        "source": .string(line.source), "asOf": .string(line.asOf.description),
        "confidence": .string(line.confidence.rawValue), "spare": .bool(line.isSpare),
      ]
      if let rate = line.exchangeRate {
        object["sourcePrice"] = .money(line.sourcePrice)
        object["sourceCurrency"] = .string(line.sourcePrice.currency)
        object["fxRate"] = .number("\(rate.rate)")
        object["fxAsOf"] = .string(rate.asOf.description)
        object["fxSource"] = .string(rate.source)
      }
      if let note = line.note { object["note"] = .string(note) }
      return .object(object)
    }
    var document: [String: JSONValue] = [
      "schemaVersion": .int(Plan.schemaVersion),
      "name": .string(spec.name),
      "asOf": .string(spec.asOf.description),
      "compute": .object([
        "nodes": .int(d.nodes), "gpus": .int(d.gpus), "nodeId": .string(spec.compute.node.id),
        "gpusPerNode": .int(spec.compute.nodeSpecs.gpus), "gpuModel": .string(spec.compute.nodeSpecs.gpuModel),
      ]),
      "fabrics": .object(fabrics),
      "storage": storage,
      "facility": .object([
        "racks": .int(f.racks), "nodeRacks": .int(f.nodeRacks), "networkRacks": .int(f.networkRacks),
        "storageRacks": .int(f.storageRacks), "nodesPerRack": .int(f.nodesPerRack),
        "rackPowerBudgetKW": .decimal(spec.facility.rackPowerKW), "nodeRackKW": .decimal(f.nodeRackKW),
        "peakRackKW": .decimal(f.peakRackKW), "pdus": .int(f.pdus), "cooling": .string(f.cooling.rawValue),
        "rdhxUnits": .int(f.rdhxUnits), "cduUnits": .int(f.cduUnits), "itPowerKW": .decimal(f.itPowerKW),
        "itPowerTypicalKW": .decimal(f.itPowerTypicalKW), "pue": .decimal(f.pue),
        "facilityPowerKW": .decimal(f.facilityPowerKW), "warnings": .array(warnings.map { .string($0) }),
      ]),
      "bom": .object([
        "currency": .string(bom.currency), "total": .money(bom.total), "perNode": .money(bom.perNode),
        "perGPU": .money(bom.perGPU),
        "categories": .array(
          bom.categoryTotals.map { .object(["category": .string($0.category.rawValue), "total": .money($0.total)]) }),
        "fxRates": .array(
          spec.fxRates.map {
            .object([
              "from": .string($0.from), "to": .string($0.to), "rate": .number("\($0.rate)"),
              "asOf": .string($0.asOf.description), "source": .string($0.source),
            ])
          }),
        "lines": .array(lines),
      ]),
    ]
    document.merge(financeJSON()) { a, _ in a }
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
