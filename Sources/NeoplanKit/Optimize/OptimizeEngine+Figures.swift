import Foundation
import Yams

/// The figures the design search reads from a candidate, computed with only the work they need.
///
/// ``Plan/make(_:analyses:)`` runs the whole finance model: three IRRs, break-even prices at two or
/// more target rates, the cost per GPU-hour, statements, the lender's view, sources and uses and
/// the warnings. The search reads four figures of it (capex, cash break-even price, TCO per
/// GPU-hour, NPV); this computes exactly those, through the same functions and in the same order
/// of arithmetic as ``FinanceEngine/evaluate(inputs:assumptions:analyses:)``, so each is the same
/// `Double`, bit for bit (Tests/NeoplanKitTests/Optimize/OptimizeFastPathTests.swift checks every
/// candidate of the example against a full plan).
struct OptimizeFigures {
  /// Total capex (`finance.capex.total`).
  var capex: Double
  /// Cash break-even starting price (`finance.breakEven`, target IRR 0).
  var breakEvenPrice: Double?
  /// TCO per GPU-hour (`finance.tcoPerGPUHour`).
  var tcoPerGPUHour: Double?
  /// Project pre-tax NPV (`finance.npv`).
  var npv: Double

  /// The figures of `design` and its priced BoM; `nil` when the finance assumptions or inputs do
  /// not validate (the caller then runs the full plan, which reports why).
  static func make(design: ClusterDesign, bom: BillOfMaterials) throws -> OptimizeFigures? {
    let (inputs, assumptions) = FinanceInputs.fromBillOfMaterials(design: design, bom: bom)
    try FinanceScale.check(inputs: inputs, assumptions: assumptions, spec: design.spec)
    guard assumptions.validate().isEmpty, inputs.validate().isEmpty else { return nil }
    let flows = CashFlowModel.build(inputs: inputs, assumptions: assumptions)
    let capexTotal = flows.capex.total
    // As FinanceEngine.evaluate: opex summed by year, then the years summed.
    var totalOpex = 0.0
    for year in 1...assumptions.horizonYears {
      let lines = flows.months
        .filter { month in month.operatingMonth.map { ($0 - 1) / 12 + 1 == year } ?? false }
        .reduce(OpexBreakdown()) { $0 + $1.opex }
      totalOpex = totalOpex + lines.total
    }
    let tco = capexTotal + totalOpex
    let gpuHours = Double(inputs.gpuCount) * FinanceMath.hoursPerMonth * Double(assumptions.horizonMonths)
    let npv = FinanceMath.npv(
      ratePerPeriod: FinanceMath.monthlyRate(fromAnnual: assumptions.discountRate),
      cashFlows: flows.projectPreTaxFlows)
    return OptimizeFigures(
      capex: capexTotal,
      breakEvenPrice: FinanceEngine.breakEvenStartPrice(inputs: inputs, assumptions: assumptions, targetIRR: 0),
      tcoPerGPUHour: gpuHours > 0 ? tco / gpuHours : nil, npv: npv)
  }
}

extension OptimizeEngine {
  /// What the fast path made of a candidate.
  enum FastOutcome {
    /// Planned, with its figures.
    case design(OptimizeDesign)
    /// Sizing, pricing or the finance scale check refused it: the error ``Plan/make(_:analyses:)``
    /// throws first, as it runs the same stages in the same order.
    case rejected(OptimizeRejection)
    /// The finance assumptions or inputs do not validate, or the objective has no value: a full
    /// plan says why, in its words.
    case needsPlan
  }

  /// Evaluates one candidate with only the work the search reads: the spec tree edited
  /// (``SpecTree/applyingAll(_:to:tags:cache:)``) and decoded, the design sized and priced, then
  /// ``OptimizeFigures``.
  static func evaluateFast(
    _ choices: [OptimizeChoice], input: OptimizeInput, tags: TagFactory,
    cache: inout SpecTree.SectionCache
  ) -> FastOutcome {
    let figures: OptimizeFigures
    let spec: ClusterSpec
    let design: ClusterDesign
    do {
      let tree = SpecTree.applyingAll(choices.map { ($0.key, $0.value) }, to: input.tree, tags: tags, cache: &cache)
      var decoder = SpecDecoder(catalog: input.catalog, file: input.base.file)
      spec = try decoder.decode(YAMLValue(node: tree, file: input.base.file, path: "", checksBounds: true))
      design = try ClusterSizer.size(spec)
      let bom = try Pricer.price(design)
      guard let made = try OptimizeFigures.make(design: design, bom: bom) else { return .needsPlan }
      figures = made
    } catch {
      return .rejected(rejection(choices, error))
    }
    let value: Double?
    switch input.problem.objective {
    case .breakEven: value = figures.breakEvenPrice
    case .capex: value = figures.capex
    case .tcoPerGPUHour: value = figures.tcoPerGPUHour
    case .npv: value = figures.npv
    }
    guard let value, value.isFinite else { return .needsPlan }
    return .design(
      OptimizeDesign(
        choices: choices, objective: value, capex: figures.capex, gpus: spec.gpus, racks: design.facility.racks,
        facilityPowerKW: design.facility.facilityPowerKW,
        bisectionGbpsPerGPU: bisectionGbpsPerGPU(spec: spec, design: design), fabricKind: spec.backend?.kind,
        breakEvenPrice: figures.breakEvenPrice, tcoPerGPUHour: figures.tcoPerGPUHour, npv: figures.npv,
        baseTree: input.tree))
  }

  /// A rejection from the error planning a candidate threw: its first diagnostic.
  static func rejection(_ choices: [OptimizeChoice], _ error: any Error) -> OptimizeRejection {
    guard let error = error as? InputError else { return OptimizeRejection(choices: choices, reason: "\(error)") }
    let reason = error.diagnostics.first.map { d in (d.keyPath.isEmpty ? "" : d.keyPath + ": ") + d.message }
    return OptimizeRejection(choices: choices, reason: reason ?? "rejected")
  }
}
