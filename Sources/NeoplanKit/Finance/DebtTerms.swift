/// How the loan amount is set.
public enum DebtSizing: Sendable, Equatable, Hashable, Codable {
  /// A share of total capex (0…1).
  case shareOfCapex(Double)
  /// An advance rate against the hardware value (hardware capex including spares, 0…1).
  case advanceRate(Double)
  /// The largest loan whose annual DSCR never falls below the target (e.g. 1.3), capped at capex.
  case targetDSCR(Double)
}

/// How an annual interest rate becomes a monthly one.
public enum RateConvention: String, Sendable, Equatable, Hashable, Codable {
  /// Quoted nominal rate compounded monthly: monthly = annual ÷ 12 (how loans are quoted).
  case nominal
  /// Annual effective rate: monthly = (1 + annual)^(1/12) − 1.
  case effective
}

/// Repayment profile of the debt over its tenor.
public enum Amortization: String, Sendable, Equatable, Hashable, Codable {
  /// Level payments of interest + principal.
  case annuity
  /// Equal principal each month, interest on the balance.
  case straightLine = "straight-line"
  /// Debt service proportional to the cash flow available for debt service (CFADS), so the DSCR
  /// is the same in every month with positive CFADS.
  case sculpted
}

/// Treatment of the interest that accrues while the cluster is being built (before revenue).
public enum InterestDuringConstruction: String, Sendable, Equatable, Hashable, Codable {
  /// Added to the loan balance and repaid with it.
  case capitalised
  /// Paid each month by equity.
  case paid
}

/// Lender covenants.
public struct Covenants: Sendable, Equatable, Hashable, Codable {
  /// Minimum annual DSCR (CFADS ÷ scheduled debt service), tested at each operating year end.
  public var minDSCR: Double
  /// Maximum loan-to-value (debt balance ÷ collateral value on the residual curve), tested monthly.
  public var maxLTV: Double

  /// Creates covenants.
  public init(minDSCR: Double, maxLTV: Double) {
    self.minDSCR = minDSCR
    self.maxLTV = maxLTV
  }
}
