import Foundation

/// Reads the kind-specific `specs:` mapping, tracking which keys were used.
struct SpecsReader {
  let mapping: YAMLMapping
  let allowed: [String]

  init(_ value: YAMLValue, allowed: [String]) throws {
    self.mapping = try value.mapping()
    self.allowed = allowed
    try mapping.rejectUnknownKeys(allowed)
  }

  func req(_ key: String, _ expected: String) throws -> YAMLValue {
    try mapping.required(key, expected: expected)
  }

  func int(_ key: String, min: Int = 0) throws -> Int {
    let value = try req(key, "a whole number")
    let number = try value.int()
    guard number >= min else { throw value.error("\(number) is too small", expected: "expected at least \(min)") }
    return number
  }

  func optionalInt(_ key: String) throws -> Int? {
    guard let value = mapping[key] else { return nil }
    let number = try value.int()
    guard number >= 0 else { throw value.error("\(number) is negative", expected: "expected 0 or more") }
    return number
  }

  func double(_ key: String) throws -> Double {
    let value = try req(key, "a number")
    let number = try value.double()
    guard number > 0 else { throw value.error("\(number) is not positive", expected: "expected a number above 0") }
    return number
  }

  func power() throws -> PowerDraw {
    let typical = try int("power_typical_w")
    let max = try int("power_max_w")
    guard max >= typical else {
      throw try req("power_max_w", "").error(
        "maximum power \(max) W is below typical power \(typical) W",
        expected: "expected power_max_w ≥ power_typical_w")
    }
    return PowerDraw(typicalW: typical, maxW: max)
  }

  func optionalPower() throws -> PowerDraw {
    let typical = try optionalInt("power_typical_w") ?? 0
    let max = try optionalInt("power_max_w") ?? typical
    return PowerDraw(typicalW: typical, maxW: max)
  }

  func fabrics(_ key: String) throws -> [FabricKind] {
    let list = try req(key, "a list such as [infiniband, ethernet]").sequence()
    guard !list.isEmpty else {
      throw try req(key, "").error("empty list", expected: "expected at least one fabric")
    }
    return try list.map { try $0.oneOf(FabricKind.self) }
  }

  func oneOf<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E
  where E.RawValue == String {
    let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
    return try req(key, "one of \(allowed)").oneOf(type)
  }

  func string(_ key: String) throws -> String { try req(key, "a string").string() }

  func media(_ key: String, _ allowed: [String]) throws -> String {
    let value = try req(key, "one of \(allowed.joined(separator: ", "))")
    let text = try value.string()
    guard allowed.contains(text) else {
      var hint = "expected one of \(allowed.joined(separator: ", "))"
      if let guess = closestMatch(to: text, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
      throw value.error("'\(text)' is not allowed", expected: hint)
    }
    return text
  }
}

extension Part {
  static let topLevelKeys = [
    "id", "kind", "vendor", "model", "part_number", "oem_part_numbers", "description", "specs", "price",
    "spec_sources",
  ]

  /// Decodes one catalog entry, with located errors.
  static func decode(_ value: YAMLValue) throws -> Part {
    let map = try value.mapping()
    try map.rejectUnknownKeys(topLevelKeys)
    let idValue = try map.required("id", expected: "a part id such as nvidia-qm9700")
    let id = try idValue.string()
    guard id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
      id.first?.isLetter == true
    else {
      throw idValue.error(
        "'\(id)' is not a valid part id",
        expected: "expected lowercase letters, digits and '-', starting with a letter")
    }
    let kind = try map.required("kind", expected: "a part kind").oneOf(PartKind.self)
    let vendor = try map.required("vendor", expected: "the vendor's name").string()
    let model = try map.required("model", expected: "the model name").string()
    let partNumber = try map["part_number"]?.string()
    let oemPartNumbers = try decodeOEMPartNumbers(map["oem_part_numbers"])
    let description = try map["description"]?.string()
    let specsValue = try map.required("specs", expected: "the part's specs (see docs/catalog.md)")
    let specs = try decodeSpecs(kind: kind, specsValue)
    let price = try decodePrice(try map.required("price", expected: "a price block"))
    let sources = try map["spec_sources"]?.sequence().map { try $0.string() } ?? []
    return Part(
      id: id, kind: kind, vendor: vendor, model: model, partNumber: partNumber,
      oemPartNumbers: oemPartNumbers, description: description, specs: specs, price: price, specSources: sources,
      location: value.location)
  }

