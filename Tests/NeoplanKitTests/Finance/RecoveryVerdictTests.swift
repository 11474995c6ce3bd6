import Testing

@testable import NeoplanKit

/// The quote's verdict is decided in finance from the break-evens (by hand: market 4.20 against a
/// cash break-even of 3.89 and a hurdle break-even of 4.64 covers cash only).
@Test(arguments: [
  (4.20, Double?(3.89), Double?(4.64), RecoveryVerdict.coversCash),
  (5.80, 3.74, 4.63, .meetsHurdle),
  (4.64, 3.89, 4.64, .meetsHurdle),  // exactly at the hurdle meets it
  (2.35, 2.52, 3.13, .belowCash),
  (2.35, nil, nil, .noBreakEven),
])
func recoveryVerdict(market: Double, cash: Double?, hurdle: Double?, expected: RecoveryVerdict) {
  #expect(RecoveryVerdict(marketPrice: market, cashBreakEven: cash, hurdleBreakEven: hurdle) == expected)
}

/// The engine stores the verdict its own break-evens give: b200-style numbers through the plan.
@Test func planVerdictFollowsItsBreakEvens() throws {
  let plan = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
  let f = plan.finance
  let cash = f.breakEven.first { $0.targetIRR == 0 }?.startPricePerGPUHour
  let hurdle = f.breakEven.first { $0.targetIRR == plan.financeAssumptions.discountRate }?.startPricePerGPUHour
  let market = plan.financeAssumptions.marketPricePerGPUHour
  let expected: RecoveryVerdict =
    hurdle.map { market >= $0 } == true
    ? .meetsHurdle
    : cash.map { market >= $0 } == true
      ? .coversCash
      : cash == nil ? .noBreakEven : .belowCash
  #expect(f.verdict == expected)
}
