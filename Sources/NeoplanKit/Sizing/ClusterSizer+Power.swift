import Foundation

extension ClusterSizer {
  /// The facility figures: racks, cooling units and power. IT power sums every installed part's
  /// draw; cooling units' own draw belongs to the facility overhead (PUE), not to IT.
  static func facilityDesign(
    _ spec: ClusterSpec, layout: RackLayout, racks: RackCounts, cooling: CoolingPlan, installed: [PartCount]
  ) -> FacilityDesign {
    var itMaxW = 0.0
    var itTypicalW = 0.0
    for count in installed {
      itMaxW += Double(count.quantity * count.part.power.maxW)
      itTypicalW += Double(count.quantity * count.part.power.typicalW)
    }
    for count in installed where count.category == .cooling {
      itMaxW -= Double(count.quantity * count.part.power.maxW)
      itTypicalW -= Double(count.quantity * count.part.power.typicalW)
    }
    return FacilityDesign(
      nodesPerRack: layout.nodesPerRack, nodeRacks: racks.nodeRacks, networkRacks: racks.networkRacks,
      storageRacks: racks.storageRacks, nodeRackKW: racks.fullNodeRackKW, peakRackKW: racks.peakRackKW,
      pdus: racks.pdus, cooling: cooling.cooling, rdhxUnits: cooling.rdhxUnits, cduUnits: cooling.cduUnits,
      itPowerKW: itMaxW / 1000, itPowerTypicalKW: itTypicalW / 1000,
      facilityPowerKW: itMaxW / 1000 * spec.facility.pue, pue: spec.facility.pue)
  }
}
