/// The economic assumptions of a plan: the `finance` section of a spec after defaults are applied.
///
/// Every field has a default in ``FinanceAssumptions/Defaults``, and each default names its
/// public source (or says it is an estimate). Fields whose name says "Percent" hold a *fraction*
/// (`0.03` means 3 %). Rates are annual and effective unless the name says otherwise; they are
/// turned into monthly rates as `(1 + annual)^(1/12) − 1` (see ``FinanceMath/monthlyRate(fromAnnual:)``).
///
/// Money amounts are in major units of the plan currency (``FinanceInputs/currencyCode``).
public struct FinanceAssumptions: Sendable, Equatable, Hashable, Codable {
  /// Years of operation modelled (M = 12 × horizonYears operating months).
  public var horizonYears: Int
  /// Share of GPU-hours sold: one value for every year, or exactly one value per year.
  public var utilization: [Double]
  /// Market rental price at the first operating month, per GPU-hour.
  public var marketPricePerGPUHour: Double
  /// How the market price moves over the horizon, relative to ``marketPricePerGPUHour``.
  public var pricePath: PricePath
  /// Optional share of GPUs sold on a fixed-price, take-or-pay contract.
  public var contractMix: ContractMix?
  /// Months between paying for the hardware and the first revenue month.
  public var leadTimeMonths: Int
  /// Electricity price per kWh (used with colocation; all-in hosting includes power).
  public var electricityPerKWh: Double
  /// Power usage effectiveness. `nil` uses the facility's PUE from ``FinanceInputs/facilityPUE``,
  /// else ``Defaults/pue``.
  public var pue: Double?
  /// Average IT draw as a fraction of the plan's maximum IT power.
  public var averageDrawFraction: Double
  /// Space-and-power charge: colocation per contracted kW-month, or all-in hosting per node-month.
  public var facilityCost: FacilityCost
  /// Hardware maintenance per year, as a fraction of hardware (including spares) capex.
  public var maintenancePercentOfHardwarePerYear: Double
  /// Operations staff attributed to the cluster.
  public var staff: StaffCost
  /// Software licences per GPU per year (e.g. fabric manager, orchestration).
  public var softwarePerGPUYear: Double
  /// Insurance per year, as a fraction of hardware (including spares) capex.
  public var insurancePercentPerYear: Double
  /// Internet transit and other bandwidth, per month.
  public var bandwidthPerMonth: Double
  /// Sales, billing and other revenue-linked costs, as a fraction of revenue.
  public var salesAndOtherPercentOfRevenue: Double
  /// Installation and integration, as a fraction of hardware (including spares) capex.
  public var installationPercent: Double
  /// Shipping, import duties and sales taxes, as a fraction of hardware (including spares) capex.
  public var shippingAndTaxesPercent: Double
  /// Value realised by selling the hardware at the end of the horizon, as a fraction of hardware
  /// (including spares) capex. Received in the last month.
  public var residualValuePercent: Double
  /// Fraction of total capex borrowed at month 0.
  public var debtShare: Double
  /// Annual effective interest rate of the debt.
  public var interestRateAnnual: Double
  /// Months over which the debt is repaid in level (annuity) payments, starting at month 1.
  public var debtTermMonths: Int
  /// Income-tax rate on positive taxable income (after loss carry-forward).
  public var taxRate: Double
  /// Straight-line depreciation life of the capex, in years.
  public var depreciationYears: Int
  /// Hurdle rate: annual effective discount rate for NPV and the main break-even target.
  public var discountRate: Double
  /// Further annual IRR targets for which break-even starting prices are reported.
  public var extraTargetIRRs: [Double]

