/// Something a reader of a plan should know (a partial SU, racks hotter than their cooling, stale
/// or estimated prices). `code` and `values` let reports translate it (`warn_<code>` in
/// templates/locales, with `{name}` placeholders); `text` is the English sentence.
public struct PlanWarning: Sendable, Hashable, CustomStringConvertible {
  /// Stable identifier, e.g. `stale-prices`.
  public var code: String
  /// Placeholder values, already formatted (numbers, part ids, dates).
  public var values: [String: String]
  /// The English sentence (text and JSON outputs).
  public var text: String

  /// Creates a warning.
  public init(_ code: String, _ values: [String: String] = [:], text: String) {
    self.code = code
    self.values = values
    self.text = text
  }

  /// The English sentence.
  public var description: String { text }
}
