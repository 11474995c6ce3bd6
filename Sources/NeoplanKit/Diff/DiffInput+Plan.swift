import Foundation

extension DiffInput {
  /// A side from a plan summary: a plan made in memory or a saved plan. `lineLocations`: where
  /// each BoM line is written (saved plans), in line order.
  init(
    summary: PlanSummary, kind: Kind, file: String, lineLocations: [SourceLocation] = [], specFields: [Figure]? = nil
  ) {
    let lines = summary.bom.lines.enumerated().map { index, line in
      var input = DiffInputLine(
        partID: line.id, partNumber: nil, description: line.description ?? "", category: line.category,
        quantity: line.quantity, unitPrice: line.unitPrice, isSpare: line.isSpare,
        location: index < lineLocations.count ? lineLocations[index] : nil)
      input.extendedPrice = line.extendedPrice
      return input
    }
    self.init(
      kind: kind, file: file, name: summary.name.isEmpty ? nil : summary.name, currency: summary.bom.currency,
      lines: lines, nodes: summary.nodes, gpus: summary.gpus, fxRates: summary.bom.fxRates, design: summary.design,
      specFields: specFields, finance: summary.finance.map(FinanceFigures.init(summary:)))
  }

  /// Reads a saved plan (`neoplan plan --format json`), with located errors.
  static func plan(_ document: YAMLValue, file: String) throws -> DiffInput {
    let (summary, locations) = try PlanSummary.read(document)
    return DiffInput(summary: summary, kind: .plan, file: file, lineLocations: locations)
  }
}
