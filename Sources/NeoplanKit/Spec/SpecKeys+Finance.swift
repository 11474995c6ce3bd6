import Foundation

/// Keys of `finance:` (docs/finance.md).
public enum FinanceKey: String, SpecKey {
  /// Horizon, utilization, market price, its path, one contract, lead time.
  case horizonYears = "horizon_years"
  case utilization
  case marketPrice = "market_price"
  case pricePath = "price_path"
  /// One contract (or `contracts`), the build lead time.
  case contract
  case leadTimeMonths = "lead_time_months"
  /// Power price, PUE, fixed draw, the facility charge (per kW or per node).
  case electricityPerKWh = "electricity_per_kwh"
  case pue
  case averageDraw = "average_draw"
  /// The facility charge: colocation per kW-month or hosting per node-month.
  case colocationPerKWMonth = "colocation_per_kw_month"
  case hostingPerNodeMonth = "hosting_per_node_month"
  /// Yearly opex as fractions or amounts.
  case maintenancePerYear = "maintenance_per_year"
  case staff
  case softwarePerGPUYear = "software_per_gpu_year"
  /// Yearly insurance and bandwidth.
  case insurancePerYear = "insurance_per_year"
  case bandwidthPerMonth = "bandwidth_per_month"
  /// Capex extras, residual value and revenue-side costs.
  case installation
  case shippingAndTaxes = "shipping_and_taxes"
  case residualValue = "residual_value"
  /// Sales and other costs as a fraction of revenue; debt; tax.
  case salesAndOther = "sales_and_other"
  case financing, tax
  /// Discount rate and extra target IRRs.
  case discountRate = "discount_rate"
  case targetIRRs = "target_irrs"
  /// Revenue tranches, the utilization ramp, idle and busy draw.
  case contracts
  case utilizationRampMonths = "utilization_ramp_months"
  case idleDraw = "idle_draw"
  case busyDraw = "busy_draw"
  /// Warranty, residual curve, cost of equity.
  case warrantyYears = "warranty_years"
  case residualCurve = "residual_curve"
  case costOfEquity = "cost_of_equity"
  /// `finance:`.
  public static let section = "finance"
}

/// Keys of `finance.price_path` (when it is a mapping).
public enum PricePathKey: String, SpecKey {
  /// The path kind and its parameters.
  case kind
  case endFraction = "end_fraction"
  case annualDecline = "annual_decline"
  case multipliers
  /// `finance.price_path`.
  public static let section = "finance.price_path"
}

/// Keys of `finance.staff`.
public enum StaffKey: String, SpecKey {
  /// Full-time equivalents and the yearly cost of one.
  case ftes
  case costPerFTE = "cost_per_fte"
  /// `finance.staff`.
  public static let section = "finance.staff"
}

/// Keys of `finance.tax`.
public enum TaxKey: String, SpecKey {
  /// Tax rate, depreciation period and loss carry-forward cap.
  case rate
  case depreciationYears = "depreciation_years"
  case lossCap = "loss_cap"
  /// `finance.tax`.
  public static let section = "finance.tax"
}

/// Keys of `finance.financing`.
public enum FinancingKey: String, SpecKey {
  /// Debt sizing (one of the three), the rate (one, or base + spread).
  case debtShare = "debt_share"
  case advanceRate = "advance_rate"
  case targetDSCR = "target_dscr"
  /// The interest rate, or base rate plus spread, and its convention.
  case interestRate = "interest_rate"
  case baseRate = "base_rate"
  case spread
  case rateConvention = "rate_convention"
  /// Tenor, amortization, interest during construction, covenants.
  case termMonths = "term_months"
  case amortization
  case interestDuringConstruction = "interest_during_construction"
  /// Covenants, upfront fee, debt-service reserve.
  case covenants
  case upfrontFee = "upfront_fee"
  case reserveMonths = "reserve_months"
  /// `finance.financing`.
  public static let section = "finance.financing"
}

/// Keys of `finance.financing.covenants`.
public enum CovenantKey: String, SpecKey {
  /// Minimum DSCR and maximum loan-to-value.
  case minDSCR = "min_dscr"
  case maxLTV = "max_ltv"
  /// `finance.financing.covenants`.
  public static let section = "finance.financing.covenants"
}

/// Keys of `finance.contract` and of each `finance.contracts` item.
public enum ContractKey: String, SpecKey {
  /// Share of GPU-hours, price per GPU-hour, term, prepayment, name.
  case share, price
  case termMonths = "term_months"
  case prepayment, name
  /// `finance.contracts` (each item; `finance.contract` has the same keys).
  public static let section = "finance.contracts"
}

/// Keys of `risk:` (docs/risk.md).
public enum RiskKey: String, SpecKey {
  /// Simulation size and seed, the hurdle, and the uncertain inputs.
  case paths, seed
  case hurdleRate = "hurdle_rate"
  case price, utilization
  case capexOverrun = "capex_overrun"
  case electricity
  /// Failure modes and contract counterparties.
  case downtime, counterparty
  /// `risk:`.
  public static let section = "risk"
}

/// Keys of `risk.price`.
public enum RiskPriceKey: String, SpecKey {
  /// Mean and standard deviation of the yearly log price decline.
  case annualDeclineMean = "annual_decline_mean"
  case annualDeclineSD = "annual_decline_sd"
  /// `risk.price`.
  public static let section = "risk.price"
}

/// Keys of `risk.utilization`.
public enum RiskUtilizationKey: String, SpecKey {
  /// Standard deviation of utilization and of the ramp length.
  case sd
  case rampMonthsSD = "ramp_months_sd"
  /// `risk.utilization`.
  public static let section = "risk.utilization"
}

/// Keys of `risk.capex_overrun`.
public enum CapexOverrunKey: String, SpecKey {
  /// Mean and standard deviation of the overrun fraction.
  case mean, sd
  /// `risk.capex_overrun`.
  public static let section = "risk.capex_overrun"
}

/// Keys of `risk.electricity`.
public enum RiskElectricityKey: String, SpecKey {
  /// Standard deviation of the power price, as a fraction of it.
  case sd
  /// `risk.electricity`.
  public static let section = "risk.electricity"
}

/// Keys of `risk.counterparty`.
public enum CounterpartyKey: String, SpecKey {
  /// Yearly default probability and recovery rate of contract buyers.
  case annualDefaultProbability = "annual_default_probability"
  case recoveryRate = "recovery_rate"
  /// `risk.counterparty`.
  public static let section = "risk.counterparty"
}

/// Keys of each `risk.downtime` item (a failure mode).
public enum FailureModeKey: String, SpecKey {
  /// Its name, units per node, mean time between failures and to repair.
  case kind
  case unitsPerNode = "units_per_node"
  case mtbfHours = "mtbf_hours"
  case mttrHours = "mttr_hours"
  /// `risk.downtime` (each item).
  public static let section = "risk.downtime"
}
