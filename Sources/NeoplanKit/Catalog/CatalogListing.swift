/// Text listings of catalog parts for `neoplan catalog list|show`.
public enum CatalogListing {
  /// One line per part: id, kind, price, confidence, as-of.
  public static func table(_ parts: [Part]) -> String {
    var out =
      pad("id", 36) + pad("kind", 18) + pad("price", 20, right: true) + "  " + pad("confidence", 10) + "  as of\n"
    for part in parts {
      out +=
        pad(truncate(part.id, 35), 36) + pad(part.kind.rawValue, 18)
        + pad("\(part.price.amount.currency) \(part.price.amount.groupedString)", 20, right: true) + "  "
        + pad(part.price.confidence.rawValue, 10) + "  \(part.price.asOf)\n"
    }
    return out
  }

  /// Everything about one part.
  public static func detail(_ part: Part) -> String {
    var out = "\(part.id)  (\(part.kind.rawValue))\n"
    out += "  \(part.displayName)\(part.partNumber.map { "  [\($0)]" } ?? "")\n"
    if let description = part.description {
      out += wrap("  " + description, width: 98, indent: "  ").joined(separator: "\n") + "\n"
    }
    out += "  specs: \(specSummary(part))\n"
    let p = part.price
    out += "  price: \(p.amount) (\(p.confidence.rawValue), as of \(p.asOf))\n"
    out += "  source: \(p.source)\n"
    if let note = p.note { out += wrap("  note: " + note, width: 98, indent: "    ").joined(separator: "\n") + "\n" }
    for source in part.specSources { out += "  spec source: \(source)\n" }
    out += "  defined at \(part.location.file):\(part.location.line)\n"
    return out
  }

  static func specSummary(_ part: Part) -> String {
    let power = part.power.maxW > 0 ? ", \(part.power.typicalW)/\(part.power.maxW) W typ/max" : ""
    switch part.specs {
    case .gpuNode(let s):
      if let rack = s.rackScale {
        return
          "rack of \(s.gpus) × \(s.gpuModel), \(rack.computeTrays) trays × \(rack.nicsPerTray) × \(s.computeNICSpeedGbps)G NICs (included), \(NumberFormat.fixed(rack.liquidHeatKW, decimals: 0, trimZeros: true)) kW to liquid\(power)"
      }
      return
        "\(s.gpus) × \(s.gpuModel), \(s.computeNICs) × \(s.computeNICSpeedGbps)G backend NICs\(s.computeNICsIncluded ? " (included)" : ""), \(s.rackUnits)U\(power), fabrics \(s.fabrics.map(\.rawValue).joined(separator: "/"))"
    case .nic(let s):
      return
        "\(s.ports) × \(s.portSpeedGbps)G \(s.formFactor.rawValue), \(s.fabrics.map(\.rawValue).joined(separator: "/"))\(power)"
    case .switch(let s):
      return
        "\(s.fabric.rawValue), \(s.cages) \(s.cageFormFactor.rawValue) cages, \(s.portModes.map { "\($0.ports)×\($0.speedGbps)G" }.joined(separator: " | ")), \(s.rackUnits)U\(power)"
    case .transceiver(let s):
      return "\(s.formFactor.rawValue) \(s.ports)×\(s.portSpeedGbps)G \(s.media), \(s.reachM) m\(power)"
    case .cable(let s):
      return
        "\(s.media), \(NumberFormat.fixed(s.lengthM, decimals: 1, trimZeros: true)) m, \(s.links) link\(s.links == 1 ? "" : "s")"
    case .rack(let s): return "\(s.rackUnits)U"
    case .pdu(let s): return "\(NumberFormat.fixed(s.capacityKW, decimals: 1, trimZeros: true)) kW"
    case .cooling(let s):
      return "\(s.method.rawValue), \(NumberFormat.fixed(s.capacityKW, decimals: 0, trimZeros: true)) kW"
    case .storage(let s):
      return
        "\(NumberFormat.fixed(s.usableTB, decimals: 1, trimZeros: true)) TB usable, \(s.nodes) node\(s.nodes == 1 ? "" : "s"), min \(s.minServers) servers, \(s.frontendPorts)×\(s.portSpeedGbps)G\(power)"
    case .managementServer(let s): return "\(s.frontendPorts)×\(s.portSpeedGbps)G, \(s.rackUnits)U\(power)"
    case .software(let s), .service(let s):
      return
        "\(s.unit.rawValue)\(s.termYears.map { ", \($0)-year term" } ?? "")\(s.fabric.map { ", \($0.rawValue) only" } ?? "")"
    }
  }
}
