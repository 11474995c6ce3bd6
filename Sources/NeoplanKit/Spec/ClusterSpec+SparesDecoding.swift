import Foundation

extension SpecDecoder {
  /// Decodes `spares:` (percentages).
  mutating func decodeSpares(_ root: KeyedMapping<SpecSection>) throws -> ClusterSpec.Spares {
    let map = try section(root, .spares, as: SparesKey.self)
    return ClusterSpec.Spares(
      nodesPercent: try map?[.nodesPercent]?.int() ?? ClusterSpec.Defaults.nodesSparePercent,
      switchesPercent: try map?[.switchesPercent]?.int() ?? ClusterSpec.Defaults.switchesSparePercent,
      opticsPercent: try map?[.opticsPercent]?.int() ?? ClusterSpec.Defaults.opticsSparePercent,
      cablesPercent: try map?[.cablesPercent]?.int() ?? ClusterSpec.Defaults.cablesSparePercent)
  }
}
