import Foundation

extension SpecDecoder {
  /// Decodes `management:` (every key has a default).
  mutating func decodeManagement(_ root: KeyedMapping<SpecSection>) throws -> ClusterSpec.Management {
    let map = try section(root, .management, as: ManagementKey.self)
    let (oobSwitch, oobSpecs) = try part(
      map, .switch, default: DefaultParts.oobSwitch, kind: .switch, as: .switchPart,
      context: "out-of-band management")
    let (server, serverSpecs) = try part(
      map, .server, default: DefaultParts.managementServer, kind: .managementServer, as: .managementServer,
      context: "control plane")
    let servers = try map?[.servers]?.int() ?? ClusterSpec.Defaults.managementServers
    return ClusterSpec.Management(
      oob: try map?[.oob]?.bool() ?? ClusterSpec.Defaults.oob, switchPart: oobSwitch, switchSpecs: oobSpecs,
      cable: try part(map, .cable, default: DefaultParts.oobCable, kind: .cable, context: "out-of-band links"),
      servers: servers, server: server, serverSpecs: serverSpecs)
  }
}
