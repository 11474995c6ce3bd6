/// Returns of one cash-flow series.
public struct CashFlowReturns: Sendable, Equatable, Codable {
  /// Internal rate(s) of return; ``IRRResult/annual`` is `nil` with a reason when not unique.
  public var irr: IRRResult
  /// NPV at the discount rate (monthly rate (1 + r)^(1/12) − 1, month 0 undiscounted).
  public var npv: Double
  /// Cash invested: total capex for project series, capex − debt for equity.
  public var invested: Double
  /// Multiple on invested capital: (Σ flows + invested) ÷ invested, i.e. all cash returned over
  /// the horizon (including residual value) per unit invested; `nil` when nothing was invested.
  public var moic: Double?
  /// First month ≥ 1 at which cumulative cash is ≥ 0; `nil` if never within the horizon.
  public var paybackMonth: Int?

  /// Computes the returns of `cashFlows` given the amount invested.
  public init(cashFlows: [Double], invested: Double, discountRate: Double) {
    irr = FinanceMath.irr(cashFlows: cashFlows)
    npv = FinanceMath.npv(
      ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: discountRate), cashFlows: cashFlows)
    self.invested = invested
    let total = cashFlows.reduce(0, +)
    moic = FinanceMath.moic(invested: invested, returned: total + invested)
    paybackMonth = FinanceMath.paybackMonth(cashFlows: cashFlows)
  }
}

/// The starting market price at which a target IRR is reached.
public struct BreakEvenRate: Sendable, Equatable, Codable {
  /// Annual target IRR (0 = cash break-even).
  public var targetIRR: Double
  /// Starting price per GPU-hour on the assumed price path at which the unlevered pre-tax NPV at
  /// `targetIRR` is zero; `nil` when revenue does not depend on the market price.
  public var startPricePerGPUHour: Double?
}

/// An input varied in the sensitivity analysis.
public enum SensitivityInput: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  /// Total capex (every capex line).
  case capex
  /// Starting market price.
  case marketPrice
  /// The price path's decline parameter (see ``PricePath/scalingDecline(by:)``).
  case priceDecline
  /// Utilization in every year (capped at 100 %).
  case utilization
  /// Electricity price.
  case electricity
  /// Colocation (or hosting) price.
  case colocation
  /// Discount rate.
  case discountRate
  /// Debt interest rate.
  case interestRate
}

/// One bar of the sensitivity tornado: an input at −20 % and +20 %.
public struct SensitivityRow: Sendable, Equatable, Codable {
  /// The input varied.
  public var input: SensitivityInput
  /// The input's value at −20 % (capex: total capex).
  public var lowValue: Double
  /// The input's value at +20 %.
  public var highValue: Double
  /// Unlevered pre-tax NPV at the (possibly varied) discount rate, input low.
  public var lowProjectNPV: Double
  /// Unlevered pre-tax NPV, input high.
  public var highProjectNPV: Double
  /// Equity (levered, after-tax) NPV at the discount rate, input low.
  public var lowEquityNPV: Double
  /// Equity NPV, input high.
  public var highEquityNPV: Double
  /// Break-even starting price at the discount rate, input low.
  public var lowBreakEvenPrice: Double?
  /// Break-even starting price at the discount rate, input high.
  public var highBreakEvenPrice: Double?
  /// |highProjectNPV − lowProjectNPV|: the sort key of the tornado.
  public var swing: Double { abs(highProjectNPV - lowProjectNPV) }
}

/// One point of the utilization sweep.
public struct UtilizationSweepPoint: Sendable, Equatable, Codable {
  /// Flat utilization in every year.
  public var utilization: Double
  /// Break-even starting price at the discount rate; `nil` if not defined.
  public var breakEvenStartPrice: Double?
}