  /// `oem_part_numbers: [{vendor: Supermicro, number: SYS-821GE-TNHR}, …]`: the numbers real
  /// quotes use for this part, several where OEMs differ.
  static func decodeOEMPartNumbers(_ value: YAMLValue?) throws -> [OEMPartNumber] {
    guard let value else { return [] }
    return try value.sequence().map { item in
      let map = try item.mapping()
      try map.rejectUnknownKeys(["vendor", "number"])
      let vendor = try map.required("vendor", expected: "the OEM's name, e.g. Supermicro").string()
      let number = try map.required("number", expected: "the OEM's part number, e.g. SYS-821GE-TNHR").string()
      return OEMPartNumber(vendor: vendor, number: number)
    }
  }

  static func decodePrice(_ value: YAMLValue) throws -> Price {
    let map = try value.mapping()
    try map.rejectUnknownKeys(["amount", "currency", "as_of", "source", "source_date", "confidence", "note"])
    let amountValue = try map.required("amount", expected: "the price per unit, e.g. 36000.00")
    let amount = try amountValue.decimal(maxFractionDigits: 2)
    guard amount >= 0 else { throw amountValue.error("negative price", expected: "expected 0 or more") }
    let currencyValue = try map.required("currency", expected: "an ISO 4217 code such as USD")
    let currency = try currencyValue.string()
    guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw currencyValue.error(
        "'\(currency)' is not a currency code", expected: "expected 3 capital letters, e.g. USD")
    }
    let asOf = try map.required("as_of", expected: "the date of the price, YYYY-MM-DD").day()
    let source = try map.required("source", expected: "a URL or quote reference").string()
    let sourceDate = try map["source_date"]?.day()
    let confidence = try map.required("confidence", expected: "quoted, list or estimate").oneOf(
      PriceConfidence.self)
    let note = try map["note"]?.string()
    if confidence == .estimate && note == nil {
      throw InputError(
        Diagnostic(
          at: value.location, keyPath: "\(value.path).note", message: "an estimate needs a note",
          expected: "expected how the estimate was reached"))
    }
    guard let money = Money(major: amount, currency: currency) else {
      throw amountValue.error("amount out of range", expected: "expected a price below 10^15")
    }
    return Price(
      amount: money, asOf: asOf, source: source, confidence: confidence, note: note, sourceDate: sourceDate)
  }

  static func decodeSpecs(kind: PartKind, _ value: YAMLValue) throws -> PartSpecs {
    switch kind {
    case .gpuNode:
      return try decodeGPUNodeSpecs(value)
    case .rackSystem:
      return try decodeRackSystem(value)
    case .nic:
      return try decodeNICSpecs(value)
    case .switch:
      return try decodeSwitchSpecs(value)
    case .transceiver:
      return try decodeTransceiverSpecs(value)
    case .cable:
      return try decodeCableSpecs(value)
    case .rack:
      return try decodeRackSpecs(value)
    case .pdu:
      return try decodePDUSpecs(value)
    case .cooling:
      return try decodeCoolingSpecs(value)
    case .storage:
      return try decodeStorageSpecs(value)
    case .managementServer:
      return try decodeManagementServerSpecs(value)
    case .software, .service:
      let r = try SpecsReader(value, allowed: ["unit", "term_years", "fabric"])
      let specs = LicenceSpecs(
        unit: try r.oneOf("unit", PricingUnit.self), termYears: try r.optionalInt("term_years"),
        fabric: try r.mapping["fabric"]?.oneOf(FabricKind.self))
      return kind == .software ? .software(specs) : .service(specs)
    }
  }

