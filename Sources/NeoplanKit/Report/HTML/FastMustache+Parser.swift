/// A small logic-less Mustache engine for the report templates: the subset of Mustache they use,
/// parsed in one linear pass over UTF-8 bytes and rendered without reflection.
///
/// It reproduces swift-mustache 2.1.1 byte for byte (the parser below follows the library's
/// `MustacheTemplate.parse` step by step, including its standalone-line and indentation rules).
/// Whatever it does not handle — set delimiters, pragmas, inheritance, dynamic partials,
/// transforms, carriage returns and other Unicode newlines, parse errors, context values of other
/// types — makes it give up (`nil`), and the caller renders with swift-mustache instead: an
/// unusual template is slower, never different.
enum FastMustache {
  /// A parsed template: the library's tokens, in the same order and cut the same way.
  enum Node {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not).
    case variable(Path, escaped: Bool)
    case section(Path, [Node])
    case inverted(Path, [Node])
    /// `{{>name}}`; the indentation is set when the tag stands alone on its line.
    case partial(String, indentation: String?)
  }

  /// A variable name as the library resolves it.
  struct Path {
    /// `.`: the current object.
    var isCurrent: Bool
    /// A leading `.`: look in the current object only, not up the context stack.
    var anchored: Bool
    /// The dotted parts, empty ones dropped (as `split(separator:)` does).
    var parts: [String]
  }

  /// Gives up on a template or a context value (the caller falls back to swift-mustache).
  struct Unsupported: Error {}

  /// Parses `text`, or `nil` when the library might treat it differently.
  static func parse(_ text: String) -> [Node]? {
    let bytes = Array(text.utf8)
    guard isPlain(text, bytes) else { return nil }
    var parser = Parser(bytes: bytes)
    guard let nodes = try? parser.parse(section: nil, newLine: true) else { return nil }
    return nodes
  }

  /// No newline other than `\n`, and no scalar that could join a neighbour into one `Character`
  /// (the library reads Characters, this parser bytes).
  static func isPlain(_ text: String, _ bytes: [UInt8]) -> Bool {
    var nonASCII = false
    for byte in bytes {
      if byte == 0x0B || byte == 0x0C || byte == 0x0D { return false }
      if byte >= 0x80 { nonASCII = true }
    }
    guard nonASCII else { return true }
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      guard lead >= 0x80 else {
        index += 1
        continue
      }
      // A lead byte of valid UTF-8 (the bytes of a String): 2, 3 or 4 bytes.
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for next in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
      index += length
      guard let scalar = Unicode.Scalar(value) else { return false }
      if value == 0x85 || value == 0x2028 || value == 0x2029 || mayJoin(scalar) { return false }
    }
    return true
  }

  /// Scalars that may extend or prepend to a neighbouring character (conservatively).
  static func mayJoin(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    if properties.isGraphemeExtend || properties.isEmojiModifier || properties.isVariationSelector { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .surrogate, .privateUse, .unassigned:
      return true
    default:
      break
    }
    let prependLetters: [ClosedRange<UInt32>] = [
      0x0D4E...0x0D4E, 0x111C2...0x111C3, 0x11A3A...0x11A3A, 0x11A84...0x11A89, 0x11D46...0x11D46,
      0x11F02...0x11F02,
    ]
    return prependLetters.contains { $0.contains(scalar.value) }
  }
}
