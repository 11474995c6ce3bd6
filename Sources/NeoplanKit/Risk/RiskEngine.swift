import Foundation

/// Memory shared by the worker threads: each path writes only its own slots, so the results do
/// not depend on the thread count or the scheduling.
private final class PathBuffer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Element>
  let count: Int

  init(count: Int, initial: Element) {
    self.count = count
    pointer = .allocate(capacity: max(1, count))
    pointer.initialize(repeating: initial, count: max(1, count))
  }

  deinit { pointer.deallocate() }

  var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}

/// Monte Carlo over a plan's uncertain inputs (docs/risk.md).
public enum RiskEngine {
  /// Inputs of the variance-driver analysis, in report order.
  public static let driverInputs = ["price", "utilization", "ramp", "capex", "electricity", "downtime", "counterparty"]
  /// Paths behind the cumulative-cash fan chart (the first ones).
  public static let fanPathLimit = 2_000

  /// Runs `risk.paths` paths of the plan given by `inputs` and `assumptions`.
  ///
  /// - Parameters:
  ///   - threads: worker count (default: every core); the result is the same for any count.
  ///   - progress: called with the number of paths just finished (from worker threads).
  public static func run(
    inputs: FinanceInputs, assumptions: FinanceAssumptions, risk: RiskAssumptions,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: (@Sendable (Int) -> Void)? = nil
  ) -> RiskResult {
    let model = RiskPathModel(inputs: inputs, assumptions: assumptions)
    let paths = max(0, risk.paths)
    let outcomes = PathBuffer(
      count: paths,
      initial: PathOutcome(
        projectIRR: nil, equityIRR: nil, npv: 0, equityNPV: 0, paybackMonth: nil, minDSCR: nil, breach: false))
    let drivers = PathBuffer(count: paths * driverInputs.count, initial: 0.0)
    let fanPaths = min(paths, fanPathLimit)
    let fan = PathBuffer(count: fanPaths * model.count, initial: 0.0)
    let workers = max(1, min(threads, paths))
    let chunk = (paths + workers - 1) / max(1, workers)
    let work: @Sendable (Int) -> Void = { worker in
      let start = worker * chunk
      let end = min(paths, start + chunk)
      var done = 0
      for index in start..<max(start, end) {
        let draw = RiskDraw.draw(model: model, risk: risk, index: index)
        let slot =
          index < fanPaths
          ? UnsafeMutableBufferPointer(start: fan.pointer + index * model.count, count: model.count) : nil
        outcomes.pointer[index] = model.evaluate(draw, cumulative: slot)
        let summary = draw.driverSummary(contracts: model.contracts, horizonMonths: assumptions.horizonMonths)
        for (offset, value) in summary.enumerated() { drivers.pointer[index * driverInputs.count + offset] = value }
        done += 1
        if done == 1_000 {
          progress?(done)
          done = 0
        }
      }
      if done > 0 { progress?(done) }
    }
    if workers == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }
    return summarize(
      outcomes.array, drivers: drivers.array, fan: fan.array, fanPaths: fanPaths, monthCount: model.count,
      risk: risk, assumptions: assumptions)
  }
}

extension RiskDraw {
  /// One number per driver input: mean price factor, mean utilization, ramp months, capex
  /// factor, electricity factor, availability, and contract GPU-months lost to defaults.
  func driverSummary(contracts: [ContractMix], horizonMonths: Int) -> [Double] {
    var lost = 0.0
    for (index, contract) in contracts.enumerated() {
      if let month = defaultMonth[index] {
        lost += contract.share * Double((contract.termMonths ?? horizonMonths) - month + 1)
      }
    }
    return [
      priceFactor.reduce(0, +) / Double(max(1, priceFactor.count)),
      utilization.reduce(0, +) / Double(max(1, utilization.count)), Double(rampMonths), capexFactor,
      electricityFactor, availability, lost,
    ]
  }
}

extension RiskEngine {
  /// The unlevered pre-tax cash flows of paths 0…count−1 (for benchmarks and audits: the flows
  /// whose IRRs a run computes).
  public static func sampleProjectFlows(
    inputs: FinanceInputs, assumptions: FinanceAssumptions, risk: RiskAssumptions, count: Int
  ) -> [[Double]] {
    let model = RiskPathModel(inputs: inputs, assumptions: assumptions)
    return (0..<max(0, count)).map { model.cashFlows(RiskDraw.draw(model: model, risk: risk, index: $0)).project }
  }
}
