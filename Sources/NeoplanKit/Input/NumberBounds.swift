import Foundation

/// The range every number in a spec or catalog must lie in, checked once where the value is
/// decoded (``YAMLValue/int()``, ``YAMLValue/double()``, ``YAMLValue/decimal(maxFractionDigits:)``).
///
/// Keys are dotted paths with list indices removed (`fx[0].rate` → `fx.rate`,
/// `parts[3].specs.gpus` → `parts.specs.gpus`). A number at a path not listed here gets
/// ``fallback``. The bounds are documented in docs/spec.md and docs/catalog.md; together with the
/// checked arithmetic in pricing and the finance scale check they keep every integer product and
/// every amount of money inside `Int64` (docs/reliability.md shows the arithmetic).
public enum NumberBounds {
  /// Inclusive range for one key.
  public struct Bound: Sendable {
    /// Smallest accepted value.
    public let min: Double
    /// Largest accepted value.
    public let max: Double
  }

  /// Any number at a path with no entry: within ±10^9.
  public static let fallback = Bound(min: -1e9, max: 1e9)

  /// Spec keys.
  public static let spec: [String: Bound] = [
    "compute.nodes": Bound(min: 1, max: 100_000),
    "compute.gpus": Bound(min: 1, max: 1_000_000),
    "fx.rate": Bound(min: 0, max: 1_000_000),
    "backend.scalable_unit_nodes": Bound(min: 1, max: 4096),
    "backend.fabric_manager_ports": Bound(min: 0, max: 64),
    "backend.planes": Bound(min: 1, max: 4),
    "frontend.port_speed_gbps": Bound(min: 1, max: 3200),
    // 8 per node, or per compute tray on a rack-scale system: 8 × 18 trays of an NVL72 rack.
    "frontend.ports_per_node": Bound(min: 1, max: 144),
    "storage.capacity_pb": Bound(min: 0, max: 1000),
    "management.servers": Bound(min: 0, max: 64),
    "facility.rack_power_kw": Bound(min: 1, max: 250),
    "facility.air_cooling_limit_kw": Bound(min: 1, max: 60),
    "facility.pue": Bound(min: SpecLimits.pue.lowerBound, max: SpecLimits.pue.upperBound),
    "spares.nodes_percent": Bound(min: 0, max: 100),
    "spares.switches_percent": Bound(min: 0, max: 100),
    "spares.optics_percent": Bound(min: 0, max: 100),
    "spares.cables_percent": Bound(min: 0, max: 100),
    "quote.valid_days": Bound(min: 1, max: 365),
    "finance.horizon_years": Bound(min: 1, max: 30),
    "finance.utilization": Bound(min: 0, max: 1),
    "finance.market_price": Bound(min: 0, max: 1_000_000),
    "finance.price_path.end_fraction": Bound(min: 0, max: 10),
    "finance.price_path.annual_decline": Bound(min: -1, max: 1),
    "finance.price_path.multipliers": Bound(min: 0, max: 10),
    "finance.contract.share": Bound(min: 0, max: 1),
    "finance.contract.price": Bound(min: 0, max: 1_000_000),
    "finance.contract.term_months": Bound(min: 1, max: 360),
    "finance.lead_time_months": Bound(min: 0, max: 60),
    "finance.electricity_per_kwh": Bound(min: 0, max: 100_000),
    "finance.pue": Bound(min: SpecLimits.pue.lowerBound, max: SpecLimits.pue.upperBound),
    "finance.average_draw": Bound(min: 0, max: 1),
    "finance.colocation_per_kw_month": Bound(min: 0, max: 100_000_000),
    "finance.hosting_per_node_month": Bound(min: 0, max: 1_000_000_000),
    "finance.maintenance_per_year": Bound(min: 0, max: 1),
    "finance.staff.ftes": Bound(min: 0, max: 100_000),
    "finance.staff.cost_per_fte": Bound(min: 0, max: 1_000_000_000),
    "finance.software_per_gpu_year": Bound(min: 0, max: 1_000_000_000),
    "finance.insurance_per_year": Bound(min: 0, max: 1),
    "finance.bandwidth_per_month": Bound(min: 0, max: 1_000_000_000),
    "finance.installation": Bound(min: 0, max: 1),
    "finance.shipping_and_taxes": Bound(min: 0, max: 1),
    "finance.residual_value": Bound(min: 0, max: 1),
    "finance.sales_and_other": Bound(min: 0, max: 1),
    "finance.financing.debt_share": Bound(min: 0, max: 1),
    "finance.financing.interest_rate": Bound(min: 0, max: 1),
    "finance.financing.term_months": Bound(min: 1, max: 360),
    "finance.tax.rate": Bound(min: 0, max: 1),
    "finance.tax.depreciation_years": Bound(min: 1, max: 30),
    "finance.discount_rate": Bound(min: 0, max: 1),
    "finance.target_irrs": Bound(min: -1, max: 10),
  ]