  /// Creates assumptions; every omitted argument takes its documented default from ``Defaults``.
  public init(
    horizonYears: Int = Defaults.horizonYears,
    utilization: [Double] = Defaults.utilization,
    marketPricePerGPUHour: Double = Defaults.marketPricePerGPUHour,
    pricePath: PricePath = Defaults.pricePath,
    contractMix: ContractMix? = nil,
    leadTimeMonths: Int = Defaults.leadTimeMonths,
    electricityPerKWh: Double = Defaults.electricityPerKWh,
    pue: Double? = nil,
    averageDrawFraction: Double = Defaults.averageDrawFraction,
    facilityCost: FacilityCost = Defaults.facilityCost,
    maintenancePercentOfHardwarePerYear: Double = Defaults.maintenancePercentOfHardwarePerYear,
    staff: StaffCost = Defaults.staff,
    softwarePerGPUYear: Double = Defaults.softwarePerGPUYear,
    insurancePercentPerYear: Double = Defaults.insurancePercentPerYear,
    bandwidthPerMonth: Double = Defaults.bandwidthPerMonth,
    salesAndOtherPercentOfRevenue: Double = Defaults.salesAndOtherPercentOfRevenue,
    installationPercent: Double = Defaults.installationPercent,
    shippingAndTaxesPercent: Double = Defaults.shippingAndTaxesPercent,
    residualValuePercent: Double = Defaults.residualValuePercent,
    debtShare: Double = Defaults.debtShare,
    interestRateAnnual: Double = Defaults.interestRateAnnual,
    debtTermMonths: Int = Defaults.debtTermMonths,
    taxRate: Double = Defaults.taxRate,
    depreciationYears: Int = Defaults.depreciationYears,
    discountRate: Double = Defaults.discountRate,
    extraTargetIRRs: [Double] = Defaults.extraTargetIRRs
  ) {
    self.horizonYears = horizonYears
    self.utilization = utilization
    self.marketPricePerGPUHour = marketPricePerGPUHour
    self.pricePath = pricePath
    self.contractMix = contractMix
    self.leadTimeMonths = leadTimeMonths
    self.electricityPerKWh = electricityPerKWh
    self.pue = pue
    self.averageDrawFraction = averageDrawFraction
    self.facilityCost = facilityCost
    self.maintenancePercentOfHardwarePerYear = maintenancePercentOfHardwarePerYear
    self.staff = staff
    self.softwarePerGPUYear = softwarePerGPUYear
    self.insurancePercentPerYear = insurancePercentPerYear
    self.bandwidthPerMonth = bandwidthPerMonth
    self.salesAndOtherPercentOfRevenue = salesAndOtherPercentOfRevenue
    self.installationPercent = installationPercent
    self.shippingAndTaxesPercent = shippingAndTaxesPercent
    self.residualValuePercent = residualValuePercent
    self.debtShare = debtShare
    self.interestRateAnnual = interestRateAnnual
    self.debtTermMonths = debtTermMonths
    self.taxRate = taxRate
    self.depreciationYears = depreciationYears
    self.discountRate = discountRate
    self.extraTargetIRRs = extraTargetIRRs
  }

  /// Number of operating months, M = 12 × ``horizonYears``.
  public var horizonMonths: Int { 12 * horizonYears }

  /// Utilization in operating year `yearIndex` (0-based): the single value, or the year's value.
  /// Years past the end of a per-year list reuse its last value.
  public func utilization(yearIndex: Int) -> Double {
    guard let last = utilization.last else { return 0 }
    if utilization.count == 1 { return last }
    return yearIndex < utilization.count ? utilization[max(0, yearIndex)] : last
  }

  /// The PUE actually used: this assumption if set, else the facility's, else ``Defaults/pue``.
  public func effectivePUE(facilityPUE: Double?) -> Double {
    pue ?? facilityPUE ?? Defaults.pue
  }
}

/// How the market rental price moves over the horizon. Prices are multiples of the starting price
/// ``FinanceAssumptions/marketPricePerGPUHour``, so break-even solves can scale the start price.
public enum PricePath: Sendable, Equatable, Hashable, Codable {
  /// Flat: every month at the starting price.
  case none
  /// Linear from the starting price in month 1 to `endFraction` × start in month M:
  /// price(m) = start × (1 − (1 − endFraction) × (m − 1)/(M − 1)).
  case linear(endFraction: Double)
  /// Step decline once a year: price(m) = start × (1 − rate)^(year index, 0-based).
  /// The price is constant within each operating year (no monthly compounding).
  case annualDecline(rate: Double)
  /// Explicit multipliers of the starting price, one per operating year (usually starting at 1.0).
  /// Years past the end of the list reuse its last value.
  case perYear([Double])
}

/// A share of the GPUs sold on a fixed-price contract.
///
/// Contracted GPUs are billed for every hour (take-or-pay), so ``FinanceAssumptions/utilization``
/// applies only to the uncontracted share. After the term, the contracted GPUs return to the
/// market at the market price and utilization.
public struct ContractMix: Sendable, Equatable, Hashable, Codable {
  /// Fraction of GPUs on the contract, 0…1.
  public var share: Double
  /// Contract price per GPU-hour, flat over the term.
  public var pricePerGPUHour: Double
  /// Contract length in operating months; `nil` means the whole horizon.
  public var termMonths: Int?

  /// Creates a contract mix.
  public init(share: Double, pricePerGPUHour: Double, termMonths: Int? = nil) {
    self.share = share
    self.pricePerGPUHour = pricePerGPUHour
    self.termMonths = termMonths
  }
}

/// The recurring charge for space and power.
public enum FacilityCost: Sendable, Equatable, Hashable, Codable {
  /// Colocation per kW-month on the contracted IT power (the plan's maximum IT kW).
  /// Electricity is billed separately at ``FinanceAssumptions/electricityPerKWh``.
  case colocation(perKWMonth: Double)
  /// All-in hosting per node-month, power included: no separate electricity line.
  case hosting(perNodeMonth: Double)
}

/// Operations staff attributed to the cluster.
public struct StaffCost: Sendable, Equatable, Hashable, Codable {
  /// Full-time equivalents (may be fractional).
  public var fteCount: Double
  /// Fully loaded cost of one FTE per year.
  public var costPerFTEYear: Double

  /// Creates a staff cost.
  public init(fteCount: Double, costPerFTEYear: Double) {
    self.fteCount = fteCount
    self.costPerFTEYear = costPerFTEYear
  }
}
