import Foundation

/// Bounds on what a diff reads from BoM CSVs and saved plans, so `quantity × unit price` and
/// every running total stay inside `Int64` cents (issue 11): at most 10^7 units on a line and
/// 10^15 major units (10^17 cents) for any amount, line or total — the same ceiling as a priced
/// plan (``Pricer/maxTotalMajor``).
extension DiffInput {
  /// Largest quantity on one line.
  public static let maxQuantity = 10_000_000
  /// Largest magnitude of any amount, line or running total, in cents.
  public static let maxCents: Int64 = 100_000_000_000_000_000

  /// Whether `quantity × unit` is within the bounds.
  static func fits(quantity: Int, unit: Money) -> Bool {
    guard (0...maxQuantity).contains(quantity), unit.cents.magnitude <= UInt64(maxCents) else { return false }
    let (product, overflow) = unit.cents.multipliedReportingOverflow(by: Int64(quantity))
    return !overflow && product.magnitude <= UInt64(maxCents)
  }

  /// The first line at which the running total of extended prices leaves the bound, if any.
  static func lineExceedingTotal(_ lines: [DiffInputLine]) -> DiffInputLine? {
    var total: Int64 = 0
    for line in lines {
      // Each extended price is within maxCents, so the sum of two cannot overflow.
      total += line.extendedPrice.cents
      if total.magnitude > UInt64(maxCents) { return line }
    }
    return nil
  }

  /// The error for an amount beyond the bounds, at `location` (or the file's start).
  static func tooLarge(file: String, at location: SourceLocation?, _ what: String) -> InputError {
    InputError(
      Diagnostic(
        at: location ?? SourceLocation(file: file, line: 1, column: 1), keyPath: "",
        message: "\(what) is beyond what neoplan compares",
        expected: "expected at most 10000000 units a line and amounts up to 10^15"))
  }
}
