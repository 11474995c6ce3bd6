import Testing

@testable import NeoplanKit

/// `SVGText.escape` copies the text between replaced bytes in runs; the reference is the
/// scalar-by-scalar loop (`SVGTextFastPathTests.referenceEscape`).
@Suite("SVG escaping in byte runs")
struct SVGTextEscapeRunTests {
  @Test func sameAsTheScalarLoop() {
    var samples = [
      "USD −12.3M", "盈亏平衡 & <成本>", "x\u{FFFE}y\u{FFFF}", "\u{FFFF}", "\u{FFFD}\u{FFEF}\u{FEFF}\u{EFFF}", "<\u{338}",
      "&\u{301}{\u{301}}", "'\u{200D}\"", "\u{10FFFF}\u{1}", "👍🏽 <ok>", "e\u{301}\t\r\n", "—{x}—", "\u{FFFE}", "é",
    ]
    // Every scalar of the Basic Multilingual Plane's top block and some others, between markup.
    for value in [UInt32(0x7F), 0x80, 0x7FF, 0x800, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600] + Array(0xFF00...0xFFFF) {
      if let scalar = Unicode.Scalar(value) { samples.append("<" + String(Character(scalar)) + "&x") }
    }
    for text in samples {
      #expect(SVGText.escape(text) == SVGTextFastPathTests.referenceEscape(text), "\(text.debugDescription)")
    }
    // Written out by hand.
    #expect(SVGText.escape("a\u{FFFE}<b>\t{c}") == "a&lt;b&gt; &#123;c&#125;")
    #expect(SVGText.escape("价格 & \"税\"") == "价格 &amp; &quot;税&quot;")
  }
}
