/// The market price path and the break-even paths of the same shape, month by month: what the
/// quote's price-path chart draws. Element `i` is operating month `i + 1`.
public struct PricePathSeries: Sendable, Equatable, Codable {
  /// The market price per GPU-hour: the starting market price × the path's multiplier.
  public var market: [Double] = []
  /// The path started at the hurdle break-even (NPV 0 at the discount rate); `nil` when undefined.
  public var hurdleBreakEven: [Double]?
  /// The path started at the cash break-even (0 % IRR); `nil` when undefined.
  public var cashBreakEven: [Double]?

  /// No months.
  public init() {}

  /// The paths over the horizon (at least one month): each start × the price path's multiplier.
  init(assumptions a: FinanceAssumptions, cashBreakEven: Double?, hurdleBreakEven: Double?) {
    let months = a.horizonMonths
    func path(_ start: Double) -> [Double] {
      (1...max(1, months)).map { m in start * a.pricePath.multiplier(operatingMonth: m, horizonMonths: months) }
    }
    market = path(a.marketPricePerGPUHour)
    self.hurdleBreakEven = hurdleBreakEven.map(path)
    self.cashBreakEven = cashBreakEven.map(path)
  }
}

extension SensitivityRow {
  /// Whether varying the input moves the NPV by at least half a cent (a swing that shows as a
  /// non-zero amount); an input without effect is labelled as such.
  public var hasEffect: Bool { swing >= 0.005 }
}

extension SourcesAndUses {
  /// The sum of the uses (equal to the sum of the sources).
  public var total: Double { uses.reduce(0) { $0 + $1.amount } }
}

extension LenderView {
  /// Months in which the minimum-DSCR covenant fails, in order.
  public var dscrBreachMonths: [Int] { breaches.filter { $0.covenant == "minDSCR" }.map(\.month) }
  /// Months in which the maximum-LTV covenant fails, in order.
  public var ltvBreachMonths: [Int] { breaches.filter { $0.covenant == "maxLTV" }.map(\.month) }
}
