import Foundation

extension SpecDecoder {
  /// Decodes `frontend:`; `nil` for `kind: none`.
  mutating func decodeFrontend(_ root: KeyedMapping<SpecSection>, compute nodeSpecs: GPUNodeSpecs, rootValue: YAMLValue)
    throws -> ClusterSpec.Frontend?
  {
    let map = try section(root, .frontend, as: FrontendKey.self)
    let kind = try map?[.kind]?.string() ?? ClusterSpec.Defaults.frontendKind
    guard kind == "ethernet" else {
      if kind != "none", let v = map?[.kind] {
        throw v.error("'\(kind)' is not a frontend kind", expected: "expected ethernet or none")
      }
      return nil
    }
    let speedValue = map?[.portSpeedGbps]
    let speed =
      try speedValue?.int()
      ?? (nodeSpecs.rackScale == nil
        ? ClusterSpec.Defaults.frontendPortSpeedGbps : ClusterSpec.Defaults.rackScaleFrontendPortSpeedGbps)
    let defaults = DefaultParts.frontend(speed: speed)
    let perUnit = nodeSpecs.fabricNodesPerUnit
    var ports = ClusterSpec.Defaults.frontendPortsPerFabricNode * perUnit
    if let v = map?[.portsPerNode] {
      ports = try v.int()
      let most = ClusterSpec.Defaults.maxFrontendPortsPerFabricNode * perUnit
      guard (1...most).contains(ports) else {
        throw v.error("\(ports) ports per node", expected: "expected 1…\(most)\(perUnit > 1 ? " (per rack)" : "")")
      }
    }
    let (switchPart, specs) = try part(
      map, .switch, default: defaults?.switchID, kind: .switch, as: .switchPart,
      context: "\(speed) Gb/s frontend ports")
    if specs.fabric != .ethernet || specs.ports(atSpeed: speed) == nil {
      throw (map?[.switch] ?? speedValue ?? rootValue).error(
        "\(switchPart.id) has no \(speed) Gb/s Ethernet ports",
        expected: "expected an Ethernet switch with a \(speed) Gb/s port mode")
    }
    let nic: Part? =
      nodeSpecs.frontendNICsIncluded
      ? nil
      : try part(map, .nic, default: defaults?.nic, kind: .nic, context: "\(speed) Gb/s frontend ports")
    return ClusterSpec.Frontend(
      switchPart: switchPart, switchSpecs: specs, nic: nic, portsPerNode: ports, portSpeedGbps: speed,
      oversubscription: try map?[.oversubscription]?.oversubscription() ?? ClusterSpec.Defaults.oversubscription,
      cable: try part(map, .cable, default: defaults?.cable, kind: .cable, context: "frontend links"))
  }
}
