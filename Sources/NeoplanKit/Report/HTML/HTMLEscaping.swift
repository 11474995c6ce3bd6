import Mustache

/// swift-mustache's HTML escaping, the same characters replaced the same way, without a
/// dictionary lookup per character: text with none of `< > & " '` (most of it) is returned as
/// is, and the rest is escaped Character by Character, as the library does.
///
/// The template pieces (`ReportTemplates+Parse`) select it with a `{{% CONTENT_TYPE: … }}`
/// pragma line; it stays escaping by default, like the library's own HTML content type.
struct NeoplanHTMLContentType: MustacheContentType {
  /// The pragma value naming it.
  static let name = "NEOPLAN_HTML"

  /// Registers it with swift-mustache (once).
  static let registered: Void = MustacheContentTypes.register(NeoplanHTMLContentType(), named: name)

  /// The pragma line that starts every template piece (standalone, so it renders as nothing).
  static let pragmaLine = "{{% CONTENT_TYPE: \(name)}}\n"

  func escapeText(_ text: String) -> String {
    let special = text.utf8.contains { byte in
      byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }
    guard special else { return text }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 16)
    for character in text {
      switch character {
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "&": escaped += "&amp;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
