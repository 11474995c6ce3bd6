import Foundation

/// The result of planning: the spec, its design, its priced BoM, its financials and every warning.
public struct Plan: Sendable {
  /// The validated spec.
  public var spec: ClusterSpec
  /// The sized cluster.
  public var design: ClusterDesign
  /// The priced BoM.
  public var bom: BillOfMaterials
  /// What finance was given (capex by category, subscriptions moved to opex).
  public var financeInputs: FinanceInputs
  /// The assumptions used (the spec's, defaults applied).
  public var financeAssumptions: FinanceAssumptions
  /// TCO, returns, break-even rates and sensitivity.
  public var finance: FinanceResult
  /// Sizing, pricing and finance warnings, translatable.
  public var warningItems: [PlanWarning]
  /// The warnings in English.
  public var warnings: [String] { warningItems.map(\.text) }

  /// Runs the pipeline spec → design → BoM → financials. `analyses: false` leaves out the
  /// finance's sweep, break-even utilization and sensitivity (see ``FinanceEngine``).
  public static func make(_ spec: ClusterSpec, analyses: Bool = true) throws -> Plan {
    let design = try ClusterSizer.size(spec)
    let bom = try Pricer.price(design)
    let (inputs, assumptions) = FinanceInputs.fromBillOfMaterials(design: design, bom: bom)
    try FinanceScale.check(inputs: inputs, assumptions: assumptions, spec: spec)
    let finance: FinanceResult
    do {
      finance = try FinanceEngine.evaluate(inputs: inputs, assumptions: assumptions, analyses: analyses)
    } catch let error as FinanceValidationError {
      throw error.inputError(in: spec)
    }
    var warnings = spec.warnings + design.warnings + Pricer.priceWarnings(bom, asOf: spec.asOf)
    if let explanation = finance.projectIRR.explanation {
      warnings.append(
        PlanWarning(
          "irr-\(finance.projectIRR.status.rawValue)",
          [
            "changes": "\(finance.projectIRR.cashFlowSignChanges)",
            "roots": finance.projectIRR.annualRoots.map { formatPercent($0 * 100) }.joined(separator: ", "),
          ],
          text: "project IRR: " + explanation))
    }
    if !spec.isGiven(FinanceKey.marketPrice), !spec.compute.nodeSpecs.gpuModel.contains("H100") {
      warnings.append(
        PlanWarning(
          "market-price-default", ["gpu": spec.compute.nodeSpecs.gpuModel],
          text:
            "finance.market_price defaults to the H100 1-year contract index (USD 2.35/GPU-h, SemiAnalysis 2026-03); set the market price for \(spec.compute.nodeSpecs.gpuModel)"
        ))
    }
    return Plan(
      spec: spec, design: design, bom: bom, financeInputs: inputs, financeAssumptions: assumptions,
      finance: finance, warningItems: warnings)
  }

  /// Loads the catalog and the spec, then plans.
  public static func make(specPath: String, catalogDirectories: [String]) throws -> Plan {
    let catalog = try CatalogLoader.load(extraDirectories: catalogDirectories)
    return try make(try ClusterSpec.load(path: specPath, catalog: catalog))
  }
}
