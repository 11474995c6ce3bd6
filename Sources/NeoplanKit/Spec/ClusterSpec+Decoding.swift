import Foundation

/// Default part ids from the embedded catalog (docs/spec.md lists them).
enum DefaultParts {
  static let infinibandSwitch = "nvidia-qm9700"
  static let ethernetSwitch = "nvidia-sn5600"
  static let infinibandNIC = "nvidia-cx7-400g-osfp-ib"
  static let ethernetNIC = "nvidia-cx7-400g-osfp-eth"
  /// 800G links have single-mode DR optics only in the catalog (twin-port 1.6T at the switch).
  static func switchTransceiver(_ media: OpticsMedia, speed: Int = 400) -> String {
    if speed >= 800 { return "nvidia-osfp-1p6t-2x800g-dr4" }
    return media == .multimode ? "nvidia-osfp-2x400g-sr8" : "nvidia-osfp-2x400g-dr8"
  }
  static func nodeTransceiver(_ media: OpticsMedia, _ form: FormFactor, speed: Int = 400, portsPerCage: Int = 1)
    -> String?
  {
    if form == .osfp && speed >= 800 { return "nvidia-osfp-800g-dr4-flat" }
    if form == .osfp && portsPerCage == 2 && speed == 400 {
      return media == .multimode ? "nvidia-osfp-2x400g-sr8-flat" : "nvidia-osfp-2x400g-dr8"
    }
    switch (form, media) {
    case (.qsfp56, .multimode): return "qsfp56-200g-sr4"
    case (.osfp, .multimode): return "nvidia-osfp-400g-sr4-flat"
    case (.osfp, .singlemode): return "nvidia-osfp-400g-dr4-flat"
    case (.qsfp112, .multimode): return "nvidia-qsfp112-400g-sr4"
    default: return nil
    }
  }
  static func fiber(_ media: OpticsMedia) -> String {
    media == .multimode ? "mpo12-apc-mmf-30m" : "mpo12-apc-smf-100m"
  }
  static let copperCable = "nvidia-acc-osfp-2x400g-5m"
  static func frontend(speed: Int) -> (switchID: String, nic: String, cable: String)? {
    switch speed {
    case 100: return ("nvidia-sn4600c", "nvidia-cx6dx-2x100g", "aoc-qsfp28-100g-10m")
    case 200: return ("nvidia-sn5400", "nvidia-cx7-2x200g-qsfp112", "aoc-qsfp56-200g-10m")
    default: return nil
    }
  }
  static let storageServer = "storage-allflash-node"
  static let storageSoftware = "storage-software-per-pb"
  static let oobSwitch = "nvidia-sn2201"
  static let oobCable = "cat6-3m"
  static let managementServer = "mgmt-server-1u"
  static let rack = "rack-48u"
  static let pdu = "pdu-415v-60a-3ph"
  static let rdhx = "rdhx-active-75kw"
  static let cdu = "cdu-inrow-1200kw"
  static let infinibandSoftware = ["nvidia-ufm-enterprise"]
  static let services = ["install-integration-per-node", "network-install-per-switch"]
}

/// Spec limits neoplan sizes correctly.
public enum SpecLimits {
  /// Smallest cluster, in nodes.
  public static let minNodes = 8
  /// Largest cluster, in nodes.
  public static let maxNodes = 512
  /// Racks of a rack-scale system (`nodes:` counts racks): one rack is already a 72-GPU system
  /// that is bought alone; 64 racks (4,608 GPUs) is eight 8-rack scalable units, the scale the
  /// 512-node limit covers for 8-GPU nodes (4,096 GPUs). docs/spec.md explains it.
  public static let rackSystems = 1...64
}

extension ClusterSpec {
  /// Top-level keys of a spec file.
  static let topLevelKeys = [
    "name", "as_of", "currency", "fx", "compute", "backend", "frontend", "storage", "management",
    "facility", "spares", "software", "services", "finance", "quote", "risk", "optimize",
  ]

