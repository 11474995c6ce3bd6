import Foundation

extension SpecDecoder {
  /// Decodes `quote:`.
  mutating func decodeQuote(_ root: KeyedMapping<SpecSection>) throws -> QuoteDetails {
    let map = try section(root, .quote, as: QuoteKey.self)
    let validDays = try map?[.validDays]?.int() ?? ClusterSpec.Defaults.quoteValidDays
    return QuoteDetails(
      preparedFor: try map?[.preparedFor]?.string(), preparedBy: try map?[.preparedBy]?.string(),
      validDays: validDays)
  }
}
