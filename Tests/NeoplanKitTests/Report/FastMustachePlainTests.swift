import Testing

@testable import NeoplanKit

/// `FastMustache.isPlain` decodes non-ASCII scalars from the bytes; the reference is the former
/// loop over `unicodeScalars`.
@Suite("FastMustache plain-text check reads scalars from bytes")
struct FastMustachePlainTests {
  static func reference(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard !bytes.contains(where: { $0 == 0x0B || $0 == 0x0C || $0 == 0x0D }) else { return false }
    for scalar in text.unicodeScalars where scalar.value >= 0x80 {
      let value = scalar.value
      if value == 0x85 || value == 0x2028 || value == 0x2029 || FastMustache.mayJoin(scalar) { return false }
    }
    return true
  }

  @Test func sameAsTheScalarLoop() {
    var samples = [
      "plain {{x}}\n", "价格 {{x}} — 元\n", "a\u{301}", "\u{85}", "\u{2028}", "x\u{2029}", "\r\n", "\u{0B}", "\u{0C}",
      "😀 {{y}}", "\u{10FFFF}", "\u{E000}", "é", "\u{600}x", "\u{D4E}", "",
    ]
    // One scalar of every 97 up to U+10FFFF (1- to 4-byte sequences), each between ASCII text.
    for value in stride(from: UInt32(0x80), through: 0x10FFFF, by: 97) {
      if let scalar = Unicode.Scalar(value) { samples.append("a" + String(Character(scalar)) + "b") }
    }
    var plain = 0
    for text in samples {
      let expected = Self.reference(text)
      #expect(FastMustache.isPlain(text, Array(text.utf8)) == expected, "\(text.unicodeScalars.map(\.value))")
      if expected { plain += 1 }
    }
    #expect(plain > 100 && plain < samples.count)  // both answers occur
  }
}
