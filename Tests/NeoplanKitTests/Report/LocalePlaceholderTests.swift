import Foundation
import Testing

@testable import NeoplanKit

/// `ReportLocale.fill` (one pass over the template) against hand-written results and against
/// Foundation's `replacingOccurrences`, one placeholder after another, as `t(_:_:)` used to do.
@Suite("locale placeholders are filled in one pass")
struct LocalePlaceholderTests {
  /// Results written out by hand.
  @Test func handWrittenCases() {
    let fill = ReportLocale.fill
    #expect(fill("{n} of {n}", ["n": "3"]) == "3 of 3")
    #expect(fill("from {from} to {to}.", ["from": "USD", "to": "CNY"]) == "from USD to CNY.")
    // Unknown names, unclosed and stray braces stay as they are.
    #expect(fill("{x} {n}", ["n": "2"]) == "{x} 2")
    #expect(fill("{n", ["n": "1"]) == "{n")
    #expect(fill("n} {n}}", ["n": "1"]) == "n} 1}")
    #expect(fill("{{n}}", ["n": "1"]) == "{1}")
    #expect(fill("{ {n}", ["n": "1"]) == "{ 1")
    #expect(fill("{}", ["n": "1"]) == "{}")
    #expect(fill("no braces", ["n": "1"]) == "no braces")
    #expect(fill("{n}", [:]) == "{n}")
    // Values are not scanned again: `{b}` inside a's value stays literal.
    #expect(fill("{a}|{b}", ["a": "{b}", "b": "X"]) == "{b}|X")
    #expect(fill("{a}", ["a": "{a}"]) == "{a}")
    // Non-ASCII text around placeholders (zh-CN): UTF-8 bytes are copied whole.
    #expect(fill("第{n}年，{x}元", ["n": "3", "x": "1,000"]) == "第3年，1,000元")
    #expect(fill("é{n}é", ["n": "ü"]) == "éüé")
    // A combining mark right after `}` joins it into one Character: not a placeholder.
    #expect(fill("{n}\u{301}", ["n": "1"]) == "{n}\u{301}")
  }

  /// The cases above where the old code's answer did not depend on the order of `values`, and
  /// the combining-mark cases: the same result as Foundation's search.
  @Test func sameAsFoundationOnEdgeCases() {
    let cases: [(String, [String: String])] = [
      ("{n} of {n}", ["n": "3"]), ("{x} {n}", ["n": "2"]), ("{n", ["n": "1"]), ("n} {n}}", ["n": "1"]),
      ("{{n}}", ["n": "1"]), ("{ {n}", ["n": "1"]), ("第{n}年", ["n": "3"]), ("{n}\u{301}x", ["n": "1"]),
      ("{n}\u{FE0F}x", ["n": "1"]), ("{n}\u{20DD}x", ["n": "1"]), ("e\u{301}{n}", ["n": "1"]), ("{a}{a}", ["a": "{"]),
    ]
    for (template, values) in cases {
      #expect(ReportLocale.fill(template, values) == Self.foundation(template, values), "\(template)")
    }
  }

  /// Every locale string with placeholders, both languages, every name given a value: the same
  /// text as the old per-placeholder replacement.
  @Test(arguments: ReportLanguage.allCases)
  func everyLocaleStringAsBefore(language: ReportLanguage) throws {
    let locale = try ReportResources.load(language: language, templatesDirectory: nil).locale
    var checked = 0
    for (key, template) in locale.strings where template.contains("{") {
      var values: [String: String] = [:]
      for name in Self.placeholderNames(template) { values[name] = "<\(name) = 1,234.5 €>" }
      #expect(!values.isEmpty, "\(key)")
      #expect(locale.t(key, values) == Self.foundation(template, values), "\(key)")
      #expect(!locale.t(key, values).contains("{\(values.keys.first ?? "")}"), "\(key)")
      checked += 1
    }
    #expect(checked > 40)  // en.yaml has 57 lines with a `{`
  }

  /// Keys built from names: written out by hand, and as Foundation's replacement gives them.
  @Test func keyParts() {
    #expect(ReportLocale.keyPart("sponsor equity", replacing: " ", with: "_") == "sponsor_equity")
    #expect(ReportLocale.keyPart("debt.rate", replacing: ".", with: "_") == "debt_rate")
    #expect(ReportLocale.keyPart("part-number", replacing: "-", with: "_") == "part_number")
    #expect(ReportLocale.keyPart("a  b ", replacing: " ", with: "_") == "a__b_")
    #expect(ReportLocale.keyPart("none", replacing: " ", with: "_") == "none")
    for text in ["sponsor equity", "a b c", " x ", "电力 成本", "", "finance.debt.rate"] {
      for (from, to) in [(" ", "_"), (".", "_"), ("-", "_")] {
        let expected = text.replacingOccurrences(of: from, with: to)
        #expect(ReportLocale.keyPart(text, replacing: Character(from), with: Character(to)) == expected)
      }
    }
  }

  /// The old implementation: Foundation's search and replace, one name after another.
  static func foundation(_ template: String, _ values: [String: String]) -> String {
    var text = template
    for (name, value) in values.sorted(by: { $0.key < $1.key }) {
      text = text.replacingOccurrences(of: "{\(name)}", with: value)
    }
    return text
  }

  /// The `{name}` names of `template` (letters, digits, `_`, `.`).
  static func placeholderNames(_ template: String) -> Set<String> {
    var names: Set<String> = []
    var current: String?
    for character in template {
      if character == "{" {
        current = ""
      } else if character == "}", let name = current, !name.isEmpty {
        names.insert(name)
        current = nil
      } else if current != nil, character.isLetter || character.isNumber || character == "_" || character == "." {
        current?.append(character)
      } else {
        current = nil
      }
    }
    return names
  }
}
