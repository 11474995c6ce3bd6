import Foundation

/// How the backend links run: the speed both ends make, and the ports that gives per node.
struct BackendLink: Sendable, Hashable {
  /// Link speed in Gb/s: the lower of the two ends' top speeds, or the one the spec asks for.
  var speedGbps: Int
  /// NIC cards per fabric node (per node, or per compute tray of a rack-scale system).
  var cardsPerFabricNode: Int
  /// Backend ports per fabric node at that speed: the rails.
  var railsPerFabricNode: Int
}

extension ClusterSpec {
  /// Resolves the backend link: the speed is the lower of the NIC's and the switch's top speeds on
  /// this fabric (or `link_speed_gbps` when given); both ends must have a port mode at that speed,
  /// else a located error names the end that cannot make the link (a ConnectX-8 has no single
  /// 800GbE mode). Ports per node come from the NIC's mode at that speed.
  static func resolveBackendLink(
    kind: FabricKind, node: GPUNodeSpecs, nic: Part, nicSpecs: NICSpecs, switchPart: Part,
    switchSpecs: SwitchSpecs, requested: YAMLValue?, nicValue: YAMLValue, switchValue: YAMLValue
  ) throws -> BackendLink {
    let nicModes = nicSpecs.modes(on: kind)
    func describe(_ modes: [PortMode]) -> String {
      modes.map { "\($0.ports)×\($0.speedGbps)G" }.joined(separator: ", ")
    }
    guard let nicTop = nicModes.map(\.speedGbps).max() else {
      throw nicValue.error(
        "\(nic.id) lists no \(kind.rawValue) port mode", expected: "expected a NIC with a \(kind.rawValue) port mode")
    }
    let switchTop = switchSpecs.portModes.map(\.speedGbps).max() ?? 0
    let speed: Int
    if let requested {
      speed = try requested.int()
      guard nicModes.contains(where: { $0.speedGbps == speed }) else {
        throw requested.error(
          "\(nic.id) cannot make a \(speed) Gb/s \(kind.rawValue) link",
          expected: "expected one of its \(kind.rawValue) modes (\(describe(nicModes)))")
      }
    } else {
      speed = min(nicTop, switchTop)
      guard nicModes.contains(where: { $0.speedGbps == speed }) else {
        throw switchValue.error(
          "\(switchPart.id) has no \(nicTop) Gb/s ports for \(nic.id), which cannot run at the switch's \(speed) Gb/s",
          expected:
            "expected a switch with a \(nicTop) Gb/s port mode (\(switchPart.id) has \(describe(switchSpecs.portModes))), or a NIC with a \(speed) Gb/s mode"
        )
      }
    }
    guard switchSpecs.ports(atSpeed: speed) != nil else {
      throw (requested ?? switchValue).error(
        "\(switchPart.id) has no \(speed) Gb/s ports for \(nic.id)",
        expected:
          "expected a switch with a \(speed) Gb/s port mode (\(switchPart.id) has \(describe(switchSpecs.portModes)))"
      )
    }
    let portsPerCard = nicModes.first { $0.speedGbps == speed }?.ports ?? 1
    let cards = (node.nicsPerFabricNode + nicSpecs.ports - 1) / nicSpecs.ports
    return BackendLink(speedGbps: speed, cardsPerFabricNode: cards, railsPerFabricNode: cards * portsPerCard)
  }
}
