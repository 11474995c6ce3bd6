extension FinanceEngine {
  /// Reports the finance stage's warnings about `finance`, made for `spec`: an IRR that is not a
  /// unique root (located at `finance`), and a market price left at the H100 default for another
  /// GPU.
  static func reportWarnings(_ finance: FinanceResult, spec: ClusterSpec, into diagnostics: inout DiagnosticCollector) {
    let irr = finance.projectIRR
    if let explanation = irr.explanation {
      diagnostics.warn(
        "irr-\(irr.status.rawValue)",
        [
          "changes": "\(irr.cashFlowSignChanges)",
          "roots": irr.annualRoots.map { NumberFormat.percent($0) }.joined(separator: ", "),
        ],
        text: "project IRR: " + explanation, at: "finance")
    }
    let gpu = spec.compute.nodeSpecs.gpuModel
    if !spec.isGiven(FinanceKey.marketPrice), !gpu.contains("H100") {
      diagnostics.warn(
        "market-price-default", ["gpu": gpu],
        text:
          "finance.market_price defaults to the H100 1-year contract index (USD 2.35/GPU-h, SemiAnalysis 2026-03); set the market price for \(gpu)",
        at: "finance")
    }
  }
}
