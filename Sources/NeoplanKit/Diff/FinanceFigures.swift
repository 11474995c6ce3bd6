import Foundation

/// A finance figure compared by `neoplan diff` (both sides specs or saved plans).
public enum FinanceMetric: String, Sendable, CaseIterable {
  /// Flat price per GPU-hour at which NPV = 0 at the discount rate (`tco.costPerGPUHour`).
  case costPerGPUHour = "tco.costPerGPUHour"
  /// TCO ÷ every GPU-hour of the horizon (`tco.tcoPerGPUHour`).
  case tcoPerGPUHour = "tco.tcoPerGPUHour"
  /// Capital expenditure (`tco.capex`): installed lines, spares and extras; subscriptions are opex.
  case capex = "tco.capex"
  /// Capex + opex over the horizon (`tco.total`).
  case tco = "tco.total"
  /// Break-even starting rate per GPU-hour at a 0 % IRR (`returns.breakEven[targetIRR = 0]`).
  case breakEvenCash = "returns.breakEven.cash"
  /// Break-even starting rate per GPU-hour at the discount rate.
  case breakEvenAtDiscountRate = "returns.breakEven.discountRate"
  /// The discount rate (a fraction).
  case discountRate = "returns.discountRate"
  /// Project IRR, unlevered, before tax (a fraction; `nil` with a reason when not unique).
  case projectIRR = "returns.projectIRR"
  /// Equity IRR, levered, after tax (a fraction; `nil` with a reason when not unique).
  case equityIRR = "returns.equityIRR"
  /// NPV at the discount rate, unlevered, before tax.
  case npv = "returns.npv"
  /// Money multiple, unlevered, before tax.
  case moic = "returns.moic"
  /// Payback month, unlevered, before tax.
  case paybackMonths = "returns.paybackMonths"

  /// How a figure is measured.
  public enum Unit: String, Sendable {
    /// Money in the report currency, exact to the cent.
    case money
    /// Money per GPU-hour, four decimals.
    case ratePerGPUHour = "rate-per-gpu-hour"
    /// A fraction (0.125 = 12.5 %).
    case fraction
    /// A multiple (MOIC).
    case multiple
    /// Months.
    case months
  }

  /// The figure's unit.
  public var unit: Unit {
    switch self {
    case .capex, .tco, .npv: return .money
    case .costPerGPUHour, .tcoPerGPUHour, .breakEvenCash, .breakEvenAtDiscountRate: return .ratePerGPUHour
    case .discountRate, .projectIRR, .equityIRR: return .fraction
    case .moic: return .multiple
    case .paybackMonths: return .months
    }
  }

  /// English label for the text report.
  public var label: String {
    switch self {
    case .costPerGPUHour: return "cost per GPU-hour"
    case .tcoPerGPUHour: return "TCO per GPU-hour"
    case .capex: return "capex"
    case .tco: return "TCO over the horizon"
    case .breakEvenCash: return "break-even rate (cash)"
    case .breakEvenAtDiscountRate: return "break-even rate at discount rate"
    case .discountRate: return "discount rate"
    case .projectIRR: return "project IRR (unlevered, pre-tax)"
    case .equityIRR: return "equity IRR (levered, after tax)"
    case .npv: return "NPV at the discount rate"
    case .moic: return "MOIC"
    case .paybackMonths: return "payback month"
    }
  }
}

/// One side's value of a finance figure: exact as written by `neoplan plan --format json`, or
/// absent with the plan's reason (an IRR that is not unique, a payback beyond the horizon).
public struct FinanceValue: Sendable, Hashable {
  /// The value (money in major units, rates per GPU-hour, fractions, multiples or months).
  public var value: Decimal?
  /// Why there is no value, when the plan says.
  public var reason: String?

  /// Creates a value.
  public init(value: Decimal?, reason: String? = nil) {
    self.value = value
    self.reason = reason
  }
}

/// One side's finance figures, in that side's currency.
public struct FinanceFigures: Sendable, Hashable {
  /// Currency of the money and per-GPU-hour figures.
  public var currency: String
  /// Figure → value; every ``FinanceMetric`` has an entry.
  public var values: [FinanceMetric: FinanceValue]

  /// Creates figures.
  public init(currency: String, values: [FinanceMetric: FinanceValue]) {
    self.currency = currency
    self.values = values
  }

  /// The figures of a plan summary (a plan made in memory or a saved plan alike).
  public init(summary f: PlanSummary.Finance) {
    var values: [FinanceMetric: FinanceValue] = [:]
    values[.costPerGPUHour] = FinanceValue(value: f.costPerGPUHour)
    values[.tcoPerGPUHour] = FinanceValue(value: f.tcoPerGPUHour)
    values[.capex] = FinanceValue(value: f.capex.major)
    values[.tco] = FinanceValue(value: f.total?.major)
    values[.discountRate] = FinanceValue(value: f.discountRate)
    values[.breakEvenCash] = FinanceValue(value: f.breakEvenCash)
    values[.breakEvenAtDiscountRate] = FinanceValue(value: f.breakEvenAtDiscountRate)
    values[.projectIRR] = FinanceValue(value: f.projectIRR, reason: f.projectIRRReason)
    values[.equityIRR] = FinanceValue(value: f.equityIRR, reason: f.equityIRRReason)
    values[.npv] = FinanceValue(value: f.npv?.major)
    values[.moic] = FinanceValue(value: f.moic)
    values[.paybackMonths] = FinanceValue(
      value: f.paybackMonths.map { Decimal($0) }, reason: f.paybackMonths == nil ? "not within the horizon" : nil)
    self.init(currency: f.currency, values: values)
  }

  /// The figures in `currency` at `rate` (units of `currency` per unit of this currency): money
  /// rounded half-even to the cent, rates per GPU-hour to four decimals; fractions, multiples and
  /// months unchanged.
  func converted(rate: Decimal, to target: String) -> FinanceFigures {
    var values = values
    for (metric, entry) in values {
      guard let value = entry.value else { continue }
      switch metric.unit {
      case .money: values[metric]?.value = roundDecimal(value * rate, 2)
      case .ratePerGPUHour: values[metric]?.value = roundDecimal(value * rate, 4)
      case .fraction, .multiple, .months: break
      }
    }
    return FinanceFigures(currency: target, values: values)
  }
}

/// A finance figure on both sides, B − A.
public struct FinanceChange: Sendable, Hashable {
  /// Which figure.
  public var metric: FinanceMetric
  /// Side A.
  public var a: FinanceValue
  /// Side B (in A's currency).
  public var b: FinanceValue
  /// `b − a`, exact; `nil` when either side has no value.
  public var delta: Decimal? {
    guard let x = a.value, let y = b.value else { return nil }
    return y - x
  }
  /// True when the values differ (a value on one side only counts as a difference).
  public var differs: Bool { a.value != b.value }
}

/// Rounds half-even to `scale` decimals.
func roundDecimal(_ value: Decimal, _ scale: Int) -> Decimal {
  var value = value
  var rounded = Decimal()
  NSDecimalRound(&rounded, &value, scale, .bankers)
  return rounded
}
