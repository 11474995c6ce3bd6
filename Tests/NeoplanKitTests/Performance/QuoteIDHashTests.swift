import Foundation
import Testing

@testable import NeoplanKit

/// The quote id's streamed hash equals the hash of the full JSON text it replaced.
@Suite("Streamed quote-id hash")
struct QuoteIDHashTests {
  /// FNV-1a 64 of a string's UTF-8 bytes, the way the quote id was computed before streaming.
  static func fnvOfText(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// FNV-1a 64 test vectors (Fowler–Noll–Vo reference): "" → cbf29ce484222325, "a" → af63dc4c8601ec8c.
  @Test func publishedVectors() {
    #expect(Self.fnvOfText("") == 0xcbf2_9ce4_8422_2325)
    #expect(Self.fnvOfText("a") == 0xaf63_dc4c_8601_ec8c)
    var hash = FNV1a64()
    hash.append("a")
    #expect(hash.value == 0xaf63_dc4c_8601_ec8c)
  }

  @Test("every example plan: streamed hash == hash of rendered()", arguments: HTMLReportTests.examples)
  func examples(path: String) throws {
    let json = try HTMLReportTests.plan(path).json()
    #expect(json.renderedFNV1a64() == Self.fnvOfText(json.rendered()))
  }

  /// The byte writer's layout, by hand: keys sorted, two spaces per level, `<` as \u003c, a final
  /// newline, empty containers inline.
  @Test func renderedLayout() {
    let value = JSONValue.object(["b": .array([.int(1), .object([:])]), "a": .string("x<ü")])
    #expect(value.rendered() == "{\n  \"a\": \"x\\u003cü\",\n  \"b\": [\n    1,\n    {}\n  ]\n}\n")
  }

  /// DEL and the C1 controls U+0080–U+009F are written as `\u00XX` (YAML readers refuse them
  /// raw); U+00A0–U+00BF, which share their UTF-8 lead byte 0xC2, are copied. By hand.
  @Test func everyEscapeByHand() {
    let text = "\"\\\n\r\t<>&\u{1}\u{1F}\u{7F}\u{80}\u{9F}\u{A0}é液冷 x"
    let expected = #""\"\\\n\r\t\u003c\u003e\u0026\u0001\u001f\u007f\u0080\u009f"# + "\u{A0}é液冷 x\""
    #expect(JSONValue.quote(text) == expected)
    #expect(JSONValue.quote("plain é") == "\"plain é\"")
  }

  @Test func deleteAndC1ControlsEscaped() {
    #expect(JSONValue.quote("a\u{7F}b\u{80}c\u{85}d\u{9F}e") == #""a\u007fb\u0080c\u0085d\u009fe""#)
    #expect(JSONValue.quote("\u{A0}±°µ·") == "\"\u{A0}±°µ·\"")
    for text in ["a\u{7F}b", "\u{85}", "x\u{9F}", "\u{A0}±", "液冷\u{80}"] {
      let value = JSONValue.object([text: .string(text)])
      #expect(value.renderedFNV1a64() == Self.fnvOfText(value.rendered()), "\(text.unicodeScalars.map(\.value))")
    }
  }

  /// Every character the escaper treats specially, each control below 0x20, DEL and non-ASCII
  /// text, alone and inside other text: the streamed escaping hashes like `quote`'s text.
  @Test func everyEscapedCharacter() {
    var strings = [
      "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "\u{7F}", "é", "液冷", "a\r\nb", "<a href=\"x\">&amp;</a>",
    ]
    for scalar in 0..<0x20 { strings.append("x" + String(Unicode.Scalar(UInt8(scalar))) + "y") }
    for text in strings {
      let value = JSONValue.object([text: .string(text)])
      #expect(value.renderedFNV1a64() == Self.fnvOfText(value.rendered()), "\(text.debugDescription)")
      var hash = FNV1a64()
      hash.appendQuoted(text)
      #expect(hash.value == Self.fnvOfText(JSONValue.quote(text)), "\(text.debugDescription)")
    }
  }

  /// Escapes, non-ASCII text, empty containers and nesting hash like their text.
  @Test func awkwardValues() {
    let value = JSONValue.object([
      "b": .array([.string("a\"b\\c\n<&>\u{1}"), .int(-3), .null, .bool(true), .array([]), .object([:])]),
      "a": .string("液冷 — ü"), "c": .number("12.50"),
    ])
    #expect(value.renderedFNV1a64() == Self.fnvOfText(value.rendered()))
  }
}
