import Foundation

extension SpecDecoder {
  /// Decodes `facility:` (every key has a default).
  mutating func decodeFacility(_ root: KeyedMapping<SpecSection>) throws -> ClusterSpec.Facility {
    let map = try section(root, .facility, as: FacilityKey.self)
    let (rack, rackSpecs) = try part(
      map, .rack, default: DefaultParts.rack, kind: .rack, as: .rack, context: "racks")
    let (pdu, pduSpecs) = try part(map, .pdu, default: DefaultParts.pdu, kind: .pdu, as: .pdu, context: "rack power")
    return ClusterSpec.Facility(
      rack: rack, rackUnits: rackSpecs.rackUnits,
      rackPowerKW: try map?[.rackPowerKW]?.double() ?? ClusterSpec.Defaults.rackPowerKW,
      cooling: try map?[.cooling]?.oneOf(CoolingChoice.self) ?? ClusterSpec.Defaults.cooling,
      airCoolingLimitKW: try map?[.airCoolingLimitKW]?.double() ?? ClusterSpec.Defaults.airCoolingLimitKW,
      pue: try map?[.pue]?.double() ?? ClusterSpec.Defaults.pue, pdu: pdu, pduSpecs: pduSpecs,
      rdhx: try part(map, .rdhx, default: DefaultParts.rdhx, kind: .cooling, context: "rear-door cooling"),
      cdu: try part(map, .cdu, default: DefaultParts.cdu, kind: .cooling, context: "liquid cooling"))
  }
}
