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
    scan(text) != .plain
  }

  /// What escaping `text` takes.
  enum Scan {
    /// None of `< > & " '`.
    case plain
    /// Some, each between ASCII bytes (or at an end), so each is a Character of its own.
    case bytes
    /// Some next to a non-ASCII scalar, which may join it into one Character.
    case characters
  }

  /// Reads `text`'s UTF-8 bytes once.
  static func scan(_ text: String) -> Scan {
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
      var found = Scan.plain
      for index in bytes.indices {
        switch bytes[index] {
        case 0x3C, 0x3E, 0x26, 0x22, 0x27:
          let before = index == 0 || bytes[index - 1] < 0x80
          let after = index + 1 == bytes.count || bytes[index + 1] < 0x80
          guard before && after else { return .characters }
          found = .bytes
        default:
          continue
        }
      }
      return found
    }
    if let found = text.utf8.withContiguousStorageIfAvailable(scan) { return found }
    return Array(text.utf8).withUnsafeBufferPointer(scan)
  }

  /// Appends `text` escaped to `output`, the same as the library's Character-by-Character
  /// replacement: as is without any of `< > & " '`; byte by byte when each of them lies between
  /// ASCII bytes (then it is a Character of its own: only `\r\n` joins two ASCII scalars);
  /// otherwise Character by Character, as the library does (`"` followed by a combining mark,
  /// or after a prepended mark, is part of a larger Character and stays).
  static func appendEscaped(_ text: String, to output: inout String) {
    switch scan(text) {
    case .plain:
      output += text
    case .characters:
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
    case .bytes:
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
}
