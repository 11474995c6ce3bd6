import Foundation

extension SpecDecoder {
  /// Decodes `storage:`; `nil` without a capacity or with `capacity_pb: 0`.
  mutating func decodeStorage(_ root: KeyedMapping<SpecSection>) throws -> ClusterSpec.Storage? {
    let map = try section(root, .storage, as: StorageKey.self)
    guard let map, let capacityValue = map[.capacityPB] else {
      if let extra = map?.entries.first {
        throw extra.keyValue.error(
          "'\(extra.key)' needs capacity_pb", expected: "expected storage.capacity_pb (petabytes usable)")
      }
      return nil
    }
    let capacity = try capacityValue.double()
    guard capacity > 0 else { return nil }
    let (server, specs) = try part(
      map, .server, default: DefaultParts.storageServer, kind: .storage, as: .storage, context: "storage")
    let software: Part?
    if let v = map[.software], (try? v.string()) == "none" {
      software = nil
    } else {
      software = try part(map, .software, default: DefaultParts.storageSoftware, kind: .software, context: "storage")
    }
    return ClusterSpec.Storage(capacityPB: capacity, server: server, serverSpecs: specs, software: software)
  }
}
