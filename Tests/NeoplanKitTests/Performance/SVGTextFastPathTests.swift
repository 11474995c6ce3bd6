import Foundation
import Testing

@testable import NeoplanKit

/// `SVGText.escape` returns plain printable ASCII as is, and `estimatedWidth` reads printable
/// ASCII from a table; both must equal the Character-by-Character computation they skip.
@Suite("SVG text fast paths")
struct SVGTextFastPathTests {
  /// The escaping loop, scalar by scalar, as `SVGText.escape` does it for any other text.
  static func referenceEscape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "{": out += "&#123;"
      case "}": out += "&#125;"
      case "\t", "\n", "\r": out += " "
      default:
        let value = scalar.value
        if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static let samples: [String] = {
    var samples = [
      "", "capex", "H200 SXM 141GB", "0 0 720 300", "neoplan-chart", "#1f77b4", "A & B", "<b>", "\"q\"", "it's",
      "{{x}}", "a\tb\nc\r\nd", "\u{1}x\u{7F}", "液冷 — ü", "e\u{301}", "\u{FFFE}\u{FFFF}", "~ !$%()*+,-./:;=?@[\\]^_`|",
      "👍🏽 ok", "  lead ", "Year 10",
    ]
    samples.append(String((0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) }))
    samples.append(String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }))
    return samples
  }()

  @Test func escapeEqualsTheScalarLoop() {
    for text in Self.samples {
      #expect(SVGText.escape(text) == Self.referenceEscape(text), "\(text.debugDescription)")
    }
  }

  @Test func widthEqualsTheCharacterLoop() {
    for text in Self.samples {
      for (size, bold) in [(12.0, false), (13.0, true)] {
        var ems = 0.0
        for character in text { ems += SVGText.characterEms(character) }
        let expected = ems * size * (bold ? 1.07 : 1.0)
        #expect(
          SVGText.estimatedWidth(text, fontSize: size, bold: bold).bitPattern == expected.bitPattern,
          "\(text.debugDescription)")
      }
    }
  }
}
