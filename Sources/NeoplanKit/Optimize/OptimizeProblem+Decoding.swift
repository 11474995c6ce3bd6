import Foundation
import Yams

/// A spec with an `optimize:` section, read once: the validated base spec, its YAML tree (the
/// candidates are edits of it) and the problem.
public struct OptimizeInput: @unchecked Sendable {
  /// The spec as written (its own figures are not a candidate unless the dimensions include them).
  public var base: ClusterSpec
  /// The spec's YAML tree without its `optimize:` key.
  let tree: Node
  /// The `optimize:` section.
  public var problem: OptimizeProblem
  /// The catalog candidates are resolved against.
  public var catalog: Catalog

  /// Most candidates one run enumerates.
  public static let maxCandidates = 100_000

  /// Parses `text`; a missing or malformed `optimize:` section is a located error.
  public static func parse(_ text: String, file: String, catalog: Catalog) throws -> OptimizeInput {
    let base = try ClusterSpec.parse(text, file: file, catalog: catalog)
    guard let rootValue = try YAMLValue.parse(text, file: file, bounded: true) else {
      throw InternalError("a parsed spec has no tree")
    }
    let root = try rootValue.mapping()
    guard let section = root["optimize"] else {
      throw InputError(
        Diagnostic(
          at: rootValue.location, keyPath: "optimize", message: "the spec has no optimize: section",
          expected: "expected optimize: {free: {backend.oversubscription: [\"1:1\", \"2:1\"], …}} (docs/optimize.md)"))
    }
    let problem = try decode(section, catalog: catalog)
    let tree = SpecTree.removing("optimize", from: rootValue.node)
    return OptimizeInput(base: base, tree: tree, problem: problem, catalog: catalog)
  }

  /// Loads a spec file with an `optimize:` section.
  public static func load(path: String, catalog: Catalog) throws -> OptimizeInput {
    try parse(try InputText.read(path: path, what: "spec file"), file: path, catalog: catalog)
  }

  static func decode(_ value: YAMLValue, catalog: Catalog) throws -> OptimizeProblem {
    let map = try value.mapping()
    try map.rejectUnknownKeys(["objective", "free", "constraints", "top"])
    let freeMap = try map.required("free", expected: "free: the spec keys the optimizer may change").mapping()
    try freeMap.rejectUnknownKeys(OptimizeProblem.keys)
    var dimensions: [OptimizeDimension] = []
    var count = 1
    for key in OptimizeProblem.keys {
      guard let v = freeMap[key] else { continue }
      let dimension = try decodeDimension(key, v, catalog: catalog)
      dimensions.append(dimension)
      count = count.multipliedReportingOverflow(by: max(1, dimension.values.count)).partialValue
    }
    if count > maxCandidates {
      throw freeMap.owner.error(
        "\(count) combinations of the free values", expected: "expected at most \(maxCandidates)")
    }
    var problem = OptimizeProblem(dimensions: dimensions)
    if let v = map["objective"] { problem.objective = try v.oneOf(OptimizeObjective.self) }
    if let v = map["top"] { problem.top = try v.int(in: 1...50, expected: "1…50 designs") }
    if let c = map["constraints"] { problem.constraints = try decodeConstraints(c) }
    return problem
  }

  static func decodeConstraints(_ value: YAMLValue) throws -> OptimizeConstraints {
    let map = try value.mapping()
    try map.rejectUnknownKeys([
      "max_power_kw", "max_racks", "max_capex", "min_bisection_gbps_per_gpu", "require_infiniband",
    ])
    var c = OptimizeConstraints()
    if let v = map["max_power_kw"] { c.maxPowerKW = try v.double(in: 1...1e7, expected: "1…10,000,000 kW") }
    if let v = map["max_racks"] { c.maxRacks = try v.int(in: 1...100_000, expected: "1…100,000 racks") }
    if let v = map["max_capex"] { c.maxCapex = try v.double(in: 1...1e13, expected: "an amount from 1 to 10^13") }
    if let v = map["min_bisection_gbps_per_gpu"] {
      c.minBisectionGbpsPerGPU = try v.double(in: 0...100_000, expected: "0…100,000 Gb/s per GPU")
    }
    if let v = map["require_infiniband"] { c.requireInfiniBand = try v.bool() }
    return c
  }