  /// Parses and validates a spec (YAML or JSON) against `catalog`.
  public static func parse(_ text: String, file: String, catalog: Catalog) throws -> ClusterSpec {
    guard let root = try YAMLValue.parse(text, file: file, bounded: true) else {
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: "empty spec",
          expected: "expected at least compute.node and compute.nodes (see docs/spec.md)"))
    }
    var decoder = SpecDecoder(catalog: catalog, file: file)
    return try decoder.decode(root)
  }

  /// Loads a spec file.
  public static func load(path: String, catalog: Catalog) throws -> ClusterSpec {
    let text = try InputText.read(path: path, what: "spec file")
    if path.lowercased().hasSuffix(".json") {
      do {
        try JSONSyntax.check(text)
      } catch {
        throw InputError(
          Diagnostic(
            at: SourceLocation(file: path, line: error.line, column: error.column), keyPath: "",
            message: "invalid JSON: \(error.message)", expected: "a JSON object (RFC 8259)"))
      }
    }
    return try parse(text, file: path, catalog: catalog)
  }
}

/// Decodes the spec tree with located errors; remembers where each key was written.
struct SpecDecoder {
  let catalog: Catalog
  let file: String
  var locations: [String: SourceLocation] = [:]

  init(catalog: Catalog, file: String) {
    self.catalog = catalog
    self.file = file
  }

  mutating func section(_ root: YAMLMapping, _ key: String, allowed: [String]) throws -> YAMLMapping? {
    guard let value = root[key] else { return nil }
    let map = try value.mapping()
    try map.rejectUnknownKeys(allowed)
    remember(map)
    return map
  }

  mutating func remember(_ map: YAMLMapping) {
    locations[map.owner.path] = map.owner.location
    for entry in map.entries { locations[entry.value.path] = entry.value.location }
  }

  func part(_ map: YAMLMapping?, _ key: String, default id: String?, kind: PartKind, context: String)
    throws -> Part
  {
    if let value = map?[key] {
      return try catalog.part(try value.string(), kind: kind, at: value)
    }
    guard let id else {
      let owner = map?.owner
      throw InputError(
        Diagnostic(
          at: owner?.location ?? SourceLocation(file: file, line: 1, column: 1),
          keyPath: (owner?.path ?? "").isEmpty ? key : "\(owner!.path).\(key)",
          message: "no default \(kind.rawValue) for \(context)",
          expected: "expected \(key): <\(kind.rawValue) part id>"))
    }
    guard let part = catalog[id], part.kind == kind else {
      throw InputError(
        Diagnostic(
          at: map?.owner.location ?? SourceLocation(file: file, line: 1, column: 1), keyPath: key,
          message: "the default \(kind.rawValue) '\(id)' is not in the catalog",
          expected: "expected \(key): <\(kind.rawValue) part id> or a catalog that defines '\(id)'"))
    }
    return part
  }

  func percent(_ map: YAMLMapping?, _ key: String, default value: Int) throws -> Int {
    guard let v = map?[key] else { return value }
    let n = try v.int()
    guard (0...100).contains(n) else { throw v.error("\(n) is out of range", expected: "expected 0…100") }
    return n
  }

  func positive(_ map: YAMLMapping?, _ key: String, default value: Double, max: Double? = nil) throws -> Double {
    guard let v = map?[key] else { return value }
    let n = try v.double()
    guard n > 0 else { throw v.error("\(n) must be above 0", expected: "expected a positive number") }
    if let max, n > max { throw v.error("\(n) is too large", expected: "expected at most \(max)") }
    return n
  }

  func oversubscription(_ map: YAMLMapping?, _ key: String) throws -> Oversubscription {
    guard let v = map?[key] else { return .nonBlocking }
    let text = try v.string()
    let pieces = text.split(separator: ":")
    guard pieces.count == 2, let down = Int(pieces[0]), let up = Int(pieces[1]), up > 0, down >= up, down <= 64 else {
      throw v.error(
        "'\(Truncated.text(text))' is not an oversubscription ratio",
        expected: "expected \"down:up\" with 64 ≥ down ≥ up ≥ 1, e.g. \"1:1\" or \"2:1\"")
    }
    return Oversubscription(down: down, up: up)
  }

