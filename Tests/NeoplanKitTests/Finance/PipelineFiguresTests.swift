import Foundation
import Testing

@testable import NeoplanKit

/// Figures that reports used to compute themselves and that the engine now owns: the price paths,
/// the break-even lookups, the market share, the sources-and-uses total, covenant breach months,
/// the sensitivity "no effect" mark, BoM category shares and per-GPU amounts, and the node-side
/// transceivers. Expected values are derived by hand in the comments.
@Suite("figures owned by the pipeline")
struct PipelineFiguresTests {
  /// `full`: market USD 2.50, −25 % a year, 4 years = 48 months. Month m's multiplier is
  /// 0.75^⌊(m − 1)/12⌋: month 1 → 2.50, month 13 → 2.50 × 0.75 = 1.875,
  /// month 48 → 2.50 × 0.75³ = 2.50 × 0.421875 = 1.0546875.
  @Test func pricePathsFollowTheMarketPathFromEachStart() throws {
    let result = try FinanceEngine.evaluate(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, analyses: false)
    let market = result.pricePaths.market
    #expect(market.count == 48)
    #expect(financeClose(market[0], 2.5))
    #expect(financeClose(market[11], 2.5))
    #expect(financeClose(market[12], 1.875))
    #expect(financeClose(market[47], 1.0546875))
    // The break-even paths start at the break-even prices and have the same shape (× 0.75 a year).
    let hurdle = try #require(result.pricePaths.hurdleBreakEven)
    let hurdleStart = try #require(result.hurdleBreakEvenPrice)
    #expect(hurdle.count == 48)
    #expect(financeClose(hurdle[0], hurdleStart))
    #expect(financeClose(hurdle[24], hurdleStart * 0.5625))  // 0.75² in year 3
    let cash = try #require(result.pricePaths.cashBreakEven)
    #expect(financeClose(cash[47], try #require(result.cashBreakEvenPrice) * 0.421875))
  }

  /// The cash and hurdle break-evens are the entries of `breakEven` at 0 % and at the discount
  /// rate (10 % in `full`; its extra target is 15 %).
  @Test func breakEvenLookupsPickTheirTargets() throws {
    let result = try FinanceEngine.evaluate(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, analyses: false)
    #expect(result.breakEven.map(\.targetIRR) == [0, 0.1, 0.15])
    #expect(result.cashBreakEvenPrice == result.breakEven[0].startPricePerGPUHour)
    #expect(result.hurdleBreakEvenPrice == result.breakEven[1].startPricePerGPUHour)
    // The cash break-even is below the hurdle one (a 0 % return needs a lower price than 10 %).
    #expect(try #require(result.cashBreakEvenPrice) < (try #require(result.hurdleBreakEvenPrice)))
  }

  /// Market share: 1 − Σ contract shares. `full`: one contract of 50 % → 0.5. Two contracts of
  /// 30 % and 25 % → 1 − 0.55 = 0.45. No contract → 1.
  @Test func marketShareIsWhatTheContractsLeave() throws {
    let full = try FinanceEngine.evaluate(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, analyses: false)
    #expect(financeClose(full.marketShare, 0.5))
    var two = FinanceScenario.full
    two.contracts = [
      ContractMix(share: 0.3, pricePerGPUHour: 2.2, termMonths: 24),
      ContractMix(share: 0.25, pricePerGPUHour: 2.0, termMonths: 12),
    ]
    let split = try FinanceEngine.evaluate(inputs: FinanceScenario.fullInputs, assumptions: two, analyses: false)
    #expect(financeClose(split.marketShare, 0.45))
    let worked = try FinanceEngine.evaluate(
      inputs: FinanceScenario.workedInputs, assumptions: FinanceScenario.worked, analyses: false)
    #expect(worked.marketShare == 1)
  }

  /// Uses of 1,000.00 capex and 25.50 interest during construction total 1,025.50; in a financed
  /// plan the sources add up to the same total (equity is what debt and prepayments leave).
  @Test func sourcesAndUsesTotal() throws {
    let handmade = SourcesAndUses(
      sources: [], uses: [FundingLine(item: "capex", amount: 1000), FundingLine(item: "idc", amount: 25.5)])
    #expect(handmade.total == 1025.5)
    let full = try FinanceEngine.evaluate(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, analyses: false)
    let sources = full.sourcesAndUses.sources.reduce(0) { $0 + $1.amount }
    #expect(full.sourcesAndUses.total > 0)
    #expect(financeClose(sources, full.sourcesAndUses.total, relative: 1e-12, absolute: 1e-6))
  }