  private static let partPowerKeys = ["power_typical_w", "power_max_w"]

  private static func decodeGPUNodeSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let powerKeys = partPowerKeys
    let r = try SpecsReader(
      value,
      allowed: [
        "gpus", "gpu_model", "gpu_memory_gb", "gpu_tdp_w", "compute_nics", "compute_nic_speed_gbps",
        "compute_nics_included", "compute_nic", "frontend_nics_included", "fabrics", "cooling",
        "rack_units",
      ] + powerKeys)
    return .gpuNode(
      GPUNodeSpecs(
        gpus: try r.int("gpus", min: 1), gpuModel: try r.string("gpu_model"),
        gpuMemoryGB: try r.optionalInt("gpu_memory_gb"), gpuTDPW: try r.optionalInt("gpu_tdp_w"),
        computeNICs: try r.int("compute_nics", min: 1),
        computeNICSpeedGbps: try r.int("compute_nic_speed_gbps", min: 1),
        computeNICsIncluded: try r.req("compute_nics_included", "true or false").bool(),
        computeNIC: try r.mapping["compute_nic"]?.string(),
        frontendNICsIncluded: try r.mapping["frontend_nics_included"]?.bool() ?? false,
        fabrics: try r.fabrics("fabrics"),
        cooling: try r.mapping["cooling"]?.oneOf(NodeCooling.self) ?? .air,
        rackUnits: try r.int("rack_units", min: 1), power: try r.power()))
  }

  private static func decodeNICSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let powerKeys = partPowerKeys
    let r = try SpecsReader(
      value, allowed: ["fabrics", "ports", "port_speed_gbps", "form_factor", "pcie", "port_modes"] + powerKeys)
    return .nic(
      NICSpecs(
        fabrics: try r.fabrics("fabrics"), ports: try r.int("ports", min: 1),
        portSpeedGbps: try r.int("port_speed_gbps", min: 1),
        formFactor: try r.oneOf("form_factor", FormFactor.self), power: try r.optionalPower(),
        portModes: try decodeNICPortModes(r.mapping["port_modes"])))
  }

  private static func decodeSwitchSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let powerKeys = partPowerKeys
    let r = try SpecsReader(
      value,
      allowed: ["fabric", "cages", "cage_form_factor", "port_modes", "rack_units", "managed", "co_packaged_optics"]
        + powerKeys)
    let modes = try r.req("port_modes", "a list of {speed_gbps, ports}").sequence().map { item in
      let m = try item.mapping()
      try m.rejectUnknownKeys(["speed_gbps", "ports"])
      let speed = try m.required("speed_gbps", expected: "a speed in Gb/s").int()
      let ports = try m.required("ports", expected: "a port count").int()
      guard speed > 0, ports > 0 else {
        throw item.error("speed and ports must be positive", expected: "expected e.g. {speed_gbps: 400, ports: 64}")
      }
      return PortMode(speedGbps: speed, ports: ports)
    }
    guard !modes.isEmpty else {
      throw try r.req("port_modes", "").error("no port modes", expected: "expected at least one {speed_gbps, ports}")
    }
    return .switch(
      SwitchSpecs(
        fabric: try r.oneOf("fabric", FabricKind.self), cages: try r.int("cages", min: 1),
        cageFormFactor: try r.oneOf("cage_form_factor", FormFactor.self), portModes: modes,
        rackUnits: try r.int("rack_units", min: 1), power: try r.power(),
        managed: try r.mapping["managed"]?.bool(),
        coPackagedOptics: try r.mapping["co_packaged_optics"]?.bool() ?? false))
  }

  private static func decodeTransceiverSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let powerKeys = partPowerKeys
    let r = try SpecsReader(
      value,
      allowed: [
        "form_factor", "ports", "port_speed_gbps", "media", "reach_m", "top", "connector",
      ] + powerKeys)
    if let top = r.mapping["top"] {
      let text = try top.string()
      guard ["finned", "flat"].contains(text) else {
        throw top.error("'\(text)' is not allowed", expected: "expected finned or flat")
      }
    }
    _ = try r.mapping["connector"]?.string()
    return .transceiver(
      TransceiverSpecs(
        formFactor: try r.oneOf("form_factor", FormFactor.self), ports: try r.int("ports", min: 1),
        portSpeedGbps: try r.int("port_speed_gbps", min: 1),
        media: try r.media("media", ["multimode", "singlemode"]),
        reachM: try r.int("reach_m", min: 1), top: try r.mapping["top"]?.string(),
        power: try r.optionalPower()))
  }

  private static func decodeCableSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let powerKeys = partPowerKeys
    let r = try SpecsReader(
      value, allowed: ["media", "length_m", "links", "port_speed_gbps", "connector"] + powerKeys)
    _ = try r.mapping["connector"]?.string()
    _ = try r.optionalInt("port_speed_gbps")
    return .cable(
      CableSpecs(
        media: try r.media("media", ["mmf", "smf", "dac", "acc", "aoc", "cat6"]),
        lengthM: try r.double("length_m"), links: max(1, try r.optionalInt("links") ?? 1),
        power: try r.optionalPower()))
  }

  private static func decodeRackSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let r = try SpecsReader(value, allowed: ["rack_units", "max_power_kw", "power_typical_w"])
    if r.mapping["max_power_kw"] != nil { _ = try r.double("max_power_kw") }
    _ = try r.optionalInt("power_typical_w")
    return .rack(RackSpecs(rackUnits: try r.int("rack_units", min: 1)))
  }

  private static func decodePDUSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let r = try SpecsReader(
      value, allowed: ["capacity_kw", "phases", "voltage_v", "amps", "outlets", "rack_units"])
    _ = try r.optionalInt("phases")
    _ = try r.optionalInt("voltage_v")
    _ = try r.optionalInt("amps")
    _ = try r.optionalInt("outlets")
    return .pdu(
      PDUSpecs(capacityKW: try r.double("capacity_kw"), rackUnits: try r.optionalInt("rack_units") ?? 0))
  }

  private static func decodeCoolingSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let powerKeys = partPowerKeys
    let r = try SpecsReader(value, allowed: ["method", "capacity_kw", "rack_units"] + powerKeys)
    return .cooling(
      CoolingSpecs(
        method: try r.oneOf("method", CoolingSpecs.Method.self),
        capacityKW: try r.double("capacity_kw"), power: try r.optionalPower(),
        rackUnits: try r.optionalInt("rack_units") ?? 0))
  }

  private static func decodeStorageSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let powerKeys = partPowerKeys
    let r = try SpecsReader(
      value,
      allowed: ["usable_tb", "min_servers", "nodes", "frontend_ports", "port_speed_gbps", "rack_units"]
        + powerKeys)
    return .storage(
      StorageSpecs(
        usableTB: try r.double("usable_tb"), minServers: try r.int("min_servers", min: 1),
        nodes: try r.mapping["nodes"] == nil ? 1 : r.int("nodes", min: 1),
        frontendPorts: try r.int("frontend_ports", min: 1),
        portSpeedGbps: try r.int("port_speed_gbps", min: 1),
        rackUnits: try r.int("rack_units", min: 1), power: try r.power()))
  }

  private static func decodeManagementServerSpecs(_ value: YAMLValue) throws -> PartSpecs {
    let powerKeys = partPowerKeys
    let r = try SpecsReader(
      value, allowed: ["frontend_ports", "port_speed_gbps", "rack_units"] + powerKeys)
    return .managementServer(
      ManagementServerSpecs(
        frontendPorts: try r.int("frontend_ports", min: 1),
        portSpeedGbps: try r.int("port_speed_gbps", min: 1),
        rackUnits: try r.int("rack_units", min: 1), power: try r.power()))
  }
}
