import Foundation

extension Plan {
  /// A readable summary that fits 100 columns: topology per tier, counts, power, racks, BoM by
  /// category, warnings.
  public func text() -> String {
    var out: [String] = []
    let d = design
    let rule = String(repeating: "─", count: 98)
    out.append("neoplan plan: \(spec.name)  (as of \(spec.asOf), \(bom.currency))")
    out.append(rule)
    out.append(
      "Compute   \(d.nodes) × \(spec.compute.node.id) = \(d.gpus) × \(spec.compute.nodeSpecs.gpuModel)")
    if let b = d.backend {
      out += backendTextLines(b)
    } else {
      out.append("Backend   none")
    }
    if let f = d.frontend {
      out.append(
        "Frontend  ethernet \(f.portsPerNode)×\(f.portSpeedGbps)G per \(spec.compute.nodeSpecs.rackScale == nil ? "node" : "rack"), \(f.endpoints) ports, \(f.leaves) leaf + \(f.spines) spine \(f.switchPart.id), \(f.cables) cables"
      )
    } else {
      out.append("Frontend  none")
    }
    if let s = d.storage {
      out.append(
        "Storage   \(NumberFormat.fixed(s.capacityPB, decimals: 3, trimZeros: true)) PB usable: \(s.servers) × \(s.server.id) (\(NumberFormat.fixed(s.usableTB, decimals: 1, trimZeros: true)) TB)"
      )
    }
    out.append(
      "OOB       \(spec.management.oob ? "\(d.management.ports) ports, \(d.management.switches) × \(spec.management.switchPart.id)" : "off"); \(d.management.servers) control-plane servers"
    )
    let fac = d.facility
    out.append(
      "Racks     \(fac.racks) (\(fac.nodeRacks) node at \(fac.nodesPerRack)/rack, \(fac.networkRacks) network, \(fac.storageRacks) storage); \(fac.pdus) PDUs; cooling \(fac.cooling.rawValue)"
    )
    out.append(
      "Power     IT \(NumberFormat.fixed(fac.itPowerKW, decimals: 1, trimZeros: true)) kW max (\(NumberFormat.fixed(fac.itPowerTypicalKW, decimals: 1, trimZeros: true)) typical), node rack \(NumberFormat.fixed(fac.nodeRackKW, decimals: 1, trimZeros: true)) kW, facility \(NumberFormat.fixed(fac.facilityPowerKW, decimals: 1, trimZeros: true)) kW at PUE \(NumberFormat.fixed(fac.pue, decimals: 2, trimZeros: true))"
    )
    out.append(rule)
    out += bomTextLines()
    out.append(rule)
    out.append(
      contentsOf: financeText().split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
    if !warnings.isEmpty {
      out.append(rule)
      out.append("Warnings")
      for warning in warnings { out.append(contentsOf: wrap("  - " + warning, width: 98, indent: "    ")) }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The backend fabric: kind, tiers, switch, scalable units, per-tier usage, links and optics.
  private func backendTextLines(_ b: BackendFabricDesign) -> [String] {
    var out: [String] = []
    let t = b.tree
    let sw = b.switchPart.id
    out.append(
      "Backend   \(b.kind.rawValue) \(b.design.rawValue), \(t.tiers) tier\(t.tiers == 1 ? "" : "s"), \(b.linkSpeedGbps)G links, oversubscription \(b.oversubscription)"
    )
    out.append(
      "          switch \(sw), radix \(b.radix) at \(b.linkSpeedGbps)G"
    )
    if t.tiers > 1 {
      out.append(
        "          \(t.scalableUnits) SU × \(t.scalableUnitNodes) \(spec.compute.nodeSpecs.rackScale == nil ? "nodes" : "compute trays"), \(t.leavesPerScalableUnit) leaves per SU (\(t.railsPerLeaf) rail\(t.railsPerLeaf == 1 ? "" : "s") per leaf), \(t.leafUplinks) uplinks per leaf"
      )
    }
    out.append(
      pad("          tier", 22) + pad("switches", 10, right: true) + pad("links up", 12, right: true)
        + pad("ports used", 12, right: true))
    for usage in b.tiers {
      out.append(
        pad("          \(usage.tier.rawValue)", 22) + pad("\(usage.switches)", 10, right: true)
          + pad("\(usage.linksUp)", 12, right: true)
          + pad("\(usage.portsUsed)/\(usage.portsAvailable)", 12, right: true))
    }
    out.append(
      "          node links \(t.nodeToLeafLinks)\(t.fabricManagerLinks > 0 ? " + \(t.fabricManagerLinks) fabric manager" : ""); cables \(b.cables) (\(b.fiberCables) fibre, \(b.copperCables) copper)"
    )
    out.append(
      "          transceivers \(b.switchSideTransceivers) switch-side, \(b.nodeSideTransceiversIncludingFabricManager) node-side; \(b.nicCards) NICs bought separately"
    )
    return out
  }

  /// The bill of materials by category, with totals per node and GPU and the FX rates used.
  private func bomTextLines() -> [String] {
    var out: [String] = []
    let rule = String(repeating: "─", count: 98)
    out.append("Bill of materials")
    out.append(
      pad("  id", 46) + pad("qty", 7, right: true) + pad("unit", 16, right: true) + pad("extended", 19, right: true)
        + "  conf")
    for total in bom.categoryTotals {
      out.append("  \(total.category.rawValue)")
      for line in bom.lines where line.category == total.category {
        let id = line.isSpare ? "\(line.partID) (spare)" : line.partID
        out.append(
          pad("    " + truncate(id, 42), 46) + pad("\(line.quantity)", 7, right: true)
            + pad(line.unitPrice.groupedString, 16, right: true)
            + pad(line.extendedPrice.groupedString, 19, right: true)
            + "  " + line.confidence.rawValue)
      }
      out.append(pad("", 69) + pad("subtotal " + total.total.groupedString, 19, right: true))
    }
    out.append(rule)
    out.append(pad("Total \(bom.currency)", 69) + pad(bom.total.groupedString, 19, right: true))
    out.append(pad("  per node", 69) + pad(bom.perNode.groupedString, 19, right: true))
    out.append(pad("  per GPU", 69) + pad(bom.perGPU.groupedString, 19, right: true))
    for rate in spec.fxRates {
      out.append("  FX: 1 \(rate.from) = \(rate.rate) \(rate.to) (as of \(rate.asOf), \(rate.source))")
    }
    return out
  }
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
  let count = s.count
  guard count < width else { return s }
  let fill = String(repeating: " ", count: width - count)
  return right ? fill + s : s + fill
}

func truncate(_ s: String, _ width: Int) -> String {
  s.count <= width ? s : String(s.prefix(width - 1)) + "…"
}

/// Word-wraps `text` at `width` columns, keeping its leading spaces on the first line and
/// starting continuation lines with `indent`.
func wrap(_ text: String, width: Int, indent: String) -> [String] {
  let lead = String(text.prefix { $0 == " " })
  var lines: [String] = []
  var current = lead
  for word in text.dropFirst(lead.count).split(separator: " ") {
    let candidate =
      current.count == lead.count && lines.isEmpty || current == indent ? current + word : current + " " + word
    if candidate.count > width, current.trimmingCharacters(in: .whitespaces).count > 0 {
      lines.append(current)
      current = indent + word
    } else {
      current = candidate
    }
  }
  if !current.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(current) }
  return lines
}
