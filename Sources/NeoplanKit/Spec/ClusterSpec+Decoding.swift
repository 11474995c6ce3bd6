import Foundation

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
  /// Power usage effectiveness, for `facility.pue` and `finance.pue` alike: 1.0 is the ideal (all
  /// power reaches IT), and 3.0 is twice the industry average of ~1.56–1.58 (Uptime Institute
  /// 2023–2024; domain.md §4). The finance engine trusts the spec for it.
  public static let pue = 1.0...3.0
}

extension ClusterSpec {
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

/// Decodes the spec tree with located errors, one section at a time (one file per section:
/// `ClusterSpec+ComputeDecoding.swift` and so on); remembers where each key was written and
/// which keys were given.
struct SpecDecoder {
  let catalog: Catalog
  let file: String
  var locations: [String: SourceLocation] = [:]
  var givenKeys: Set<String> = []

  init(catalog: Catalog, file: String) {
    self.catalog = catalog
    self.file = file
  }

  /// Line 1, column 1 of the spec: where a problem with no key of its own is reported.
  var topOfFile: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

  /// Decodes the whole spec, section by section in file-format order (the first problem found
  /// is the one reported, so the order is part of the behaviour).
  mutating func decode(_ document: YAMLValue) throws -> ClusterSpec {
    // Number ranges are checked once, as each number is read (``NumberBounds/spec``); the section
    // decoders check only the rules narrower than those ranges.
    var rootValue = document
    rootValue.checksBounds = true
    let root = try KeyedMapping<SpecSection>(try rootValue.mapping())
    remember(root.map)
    let header = try decodeHeader(root)
    let (compute, nodeValue) = try decodeCompute(root, rootValue: rootValue)
    var warnings: [PlanWarning] = []
    let backend = try decodeBackend(root, compute: compute, nodeValue: nodeValue, warnings: &warnings)
    let frontend = try decodeFrontend(root, compute: compute.nodeSpecs, rootValue: rootValue)
    let storage = try decodeStorage(root)
    let management = try decodeManagement(root)
    let facility = try decodeFacility(root)
    let spares = try decodeSpares(root)
    let software = try partList(
      root, .software, kind: .software,
      defaults: backend?.kind == .infiniband ? DefaultParts.infinibandSoftware : [])
    let services = try partList(root, .services, kind: .service, defaults: DefaultParts.services)
    let quote = try decodeQuote(root)
    // Every HTML report shows the quote's validity, as_of + valid_days: it must be a date.
    if header.asOf > quote.latestDate, let asOfValue = root[.asOf] {
      throw asOfValue.error(
        quote.lateDateMessage(header.asOf), expected: "expected a date up to \(quote.latestDate)")
    }
    let finance = try decodeFinance(
      root, facilityPUE: facility.pue, currency: header.currency, fxRates: header.fxRates)

    var spec = ClusterSpec(
      name: header.name, asOf: header.asOf, currency: header.currency, fxRates: header.fxRates, compute: compute,
      backend: backend, frontend: frontend, storage: storage, management: management, facility: facility,
      spares: spares, software: software, services: services, finance: finance, quote: quote, warnings: warnings,
      locations: locations, file: file)
    spec.risk = try decodeRisk(root)
    // `neoplan plan` ignores the optimize: section but still refuses a malformed one.
    if let v = root[.optimize] { _ = try OptimizeInput.decode(v, catalog: catalog) }
    spec.locations = locations
    spec.givenKeys = givenKeys
    return spec
  }

  /// The mapping at `parent[key]` with its keys checked against `Key`, remembered; `nil` when
  /// the key is absent or null.
  mutating func section<Parent: SpecKey, Key: SpecKey>(
    _ parent: KeyedMapping<Parent>, _ key: Parent, as _: Key.Type = Key.self
  ) throws -> KeyedMapping<Key>? {
    guard let value = parent[key] else { return nil }
    return try mapping(value, as: Key.self)
  }

  /// `value` as a mapping with its keys checked against `Key`, remembered.
  mutating func mapping<Key: SpecKey>(_ value: YAMLValue, as _: Key.Type = Key.self) throws -> KeyedMapping<Key> {
    let map = try KeyedMapping<Key>(try value.mapping())
    remember(map.map)
    return map
  }

  /// Records where `map` and each of its keys were written, and which keys have a value.
  mutating func remember(_ map: YAMLMapping) {
    locations[map.owner.path] = map.owner.location
    if !map.owner.path.isEmpty { givenKeys.insert(map.owner.path) }
    for entry in map.entries {
      locations[entry.value.path] = entry.value.location
      if !entry.value.isNull { givenKeys.insert(entry.value.path) }
    }
  }

  /// The part named at `map[key]` (of `kind`), else the default `id`; a located error when there
  /// is no default or the catalog lacks it.
  func part<Key: SpecKey>(
    _ map: KeyedMapping<Key>?, _ key: Key, default id: String?, kind: PartKind, context: String
  ) throws -> Part {
    if let value = map?[key] {
      return try catalog.part(try value.string(), kind: kind, at: value)
    }
    guard let id else {
      let ownerPath = map?.owner.path ?? ""
      throw InputError(
        Diagnostic(
          at: map?.owner.location ?? topOfFile,
          keyPath: ownerPath.isEmpty ? key.rawValue : "\(ownerPath).\(key.rawValue)",
          message: "no default \(kind.rawValue) for \(context)",
          expected: "expected \(key.rawValue): <\(kind.rawValue) part id>"))
    }
    guard let part = catalog[id], part.kind == kind else {
      throw InputError(
        Diagnostic(
          at: map?.owner.location ?? topOfFile, keyPath: key.rawValue,
          message: "the default \(kind.rawValue) '\(id)' is not in the catalog",
          expected: "expected \(key.rawValue): <\(kind.rawValue) part id> or a catalog that defines '\(id)'"))
    }
    return part
  }

  /// ``part(_:_:default:kind:context:)`` with the specs `lookup` reads (a located error when the
  /// catalog entry has another kind's specs).
  func part<Key: SpecKey, Specs>(
    _ map: KeyedMapping<Key>?, _ key: Key, default id: String?, kind: PartKind, as lookup: PartLookup<Specs>,
    context: String
  ) throws -> (Part, Specs) {
    let part = try part(map, key, default: id, kind: kind, context: context)
    let location = (map?[key] ?? map?.owner)?.location ?? topOfFile
    return (part, try catalog.specs(of: part, lookup, at: location, keyPath: key.path.text))
  }

  /// The part list at `root[key]`, else the default ids that the catalog has with `kind`.
  func partList(_ root: KeyedMapping<SpecSection>, _ key: SpecSection, kind: PartKind, defaults: [String]) throws
    -> [Part]
  {
    guard let value = root[key] else {
      return defaults.compactMap { catalog[$0] }.filter { $0.kind == kind }
    }
    return try value.sequence().map { try catalog.part(try $0.string(), kind: kind, at: $0) }
  }
}
