@testable import NeoplanKit

/// True when `actual` is within `relative` of `expected` (or within `absolute` near zero).
func financeClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-9, absolute: Double = 1e-9)
  -> Bool
{
  guard let actual else { return false }
  return abs(actual - expected) <= max(absolute, relative * abs(expected))
}

/// Scenarios shared by the tests. Each mirrors a scenario of reference/finance_reference.py
/// (same name), which computes the expected numbers independently.
enum FinanceScenario {
  /// docs/finance.md worked example; python: `worked`, `worked_a`.
  static let workedInputs = FinanceInputs(gpuCount: 8, nodeCount: 1, itPowerKW: 10, hardwareCapex: 300_000)
  /// Maintenance from month 1 (no warranty), as in the docs' worked example.
  static let worked = withoutWarranty(
    FinanceAssumptions(
      horizonYears: 3, utilization: [0.8], marketPricePerGPUHour: 3.0,
      pricePath: .linear(endFraction: 0.5), electricityPerKWh: 0.10, pue: 1.25,
      averageDrawFraction: 0.8, facilityCost: .colocation(perKWMonth: 200),
      maintenancePercentOfHardwarePerYear: 0.03, insurancePercentPerYear: 0.005,
      bandwidthPerMonth: 100, salesAndOtherPercentOfRevenue: 0.05, residualValuePercent: 0.10,
      debtShare: 0.5, interestRateAnnual: 0.12, debtTermMonths: 36, taxRate: 0.21,
      depreciationYears: 5, discountRate: 0.12, extraTargetIRRs: [0.20]))

  /// Every feature at once; python: `full`, `full_a`.
  static let fullInputs = FinanceInputs(
    gpuCount: 64, nodeCount: 8, itPowerKW: 82, hardwareCapex: 2_000_000, sparesCapex: 100_000)
  static let full = withoutWarranty(
    FinanceAssumptions(
      horizonYears: 4, utilization: [0.7, 0.8, 0.9, 0.9], marketPricePerGPUHour: 2.5,
      pricePath: .annualDecline(rate: 0.25),
      contractMix: ContractMix(share: 0.5, pricePerGPUHour: 2.2, termMonths: 24), leadTimeMonths: 3,
      facilityCost: .hosting(perNodeMonth: 1500), maintenancePercentOfHardwarePerYear: 0.02,
      staff: StaffCost(fteCount: 0.5, costPerFTEYear: 180_000), softwarePerGPUYear: 500,
      insurancePercentPerYear: 0.004, bandwidthPerMonth: 1000, salesAndOtherPercentOfRevenue: 0.03,
      installationPercent: 0.02, shippingAndTaxesPercent: 0.05, residualValuePercent: 0.1,
      debtShare: 0.6, interestRateAnnual: 0.1, debtTermMonths: 36, taxRate: 0.25,
      depreciationYears: 4, discountRate: 0.1, extraTargetIRRs: [0.15]))

  /// `assumptions` with maintenance from the first operating month (python: `warranty=0`).
  static func withoutWarranty(_ assumptions: FinanceAssumptions) -> FinanceAssumptions {
    var a = assumptions
    a.warrantyYears = 0
    return a
  }

  /// One HGX H100 node (10.2 kW, $256.4k; domain.md §2); python: `h100`, `falling`, `debt`, `zero`.
  static let h100Node = FinanceInputs(gpuCount: 8, nodeCount: 1, itPowerKW: 10.2, hardwareCapex: 256_400)
  static let node250k = FinanceInputs(gpuCount: 8, nodeCount: 1, itPowerKW: 10.2, hardwareCapex: 250_000)

  /// 60 %/year price decline, no tax, no residual value; python: `falling_a`.
  static let falling = FinanceAssumptions(
    utilization: [0.9], marketPricePerGPUHour: 3.0, pricePath: .annualDecline(rate: 0.6),
    residualValuePercent: 0, taxRate: 0)

  /// Everything borrowed; python: `debt_a`.
  static let debt100 = FinanceAssumptions(
    utilization: [0.85], marketPricePerGPUHour: 2.35, debtShare: 1.0, interestRateAnnual: 0.12,
    debtTermMonths: 48)
}

extension FinanceScenario {
  /// One node built over 6 months, 60 % debt; python: `lead6`, `lead6_a`.
  static let lead6 = FinanceAssumptions(leadTimeMonths: 6, debtShare: 0.6)

  /// 64 GPUs, 70 % on a 48-month contract at $2.20, a 6-month utilization ramp, a 3-month build,
  /// debt sized to a minimum DSCR of 1.3 over 48 months; python: `dscr`, `dscr_a`.
  static let dscrInputs = FinanceInputs(gpuCount: 64, nodeCount: 8, itPowerKW: 82, hardwareCapex: 2_000_000)
  static let dscr: FinanceAssumptions = {
    var a = FinanceAssumptions(
      contractMix: ContractMix(share: 0.7, pricePerGPUHour: 2.2, termMonths: 48), leadTimeMonths: 3,
      debtTermMonths: 48)
    a.debtSizing = .targetDSCR(1.3)
    a.utilizationRampMonths = 6
    return a
  }()
}
