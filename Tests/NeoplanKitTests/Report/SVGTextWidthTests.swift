import Foundation
import Testing

@testable import NeoplanKit

/// `SVGText.characterEms` (scalar switch) and `estimatedWidth`/`truncate` (ASCII table inside
/// mixed text) against the Character-by-Character reference they replaced.
@Suite("chart text widths as before")
struct SVGTextWidthTests {
  /// The former `characterEms`: a switch on the Character (canonical equivalence included).
  static func referenceEms(_ character: Character) -> Double {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let value = scalar.value
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF,
      0x20000...0x3FFFD,
    ]
    if wide.contains(where: { $0.contains(value) }) { return 1.0 }
    switch character {
    case " ": return 0.3
    case "i", "j", "l", "I", "!", "|", ".", ",", ":", ";", "'", "`": return 0.3
    case "f", "t", "r", "(", ")", "[", "]", "-", "\"": return 0.4
    case "m", "w", "M", "W", "@", "%", "—": return 0.9
    case "…": return 0.9
    default: break
    }
    if character.isUppercase { return 0.7 }
    if character.isNumber { return 0.58 }
    if character.isLowercase { return 0.58 }
    return 0.62
  }

  /// The former `estimatedWidth`: every Character through the reference.
  static func referenceWidth(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
    var ems = 0.0
    for character in text { ems += referenceEms(character) }
    return ems * fontSize * (bold ? 1.07 : 1.0)
  }

  /// Every scalar of the first three planes as a one-scalar Character, and joined sequences.
  @Test func everyScalarHasTheSameWidth() {
    var differing: [UInt32] = []
    for value in UInt32(0)..<0x3_0000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let character = Character(scalar)
      if SVGText.characterEms(character) != Self.referenceEms(character) { differing.append(value) }
    }
    #expect(differing.isEmpty, "\(differing.prefix(20).map { String($0, radix: 16) })")
    let joined: [Character] = [
      "e\u{301}", "\r\n", ";\u{301}", "\u{37E}\u{301}", "i\u{308}", "👍🏽", "👨‍👩‍👧", "🇨🇳", "—\u{FE0F}", "M\u{20DD}",
    ]
    for character in joined {
      #expect(SVGText.characterEms(character) == Self.referenceEms(character), "\(character)")
    }
  }

  /// Mixed texts: the same sums (same values, same order) and the same truncation.
  @Test func mixedTextsAsBefore() {
    let samples = [
      "USD −12.3M", "USD 4,819.05万", "第 3 年", "Capex & opex", "a\r\nb", "e\u{301}t\u{37E}", "Payback: month 23",
      "盈亏平衡价格 (8.0%)", "—…", "", "\u{1FEF}x", "Ünïcödé Wîdth", String(repeating: "m—", count: 30),
    ]
    for text in samples {
      for bold in [false, true] {
        #expect(
          SVGText.estimatedWidth(text, fontSize: 11, bold: bold) == Self.referenceWidth(text, fontSize: 11, bold: bold),
          "\(text)")
      }
      for maxWidth in [0.0, 20, 45.5, 80, 200] {
        let truncated = SVGText.truncate(text, maxWidth: maxWidth, fontSize: 11)
        #expect(truncated == Self.referenceTruncate(text, maxWidth: maxWidth, fontSize: 11), "\(text) \(maxWidth)")
      }
    }
  }

  /// The former `truncate`, on the reference widths.
  static func referenceTruncate(_ text: String, maxWidth: Double, fontSize: Double) -> String {
    guard maxWidth.isFinite, fontSize > 0 else { return "" }
    if referenceWidth(text, fontSize: fontSize) <= maxWidth { return text }
    let budget = maxWidth / fontSize - referenceEms("…")
    guard budget > 0 else { return "" }
    var kept = ""
    var used = 0.0
    for character in text {
      let width = referenceEms(character)
      if used + width > budget { break }
      used += width
      kept.append(character)
    }
    while kept.last?.isWhitespace == true { kept.removeLast() }
    return kept + "…"
  }
}
