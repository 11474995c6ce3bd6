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
    guard Self.needsEscaping(text) else { return text }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 16)
    Self.appendEscaped(text, to: &escaped)
    return escaped
  }

  /// Whether `text` holds any of `< > & " '`.
  static func needsEscaping(_ text: String) -> Bool {
    let special: (UInt8) -> Bool = { byte in
      byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }
    return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) }
      ?? text.utf8.contains(where: special)
  }

  /// Appends `text` escaped to `output`: as is without any of `< > & " '`; ASCII text byte by
  /// byte (each of its bytes is one Character, the only two-scalar ASCII Character being `\r\n`);
  /// other text Character by Character, as the library does (a mark after `"` makes one
  /// Character that is not replaced).
  static func appendEscaped(_ text: String, to output: inout String) {
    guard needsEscaping(text) else {
      output += text
      return
    }
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      for character in text {
        switch character {
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "&": output += "&amp;"
        case "\"": output += "&quot;"
        case "'": output += "&#39;"
        default: output.append(character)
        }
      }
      return
    }
    let utf8 = text.utf8
    var run = utf8.startIndex
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let entity: String
      switch utf8[index] {
      case 0x3C: entity = "&lt;"
      case 0x3E: entity = "&gt;"
      case 0x26: entity = "&amp;"
      case 0x22: entity = "&quot;"
      case 0x27: entity = "&#39;"
      default:
        utf8.formIndex(after: &index)
        continue
      }
      output += text[run..<index]
      output += entity
      utf8.formIndex(after: &index)
      run = index
    }
    output += text[run...]
  }
}
