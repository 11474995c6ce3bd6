import Foundation

extension FinanceInputs {
  /// Finance inputs from the BoM: installed lines are capex by category, spare lines are the
  /// spares pool, and subscription licences (software with a term) are charged as software opex
  /// when each term is paid (their BoM line shows the first term), neither capex nor counted twice.
  /// Returns the inputs and the spec's assumptions (defaults applied).
  static func fromBillOfMaterials(design: ClusterDesign, bom: BillOfMaterials) -> (FinanceInputs, FinanceAssumptions) {
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

extension InputError {
  /// The finance engine's problems as located diagnostics of `spec`: each finance key path
  /// (`finance.x[2]`) is mapped to the spec key that set it, and located where the spec wrote it.
  func located(in spec: ClusterSpec) -> InputError {
    InputError(
      diagnostics.map { problem in
        let base = problem.keyPath.split(separator: "[").first.map(String.init) ?? problem.keyPath
        let path =
          financeKeyPaths[base] ?? financeKeyPaths[problem.keyPath] ?? financingKeyPaths[problem.keyPath]
          ?? financingKeyPaths[base] ?? problem.keyPath
        return spec.diagnostic(path, problem.message, expected: problem.expected)
      })
  }
}
