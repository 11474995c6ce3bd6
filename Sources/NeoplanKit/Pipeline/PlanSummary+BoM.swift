import Foundation

extension PlanSummary {
  /// The priced bill of materials as a plan's JSON writes it (`bom`).
  public struct BoM: Sendable, Hashable, Codable {
    /// The currency of every amount.
    public var currency: String
    /// Sum of all lines, spares included.
    public var total: Money
    /// Total ÷ nodes, half-even to the cent.
    public var perNode: Money
    /// Total ÷ GPUs, half-even to the cent.
    public var perGPU: Money
    /// Subtotals in category order, only categories with lines.
    public var categories: [CategoryTotal]
    /// The exchange rates the spec gave (`fx:`).
    public var fxRates: [ExchangeRate]
    /// The lines in BoM order.
    public var lines: [Line]

    /// Creates a BoM summary from its parts.
    public init(
      currency: String, total: Money, perNode: Money, perGPU: Money, categories: [CategoryTotal],
      fxRates: [ExchangeRate], lines: [Line]
    ) {
      self.currency = currency
      self.total = total
      self.perNode = perNode
      self.perGPU = perGPU
      self.categories = categories
      self.fxRates = fxRates
      self.lines = lines
    }

    /// The BoM of a plan made in memory.
    public init(plan: Plan) {
      let bom = plan.bom
      self.init(
        currency: bom.currency, total: bom.total, perNode: bom.perNode, perGPU: bom.perGPU,
        categories: bom.categoryTotals.map { CategoryTotal(category: $0.category.rawValue, total: $0.total) },
        fxRates: plan.spec.fxRates, lines: bom.lines.map(Line.init(item:)))
    }
  }

  /// A category subtotal (`bom.categories[]`).
  public struct CategoryTotal: Sendable, Hashable, Codable {
    /// The BoM category.
    public var category: String
    /// Sum of the category's lines.
    public var total: Money

    /// Creates a subtotal.
    public init(category: String, total: Money) {
      self.category = category
      self.total = total
    }
  }

  /// One BoM line (`bom.lines[]`). What a saved plan may leave out is optional.
  public struct Line: Sendable, Hashable, Codable {
    /// The BoM category.
    public var category: String?
    /// The catalog part id.
    public var id: String
    /// What the line is.
    public var description: String?
    /// What the line is for.
    public var role: String?
    /// How many.
    public var quantity: Int
    /// Price per unit, in the BoM currency.
    public var unitPrice: Money
    /// `unitPrice × quantity`.
    public var extendedPrice: Money
    /// Where the price comes from.
    public var source: String?
    /// The price's date.
    public var asOf: Day?
    /// `quoted`, `list` or `estimate`.
    public var confidence: String?
    /// A spare, not installed.
    public var isSpare: Bool
    /// The price is older than the plan allows.
    public var isStale: Bool?
    /// The catalog price and the rate that converted it, when its currency differs.
    public var conversion: Conversion?
    /// The catalog's note on the price.
    public var note: String?

    /// Creates a line from its parts.
    public init(
      category: String?, id: String, description: String?, role: String? = nil, quantity: Int, unitPrice: Money,
      extendedPrice: Money, source: String? = nil, asOf: Day? = nil, confidence: String? = nil, isSpare: Bool,
      isStale: Bool? = nil, conversion: Conversion? = nil, note: String? = nil
    ) {
      self.category = category
      self.id = id
      self.description = description
      self.role = role
      self.quantity = quantity
      self.unitPrice = unitPrice
      self.extendedPrice = extendedPrice
      self.source = source
      self.asOf = asOf
      self.confidence = confidence
      self.isSpare = isSpare
      self.isStale = isStale
      self.conversion = conversion
      self.note = note
    }

    /// A priced line of a plan made in memory.
    public init(item: LineItem) {
      self.init(
        category: item.category.rawValue, id: item.partID, description: item.description, role: item.role,
        quantity: item.quantity, unitPrice: item.unitPrice, extendedPrice: item.extendedPrice, source: item.source,
        asOf: item.asOf, confidence: item.confidence.rawValue, isSpare: item.isSpare, isStale: item.isStale,
        conversion: item.exchangeRate.map { Conversion(sourcePrice: item.sourcePrice, rate: $0) }, note: item.note)
    }
  }

  /// A catalog price in another currency and the rate that brought it into the BoM currency.
  public struct Conversion: Sendable, Hashable, Codable {
    /// The catalog price.
    public var sourcePrice: Money
    /// The rate used, with its date and source.
    public var rate: ExchangeRate

    /// Creates a conversion.
    public init(sourcePrice: Money, rate: ExchangeRate) {
      self.sourcePrice = sourcePrice
      self.rate = rate
    }
  }
}
