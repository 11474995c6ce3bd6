import Foundation

extension Plan {
  /// The risk model in force: `risk` if given, else the spec's `risk:` section, else the defaults
  /// (docs/risk.md); `paths` and `seed` override it.
  public func riskAssumptions(_ risk: RiskAssumptions? = nil, paths: Int? = nil, seed: UInt64? = nil)
    -> RiskAssumptions
  {
    var r = risk ?? spec.risk ?? RiskAssumptions()
    if let paths { r.paths = paths }
    if let seed { r.seed = seed }
    return r
  }

  /// Runs the Monte Carlo on this plan (docs/risk.md).
  public func runRisk(
    _ risk: RiskAssumptions, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil
  ) -> RiskResult {
    RiskEngine.run(
      inputs: financeInputs, assumptions: financeAssumptions, risk: risk, threads: threads, progress: progress)
  }
}
