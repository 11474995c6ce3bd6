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
    var diagnostics = DiagnosticCollector(spec: spec)
    let design = try ClusterSizer.size(spec, diagnostics: &diagnostics)
    let bom = try Pricer.price(design)
    for warning in Pricer.priceWarnings(bom, asOf: spec.asOf) { diagnostics.report(warning) }
    let (inputs, assumptions) = FinanceInputs.fromBillOfMaterials(design: design, bom: bom)
    try FinanceScale.check(inputs: inputs, assumptions: assumptions, spec: spec)
    let finance: FinanceResult
    do {
      finance = try FinanceEngine.evaluate(inputs: inputs, assumptions: assumptions, analyses: analyses)
    } catch {
      throw error.located(in: spec)
    }
    FinanceEngine.reportWarnings(finance, spec: spec, into: &diagnostics)
    let warnings = diagnostics.warnings
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
