import Foundation

/// The rack-level facts of a `rack-system` part (GB200/GB300 NVL72): a rack that is the compute unit.
///
/// The GPUs talk over NVLink inside the rack; the backend fabric connects the compute trays' NICs
/// (`computeTrays × nicsPerTray` endpoints per rack). docs/catalog.md and docs/sizing.md explain it.
public struct RackScaleSpecs: Sendable, Hashable {
  /// Compute trays per rack (18 in an NVL72), each a fabric endpoint group.
  public var computeTrays: Int
  /// Backend NICs per compute tray (4 × ConnectX-7 or ConnectX-8 in an NVL72).
  public var nicsPerTray: Int
  /// NVLink switch trays per rack (9 in an NVL72); informational.
  public var nvlinkSwitchTrays: Int
  /// Power shelves in the rack (8 in an NVL72); the rack needs no separate PDUs for them.
  public var powerShelves: Int
  /// Heat the rack sends to liquid, in kW: the CDU capacity one rack needs.
  public var liquidHeatKW: Double
  /// Out-of-band management ports per rack (tray BMCs, switch trays, power shelves).
  public var oobPorts: Int
}

/// One way a NIC can run its cage(s): on which fabric (nil: any), how many ports, at what speed.
/// A ConnectX-8 runs 1 × 800G XDR InfiniBand, or 2 × 400GbE; a single 800GbE port is not a mode.
public struct NICPortMode: Sendable, Hashable {
  /// The fabric this mode is for; nil means every fabric the card supports.
  public var fabric: FabricKind?
  /// Port speed in Gb/s.
  public var speedGbps: Int
  /// Ports per card at that speed.
  public var ports: Int
}

extension NICSpecs {
  /// The port modes the card offers on `fabric`: its listed modes for that fabric, or
  /// `ports` × `portSpeedGbps` when it lists none.
  public func modes(on fabric: FabricKind) -> [PortMode] {
    guard !portModes.isEmpty else { return [PortMode(speedGbps: portSpeedGbps, ports: ports)] }
    return portModes.filter { $0.fabric == nil || $0.fabric == fabric }.map {
      PortMode(speedGbps: $0.speedGbps, ports: $0.ports)
    }
  }
}

extension GPUNodeSpecs {
  /// Fabric endpoint groups per unit: compute trays in a rack-scale system, else 1 (the node).
  public var fabricNodesPerUnit: Int { rackScale?.computeTrays ?? 1 }
  /// Backend NICs per fabric endpoint group (per tray, or per node).
  public var nicsPerFabricNode: Int { rackScale?.nicsPerTray ?? computeNICs }
}

extension Part {
  /// Keys of a `rack-system`'s specs.
  static let rackSystemKeys = [
    "gpus", "gpu_model", "gpu_memory_gb", "gpu_tdp_w", "compute_trays", "nics_per_tray",
    "compute_nic_speed_gbps", "compute_nic", "frontend_nics_included", "fabrics", "cooling", "rack_units",
    "liquid_heat_kw", "nvlink_switch_trays", "power_shelves", "oob_ports", "power_typical_w", "power_max_w",
  ]

  /// Decodes a `rack-system`'s specs into node specs with rack-level facts: the rack is the unit.
  static func decodeRackSystem(_ value: YAMLValue) throws -> PartSpecs {
    let r = try SpecsReader(value, allowed: rackSystemKeys)
    let trays = try bounded(r, "compute_trays", 1...64)
    let perTray = try bounded(r, "nics_per_tray", 1...16)
    if let cooling = r.mapping["cooling"], try cooling.oneOf(NodeCooling.self) != .liquid {
      throw cooling.error("a rack-scale system is liquid-cooled", expected: "expected cooling: liquid (or no key)")
    }
    let power = try r.power()
    let liquid = try r.double("liquid_heat_kw")
    guard liquid <= Double(power.maxW) / 1000 else {
      throw try r.req("liquid_heat_kw", "").error(
        "\(NumberFormat.powerValue(kilowatts: liquid, trimZeros: true)) kW to liquid is more than the rack's \(NumberFormat.powerValue(kilowatts: Double(power.maxW) / 1000, trimZeros: true)) kW",
        expected: "expected at most power_max_w / 1000")
    }
    let rack = RackScaleSpecs(
      computeTrays: trays, nicsPerTray: perTray, nvlinkSwitchTrays: try r.optionalInt("nvlink_switch_trays") ?? 0,
      powerShelves: try r.optionalInt("power_shelves") ?? 0, liquidHeatKW: liquid,
      oobPorts: r.mapping["oob_ports"] == nil ? trays : try bounded(r, "oob_ports", 1...256))
    return .gpuNode(
      GPUNodeSpecs(
        gpus: try bounded(r, "gpus", 1...1152), gpuModel: try r.string("gpu_model"),
        gpuMemoryGB: try r.optionalInt("gpu_memory_gb"), gpuTDPW: try r.optionalInt("gpu_tdp_w"),
        computeNICs: trays * perTray, computeNICSpeedGbps: try r.int("compute_nic_speed_gbps", min: 1),
        computeNICsIncluded: true, computeNIC: try r.mapping["compute_nic"]?.string(),
        frontendNICsIncluded: try r.mapping["frontend_nics_included"]?.bool() ?? true,
        fabrics: try r.fabrics("fabrics"), cooling: .liquid, rackUnits: try r.int("rack_units", min: 1),
        power: power, rackScale: rack))
  }

  /// A required whole number within `range`, else a located error.
  static func bounded(_ r: SpecsReader, _ key: String, _ range: ClosedRange<Int>) throws -> Int {
    let value = try r.req(key, "a whole number")
    let number = try value.int()
    guard range.contains(number) else {
      throw value.error(
        "\(number) is out of range", expected: "expected \(range.lowerBound)…\(range.upperBound)")
    }
    return number
  }

  /// `port_modes: [{fabric: infiniband, speed_gbps: 800, ports: 1}, {fabric: ethernet, speed_gbps: 400, ports: 2}]`.
  static func decodeNICPortModes(_ value: YAMLValue?) throws -> [NICPortMode] {
    guard let value else { return [] }
    let modes = try value.sequence().map { item in
      let m = try item.mapping()
      try m.rejectUnknownKeys(["fabric", "speed_gbps", "ports"])
      let speed = try m.required("speed_gbps", expected: "a speed in Gb/s").int()
      let ports = try m.required("ports", expected: "ports per card at that speed").int()
      guard (1...3200).contains(speed), (1...16).contains(ports) else {
        throw item.error(
          "speed \(speed) Gb/s or \(ports) ports out of range",
          expected: "expected 1…3200 Gb/s and 1…16 ports per card, e.g. {fabric: ethernet, speed_gbps: 400, ports: 2}")
      }
      return NICPortMode(fabric: try m["fabric"]?.oneOf(FabricKind.self), speedGbps: speed, ports: ports)
    }
    guard !modes.isEmpty else {
      throw value.error("no port modes", expected: "expected at least one {speed_gbps, ports}, or no key")
    }
    return modes
  }
}

extension FormFactor {
  /// A module of this form factor plugs into `cage`: the same form, or an older QSFP module in a
  /// newer QSFP cage (QSFP28 in QSFP56 or QSFP112, QSFP56 in QSFP112), as QSFP cages are
  /// backward compatible.
  public func fits(_ cage: FormFactor) -> Bool {
    switch (self, cage) {
    case (let a, let b) where a == b: return true
    case (.qsfp28, .qsfp56), (.qsfp28, .qsfp112), (.qsfp56, .qsfp112): return true
    default: return false
    }
  }
}
