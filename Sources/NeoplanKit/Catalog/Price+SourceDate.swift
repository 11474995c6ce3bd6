import Foundation

/// The date a price's source carries, when it carries one: an explicit `source_date` in the
/// catalog, or a date in the source URL's path (`/2025/03/16/`, `/2025/08/`, `/2024-06-17-…`).
/// docs/catalog.md explains the rule.
public struct SourceDate: Sendable, Hashable, CustomStringConvertible {
  /// Year of the source.
  public var year: Int
  /// Month of the source, 1…12.
  public var month: Int
  /// Day of the month, or `nil` when the source gives only a month.
  public var day: Int?

  /// A source date with day precision.
  public init(_ day: Day) {
    self.year = day.year
    self.month = day.month
    self.day = day.day
  }

  init?(year: Int, month: Int, day: Int?) {
    guard (1990...2100).contains(year), (1...12).contains(month) else { return nil }
    if let day {
      guard Day(year: year, month: month, day: day) != nil else { return nil }
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// `2025-03-16`, or `2025-08` when only the month is known.
  public var description: String { NumberFormat.isoDate(year: year, month: month, day: day) }

  /// True when `asOf` falls after this date, compared at this date's precision (a month-only
  /// source date covers the whole month).
  public func isEarlier(than asOf: Day) -> Bool {
    if (asOf.year, asOf.month) != (year, month) { return (asOf.year, asOf.month) > (year, month) }
    guard let day else { return false }
    return asOf.day > day
  }

  /// The date in a URL's path, if any: consecutive path segments `YYYY/MM` or `YYYY/MM/DD`, or a
  /// segment starting `YYYY-MM-DD`. The host and query are ignored; `nil` for non-URLs.
  public static func fromURL(_ source: String) -> SourceDate? {
    guard let schemeEnd = source.range(of: "://") else { return nil }
    var rest = source[schemeEnd.upperBound...]
    if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    let segments = rest.split(separator: "/").dropFirst().map(String.init)
    func number(_ text: String, digits: ClosedRange<Int>) -> Int? {
      guard digits.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
      return Int(text)
    }
    for (index, segment) in segments.enumerated() {
      if let year = number(segment, digits: 4...4), index + 1 < segments.count,
        let month = number(segments[index + 1], digits: 2...2)
      {
        let day = index + 2 < segments.count ? number(segments[index + 2], digits: 2...2) : nil
        if let found = SourceDate(year: year, month: month, day: day) { return found }
        if let found = SourceDate(year: year, month: month, day: nil) { return found }
      }
      let parts = segment.prefix(10).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
      if segment.count >= 10, parts.count == 3, let year = number(parts[0], digits: 4...4),
        let month = number(parts[1], digits: 2...2), let day = number(parts[2], digits: 2...2),
        let found = SourceDate(year: year, month: month, day: day)
      {
        return found
      }
    }
    return nil
  }
}

extension Price {
  /// The date the source carries: `source_date` when given, else a date in the source URL.
  public var carriedSourceDate: SourceDate? {
    sourceDate.map(SourceDate.init) ?? SourceDate.fromURL(source)
  }
}

extension Catalog {
  /// Warnings for prices dated after their source: `as_of` later than the date the source
  /// carries means the figure is dated to when it was read, not to when it was published.
  public func sourceDateWarnings() -> [Diagnostic] {
    parts.compactMap { part in
      guard let carried = part.price.carriedSourceDate, carried.isEarlier(than: part.price.asOf) else { return nil }
      let origin = part.price.sourceDate == nil ? "its source URL carries" : "its source_date is"
      return Diagnostic(
        .warning, at: part.location, keyPath: "\(part.id).price.as_of",
        message: "as_of \(part.price.asOf) is later than the date \(origin) (\(carried))",
        expected:
          "expected the date of the figure itself (as_of ≤ \(carried)), or a source_date if the URL date is not the page's"
      )
    }
  }
}
