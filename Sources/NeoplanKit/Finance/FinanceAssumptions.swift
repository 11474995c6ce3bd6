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
  /// Contracted revenue tranches (take-or-pay shares of the GPUs); the rest is sold at the
  /// market path. Empty: everything at the market.
  public var contracts: [ContractMix]
  /// The first contract (the single-contract view of ``contracts``); setting it replaces them all.
  public var contractMix: ContractMix? {
    get { contracts.first }
    set { contracts = newValue.map { [$0] } ?? [] }
  }
  /// Months over which market utilization ramps up linearly (operating month k sells k ÷ ramp of
  /// the year's utilization until k reaches the ramp); 0 = no ramp.
  public var utilizationRampMonths: Int = Defaults.utilizationRampMonths
  /// Months between paying for the hardware and the first revenue month.
  public var leadTimeMonths: Int
  /// Electricity price per kWh (used with colocation; all-in hosting includes power).
  public var electricityPerKWh: Double
  /// Power usage effectiveness. `nil` uses the facility's PUE from ``FinanceInputs/facilityPUE``,
  /// else ``Defaults/pue``.
  public var pue: Double?
  /// A flat average IT draw as a fraction of the plan's maximum IT power; `nil` (the default)
  /// scales the draw with the busy share of the GPUs between ``idleDrawFraction`` and
  /// ``busyDrawFraction``.
  public var averageDrawFraction: Double?
  /// IT draw of an idle cluster, as a fraction of the maximum IT power.
  public var idleDrawFraction: Double = Defaults.idleDrawFraction
  /// IT draw of a fully busy cluster, as a fraction of the maximum IT power.
  public var busyDrawFraction: Double = Defaults.busyDrawFraction
  /// Years of vendor warranty from the first operating month; maintenance starts after it.
  public var warrantyYears: Int = Defaults.warrantyYears
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
  /// (including spares) capex, received in the last month; `nil` reads it from
  /// ``residualCurve`` at the horizon.
  public var residualValuePercent: Double?
  /// Market value of the hardware at the end of operating year 1, 2, … as a fraction of its cost
  /// (years past the list reuse its last value): the collateral value for LTV, and the residual
  /// value unless ``residualValuePercent`` is set.
  public var residualCurve: [Double] = Defaults.residualCurve
  /// Fraction of total capex borrowed, used when ``debtSizing`` is `nil`.
  public var debtShare: Double
  /// How the loan amount is set; `nil` = ``debtShare`` of capex.
  public var debtSizing: DebtSizing?
  /// Annual interest rate of the debt (``interestConvention`` says how it is compounded).
  public var interestRateAnnual: Double
  /// How the annual interest rate becomes a monthly one (nominal: rate ÷ 12).
  public var interestConvention: RateConvention = Defaults.interestConvention
  /// Months of repayment (the tenor), starting with the first operating month.
  public var debtTermMonths: Int
  /// Repayment profile of the debt.
  public var amortization: Amortization = Defaults.amortization
  /// Whether interest during construction is paid by equity or added to the loan.
  public var interestDuringConstruction: InterestDuringConstruction = Defaults.interestDuringConstruction
  /// Arrangement fee paid at close, as a fraction of the loan (0 = none).
  public var upfrontFee: Double = 0
  /// Months of scheduled debt service held in a reserve account from the end of the build until
  /// the last repayment (0 = none); funded and recovered by equity.
  public var reserveMonths: Int = 0
  /// Lender covenants tested on the annual DSCR and the monthly LTV.
  public var covenants: Covenants = Defaults.covenants
  /// Income-tax rate on positive taxable income (after loss carry-forward).
  public var taxRate: Double
  /// Straight-line depreciation life of the capex, in years.
  public var depreciationYears: Int
  /// Share of a year's taxable income that losses carried forward may offset (US: 80 %); `nil`
  /// = no limit.
  public var lossCarryForwardCap: Double? = Defaults.lossCarryForwardCap
  /// Hurdle rate: annual effective discount rate for the project (unlevered) NPVs and the main
  /// break-even target.
  public var discountRate: Double
  /// Cost of equity: annual effective discount rate for the equity (levered) NPV.
  public var costOfEquity: Double = Defaults.costOfEquity
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
    averageDrawFraction: Double? = nil,
    facilityCost: FacilityCost = Defaults.facilityCost,
    maintenancePercentOfHardwarePerYear: Double = Defaults.maintenancePercentOfHardwarePerYear,
    staff: StaffCost = Defaults.staff,
    softwarePerGPUYear: Double = Defaults.softwarePerGPUYear,
    insurancePercentPerYear: Double = Defaults.insurancePercentPerYear,
    bandwidthPerMonth: Double = Defaults.bandwidthPerMonth,
    salesAndOtherPercentOfRevenue: Double = Defaults.salesAndOtherPercentOfRevenue,
    installationPercent: Double = Defaults.installationPercent,
    shippingAndTaxesPercent: Double = Defaults.shippingAndTaxesPercent,
    residualValuePercent: Double? = nil,
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
    self.contracts = contractMix.map { [$0] } ?? []
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

  /// The residual value fraction actually used: ``residualValuePercent`` if set, else the
  /// ``residualCurve`` value at the end of the horizon.
  public var effectiveResidualFraction: Double {
    residualValuePercent ?? residualCurveValue(years: Double(horizonYears))
  }

  /// The residual curve at `years` after the first operating month: 1 at 0, linear between
  /// year ends, the last value after the list.
  public func residualCurveValue(years: Double) -> Double {
    guard let last = residualCurve.last, years > 0 else { return 1 }
    let whole = Int(years.rounded(.down))
    if whole >= residualCurve.count { return last }
    let before = whole == 0 ? 1 : residualCurve[whole - 1]
    let after = residualCurve[whole]
    return before + (after - before) * (years - Double(whole))
  }

  /// The monthly interest rate of the debt: rate ÷ 12 (nominal) or (1 + rate)^(1/12) − 1.
  public var monthlyInterestRate: Double {
    switch interestConvention {
    case .nominal: interestRateAnnual / 12
    case .effective: FinanceMath.monthlyRate(fromAnnual: interestRateAnnual)
    }
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

extension FinanceAssumptions {
  /// Months `contract` runs: its term, or the whole horizon when it has none.
  public func termMonths(of contract: ContractMix) -> Int { contract.termMonths ?? horizonMonths }
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
  /// Fraction of the contract's total value paid at signing and spent on the build (received
  /// pro rata to the capex); each month's bill is reduced by the same fraction.
  public var prepayment: Double
  /// Name shown in reports, e.g. "anchor tenant".
  public var name: String

  /// Creates a contract mix.
  public init(
    share: Double, pricePerGPUHour: Double, termMonths: Int? = nil, prepayment: Double = 0,
    name: String = "contract"
  ) {
    self.share = share
    self.pricePerGPUHour = pricePerGPUHour
    self.termMonths = termMonths
    self.prepayment = prepayment
    self.name = name
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