  /// One dimension's values, each checked where it is written.
  static func decodeDimension(_ key: String, _ value: YAMLValue, catalog: Catalog) throws -> OptimizeDimension {
    if let text = try? value.string(), text == "all" {
      switch key {
      case "backend.switch": return OptimizeDimension(key: key, values: [], allSwitches: true)
      case "backend.kind": return OptimizeDimension(key: key, values: ["infiniband", "ethernet"])
      case "backend.design": return OptimizeDimension(key: key, values: FabricDesign.allCases.map(\.rawValue))
      case "backend.cabling": return OptimizeDimension(key: key, values: CablingPolicy.allCases.map(\.rawValue))
      case "facility.cooling": return OptimizeDimension(key: key, values: ["air", "rdhx", "liquid"])
      default: throw value.error("'all' is not a value list for \(key)", expected: "expected a list of values")
      }
    }
    let items = try value.sequence()
    guard (1...16).contains(items.count) else {
      throw value.error("\(items.count) values", expected: "expected a list of 1…16 values")
    }
    var values: [String] = []
    for item in items {
      let text = try item.string()
      try check(key, text, item, catalog: catalog)
      if values.contains(text) { throw item.error("'\(Truncated.text(text))' is listed twice", expected: nil) }
      values.append(text)
    }
    return OptimizeDimension(key: key, values: values)
  }

  // swiftlint:disable:next cyclomatic_complexity
  static func check(_ key: String, _ text: String, _ item: YAMLValue, catalog: Catalog) throws {
    func part(_ kinds: [PartKind]) throws {
      guard let p = catalog[text], kinds.contains(p.kind) else {
        throw item.error(
          "'\(Truncated.text(text))' is not a \(kinds.map(\.rawValue).joined(separator: " or ")) in the catalog",
          expected: "expected a part id from `neoplan catalog list`")
      }
    }
    switch key {
    case "compute.node": try part([.gpuNode, .rackSystem])
    case "backend.switch": try part([.switch])
    case "storage.server": try part([.storage])
    case "backend.kind":
      guard ["infiniband", "ethernet"].contains(text) else {
        throw item.error("'\(Truncated.text(text))' is not a fabric kind", expected: "expected infiniband or ethernet")
      }
    case "backend.design": _ = try item.oneOf(FabricDesign.self)
    case "backend.cabling": _ = try item.oneOf(CablingPolicy.self)
    case "facility.cooling": _ = try item.oneOf(CoolingChoice.self)
    case "backend.oversubscription":
      let pieces = text.split(separator: ":")
      guard pieces.count == 2, let down = Int(pieces[0]), let up = Int(pieces[1]), up > 0, down >= up, down <= 64 else {
        throw item.error(
          "'\(Truncated.text(text))' is not an oversubscription ratio",
          expected: "expected \"down:up\" with 64 ≥ down ≥ up ≥ 1, e.g. \"1:1\" or \"2:1\"")
      }
    case "facility.rack_power_kw": _ = try item.double(in: 1...250, expected: "1…250 kW per rack")
    case "frontend.port_speed_gbps":
      guard let speed = Int(text), DefaultParts.frontend(speed: speed) != nil else {
        throw item.error("'\(Truncated.text(text))' is not a frontend speed", expected: "expected 100 or 200")
      }
    case "storage.capacity_pb": _ = try item.double(in: 0...1000, expected: "0…1000 PB")
    default: throw InternalError("unknown optimize key \(key)")
    }
  }
}
