import Foundation

/// One priced line of the bill of materials.
public struct LineItem: Sendable, Hashable {
  /// The BoM category of the line.
  public var category: PartCount.Category
  /// The catalog id of the part.
  public var partID: String
  /// The vendor's part number, when the catalog has one.
  public var partNumber: String?
  /// The part's display name.
  public var description: String
  /// What the line is for (roles of the part in the design).
  public var role: String
  /// How many.
  public var quantity: Int
  /// Unit price in the BoM currency (converted, rounded half-even to the cent).
  public var unitPrice: Money
  /// `unitPrice × quantity`, exact.
  public var extendedPrice: Money
  /// The catalog price before conversion.
  public var sourcePrice: Money
  /// The rate used when the catalog currency differs, with its date.
  public var exchangeRate: ExchangeRate?
  /// Where the price comes from.
  public var source: String
  /// The date of the price.
  public var asOf: Day
  /// How firm the price is (quoted, list or estimate).
  public var confidence: PriceConfidence
  /// The price's note (an estimate says how it was reached).
  public var note: String?
  /// A spare, not installed.
  public var isSpare: Bool
  /// The price is older than ``Pricer/staleAfterDays`` before the plan's as-of date.
  public var isStale: Bool = false
}

/// A category subtotal.
public struct CategoryTotal: Sendable, Hashable {
  /// The category.
  public var category: PartCount.Category
  /// Sum of its lines (spares included).
  public var total: Money
  /// `total` ÷ GPUs, half-even to the cent.
  public var perGPU: Money
  /// `total` as a fraction of the BoM total (0 when the total is not positive).
  public var share: Double
}

/// The priced BoM: lines, subtotals, totals per node and per GPU.
public struct BillOfMaterials: Sendable {
  /// The BoM currency (ISO 4217 code).
  public var currency: String
  /// The priced lines, installed and spare.
  public var lines: [LineItem]
  /// GPU nodes in the cluster (for per-node figures).
  public var nodes: Int
  /// GPUs in the cluster (for per-GPU figures).
  public var gpus: Int

  /// Sum of all lines (spares included).
  public var total: Money { lines.reduce(Money.zero(currency)) { $0 + $1.extendedPrice } }
  /// Total ÷ nodes, half-even to the cent.
  public var perNode: Money { total.divided(by: max(1, nodes)) }
  /// Total ÷ GPUs, half-even to the cent.
  public var perGPU: Money { total.divided(by: max(1, gpus)) }
  /// Subtotals in category order, only categories with lines.
  public var categoryTotals: [CategoryTotal] {
    let all = total
    return PartCount.Category.allCases.compactMap { category in
      let lines = lines.filter { $0.category == category }
      guard !lines.isEmpty else { return nil }
      let sum = lines.reduce(Money.zero(currency)) { $0 + $1.extendedPrice }
      return CategoryTotal(
        category: category, total: sum, perGPU: sum.divided(by: max(1, gpus)),
        share: all.cents > 0 ? Double(sum.cents) / Double(all.cents) : 0)
    }
  }
  /// Lines priced by estimate.
  public var estimatedLines: [LineItem] { lines.filter { $0.confidence == .estimate } }
}

/// Prices a design from its catalog parts.
public enum Pricer {
  /// Lines older than this many days before the plan's as-of date are flagged.
  public static let staleAfterDays = 180

  /// Builds the BoM in the spec currency; a missing exchange rate is a located input error.
  public static func price(_ design: ClusterDesign) throws -> BillOfMaterials {
    let spec = design.spec
    var lines: [LineItem] = []
    for count in design.parts {
      let price = count.part.price
      var unit = price.amount
      var rate: ExchangeRate?
      if price.amount.currency != spec.currency {
        guard let found = spec.fxRates.first(where: { $0.from == price.amount.currency }) else {
          throw InputError(
            spec.diagnostic(
              "fx", "\(count.part.id) is priced in \(price.amount.currency) and no rate to \(spec.currency) is given",
              expected:
                "expected fx: [{from: \(price.amount.currency), rate: <\(spec.currency) per \(price.amount.currency)>, as_of: YYYY-MM-DD, source: ...}]"
            ))
        }
        rate = found
        unit = try checkedConverted(price.amount, rate: found.rate, to: spec.currency, part: count.part, spec: spec)
      }
      var description = count.part.displayName
      if count.isSpare { description += " (spare)" }
      lines.append(
        LineItem(
          category: count.category, partID: count.part.id, partNumber: count.part.partNumber, description: description,
          role: count.role,
          quantity: count.quantity, unitPrice: unit,
          extendedPrice: try checkedExtended(unit, quantity: count.quantity, part: count.part, spec: spec),
          sourcePrice: price.amount, exchangeRate: rate, source: price.source, asOf: price.asOf,
          confidence: price.confidence, note: price.note, isSpare: count.isSpare,
          isStale: price.asOf.days(to: spec.asOf) > staleAfterDays))
    }
    try checkTotal(lines, spec: spec)
    // Stable order: category, installed before spares, then design order. The keys are computed
    // once, and the category's rank by searching `allCases`: a dictionary keyed by the category
    // made the runtime scan the binary for its Hashable conformance.
    let categories = PartCount.Category.allCases
    let keys = lines.enumerated().map { offset, line in
      (categories.firstIndex(of: line.category) ?? 0, line.isSpare ? 1 : 0, offset)
    }
    let order = lines.indices.sorted { keys[$0] < keys[$1] }
    return BillOfMaterials(
      currency: spec.currency, lines: order.map { lines[$0] }, nodes: design.nodes, gpus: design.gpus)
  }

  /// Warnings about the prices used: estimates and prices older than 180 days before `asOf`.
  public static func priceWarnings(_ bom: BillOfMaterials, asOf: Day) -> [PlanWarning] {
    var warnings: [PlanWarning] = []
    var seen = Set<String>()
    var stale: [String] = []
    var estimates: [String] = []
    var future: [String] = []
    for line in bom.lines where seen.insert(line.partID).inserted {
      if line.isStale { stale.append("\(line.partID) (\(line.asOf))") }
      if line.confidence == .estimate { estimates.append(line.partID) }
      if line.asOf > asOf { future.append("\(line.partID) (\(line.asOf))") }
    }
    if !future.isEmpty {
      let list = future.joined(separator: ", ")
      warnings.append(
        PlanWarning(
          "future-prices", ["count": "\(future.count)", "date": "\(asOf)", "list": list],
          text: "\(future.count) price(s) dated after the plan's as-of date \(asOf): \(list)"))
    }
    if !stale.isEmpty {
      let list = stale.joined(separator: ", ")
      warnings.append(
        PlanWarning(
          "stale-prices", ["count": "\(stale.count)", "days": "\(staleAfterDays)", "date": "\(asOf)", "list": list],
          text: "\(stale.count) price(s) older than \(staleAfterDays) days before \(asOf): \(list)"))
    }
    if !estimates.isEmpty {
      let share = bom.lines.filter { $0.confidence == .estimate }.reduce(Money.zero(bom.currency)) {
        $0 + $1.extendedPrice
      }
      let fraction = bom.total.cents > 0 ? Double(share.cents) / Double(bom.total.cents) : 0
      let list = estimates.joined(separator: ", ")
      warnings.append(
        PlanWarning(
          "estimated-prices", ["count": "\(estimates.count)", "share": NumberFormat.percent(fraction), "list": list],
          text: "\(estimates.count) part(s) priced by estimate, \(NumberFormat.percent(fraction)) of the total: \(list)"
        ))
    }
    return warnings
  }
}
