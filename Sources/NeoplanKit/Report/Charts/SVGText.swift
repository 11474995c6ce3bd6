import Foundation

/// Text and number handling shared by every chart builder.
///
/// Every caller-supplied string that reaches an SVG document — labels, titles, legend entries,
/// tick labels, colours in attributes — passes through ``escape(_:)``, the single escaping point.
/// Numbers are written by ``number(_:decimals:)``, which never depends on the locale and never
/// produces `nan`, `inf` or exponent notation.
public enum SVGText {
  /// Escapes a string for use as XML character data or inside a double- or single-quoted attribute.
  ///
  /// Replaces `&` `<` `>` `"` `'` with entity references, and `{` `}` with numeric character
  /// references so that a template engine that later scans the report for `{{ … }}` finds
  /// nothing to expand. Characters that XML 1.0 forbids (C0 controls other than tab, line feed
  /// and carriage return; U+FFFE and U+FFFF) are dropped; tab, line feed and carriage return become
  /// spaces because every chart label is a single line.
  public static func escape(_ text: String) -> String {
    if isPlainASCII(text) { return text }  // nothing to replace or drop
    // Everything replaced or dropped is ASCII, or U+FFFE / U+FFFF (EF BF BE / EF BF BF); the
    // bytes between are copied in runs, each starting and ending at a scalar boundary.
    let utf8 = text.utf8
    var out = ""
    out.reserveCapacity(utf8.count)
    var run = utf8.startIndex
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      var next = utf8.index(after: index)
      let replacement: String
      switch byte {
      case 0x26: replacement = "&amp;"
      case 0x3C: replacement = "&lt;"
      case 0x3E: replacement = "&gt;"
      case 0x22: replacement = "&quot;"
      case 0x27: replacement = "&apos;"
      case 0x7B: replacement = "&#123;"
      case 0x7D: replacement = "&#125;"
      case 0x09, 0x0A, 0x0D: replacement = " "
      case 0x00..<0x20: replacement = ""
      case 0xEF:
        // U+FFFE or U+FFFF: EF BF BE or EF BF BF (the only scalars dropped above ASCII).
        let second = next < utf8.endIndex ? utf8[next] : 0
        let thirdIndex = second == 0xBF ? utf8.index(after: next) : next
        let third = thirdIndex < utf8.endIndex ? utf8[thirdIndex] : 0
        guard second == 0xBF, third == 0xBE || third == 0xBF else {
          index = next
          continue
        }
        next = utf8.index(after: thirdIndex)
        replacement = ""
      default:
        index = next
        continue
      }
      out += Substring(utf8[run..<index])
      out += replacement
      index = next
      run = next
    }
    out += Substring(utf8[run...])
    return out
  }

  /// Formats `value` with at most `decimals` fraction digits (0…6), trailing zeros removed,
  /// `.` as the decimal separator and no grouping, rounded half-even (``NumberFormat``). Non-finite
  /// values become `0`; `-0` becomes `0`.
  ///
  /// Used for coordinates and lengths; deterministic across platforms and locales.
  public static func number(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return "0" }
    return NumberFormat.fixed(value, decimals: min(max(decimals, 0), 6), trimZeros: true)
  }

  /// An estimate of the rendered width of `text` at `fontSize` in a proportional sans-serif face.
  ///
  /// Deliberately generous (wide letters, digits and CJK are over- rather than under-estimated)
  /// so that layouts based on it leave room instead of overlapping.
  public static func estimatedWidth(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
    var ems = 0.0
    let table = asciiEms
    if isPrintableASCII(text) {
      // One Character per byte: the same widths, summed in the same order, from a table.
      for byte in text.utf8 { ems += table[Int(byte)] }
    } else {
      for character in text { ems += characterEms(character, table: table) }
    }
    return ems * fontSize * (bold ? 1.07 : 1.0)
  }

  /// ``characterEms(_:)`` of `character`, from `table` (``asciiEms``) when it is one printable
  /// ASCII scalar (`asciiValue` is also set for `\r\n`, a control, so not read from the table).
  static func characterEms(_ character: Character, table: [Double]) -> Double {
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return table[Int(ascii)] }
    return characterEms(character)
  }

  /// ``characterEms(_:)`` of each ASCII byte taken as a one-byte Character, by byte value.
  static let asciiEms: [Double] = (0..<128).map { characterEms(Character(Unicode.Scalar(UInt8($0)))) }

  /// Whether every byte of `text` is printable ASCII (space to `~`), so each byte is one Character.
  static func isPrintableASCII(_ text: String) -> Bool {
    allBytes(of: text) { $0 >= 0x20 && $0 < 0x7F }
  }

  /// Whether every UTF-8 byte of `text` satisfies `test` (read from the string's contiguous
  /// storage when it has one).
  static func allBytes(of text: String, _ test: (UInt8) -> Bool) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? text.utf8.allSatisfy(test)
  }

  /// Whether `text` is printable ASCII without any character ``escape(_:)`` replaces.
  static func isPlainASCII(_ text: String) -> Bool {
    allBytes(of: text) { byte in
      byte >= 0x20 && byte < 0x7F && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22
        && byte != 0x27 && byte != 0x7B && byte != 0x7D
    }
  }

  /// `text` shortened with a trailing ellipsis (`…`) so that its estimated width is at most `maxWidth`.
  /// Returns `text` unchanged when it fits, and an empty string when not even the ellipsis fits.
  public static func truncate(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> String {
    let scale = fontSize * (bold ? 1.07 : 1.0)
    guard maxWidth.isFinite, scale > 0 else { return "" }
    if estimatedWidth(text, fontSize: fontSize, bold: bold) <= maxWidth { return text }
    let budget = maxWidth / scale - characterEms("…")
    guard budget > 0 else { return "" }
    var kept = ""
    var used = 0.0
    let table = asciiEms
    for character in text {
      let width = characterEms(character, table: table)
      if used + width > budget { break }
      used += width
      kept.append(character)
    }
    while kept.last?.isWhitespace == true { kept.removeLast() }
    return kept + "…"
  }

  /// Width of one grapheme in ems, by broad class.
  static func characterEms(_ character: Character) -> Double {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let value = scalar.value
    if isWide(value) { return 1.0 }
    // Every character named here is one scalar: compare scalars, and only for one-scalar
    // characters. U+037E and U+1FEF are canonically equivalent to `;` and `` ` `` (a Character
    // comparison matches them), so they are named too.
    if character.unicodeScalars.count == 1 {
      switch scalar {
      case " ": return 0.3
      case "i", "j", "l", "I", "!", "|", ".", ",", ":", ";", "'", "`", "\u{037E}", "\u{1FEF}": return 0.3
      case "f", "t", "r", "(", ")", "[", "]", "-", "\"": return 0.4
      case "m", "w", "M", "W", "@", "%", "—": return 0.9
      case "…": return 0.9
      default: break
      }
    }
    if character.isUppercase { return 0.7 }
    if character.isNumber { return 0.58 }
    if character.isLowercase { return 0.58 }
    return 0.62
  }

  /// East Asian wide / fullwidth ranges and emoji, rendered about one em wide.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
