/// A calendar date (proleptic Gregorian), `YYYY-MM-DD`. No time zone, no clock.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Year, e.g. 2026.
  public let year: Int
  /// Month, 1…12.
  public let month: Int
  /// Day of month, 1…31.
  public let day: Int

  /// Creates a date, or `nil` when it does not exist (2026-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= Day.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` exactly.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (civil-from-days algorithm by Howard Hinnant).
  public var ordinal: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(to other: Day) -> Int { other.ordinal - ordinal }

  /// `YYYY-MM-DD`.
  public var description: String { NumberFormat.date(self) }

  /// Chronological order.
  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
}

extension Day {
  /// 9999-12-31, the last date `YYYY-MM-DD` can hold.
  public static let latest = Day(year: 9999, month: 12, day: 31)!

  /// The date `days` after this one (civil-from-days, Howard Hinnant).
  public func adding(days: Int) -> Day {
    let z = ordinal + days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return Day(year: y, month: m, day: d)!
  }
}
