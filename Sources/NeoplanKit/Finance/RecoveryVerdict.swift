/// Whether the assumed market price recovers the cluster's cost: the quote's headline verdict,
/// decided once here from the break-even starting prices (unlevered, before tax).
public enum RecoveryVerdict: String, Sendable, Equatable, Hashable, Codable {
  /// The market price reaches the break-even at the discount rate (hurdle).
  case meetsHurdle
  /// It recovers the cash (0 % IRR break-even) but not the hurdle.
  case coversCash
  /// No starting price makes the cash flows break even (costs beyond any price path).
  case noBreakEven
  /// It is below the cash break-even: the cluster does not recover its cost.
  case belowCash

  /// The verdict for a market starting price against the cash and hurdle break-evens.
  public init(marketPrice: Double, cashBreakEven: Double?, hurdleBreakEven: Double?) {
    if let hurdleBreakEven, marketPrice >= hurdleBreakEven {
      self = .meetsHurdle
    } else if let cashBreakEven, marketPrice >= cashBreakEven {
      self = .coversCash
    } else if cashBreakEven == nil {
      self = .noBreakEven
    } else {
      self = .belowCash
    }
  }
}
