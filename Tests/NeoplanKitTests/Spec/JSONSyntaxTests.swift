import Testing

@testable import NeoplanKit

@Suite("Strict JSON syntax for .json specs")
struct JSONSyntaxTests {
  @Test(arguments: [
    #"{"a": [1, 2.5, -3e2, true, false, null, "x\u00e9\n"], "b": {}}"#,
    "  [ ]  ",
    #""just a string""#,
  ])
  func accepts(text: String) throws {
    try JSONSyntax.check(text)
  }

  /// Positions counted by hand: line and column (1-based) of the offending character.
  @Test(arguments: [
    (#"{"a": 1,}"#, 1, 9, "trailing comma"),
    ("[1, 2,]", 1, 7, "trailing comma"),
    ("{\n  a: 1}", 2, 3, "quoted key"),
    ("{\"a\": 01}", 1, 8, "leading zeros"),
    ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"),
    ("{\"a\": tru}", 1, 7, "expected 'true'"),
    ("{\"a\": 1} x", 1, 10, "after the JSON value"),
    ("{\"a\": \"b}", 1, 10, "unterminated"),
  ])
  func rejects(text: String, line: Int, column: Int, message: String) {
    do {
      try JSONSyntax.check(text)
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.line == line)
      #expect(error.column == column)
      #expect(error.message.contains(message))
    }
  }
}
