import Foundation

/// The backend's kind and design, its switch and NIC, and the link they make.
private struct BackendEnds {
  var kind: FabricKind
  var design: FabricDesign
  var switchPart: Part
  var switchSpecs: SwitchSpecs
  var nic: Part
  var nicSpecs: NICSpecs
  var link: BackendLink
}

extension SpecDecoder {
  /// Decodes `backend:`; `nil` for `kind: none`. A NIC slower or faster than the node lists adds
  /// a warning to `warnings`.
  mutating func decodeBackend(
    _ root: KeyedMapping<SpecSection>, compute: ClusterSpec.Compute, nodeValue: YAMLValue,
    warnings: inout [PlanWarning]
  ) throws -> ClusterSpec.Backend? {
    let map = try section(root, .backend, as: BackendKey.self)
    let kindText = try map?[.kind]?.string() ?? ClusterSpec.Defaults.backendKind
    guard kindText != "none" else {
      if let map, let extra = map.entries.first(where: { $0.key != BackendKey.kind.rawValue }) {
        throw extra.keyValue.error(
          "'\(extra.key)' has no effect with kind: none", expected: "expected only kind: none, or a fabric kind")
      }
      return nil
    }
    let ends = try backendEnds(map, kindText: kindText, compute: compute, nodeValue: nodeValue)
    let node = compute.node
    let nodeSpecs = compute.nodeSpecs
    if ends.link.speedGbps != nodeSpecs.computeNICSpeedGbps {
      warnings.append(
        PlanWarning(
          "nic-speed",
          [
            "node": node.id, "speed": "\(nodeSpecs.computeNICSpeedGbps)", "nic": ends.nic.id,
            "nicSpeed": "\(ends.link.speedGbps)",
          ],
          text:
            "\(node.id) lists \(nodeSpecs.computeNICSpeedGbps) Gb/s backend NICs; the plan uses \(ends.nic.id) at \(ends.link.speedGbps) Gb/s (set backend.nic to change it)",
          keyPath: "backend.nic"))
    }
    let optics = try map?[.optics]?.oneOf(OpticsMedia.self) ?? ClusterSpec.Defaults.optics
    let (switchTransceiver, nodeTransceiver) = try transceivers(map, ends, optics: optics, nodeValue: nodeValue)
    let (suNodes, fmPorts, planes) = try backendCounts(map, ends, nodeSpecs: nodeSpecs)
    return ClusterSpec.Backend(
      kind: ends.kind, design: ends.design,
      switchPart: ends.switchPart, switchSpecs: ends.switchSpecs, nic: ends.nic, nicSpecs: ends.nicSpecs,
      nicsIncluded: nodeSpecs.computeNICsIncluded, linkSpeedGbps: ends.link.speedGbps,
      fabricNodesPerUnit: nodeSpecs.fabricNodesPerUnit, nicCardsPerFabricNode: ends.link.cardsPerFabricNode,
      railsPerFabricNode: ends.link.railsPerFabricNode,
      oversubscription: try map?[.oversubscription]?.oversubscription() ?? ClusterSpec.Defaults.oversubscription,
      scalableUnitNodes: suNodes, fabricManagerPorts: fmPorts, planes: planes,
      cabling: try map?[.cabling]?.oneOf(CablingPolicy.self) ?? ClusterSpec.Defaults.cabling, optics: optics,
      switchTransceiver: switchTransceiver, nodeTransceiver: nodeTransceiver,
      fiber: try part(
        map, .fiber, default: DefaultParts.fiber(ends.link.speedGbps >= 800 ? .singlemode : optics), kind: .cable,
        context: "optical links"),
      copperCable: try part(
        map, .copperCable, default: DefaultParts.copperCable, kind: .cable, context: "copper links"))
  }

