/// Shortens values quoted in messages, so a 1 MB part id does not become 1 MB of stderr.
public enum Truncated {
  /// Longest text of one diagnostic field (message, expected, key path), in characters.
  public static let diagnosticLimit = 400

  /// `text` itself when it has at most `limit` characters, else its start, `…` and the count.
  public static func text(_ text: String, limit: Int = 60) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "… (\(text.count) characters)"
  }
}
