import Foundation
import Mustache
import Testing

@testable import NeoplanKit

/// `NeoplanHTMLContentType.appendEscaped` (escaping straight into the report being written)
/// against swift-mustache's own `{{value}}` escaping.
@Suite("escaping appends what the library writes")
struct HTMLEscapeAppendTests {
  @Test func appendsTheLibrarysEscaping() throws {
    var library = MustacheLibrary()
    try library.register("[{{value}}]", named: "v")
    let samples = [
      "plain text", "A & <B> \"q\" 'a'", "<", ">x", "x&", "''\"\"", "a<b>c&d\"e'f", "<\u{338} &\u{301} e\u{301}<",
      "液冷 <冷>", "", "&&&", "\r\n<\r\n>", "\"\u{301}", "tab\t<x>", String(repeating: "ab&", count: 40), "\u{600}<x",
      "é<b>ü", "—&—", "液&冷", "x\u{301}'",
      "'\u{200D}", "a\u{903}\"", "<\u{0903}", "\u{1F44D}\u{1F3FD}&",
    ]
    for sample in samples {
      let expected = try #require(library.render(["value": sample], withTemplate: "v"))
      var output = "["
      NeoplanHTMLContentType.appendEscaped(sample, to: &output)
      output += "]"
      #expect(output == expected, "\(sample)")
      #expect("[" + NeoplanHTMLContentType().escapeText(sample) + "]" == expected, "\(sample)")
    }
  }

  /// Written out by hand.
  @Test func handWritten() {
    var output = "x"
    NeoplanHTMLContentType.appendEscaped("<a href=\"1\">Tom & Jerry's</a>", to: &output)
    #expect(output == "x&lt;a href=&quot;1&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
  }
}