  /// The fabric kind, switch, NIC and link, each checked against the node and each other.
  private func backendEnds(
    _ map: KeyedMapping<BackendKey>?, kindText: String, compute: ClusterSpec.Compute, nodeValue: YAMLValue
  ) throws -> BackendEnds {
    let node = compute.node
    let nodeSpecs = compute.nodeSpecs
    guard let kind = FabricKind(rawValue: kindText), kind != .management else {
      let allowed = ["infiniband", "ethernet", "none"]
      var hint = "expected one of infiniband, ethernet, none"
      if let guess = closestMatch(to: kindText, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
      throw (map?[.kind] ?? nodeValue).error("'\(kindText)' is not a fabric kind", expected: hint)
    }
    if !nodeSpecs.fabrics.contains(kind) {
      throw (map?[.kind] ?? nodeValue).error(
        "\(node.id) does not support \(kind.rawValue)",
        expected: "expected one of \(nodeSpecs.fabrics.map(\.rawValue).joined(separator: ", "))")
    }
    let design = try map?[.design]?.oneOf(FabricDesign.self) ?? ClusterSpec.Defaults.fabricDesign
    let (switchPart, switchSpecs) = try part(
      map, .switch, default: kind == .infiniband ? DefaultParts.infinibandSwitch : DefaultParts.ethernetSwitch,
      kind: .switch, as: .switchPart, context: "the backend")
    if switchSpecs.fabric != kind {
      throw (map?[.switch] ?? nodeValue).error(
        "\(switchPart.id) is \(withArticle(switchSpecs.fabric.rawValue)) switch, not \(kind.rawValue)",
        expected: "expected \(withArticle(kind.rawValue)) switch")
    }
    let nicsIncluded = nodeSpecs.computeNICsIncluded
    var nicID: String? = kind == .infiniband ? DefaultParts.infinibandNIC : DefaultParts.ethernetNIC
    if nicsIncluded, let included = nodeSpecs.computeNIC { nicID = included }
    let (nic, nicSpecs) = try part(map, .nic, default: nicID, kind: .nic, as: .nic, context: "the backend")
    if !nicSpecs.fabrics.contains(kind) {
      throw (map?[.nic] ?? nodeValue).error(
        "\(nic.id) does not support \(kind.rawValue)",
        expected: "expected a NIC whose fabrics include \(kind.rawValue)")
    }
    if nicsIncluded, let included = nodeSpecs.computeNIC, included != nic.id, let v = map?[.nic] {
      throw v.error(
        "\(node.id)'s price already includes its backend NICs (\(included))",
        expected: "expected nic: \(included), or a node without included NICs")
    }
    let link = try ClusterSpec.resolveBackendLink(
      kind: kind, node: nodeSpecs, nic: nic, nicSpecs: nicSpecs, switchPart: switchPart, switchSpecs: switchSpecs,
      requested: map?[.linkSpeedGbps], nicValue: map?[.nic] ?? nodeValue, switchValue: map?[.switch] ?? nodeValue)
    return BackendEnds(
      kind: kind, design: design, switchPart: switchPart, switchSpecs: switchSpecs, nic: nic, nicSpecs: nicSpecs,
      link: link)
  }

  /// The switch-side and node-side modules, checked against the cages and the link speed.
  private func transceivers(
    _ map: KeyedMapping<BackendKey>?, _ ends: BackendEnds, optics: OpticsMedia, nodeValue: YAMLValue
  ) throws -> (Part, Part) {
    let switchSpecs = ends.switchSpecs
    let speed = ends.link.speedGbps
    if switchSpecs.coPackagedOptics, let v = map?[.switchTransceiver] {
      throw v.error(
        "\(ends.switchPart.id) has co-packaged optics: it takes no switch-side modules",
        expected: "expected no backend.switch_transceiver (fibre still runs to every port)")
    }
    let switchTransceiver = try part(
      map, .switchTransceiver,
      default: switchSpecs.cageFormFactor == .osfp || switchSpecs.coPackagedOptics
        ? DefaultParts.switchTransceiver(optics, speed: speed) : nil,
      kind: .transceiver, context: "\(switchSpecs.cageFormFactor.rawValue) switch cages")
    let nodeTransceiver = try part(
      map, .nodeTransceiver,
      default: DefaultParts.nodeTransceiver(
        optics, ends.nicSpecs.formFactor, speed: speed,
        portsPerCage: ends.link.railsPerFabricNode / max(1, ends.link.cardsPerFabricNode)),
      kind: .transceiver, context: "\(ends.nicSpecs.formFactor.rawValue) \(optics.rawValue) NIC ports")
    for (key, transceiver) in [
      (BackendKey.switchTransceiver, switchTransceiver), (BackendKey.nodeTransceiver, nodeTransceiver),
    ] {
      guard case .transceiver(let t) = transceiver.specs else { continue }
      let atSwitch = key == .switchTransceiver
      let expectedForm = atSwitch ? switchSpecs.cageFormFactor : ends.nicSpecs.formFactor
      if !t.formFactor.fits(expectedForm) && !(atSwitch && switchSpecs.coPackagedOptics) {
        throw (map?[key] ?? nodeValue).error(
          "\(transceiver.id) is \(t.formFactor.rawValue), the cage is \(expectedForm.rawValue)",
          expected: "expected \(withArticle(expectedForm.rawValue)) transceiver")
      }
      if t.portSpeedGbps < speed {
        throw (map?[key] ?? nodeValue).error(
          "\(transceiver.id) runs \(t.portSpeedGbps) Gb/s ports, the link is \(speed) Gb/s",
          expected: "expected a transceiver with \(speed) Gb/s ports or faster")
      }
    }
    return (switchTransceiver, nodeTransceiver)
  }

  /// Scalable-unit size, fabric-manager ports and planes.
  private func backendCounts(_ map: KeyedMapping<BackendKey>?, _ ends: BackendEnds, nodeSpecs: GPUNodeSpecs) throws
    -> (scalableUnitNodes: Int, fabricManagerPorts: Int, planes: Int)
  {
    let rails = ends.link.railsPerFabricNode
    let suNodes =
      try map?[.scalableUnitNodes]?.int()
      ?? (nodeSpecs.rackScale == nil
        ? ClusterSpec.Defaults.scalableUnitNodes : ClusterSpec.Defaults.scalableUnitRacks)
    var fmPorts = ClusterSpec.Defaults.fabricManagerPorts
    if let v = map?[.fabricManagerPorts] {
      fmPorts = try v.int()
      if fmPorts > 0 && ends.kind != .infiniband {
        throw v.error(
          "fabric_manager_ports is for InfiniBand's subnet manager (UFM)",
          expected: "expected 0 (or no key) on an Ethernet fabric")
      }
      guard (0...rails).contains(fmPorts) else {
        throw v.error(
          "\(fmPorts) fabric-manager ports", expected: "expected 0…\(rails) (NVIDIA's UFM appliance uses 4)")
      }
    }
    var planes = ClusterSpec.Defaults.planes
    if let v = map?[.planes] {
      planes = try v.int()
      guard planes >= 1, planes <= 4, rails % planes == 0 else {
        throw v.error(
          "\(planes) planes for \(rails) backend ports per node",
          expected: "expected 1…4 planes that divide the node's \(rails) backend ports")
      }
    }
    return (suNodes, fmPorts, planes)
  }
}