/// Everything the finance engine reports for a plan.
///
/// Three cash-flow series are reported, each labelled: ``projectPreTax`` (unlevered, before tax:
/// the basis of NPV, break-even prices and costPerGPUHour), ``projectAfterTax`` (unlevered, after
/// tax) and ``equity`` (levered, after tax).
public struct FinanceResult: Sendable, Equatable, Codable {
  /// ISO 4217 currency of every amount.
  public var currencyCode: String
  /// Capex total and by category, including installation and shipping & taxes.
  public var capex: CapexBreakdown
  /// Total capex ÷ rentable GPUs.
  public var capexPerGPU: Double = 0
  /// Straight-line capex recovery per year of the horizon (capex ÷ years), the base of the
  /// annual cost stack.
  public var capexRecoveryPerYear: Double = 0
  /// Cumulative unlevered pre-tax cash, month by month (month 0 first).
  public var cumulativeProjectCash: [Double] = []
  /// Operating cost by line for each operating year.
  public var annualOpex: [AnnualOpex]
  /// Total operating cost over the horizon (undiscounted).
  public var totalOpex: Double
  /// Total cost of ownership over the horizon: capex + opex, undiscounted, before financing, tax
  /// and residual value.
  public var tco: Double
  /// TCO ÷ (GPUs × 730 × M), every GPU-hour of the horizon; `nil` without GPUs.
  public var tcoPerGPUHour: Double?
  /// Flat price per GPU-hour at which the unlevered pre-tax NPV at the discount rate is zero,
  /// at 100 % utilization, no contracts; `nil` when undefined (no GPUs or 100 % sales cost).
  public var costPerGPUHour: Double?
  /// Unlevered pre-tax returns.
  public var projectPreTax: CashFlowReturns
  /// Unlevered after-tax returns.
  public var projectAfterTax: CashFlowReturns
  /// Levered after-tax returns to equity.
  public var equity: CashFlowReturns
  /// Break-even starting prices for 0 %, the discount rate and the extra targets.
  public var breakEven: [BreakEvenRate]
  /// Lowest flat utilization (0…1) at which the unlevered pre-tax NPV at the discount rate is
  /// ≥ 0 at the assumed market prices; `nil` if even 100 % is not enough.
  public var breakEvenUtilization: Double?
  /// The market starting price against the cash and hurdle break-evens.
  public var verdict: RecoveryVerdict = .noBreakEven
  /// Cash break-even starting price (``breakEven`` at 0 %); `nil` when undefined.
  public var cashBreakEvenPrice: Double?
  /// Hurdle break-even starting price (``breakEven`` at the discount rate); `nil` when undefined.
  public var hurdleBreakEvenPrice: Double?
  /// The market price path and the break-even paths, month by month.
  public var pricePaths = PricePathSeries()
  /// Share of the GPUs sold at market prices when operation starts: 1 − the contracts' shares,
  /// at least 0 (the market revenue tranche).
  public var marketShare: Double = 1
  /// Tornado rows, largest ``SensitivityRow/swing`` first.
  public var sensitivity: [SensitivityRow]
  /// Break-even starting price at the discount rate for utilization 10 %, 20 %, … 100 %.
  public var utilizationSweep: [UtilizationSweepPoint]
  /// Month-by-month cash flows.
  public var cashFlows: MonthlyCashFlows
  /// Annual statements: year 0 (the build), then each operating year.
  public var statements: [AnnualStatement]
  /// The loan as a lender reads it: DSCR, LLCR, LTV, covenant breaches.
  public var lender: LenderView
  /// Sources and uses of funds at financial close.
  public var sourcesAndUses: SourcesAndUses

  /// Project IRR: unlevered, **pre-tax** (``projectPreTax``).
  public var projectIRR: IRRResult { projectPreTax.irr }
  /// Equity IRR: levered, after tax (``equity``).
  public var equityIRR: IRRResult { equity.irr }
  /// NPV: unlevered, pre-tax, at the discount rate.
  public var npv: Double { projectPreTax.npv }
  /// MOIC: unlevered, pre-tax.
  public var moic: Double? { projectPreTax.moic }
  /// Payback month: unlevered, pre-tax.
  public var paybackMonth: Int? { projectPreTax.paybackMonth }
}
