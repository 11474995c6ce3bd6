import Foundation

/// A set of parts keyed by id. Built from one or more catalog folders; later folders override
/// earlier ones part by part.
public struct Catalog: Sendable {
  /// Parts by id.
  public private(set) var partsByID: [String: Part] = [:]

  /// Creates an empty catalog.
  public init() {}

  /// Creates a catalog from parts (later parts with the same id replace earlier ones).
  public init(parts: [Part]) {
    partsByID.reserveCapacity(parts.count)
    for part in parts { partsByID[part.id] = part }
  }

  /// All parts, ordered by kind then id (stable for listings).
  public var parts: [Part] {
    // Sort the keys, then gather the parts: moving whole `Part` values while sorting was costly.
    // The kind's rank by searching `allCases`: a dictionary keyed by the kind made the runtime
    // scan the binary for its Hashable conformance.
    let kinds = PartKind.allCases
    let values = Array(partsByID.values)
    let keys = values.map { (kinds.firstIndex(of: $0.kind) ?? 0, $0.id) }
    return values.indices.sorted { keys[$0] < keys[$1] }.map { values[$0] }
  }

  /// The part with `id`, if any.
  public subscript(id: String) -> Part? { partsByID[id] }

  /// Adds or replaces parts.
  public mutating func merge(_ other: Catalog) {
    guard !partsByID.isEmpty else {  // into an empty catalog: the other one, as it is
      partsByID = other.partsByID
      return
    }
    for (id, part) in other.partsByID { partsByID[id] = part }
  }

  /// Looks up `id` and checks its kind; the error points at `value` with a "did you mean".
  func part(_ id: String, kind: PartKind, at value: YAMLValue) throws -> Part {
    guard let part = partsByID[id] else {
      let sameKind = partsByID.values.filter { $0.kind == kind }.map(\.id)
      var hint =
        "expected \(withArticle(kind.rawValue)) part id from the catalog (neoplan catalog list --kind \(kind.rawValue))"
      if let guess = closestMatch(to: id, in: sameKind) { hint = "did you mean '\(guess)'?" }
      throw value.error("unknown part '\(id)'", expected: hint)
    }
    guard part.kind == kind else {
      throw value.error(
        "'\(id)' is \(withArticle(part.kind.rawValue)), not \(withArticle(kind.rawValue))",
        expected: "expected \(withArticle(kind.rawValue)) part id")
    }
    return part
  }

  /// `part`'s specs of the kind `lookup` reads; a located error at `location` (for `keyPath`)
  /// when the catalog entry carries another kind's specs, instead of an internal error.
  func specs<Specs>(
    of part: Part, _ lookup: PartLookup<Specs>, at location: SourceLocation, keyPath: String
  ) throws -> Specs {
    guard let specs = lookup.extract(part.specs) else {
      throw InputError(
        Diagnostic(
          at: location, keyPath: keyPath, message: "'\(part.id)' has no \(lookup.name) specs",
          expected: "expected \(withArticle(lookup.name)) part with its specs"))
    }
    return specs
  }

  /// Cross-part checks: references to other parts exist and have the right kind.
  public func referenceProblems() -> [Diagnostic] {
    // Checked in any order first: sorting every part is the cost, and problems are rare.
    guard !Self.referenceProblems(of: partsByID.values, in: partsByID).isEmpty else { return [] }
    return Self.referenceProblems(of: parts, in: partsByID)
  }

  /// ``referenceProblems()`` of `parts`, in their order.
  private static func referenceProblems(of parts: some Sequence<Part>, in partsByID: [String: Part])
    -> [Diagnostic]
  {
    var problems: [Diagnostic] = []
    for part in parts {
      if case .gpuNode(let node) = part.specs, let nicID = node.computeNIC {
        if let nic = partsByID[nicID] {
          if nic.kind != .nic {
            problems.append(
              Diagnostic(
                at: part.location, keyPath: "\(part.id).specs.compute_nic",
                message: "'\(nicID)' is \(withArticle(nic.kind.rawValue)), not a nic",
                expected: "expected a nic part id"))
          }
        } else {
          problems.append(
            Diagnostic(
              at: part.location, keyPath: "\(part.id).specs.compute_nic",
              message: "unknown part '\(nicID)'", expected: "expected a nic part id from the catalog"))
        }
      }
      if case .gpuNode(let node) = part.specs, node.computeNICsIncluded, node.computeNIC == nil {
        problems.append(
          Diagnostic(
            at: part.location, keyPath: "\(part.id).specs.compute_nic",
            message: "compute_nics_included is true but compute_nic is not given",
            expected: "expected the id of the NIC the node's price includes"))
      }
    }
    return problems
  }
}

/// Reads catalog folders (`*.yaml`, `*.yml`, `*.json`) into a `Catalog`, collecting every problem.
public enum CatalogLoader {
  /// Loads the default catalog (embedded resources) plus `extraDirectories` in order.
  public static func load(extraDirectories: [String], includeDefault: Bool = true) throws -> Catalog {
    var catalog = Catalog()
    if includeDefault {
      let directory = try ResourceLocator.catalogsDirectory()
      // The embedded catalog is compiled in (CompiledData) while its files are unchanged.
      catalog.merge(
        try CompiledData.catalogParts(directory: directory).map { Catalog(parts: $0) }
          ?? loadDirectory(directory, displayPrefix: "catalogs"))
    }
    for directory in extraDirectories {
      catalog.merge(try loadDirectory(directory, displayPrefix: directory))
    }
    let problems = catalog.referenceProblems()
    if !problems.isEmpty { throw InputError(problems) }
    return catalog
  }