  /// Catalog keys (under `parts[i].`).
  public static let catalog: [String: Bound] = [
    "schema": Bound(min: 1, max: 1),
    "parts.price.amount": Bound(min: 0, max: 1_000_000_000),
    "parts.specs.gpus": Bound(min: 1, max: 128),
    "parts.specs.gpu_memory_gb": Bound(min: 0, max: 100_000),
    "parts.specs.gpu_tdp_w": Bound(min: 0, max: 100_000),
    "parts.specs.compute_nics": Bound(min: 1, max: 64),
    "parts.specs.compute_nic_speed_gbps": Bound(min: 1, max: 3200),
    "parts.specs.rack_units": Bound(min: 0, max: 60),
    "parts.specs.power_typical_w": Bound(min: 0, max: 1_000_000),
    "parts.specs.power_max_w": Bound(min: 0, max: 1_000_000),
    "parts.specs.ports": Bound(min: 1, max: 64),
    "parts.specs.port_speed_gbps": Bound(min: 1, max: 3200),
    "parts.specs.cages": Bound(min: 1, max: 1024),
    "parts.specs.port_modes.speed_gbps": Bound(min: 1, max: 3200),
    "parts.specs.port_modes.ports": Bound(min: 1, max: 4096),
    "parts.specs.reach_m": Bound(min: 1, max: 200_000),
    "parts.specs.length_m": Bound(min: 0.01, max: 10_000),
    "parts.specs.links": Bound(min: 0, max: 64),
    "parts.specs.max_power_kw": Bound(min: 0, max: 10_000),
    "parts.specs.capacity_kw": Bound(min: 0.1, max: 100_000),
    "parts.specs.phases": Bound(min: 0, max: 3),
    "parts.specs.voltage_v": Bound(min: 0, max: 1000),
    "parts.specs.amps": Bound(min: 0, max: 10_000),
    "parts.specs.outlets": Bound(min: 0, max: 1000),
    "parts.specs.usable_tb": Bound(min: 1, max: 1_000_000),
    "parts.specs.min_servers": Bound(min: 1, max: 1024),
    "parts.specs.frontend_ports": Bound(min: 1, max: 64),
    "parts.specs.term_years": Bound(min: 0, max: 30),
  ]

  /// The bound for a (possibly indexed) key path.
  public static func bound(for path: String) -> Bound {
    let key = normalized(path)
    return spec[key] ?? catalog[key] ?? fallback
  }

  /// `parts[3].specs.port_modes[0].ports` → `parts.specs.port_modes.ports`.
  static func normalized(_ path: String) -> String {
    // Most paths have no index: nothing to drop (a Character loop per number read was costly).
    guard path.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }) else { return path }
    var out = ""
    var inIndex = false
    for character in path {
      if character == "[" {
        inIndex = true
      } else if character == "]" {
        inIndex = false
      } else if !inIndex {
        out.append(character)
      }
    }
    return out
  }

  /// A number for a message: compact (`1e+308`, `12.5`), never hundreds of digits.
  public static func display(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    if abs(value) >= 1e9 || (abs(value) < 1e-4 && value != 0) {
      return value.description  // Swift's shortest round-trip form, e.g. 1e+308
    }
    return NumberFormat.fixed(value, decimals: 6, trimZeros: true)
  }
}

extension YAMLValue {
  /// Throws a located error when `value` is outside this path's bound.
  func checkBound(_ value: Double, text: String) throws {
    guard checksBounds else { return }
    let bound = NumberBounds.bound(for: path)
    guard value >= bound.min, value <= bound.max else {
      throw error(
        "\(Truncated.text(text, limit: 40)) is out of range",
        expected: "expected \(NumberBounds.display(bound.min))…\(NumberBounds.display(bound.max))")
    }
  }
}
