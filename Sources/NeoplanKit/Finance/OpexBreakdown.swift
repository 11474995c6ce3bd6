/// A line of operating cost.
public enum OpexLine: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  /// IT kW × average draw × PUE × 730 h × price per kWh (colocation only).
  case electricity
  /// IT kW × colocation price per kW-month.
  case colocation
  /// Nodes × all-in hosting price per node-month.
  case hosting
  /// Maintenance % × hardware capex ÷ 12.
  case maintenance
  /// FTEs × cost per FTE-year ÷ 12.
  case staff
  /// GPUs × software per GPU-year ÷ 12.
  case software
  /// Insurance % × hardware capex ÷ 12.
  case insurance
  /// Bandwidth per month.
  case bandwidth
  /// Sales & other % × revenue.
  case salesAndOther
}

/// Operating cost by line for one month or one year, in major units of the plan currency.
public struct OpexBreakdown: Sendable, Equatable, Hashable, Codable {
  /// Electricity (zero with all-in hosting).
  public var electricity: Double = 0
  /// Colocation charge.
  public var colocation: Double = 0
  /// All-in hosting charge.
  public var hosting: Double = 0
  /// Hardware maintenance.
  public var maintenance: Double = 0
  /// Staff.
  public var staff: Double = 0
  /// Software licences.
  public var software: Double = 0
  /// Insurance.
  public var insurance: Double = 0
  /// Bandwidth.
  public var bandwidth: Double = 0
  /// Sales and other revenue-linked costs.
  public var salesAndOther: Double = 0

  /// An all-zero breakdown.
  public init() {}

  /// The amount of one line.
  public func amount(of line: OpexLine) -> Double {
    switch line {
    case .electricity: electricity
    case .colocation: colocation
    case .hosting: hosting
    case .maintenance: maintenance
    case .staff: staff
    case .software: software
    case .insurance: insurance
    case .bandwidth: bandwidth
    case .salesAndOther: salesAndOther
    }
  }

  /// Sum of all lines, added from 0 in ``OpexLine`` order (the sum over `OpexLine.allCases`,
  /// written out: it runs for every month of every cash-flow model).
  public var total: Double {
    0 + electricity + colocation + hosting + maintenance + staff + software + insurance + bandwidth
      + salesAndOther
  }

  /// Line-by-line sum.
  public static func + (lhs: OpexBreakdown, rhs: OpexBreakdown) -> OpexBreakdown {
    var sum = OpexBreakdown()
    sum.electricity = lhs.electricity + rhs.electricity
    sum.colocation = lhs.colocation + rhs.colocation
    sum.hosting = lhs.hosting + rhs.hosting
    sum.maintenance = lhs.maintenance + rhs.maintenance
    sum.staff = lhs.staff + rhs.staff
    sum.software = lhs.software + rhs.software
    sum.insurance = lhs.insurance + rhs.insurance
    sum.bandwidth = lhs.bandwidth + rhs.bandwidth
    sum.salesAndOther = lhs.salesAndOther + rhs.salesAndOther
    return sum
  }
}

/// Operating cost of one operating year.
public struct AnnualOpex: Sendable, Equatable, Hashable, Codable {
  /// Operating year, 1-based (year 1 = operating months 1…12).
  public var year: Int
  /// Cost by line, summed over the year's months.
  public var lines: OpexBreakdown
}

/// Capex by category, including the percentage extras.
public struct CapexBreakdown: Sendable, Equatable, Hashable, Codable {
  /// The plan's categories in order, then "spares", "installation" and "shipping & taxes"
  /// (each extra only when non-zero).
  public var lines: [CapexLine]

  /// Total capex: hardware + spares + installation + shipping & taxes.
  public var total: Double { lines.reduce(0) { $0 + $1.amount } }

  /// Builds the breakdown: installation and shipping & taxes are percentages of hardware capex
  /// including spares.
  public init(inputs: FinanceInputs, assumptions: FinanceAssumptions) {
    let base = inputs.hardwareCapexIncludingSpares
    var lines = inputs.capexByCategory
    if inputs.sparesCapex != 0 {
      lines.append(CapexLine(category: "spares", amount: inputs.sparesCapex))
    }
    if assumptions.installationPercent != 0 {
      lines.append(CapexLine(category: "installation", amount: assumptions.installationPercent * base))
    }
    if assumptions.shippingAndTaxesPercent != 0 {
      lines.append(
        CapexLine(category: "shipping & taxes", amount: assumptions.shippingAndTaxesPercent * base))
    }
    self.lines = lines
  }
}