  /// Loads one folder; duplicate ids inside it are errors.
  public static func loadDirectory(_ directory: String, displayPrefix: String? = nil) throws -> Catalog {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw InputError(
        Diagnostic(
          at: nil, file: directory, keyPath: "", message: "catalog folder not found",
          expected: "expected a folder of catalog *.yaml files"))
    }
    let names = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
    let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
      .sorted()
    var parts: [Part] = []
    var problems: [Diagnostic] = []
    var seen: [String: SourceLocation] = [:]
    for name in files {
      let path = (directory as NSString).appendingPathComponent(name)
      let display = displayPrefix.map { ($0 as NSString).appendingPathComponent(name) } ?? path
      let (fileParts, fileProblems) = loadFileCollecting(path: path, display: display)
      problems += fileProblems
      for part in fileParts {
        if let first = seen[part.id] {
          problems.append(
            Diagnostic(
              at: part.location, keyPath: "id",
              message: "duplicate part id '\(part.id)'",
              expected: "first defined at \(first.file):\(first.line):\(first.column)"))
        } else {
          seen[part.id] = part.location
          parts.append(part)
        }
      }
    }
    if !problems.isEmpty { throw InputError(problems) }
    return Catalog(parts: parts)
  }

  /// Loads one catalog file, returning the good parts and every problem (bad parts are skipped).
  static func loadFileCollecting(path: String, display: String) -> ([Part], [Diagnostic]) {
    let text: String
    do {
      text = try InputText.read(path: path, display: display, what: "catalog file")
    } catch let error as InputError {
      return ([], error.diagnostics)
    } catch {
      return ([], [Diagnostic(at: SourceLocation(file: display, line: 1, column: 1), keyPath: "", message: "\(error)")])
    }
    return parseCollecting(text, file: display)
  }

  /// Parses catalog text, returning the good parts and every problem.
  static func parseCollecting(_ text: String, file: String) -> ([Part], [Diagnostic]) {
    do {
      guard let root = try YAMLValue.parse(text, file: file, bounded: true) else {
        return (
          [],
          [
            Diagnostic(
              at: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: "empty catalog file",
              expected: "schema: 1 and parts:")
          ]
        )
      }
      let map = try root.mapping()
      try map.rejectUnknownKeys(["schema", "parts"])
      let schemaValue = try map.required("schema", expected: "schema: 1")
      guard try schemaValue.int() == 1 else {
        throw schemaValue.error("unsupported catalog schema", expected: "expected schema: 1")
      }
      var parts: [Part] = []
      var problems: [Diagnostic] = []
      for item in try map.required("parts", expected: "a list of parts").sequence() {
        do {
          parts.append(try Part.decode(item))
        } catch let error as InputError {
          problems += error.diagnostics
        }
      }
      return (parts, problems)
    } catch let error as InputError {
      return ([], error.diagnostics)
    } catch {
      return ([], [Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: "\(error)")])
    }
  }

  /// Loads one catalog file; reports every problem in it.
  public static func loadFile(path: String, display: String) throws -> [Part] {
    let (parts, problems) = loadFileCollecting(path: path, display: display)
    if !problems.isEmpty { throw InputError(problems) }
    return parts
  }

  /// Parses catalog text; reports every problem in it.
  public static func parse(_ text: String, file: String) throws -> [Part] {
    let (parts, problems) = parseCollecting(text, file: file)
    if !problems.isEmpty { throw InputError(problems) }
    return parts
  }
}

/// A typed catalog lookup: the specs a part must carry to be used as a `name`.
struct PartLookup<Specs> {
  /// What the part is used as, e.g. "switch".
  let name: String
  /// The specs, when the part has this kind's.
  let extract: (PartSpecs) -> Specs?

  /// GPU nodes and rack-scale systems.
  static var gpuNode: PartLookup<GPUNodeSpecs> {
    .init(name: "gpu-node") { if case .gpuNode(let s) = $0 { s } else { nil } }
  }
  /// Switches.
  static var switchPart: PartLookup<SwitchSpecs> {
    .init(name: "switch") { if case .switch(let s) = $0 { s } else { nil } }
  }
  /// NICs.
  static var nic: PartLookup<NICSpecs> {
    .init(name: "nic") { if case .nic(let s) = $0 { s } else { nil } }
  }
  /// Storage building blocks.
  static var storage: PartLookup<StorageSpecs> {
    .init(name: "storage") { if case .storage(let s) = $0 { s } else { nil } }
  }
  /// Control-plane servers.
  static var managementServer: PartLookup<ManagementServerSpecs> {
    .init(name: "management-server") { if case .managementServer(let s) = $0 { s } else { nil } }
  }
  /// Racks.
  static var rack: PartLookup<RackSpecs> {
    .init(name: "rack") { if case .rack(let s) = $0 { s } else { nil } }
  }
  /// Power distribution units.
  static var pdu: PartLookup<PDUSpecs> {
    .init(name: "pdu") { if case .pdu(let s) = $0 { s } else { nil } }
  }
}
