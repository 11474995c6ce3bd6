import Foundation

extension PlanSummary {
  /// The headline finance figures (`tco` and `returns` of a plan's JSON), rounded as the JSON
  /// writes them: money to the cent, rates per GPU-hour to 4 decimals, fractions (IRRs, the
  /// discount rate) to 6, the money multiple to 4.
  public struct Finance: Sendable, Hashable, Codable {
    /// Currency of the money and per-GPU-hour figures.
    public var currency: String
    /// Capital expenditure (`tco.capex`).
    public var capex: Money
    /// Capex + opex over the horizon (`tco.total`).
    public var total: Money?
    /// TCO ÷ every GPU-hour of the horizon, per GPU-hour.
    public var tcoPerGPUHour: Decimal?
    /// The flat price per GPU-hour at which NPV = 0 at the discount rate.
    public var costPerGPUHour: Decimal?
    /// Project IRR, unlevered, before tax (a fraction).
    public var projectIRR: Decimal?
    /// Why there is no project IRR.
    public var projectIRRReason: String?
    /// Equity IRR, levered, after tax (a fraction).
    public var equityIRR: Decimal?
    /// Why there is no equity IRR.
    public var equityIRRReason: String?
    /// NPV at the discount rate, unlevered, before tax.
    public var npv: Money?
    /// Money multiple, unlevered, before tax.
    public var moic: Decimal?
    /// Payback month, unlevered, before tax; `nil` when not within the horizon.
    public var paybackMonths: Int?
    /// The discount rate (a fraction).
    public var discountRate: Decimal?
    /// Break-even starting rates per GPU-hour by target IRR.
    public var breakEven: [BreakEven]

    /// Creates figures from their parts.
    public init(
      currency: String, capex: Money, total: Money?, tcoPerGPUHour: Decimal?, costPerGPUHour: Decimal?,
      projectIRR: Decimal?, projectIRRReason: String?, equityIRR: Decimal?, equityIRRReason: String?, npv: Money?,
      moic: Decimal?, paybackMonths: Int?, discountRate: Decimal?, breakEven: [BreakEven]
    ) {
      self.currency = currency
      self.capex = capex
      self.total = total
      self.tcoPerGPUHour = tcoPerGPUHour
      self.costPerGPUHour = costPerGPUHour
      self.projectIRR = projectIRR
      self.projectIRRReason = projectIRRReason
      self.equityIRR = equityIRR
      self.equityIRRReason = equityIRRReason
      self.npv = npv
      self.moic = moic
      self.paybackMonths = paybackMonths
      self.discountRate = discountRate
      self.breakEven = breakEven
    }

    /// The figures of a plan made in memory.
    public init(plan: Plan) {
      let f = plan.finance
      func irr(_ r: IRRResult) -> Decimal? { r.annual.flatMap { jsonRounded($0, 6) } }
      self.init(
        currency: plan.bom.currency, capex: plan.money(f.capex.total), total: plan.money(f.tco),
        tcoPerGPUHour: f.tcoPerGPUHour.flatMap { jsonRounded($0, 4) },
        costPerGPUHour: f.costPerGPUHour.flatMap { jsonRounded($0, 4) }, projectIRR: irr(f.projectIRR),
        projectIRRReason: f.projectIRR.explanation, equityIRR: irr(f.equityIRR),
        equityIRRReason: f.equityIRR.explanation, npv: plan.money(f.npv), moic: f.moic.flatMap { jsonRounded($0, 4) },
        paybackMonths: f.paybackMonth, discountRate: jsonRounded(plan.financeAssumptions.discountRate, 6),
        breakEven: f.breakEven.compactMap { point in
          jsonRounded(point.targetIRR, 6).map {
            BreakEven(targetIRR: $0, startRatePerGPUHour: point.startPricePerGPUHour.flatMap { jsonRounded($0, 4) })
          }
        })
    }

    /// The break-even starting rate at a 0 % IRR.
    public var breakEvenCash: Decimal? { breakEven.last { $0.targetIRR == 0 }?.startRatePerGPUHour }

    /// The break-even starting rate at the discount rate.
    public var breakEvenAtDiscountRate: Decimal? {
      guard let discountRate else { return nil }
      return breakEven.last { $0.targetIRR == discountRate }?.startRatePerGPUHour
    }
  }

  /// A break-even point (`returns.breakEven[]`).
  public struct BreakEven: Sendable, Hashable, Codable {
    /// The target IRR (a fraction; 0 = cash break-even).
    public var targetIRR: Decimal
    /// The starting rate per GPU-hour; `nil` when revenue does not depend on the market price.
    public var startRatePerGPUHour: Decimal?

    /// Creates a point.
    public init(targetIRR: Decimal, startRatePerGPUHour: Decimal?) {
      self.targetIRR = targetIRR
      self.startRatePerGPUHour = startRatePerGPUHour
    }
  }
}

/// A double as the JSON writes it, rounded to `decimals` places (``NumberFormat/fixed(_:decimals:trimZeros:grouping:minus:)``), exact; `nil`
/// when not finite (the JSON writes null).
func jsonRounded(_ value: Double, _ decimals: Int) -> Decimal? {
  guard value.isFinite else { return nil }
  // No locale: `Decimal(string:)` then reads `.` as the decimal point whatever the environment,
  // exactly as with `en_US_POSIX` (whose look-up cost more than the parse).
  return Decimal(string: NumberFormat.fixed(value, decimals: decimals, trimZeros: true))
}