  /// Breaches of DSCR in months 13, 14 and 20 and of LTV in month 14 split by covenant, in order.
  @Test func breachMonthsByCovenant() throws {
    var lender = try FinanceEngine.evaluate(
      inputs: FinanceScenario.fullInputs, assumptions: FinanceScenario.full, analyses: false
    ).lender
    lender.breaches = [
      CovenantBreach(covenant: "minDSCR", month: 13, value: 1.1, limit: 1.25),
      CovenantBreach(covenant: "maxLTV", month: 14, value: 0.9, limit: 0.8),
      CovenantBreach(covenant: "minDSCR", month: 14, value: 1.0, limit: 1.25),
      CovenantBreach(covenant: "minDSCR", month: 20, value: 1.2, limit: 1.25),
    ]
    #expect(lender.dscrBreachMonths == [13, 14, 20])
    #expect(lender.ltvBreachMonths == [14])
  }

  /// A swing of half a cent or more has an effect; 0.4 cent does not (it shows as 0.00).
  @Test func sensitivityEffectThreshold() {
    func row(low: Double, high: Double) -> SensitivityRow {
      SensitivityRow(
        input: .capex, lowValue: 0, highValue: 0, lowProjectNPV: low, highProjectNPV: high, lowEquityNPV: 0,
        highEquityNPV: 0, lowBreakEvenPrice: nil, highBreakEvenPrice: nil)
    }
    #expect(row(low: 0, high: 0.005).hasEffect)
    #expect(row(low: 0.005, high: 0).hasEffect)
    #expect(!row(low: 0, high: 0.004).hasEffect)
    #expect(!row(low: 7, high: 7).hasEffect)
  }

  /// A BoM of 300.00 compute and 100.00 backend network for 8 GPUs: shares 300/400 = 0.75 and
  /// 100/400 = 0.25; per GPU 300.00/8 = 37.50 and 100.00/8 = 12.50. A third line of 0.01 for 8
  /// GPUs is 0.00125 per GPU: half-even to the cent, 0.00.
  @Test func categoryShareAndPerGPU() throws {
    let day = try #require(Day(year: 2026, month: 11, day: 21))
    func line(_ category: PartCount.Category, _ cents: Int64) -> LineItem {
      let money = Money(cents: cents, currency: "USD")
      return LineItem(
        category: category, partID: category.rawValue, partNumber: nil, description: "", role: "", quantity: 1,
        unitPrice: money, extendedPrice: money, sourcePrice: money, exchangeRate: nil, source: "", asOf: day,
        confidence: .quoted, note: nil, isSpare: false)
    }
    let bom = BillOfMaterials(
      currency: "USD", lines: [line(.compute, 30_000), line(.backendNetwork, 10_000)], nodes: 1, gpus: 8)
    let totals = bom.categoryTotals
    #expect(totals.map(\.category) == [.compute, .backendNetwork])
    #expect(totals.map(\.share) == [0.75, 0.25])
    #expect(totals.map(\.perGPU.cents) == [3_750, 1_250])
    let tiny = BillOfMaterials(currency: "USD", lines: [line(.software, 1)], nodes: 1, gpus: 8)
    #expect(tiny.categoryTotals.map(\.perGPU.cents) == [0])
    #expect(tiny.categoryTotals.map(\.share) == [1])
  }

  /// Rail-only mi300x-eth-64 (8 rails of 64 nodes on 128-port switches,
  /// the example's comment): 8 fabrics of 1 switch, no spines; a fat tree has no rail fabrics.
  @Test func designFiguresForWriters() throws {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
    let railOnly = try Plan.make(
      specPath: examples.appendingPathComponent("mi300x-eth-64.yaml").path, catalogDirectories: [])
    let backend = try #require(railOnly.design.backend)
    #expect(backend.railFabrics == Array(repeating: RailFabric(leaves: 1, spines: 0), count: 8))
    let fatTree = try TestCatalog.plan("as_of: 2026-11-21\ncompute: {node: hgx-h100-8gpu, nodes: 16}")
    #expect(try #require(fatTree.design.backend).railFabrics.isEmpty)
  }
}
