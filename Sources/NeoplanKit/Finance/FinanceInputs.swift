/// One capex line: a category of the bill of materials and its amount.
public struct CapexLine: Sendable, Equatable, Hashable, Codable {
  /// Category name, e.g. "compute", "backend fabric", "installation".
  public var category: String
  /// Amount in major units of the plan currency.
  public var amount: Double

  /// Creates a capex line.
  public init(category: String, amount: Double) {
    self.category = category
    self.amount = amount
  }
}

/// What the plan (cluster design and bill of materials) gives the finance engine.
public struct FinanceInputs: Sendable, Equatable, Hashable, Codable {
  /// Number of rentable GPUs.
  public var gpuCount: Int
  /// Number of compute nodes (used by all-in hosting priced per node-month).
  public var nodeCount: Int
  /// Maximum IT power of the cluster in kW (the contracted colocation power).
  public var itPowerKW: Double
  /// Hardware capex by category, in bill-of-materials order, excluding spares.
  public var capexByCategory: [CapexLine]
  /// Capex of the spare parts pool.
  public var sparesCapex: Double
  /// ISO 4217 code of the plan currency, e.g. "USD" or "CNY".
  public var currencyCode: String
  /// PUE of the facility chosen in the plan, if it has one.
  public var facilityPUE: Double?

  /// Creates inputs from capex by category.
  public init(
    gpuCount: Int, nodeCount: Int, itPowerKW: Double, capexByCategory: [CapexLine],
    sparesCapex: Double = 0, currencyCode: String = "USD", facilityPUE: Double? = nil
  ) {
    self.gpuCount = gpuCount
    self.nodeCount = nodeCount
    self.itPowerKW = itPowerKW
    self.capexByCategory = capexByCategory
    self.sparesCapex = sparesCapex
    self.currencyCode = currencyCode
    self.facilityPUE = facilityPUE
  }

  /// Creates inputs with a single "hardware" capex line.
  public init(
    gpuCount: Int, nodeCount: Int, itPowerKW: Double, hardwareCapex: Double,
    sparesCapex: Double = 0, currencyCode: String = "USD", facilityPUE: Double? = nil
  ) {
    self.init(
      gpuCount: gpuCount, nodeCount: nodeCount, itPowerKW: itPowerKW,
      capexByCategory: [CapexLine(category: "hardware", amount: hardwareCapex)],
      sparesCapex: sparesCapex, currencyCode: currencyCode, facilityPUE: facilityPUE)
  }

  /// Subscription licences, charged in full when each term is paid (operating month 1, then
  /// every term), as software opex; not capex.
  public var subscriptions: [Subscription] = []

  /// Capex categories that are not hardware (services, perpetual software): part of capex, but
  /// not of the base for maintenance, insurance, installation, shipping and residual percentages.
  public var nonHardwareCategories: [String] = []

  /// Hardware capex: ``capexByCategory`` less ``nonHardwareCategories`` (spares excluded).
  /// (A loop, not `filter` + `reduce`: the same sum in the same order without an array per call;
  /// the cash-flow model reads it every month.)
  public var hardwareCapex: Double {
    var total = 0.0
    for line in capexByCategory where !nonHardwareCategories.contains(line.category) { total += line.amount }
    return total
  }

  /// The base for percentage-of-hardware assumptions (installation, shipping, maintenance,
  /// insurance, residual value): hardware capex plus spares.
  public var hardwareCapexIncludingSpares: Double { hardwareCapex + sparesCapex }
}

/// A licence paid per term (e.g. a 3-year fabric-manager subscription).
public struct Subscription: Sendable, Equatable, Hashable, Codable {
  /// Price of one term, in major units of the plan currency.
  public var amountPerTerm: Double
  /// Term length in years (≥ 1).
  public var termYears: Int

  /// Creates a subscription.
  public init(amountPerTerm: Double, termYears: Int) {
    self.amountPerTerm = amountPerTerm
    self.termYears = termYears
  }
}
