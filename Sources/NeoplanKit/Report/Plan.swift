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
    let (inputs, assumptions) = financeInputs(design: design, bom: bom)
    try FinanceScale.check(inputs: inputs, assumptions: assumptions, spec: spec)
    let finance: FinanceResult
    do {
      finance = try FinanceEngine.evaluate(inputs: inputs, assumptions: assumptions, analyses: analyses)
    } catch let error as FinanceValidationError {
      throw InputError(
        error.problems.map { problem in
          let base = problem.keyPath.split(separator: "[").first.map(String.init) ?? problem.keyPath
          let path =
            financeKeyPaths[base] ?? financeKeyPaths[problem.keyPath] ?? financingKeyPaths[problem.keyPath]
            ?? financingKeyPaths[base] ?? problem.keyPath
          return spec.diagnostic(path, problem.message, expected: "expected " + problem.expected)
        })
    }
    var warnings = spec.warnings + design.warnings + Pricer.priceWarnings(bom, asOf: spec.asOf)
    if let explanation = finance.projectIRR.explanation {
      warnings.append(
        PlanWarning(
          "irr-\(finance.projectIRR.status.rawValue)",
          [
            "changes": "\(finance.projectIRR.cashFlowSignChanges)",
            "roots": finance.projectIRR.annualRoots.map { NumberFormat.percent($0) }.joined(separator: ", "),
          ],
          text: "project IRR: " + explanation))
    }
    if spec.locations["finance.market_price"] == nil, !spec.compute.nodeSpecs.gpuModel.contains("H100") {
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

  /// Finance inputs from the BoM: installed lines are capex by category, spare lines are the
  /// spares pool, and subscription licences (software with a term) are charged as software opex
  /// when each term is paid (their BoM line shows the first term), neither capex nor counted twice.
  static func financeInputs(design: ClusterDesign, bom: BillOfMaterials) -> (FinanceInputs, FinanceAssumptions) {
    let assumptions = design.spec.finance
    var capex: [CapexLine] = []
    var spares = 0.0
    var subscriptions: [Subscription] = []
    let terms = Dictionary(
      design.parts.compactMap { count -> (String, Int)? in
        if case .software(let licence) = count.part.specs, let term = licence.termYears, term > 0 {
          return (count.part.id, term)
        }
        return nil
      }, uniquingKeysWith: { a, _ in a })
    for category in PartCount.Category.allCases {
      var amount = 0.0
      for line in bom.lines where line.category == category {
        let major = Double(line.extendedPrice.cents) / 100
        if line.isSpare {
          spares += major
        } else if let term = terms[line.partID] {
          subscriptions.append(Subscription(amountPerTerm: major, termYears: term))
        } else {
          amount += major
        }
      }
      if amount != 0 { capex.append(CapexLine(category: category.rawValue, amount: amount)) }
    }
    var inputs = FinanceInputs(
      gpuCount: design.gpus, nodeCount: design.nodes, itPowerKW: design.facility.itPowerKW,
      capexByCategory: capex, sparesCapex: spares, currencyCode: bom.currency, facilityPUE: design.spec.facility.pue)
    inputs.nonHardwareCategories = [PartCount.Category.services.rawValue, PartCount.Category.software.rawValue]
    inputs.subscriptions = subscriptions
    return (inputs, assumptions)
  }
}