  // swiftlint:disable:next function_body_length cyclomatic_complexity
  mutating func decode(_ rootValue: YAMLValue) throws -> ClusterSpec {
    let root = try rootValue.mapping()
    try root.rejectUnknownKeys(ClusterSpec.topLevelKeys)
    remember(root)

    let name = try root["name"]?.string() ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    let asOf = try root.required("as_of", expected: "the plan's as-of date, YYYY-MM-DD (prices are judged against it)")
      .day()
    let currencyValue = root["currency"]
    let currency = try currencyValue?.string() ?? "USD"
    if let currencyValue, !(currency.count == 3 && currency.allSatisfy({ $0.isASCII && $0.isUppercase })) {
      throw currencyValue.error(
        "'\(currency)' is not a currency code", expected: "expected 3 capital letters, e.g. USD")
    }

    var fxRates: [ExchangeRate] = []
    if let fxValue = root["fx"] {
      for item in try fxValue.sequence() {
        let m = try item.mapping()
        try m.rejectUnknownKeys(["from", "rate", "as_of", "source"])
        remember(m)
        let from = try m.required("from", expected: "the currency converted from, e.g. CNY").string()
        let rateValue = try m.required("rate", expected: "units of \(currency) per unit of \(from)")
        let rate = try rateValue.decimal(maxFractionDigits: 10)
        guard rate > 0 else { throw rateValue.error("rate must be above 0", expected: "expected a positive rate") }
        fxRates.append(
          ExchangeRate(
            from: from, to: currency, rate: rate,
            asOf: try m.required("as_of", expected: "the date of the rate").day(),
            source: try m.required("source", expected: "where the rate comes from").string()))
      }
    }

    // Compute
    guard let computeMap = try section(root, "compute", allowed: ["node", "nodes", "gpus"]) else {
      throw InputError(
        Diagnostic(
          at: rootValue.location, keyPath: "compute", message: "missing required section",
          expected: "expected compute: {node: <gpu-node id>, nodes: N}"))
    }
    let nodeValue = try computeMap.required("node", expected: "a gpu-node part id, e.g. hgx-h100-8gpu")
    let nodeID = try nodeValue.string()
    let node = try catalog.part(
      nodeID, kind: catalog[nodeID]?.kind == .rackSystem ? .rackSystem : .gpuNode, at: nodeValue)
    guard case .gpuNode(let nodeSpecs) = node.specs else { throw InternalError("gpu-node without specs") }
    let nodes: Int
    let countValue: YAMLValue
    switch (computeMap["nodes"], computeMap["gpus"]) {
    case (let n?, nil):
      countValue = n
      nodes = try n.int()
    case (nil, let g?):
      countValue = g
      let gpus = try g.int()
      guard gpus > 0, gpus % nodeSpecs.gpus == 0 else {
        throw g.error(
          "\(gpus) GPUs is not a whole number of \(node.id) nodes",
          expected: "expected a multiple of \(nodeSpecs.gpus)")
      }
      nodes = gpus / nodeSpecs.gpus
    case (.some, .some):
      throw try computeMap.required("gpus", expected: "").error(
        "give either nodes or gpus, not both", expected: "expected one of compute.nodes, compute.gpus")
    case (nil, nil):
      throw InputError(
        Diagnostic(
          at: computeMap.owner.location, keyPath: "compute.nodes", message: "missing required key",
          expected: "expected compute.nodes (or compute.gpus)"))
    }
    let limits = nodeSpecs.rackScale == nil ? SpecLimits.minNodes...SpecLimits.maxNodes : SpecLimits.rackSystems
    guard limits.contains(nodes) else {
      let unit = nodeSpecs.rackScale == nil ? "nodes" : "racks"
      throw countValue.error(
        "\(nodes) \(unit) is outside what neoplan sizes",
        expected:
          "expected \(limits.lowerBound)…\(limits.upperBound) \(unit) (\(limits.lowerBound * nodeSpecs.gpus)…\(limits.upperBound * nodeSpecs.gpus) GPUs)"
      )
    }
    let compute = ClusterSpec.Compute(node: node, nodeSpecs: nodeSpecs, nodes: nodes)

    // Backend
    let backendMap = try section(
      root, "backend",
      allowed: [
        "kind", "design", "switch", "nic", "oversubscription", "scalable_unit_nodes",
        "fabric_manager_ports", "cabling", "optics", "switch_transceiver", "node_transceiver", "fiber",
        "copper_cable", "planes", "link_speed_gbps",
      ])
    var backend: ClusterSpec.Backend?
    var speedWarnings: [PlanWarning] = []
    let kindText = try backendMap?["kind"]?.string() ?? "infiniband"
    if kindText != "none" {
      guard let kind = FabricKind(rawValue: kindText), kind != .management else {
        let v = backendMap!["kind"]!
        let allowed = ["infiniband", "ethernet", "none"]
        var hint = "expected one of infiniband, ethernet, none"
        if let guess = closestMatch(to: kindText, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
        throw v.error("'\(kindText)' is not a fabric kind", expected: hint)
      }
      if !nodeSpecs.fabrics.contains(kind) {
        throw (backendMap?["kind"] ?? nodeValue).error(
          "\(node.id) does not support \(kind.rawValue)",
          expected: "expected one of \(nodeSpecs.fabrics.map(\.rawValue).joined(separator: ", "))")
      }
      let design = try backendMap?["design"]?.oneOf(FabricDesign.self) ?? .fatTree
      let switchPart = try part(
        backendMap, "switch",
        default: kind == .infiniband ? DefaultParts.infinibandSwitch : DefaultParts.ethernetSwitch,
        kind: .switch, context: "the backend")
      guard case .switch(let switchSpecs) = switchPart.specs else { throw InternalError("switch specs") }
      if switchSpecs.fabric != kind {
        throw (backendMap?["switch"] ?? nodeValue).error(
          "\(switchPart.id) is \(withArticle(switchSpecs.fabric.rawValue)) switch, not \(kind.rawValue)",
          expected: "expected \(withArticle(kind.rawValue)) switch")
      }
      let nicsIncluded = nodeSpecs.computeNICsIncluded
      var nicID: String? = kind == .infiniband ? DefaultParts.infinibandNIC : DefaultParts.ethernetNIC
      if nicsIncluded, let included = nodeSpecs.computeNIC { nicID = included }
      let nic = try part(backendMap, "nic", default: nicID, kind: .nic, context: "the backend")
      guard case .nic(let nicSpecs) = nic.specs else { throw InternalError("nic specs") }
      if !nicSpecs.fabrics.contains(kind) {
        throw (backendMap?["nic"] ?? nodeValue).error(
          "\(nic.id) does not support \(kind.rawValue)",
          expected: "expected a NIC whose fabrics include \(kind.rawValue)")
      }
      if nicsIncluded, let included = nodeSpecs.computeNIC, included != nic.id, let v = backendMap?["nic"] {
        throw v.error(
          "\(node.id)'s price already includes its backend NICs (\(included))",
          expected: "expected nic: \(included), or a node without included NICs")
      }
      let link = try ClusterSpec.resolveBackendLink(
        kind: kind, node: nodeSpecs, nic: nic, nicSpecs: nicSpecs, switchPart: switchPart, switchSpecs: switchSpecs,
        requested: backendMap?["link_speed_gbps"], nicValue: backendMap?["nic"] ?? nodeValue,
        switchValue: backendMap?["switch"] ?? nodeValue)
      if link.speedGbps != nodeSpecs.computeNICSpeedGbps {
        speedWarnings.append(
          PlanWarning(
            "nic-speed",
            [
              "node": node.id, "speed": "\(nodeSpecs.computeNICSpeedGbps)", "nic": nic.id,
              "nicSpeed": "\(link.speedGbps)",
            ],
            text:
              "\(node.id) lists \(nodeSpecs.computeNICSpeedGbps) Gb/s backend NICs; the plan uses \(nic.id) at \(link.speedGbps) Gb/s (set backend.nic to change it)"
          ))
      }
      let optics = try backendMap?["optics"]?.oneOf(OpticsMedia.self) ?? .multimode
      if switchSpecs.coPackagedOptics, let v = backendMap?["switch_transceiver"] {
        throw v.error(
          "\(switchPart.id) has co-packaged optics: it takes no switch-side modules",
          expected: "expected no backend.switch_transceiver (fibre still runs to every port)")
      }
      let switchTransceiver = try part(
        backendMap, "switch_transceiver",
        default: switchSpecs.cageFormFactor == .osfp || switchSpecs.coPackagedOptics
          ? DefaultParts.switchTransceiver(optics, speed: link.speedGbps) : nil,
        kind: .transceiver, context: "\(switchSpecs.cageFormFactor.rawValue) switch cages")
      let nodeTransceiver = try part(
        backendMap, "node_transceiver",
        default: DefaultParts.nodeTransceiver(
          optics, nicSpecs.formFactor, speed: link.speedGbps,
          portsPerCage: link.railsPerFabricNode / max(1, link.cardsPerFabricNode)),
        kind: .transceiver, context: "\(nicSpecs.formFactor.rawValue) \(optics.rawValue) NIC ports")
      for (key, transceiver) in [("switch_transceiver", switchTransceiver), ("node_transceiver", nodeTransceiver)] {
        guard case .transceiver(let t) = transceiver.specs else { continue }
        let expectedForm = key == "switch_transceiver" ? switchSpecs.cageFormFactor : nicSpecs.formFactor
        if !t.formFactor.fits(expectedForm) && !(key == "switch_transceiver" && switchSpecs.coPackagedOptics) {
          throw (backendMap?[key] ?? nodeValue).error(
            "\(transceiver.id) is \(t.formFactor.rawValue), the cage is \(expectedForm.rawValue)",
            expected: "expected \(withArticle(expectedForm.rawValue)) transceiver")
        }
        if t.portSpeedGbps < link.speedGbps {
          throw (backendMap?[key] ?? nodeValue).error(
            "\(transceiver.id) runs \(t.portSpeedGbps) Gb/s ports, the link is \(link.speedGbps) Gb/s",
            expected: "expected a transceiver with \(link.speedGbps) Gb/s ports or faster")
        }
      }
      let suValue = backendMap?["scalable_unit_nodes"]
      let suNodes = try suValue?.int() ?? (nodeSpecs.rackScale == nil ? 32 : 8)
      guard suNodes >= 1 else { throw suValue!.error("must be at least 1", expected: "expected e.g. 32") }
      let fmValue = backendMap?["fabric_manager_ports"]
      let fmPorts = try fmValue?.int() ?? 0
      if fmPorts > 0 && kind != .infiniband {
        throw fmValue!.error(
          "fabric_manager_ports is for InfiniBand's subnet manager (UFM)",
          expected: "expected 0 (or no key) on an Ethernet fabric")
      }
      guard (0...link.railsPerFabricNode).contains(fmPorts) else {
        throw fmValue!.error(
          "\(fmPorts) fabric-manager ports",
          expected: "expected 0…\(link.railsPerFabricNode) (NVIDIA's UFM appliance uses 4)")
      }
      let planesValue = backendMap?["planes"]
      let planes = try planesValue?.int() ?? 1
      guard planes >= 1, planes <= 4, link.railsPerFabricNode % planes == 0 else {
        throw planesValue!.error(
          "\(planes) planes for \(link.railsPerFabricNode) backend ports per node",
          expected: "expected 1…4 planes that divide the node's \(link.railsPerFabricNode) backend ports")
      }
      backend = ClusterSpec.Backend(
        kind: kind, design: design, switchPart: switchPart, switchSpecs: switchSpecs, nic: nic,
        nicSpecs: nicSpecs, nicsIncluded: nicsIncluded, linkSpeedGbps: link.speedGbps,
        fabricNodesPerUnit: nodeSpecs.fabricNodesPerUnit, nicCardsPerFabricNode: link.cardsPerFabricNode,
        railsPerFabricNode: link.railsPerFabricNode,
        oversubscription: try oversubscription(backendMap, "oversubscription"),
        scalableUnitNodes: suNodes, fabricManagerPorts: fmPorts, planes: planes,
        cabling: try backendMap?["cabling"]?.oneOf(CablingPolicy.self) ?? .optics, optics: optics,
        switchTransceiver: switchTransceiver, nodeTransceiver: nodeTransceiver,
        fiber: try part(
          backendMap, "fiber", default: DefaultParts.fiber(link.speedGbps >= 800 ? .singlemode : optics), kind: .cable,
          context: "optical links"),
        copperCable: try part(
          backendMap, "copper_cable", default: DefaultParts.copperCable, kind: .cable, context: "copper links"))
    } else if let map = backendMap, map.entries.count > 1 {
      let extra = map.entries.first { $0.key != "kind" }!
      throw extra.keyValue.error(
        "'\(extra.key)' has no effect with kind: none", expected: "expected only kind: none, or a fabric kind")
    }

    // Frontend
    let frontendMap = try section(
      root, "frontend",
      allowed: ["kind", "switch", "nic", "ports_per_node", "port_speed_gbps", "oversubscription", "cable"])
    var frontend: ClusterSpec.Frontend?
    let frontendKind = try frontendMap?["kind"]?.string() ?? "ethernet"
    if frontendKind == "ethernet" {
      let speedValue = frontendMap?["port_speed_gbps"]
      // Rack-scale trays carry BlueField-3 at 2 × 200G for the frontend.
      let speed = try speedValue?.int() ?? (nodeSpecs.rackScale == nil ? 100 : 200)
      let defaults = DefaultParts.frontend(speed: speed)
      let perUnit = nodeSpecs.fabricNodesPerUnit
      let ports = try frontendMap?["ports_per_node"]?.int() ?? 2 * perUnit
      guard (1...8 * perUnit).contains(ports) else {
        throw frontendMap!["ports_per_node"]!.error(
          "\(ports) ports per node", expected: "expected 1…\(8 * perUnit)\(perUnit > 1 ? " (per rack)" : "")")
      }
      let switchPart = try part(
        frontendMap, "switch", default: defaults?.switchID, kind: .switch, context: "\(speed) Gb/s frontend ports")
      guard case .switch(let specs) = switchPart.specs else { throw InternalError("switch specs") }
      if specs.fabric != .ethernet || specs.ports(atSpeed: speed) == nil {
        throw (frontendMap?["switch"] ?? speedValue ?? rootValue).error(
          "\(switchPart.id) has no \(speed) Gb/s Ethernet ports",
          expected: "expected an Ethernet switch with a \(speed) Gb/s port mode")
      }
      let nic: Part? =
        nodeSpecs.frontendNICsIncluded
        ? nil
        : try part(frontendMap, "nic", default: defaults?.nic, kind: .nic, context: "\(speed) Gb/s frontend ports")
      frontend = ClusterSpec.Frontend(
        switchPart: switchPart, switchSpecs: specs, nic: nic, portsPerNode: ports, portSpeedGbps: speed,
        oversubscription: try oversubscription(frontendMap, "oversubscription"),
        cable: try part(frontendMap, "cable", default: defaults?.cable, kind: .cable, context: "frontend links"))
    } else if frontendKind != "none" {
      throw frontendMap!["kind"]!.error(
        "'\(frontendKind)' is not a frontend kind", expected: "expected ethernet or none")
    }

    // Storage
    let storageMap = try section(root, "storage", allowed: ["capacity_pb", "server", "software"])
    var storage: ClusterSpec.Storage?
    if let capacityValue = storageMap?["capacity_pb"] {
      let capacity = try capacityValue.double()
      guard capacity >= 0, capacity <= 1000 else {
        throw capacityValue.error("\(capacity) PB", expected: "expected 0…1000 PB (0 for no storage)")
      }
      if capacity > 0 {
        let server = try part(
          storageMap, "server", default: DefaultParts.storageServer, kind: .storage, context: "storage")
        guard case .storage(let specs) = server.specs else { throw InternalError("storage specs") }
        let software: Part?
        if let v = storageMap?["software"], (try? v.string()) == "none" {
          software = nil
        } else {
          software = try part(
            storageMap, "software", default: DefaultParts.storageSoftware, kind: .software, context: "storage")
        }
        storage = ClusterSpec.Storage(capacityPB: capacity, server: server, serverSpecs: specs, software: software)
      }
    } else if let map = storageMap, let extra = map.entries.first {
      throw extra.keyValue.error(
        "'\(extra.key)' needs capacity_pb", expected: "expected storage.capacity_pb (petabytes usable)")
    }

    // Management
    let managementMap = try section(root, "management", allowed: ["oob", "switch", "cable", "servers", "server"])
    let oobSwitch = try part(
      managementMap, "switch", default: DefaultParts.oobSwitch, kind: .switch, context: "out-of-band management")
    guard case .switch(let oobSpecs) = oobSwitch.specs else { throw InternalError("switch specs") }
    let server = try part(
      managementMap, "server", default: DefaultParts.managementServer, kind: .managementServer, context: "control plane"
    )
    guard case .managementServer(let serverSpecs) = server.specs else { throw InternalError("server specs") }
    let serversValue = managementMap?["servers"]
    let servers = try serversValue?.int() ?? 3
    guard (0...64).contains(servers) else { throw serversValue!.error("\(servers) servers", expected: "expected 0…64") }
    let management = ClusterSpec.Management(
      oob: try managementMap?["oob"]?.bool() ?? true, switchPart: oobSwitch, switchSpecs: oobSpecs,
      cable: try part(
        managementMap, "cable", default: DefaultParts.oobCable, kind: .cable, context: "out-of-band links"),
      servers: servers, server: server, serverSpecs: serverSpecs)

    // Facility
    let facilityMap = try section(
      root, "facility",
      allowed: ["rack", "rack_power_kw", "cooling", "air_cooling_limit_kw", "pue", "pdu", "rdhx", "cdu"])
    let rack = try part(facilityMap, "rack", default: DefaultParts.rack, kind: .rack, context: "racks")
    guard case .rack(let rackSpecs) = rack.specs else { throw InternalError("rack specs") }
    let pdu = try part(facilityMap, "pdu", default: DefaultParts.pdu, kind: .pdu, context: "rack power")
    guard case .pdu(let pduSpecs) = pdu.specs else { throw InternalError("pdu specs") }
    let pueValue = facilityMap?["pue"]
    let pue = try pueValue?.double() ?? 1.3
    guard pue >= 1.0, pue <= 3.0 else {
      throw pueValue!.error("PUE \(pue)", expected: "expected 1.0…3.0 (power usage effectiveness)")
    }
    let facility = ClusterSpec.Facility(
      rack: rack, rackUnits: rackSpecs.rackUnits,
      rackPowerKW: try positive(facilityMap, "rack_power_kw", default: 40, max: 250),
      cooling: try facilityMap?["cooling"]?.oneOf(CoolingChoice.self) ?? .auto,
      airCoolingLimitKW: try positive(facilityMap, "air_cooling_limit_kw", default: 30, max: 60), pue: pue,
      pdu: pdu, pduSpecs: pduSpecs,
      rdhx: try part(facilityMap, "rdhx", default: DefaultParts.rdhx, kind: .cooling, context: "rear-door cooling"),
      cdu: try part(facilityMap, "cdu", default: DefaultParts.cdu, kind: .cooling, context: "liquid cooling"))

    // Spares
    let sparesMap = try section(
      root, "spares", allowed: ["nodes_percent", "switches_percent", "optics_percent", "cables_percent"])
    let spares = ClusterSpec.Spares(
      nodesPercent: try percent(sparesMap, "nodes_percent", default: 0),
      switchesPercent: try percent(sparesMap, "switches_percent", default: 0),
      opticsPercent: try percent(sparesMap, "optics_percent", default: 3),
      cablesPercent: try percent(sparesMap, "cables_percent", default: 3))

    // Software and services
    func partList(_ key: String, kind: PartKind, defaults: [String]) throws -> [Part] {
      guard let value = root[key] else {
        return defaults.compactMap { catalog[$0] }.filter { $0.kind == kind }
      }
      return try value.sequence().map { try catalog.part(try $0.string(), kind: kind, at: $0) }
    }
    let software = try partList(
      "software", kind: .software, defaults: backend?.kind == .infiniband ? DefaultParts.infinibandSoftware : [])
    let services = try partList("services", kind: .service, defaults: DefaultParts.services)

    let quoteMap = try section(root, "quote", allowed: ["prepared_for", "prepared_by", "valid_days"])
    let validValue = quoteMap?["valid_days"]
    let validDays = try validValue?.int() ?? 30
    guard (1...365).contains(validDays) else {
      throw validValue!.error("\(validDays) days", expected: "expected 1…365 days")
    }
    let quote = QuoteDetails(
      preparedFor: try quoteMap?["prepared_for"]?.string(), preparedBy: try quoteMap?["prepared_by"]?.string(),
      validDays: validDays)
    let finance = try decodeFinance(root, facilityPUE: facility.pue, currency: currency, fxRates: fxRates)

    var spec = ClusterSpec(
      name: name, asOf: asOf, currency: currency, fxRates: fxRates, compute: compute, backend: backend,
      frontend: frontend, storage: storage, management: management, facility: facility, spares: spares,
      software: software, services: services, finance: finance, quote: quote, warnings: speedWarnings,
      locations: locations, file: file)
    spec.risk = try decodeRisk(root)
    // `neoplan plan` ignores the optimize: section but still refuses a malformed one.
    if let v = root["optimize"] { _ = try OptimizeInput.decode(v, catalog: catalog) }
    spec.locations = locations
    return spec
  }
}
