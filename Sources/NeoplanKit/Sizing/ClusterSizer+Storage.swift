import Foundation

extension ClusterSizer {
  /// Sizes storage in building blocks (chassis): enough for the capacity, and enough nodes for the
  /// software's minimum server count (a 4-node chassis meets an 8-server minimum with 2). Adds the
  /// servers and the software licence (per whole usable PB) to `parts`.
  static func addStorage(_ storage: ClusterSpec.Storage, to parts: inout PartList) -> StorageDesign {
    let needed = Int(clamping: (storage.capacityPB * 1000 / storage.serverSpecs.usableTB).rounded(.up))
    let nodesPerBlock = storage.serverSpecs.nodes
    let servers = max((storage.serverSpecs.minServers + nodesPerBlock - 1) / nodesPerBlock, needed)
    let design = StorageDesign(
      server: storage.server, capacityPB: storage.capacityPB, servers: servers,
      usableTB: Double(servers) * storage.serverSpecs.usableTB,
      licensedPB: Int(storage.capacityPB.rounded(.up)))
    parts.add(storage.server, servers, .storage, "storage servers")
    if let software = storage.software {
      parts.add(software, design.licensedPB, .storage, "storage software per usable PB")
    }
    return design
  }
}
