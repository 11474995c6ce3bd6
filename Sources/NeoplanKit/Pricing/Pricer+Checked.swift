import Foundation

extension Pricer {
  /// The largest BoM total accepted: 10^15 major units (10^17 cents), a hundredth of what
  /// `Int64` cents can hold, so finance sums over the horizon cannot overflow either.
  public static let maxTotalMajor: Int64 = 1_000_000_000_000_000

  /// `price` converted at `rate`, refused (located at the part's use) when it would not fit.
  static func checkedConverted(_ price: Money, rate: Decimal, to currency: String, part: Part, spec: ClusterSpec)
    throws -> Money
  {
    let product = Decimal(price.cents) * rate
    guard product <= Decimal(maxTotalMajor) * 100 else {
      throw tooLarge(spec, "\(part.id) converted to \(currency)")
    }
    return price.converted(rate: rate, to: currency)
  }

  /// `unit × quantity` with overflow checked, refused above ``maxTotalMajor``.
  static func checkedExtended(_ unit: Money, quantity: Int, part: Part, spec: ClusterSpec) throws -> Money {
    let (cents, overflow) = unit.cents.multipliedReportingOverflow(by: Int64(quantity))
    guard !overflow, cents.magnitude <= UInt64(maxTotalMajor) * 100 else {
      throw tooLarge(spec, "\(quantity) × \(part.id)")
    }
    return Money(cents: cents, currency: unit.currency)
  }

  /// Refuses a BoM whose total would exceed ``maxTotalMajor``.
  static func checkTotal(_ lines: [LineItem], spec: ClusterSpec) throws {
    var total: Int64 = 0
    for line in lines {
      let (sum, overflow) = total.addingReportingOverflow(line.extendedPrice.cents)
      guard !overflow, sum.magnitude <= UInt64(maxTotalMajor) * 100 else {
        throw tooLarge(spec, "the bill of materials total")
      }
      total = sum
    }
  }

  private static func tooLarge(_ spec: ClusterSpec, _ what: String) -> InputError {
    InputError(
      spec.diagnostic(
        "compute.nodes", "\(what) exceeds 10^15 \(spec.currency)",
        expected: "expected a smaller cluster or lower catalog prices (see docs/reliability.md)"))
  }
}
