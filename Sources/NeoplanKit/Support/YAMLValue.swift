import Foundation
import Yams

/// A YAML node together with its file and dotted key path, so every decoding problem can be
/// reported at its line and column. JSON is accepted too (it is YAML).
struct YAMLValue {
  let node: Node
  let file: String
  let path: String
  /// Whether numbers are checked against ``NumberBounds`` (spec and catalog documents).
  var checksBounds = false

  /// Parses a document; `nil` for an empty one. `bounded`: check numbers against ``NumberBounds``.
  static func parse(_ text: String, file: String, bounded: Bool = false) throws -> YAMLValue? {
    if let (offset, problem) = InputText.firstProblem(Array(text.utf8)) {
      let (line, column) = InputText.position(of: offset, in: Array(text.utf8))
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: file, line: line, column: column), keyPath: "", message: problem,
          expected: "expected UTF-8 text without control characters"))
    }
    try YAMLGuard.check(text, file: file)
    do {
      // The basic resolver: values are read from their text (int(), bool()…), so Yams' regex tag
      // resolution was pure start-up cost; UTF-8 explicitly, whatever YAMS_DEFAULT_ENCODING says.
      // An empty constructor: nodes are only composed, never constructed into Swift values, and
      // building Yams' default constructor maps cost half a million instructions.
      guard let node = try Yams.compose(yaml: text, .basic, YAMLValue.composeOnly, .utf8) else { return nil }
      return YAMLValue(node: node, file: file, path: "", checksBounds: bounded)
    } catch let error as YamlError {
      throw InputError(YAMLValue.diagnostic(for: error, file: file))
    }
  }

  /// The constructor handed to Yams: no tag maps, as nothing is constructed from the nodes.
  static var composeOnly: Constructor { Constructor([:], [:], [:]) }

  /// Whether `byte` is one of `0123456789.-+eE`, the characters a number's text may hold (all
  /// ASCII, so checking the UTF-8 bytes is checking the characters).
  static func isNumberByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e")
      || byte == UInt8(ascii: "E")
  }

  /// A number's text without its `_` digit separators (`1_024` → `1024`).
  static func withoutUnderscores(_ text: String) -> String {
    text.utf8.contains(UInt8(ascii: "_")) ? String(text.filter { $0 != "_" }) : text
  }

  static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
      var message = "invalid YAML: \(problem)"
      if let context, !context.text.isEmpty {
        message += " \(context.text) (started at \(context.mark.line):\(context.mark.column))"
      }
      return Diagnostic(
        at: SourceLocation(file: file, line: mark.line, column: mark.column), keyPath: "",
        message: message, expected: "a YAML or JSON document")
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return located(mark, problem, context)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
        keyPath: "", message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
        expected: "each key once per mapping")
    case .reader(let problem, _, _, _):
      return Diagnostic(
        at: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: "cannot read the file: \(problem)",
        expected: "UTF-8 text")
    default:
      return Diagnostic(
        at: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: "invalid YAML: \(error)",
        expected: "a YAML or JSON document")
    }
  }

  var location: SourceLocation {
    let mark = node.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// A diagnostic at this node.
  func error(_ message: String, expected: String? = nil) -> InputError {
    InputError(Diagnostic(at: location, keyPath: path, message: message, expected: expected))
  }

  func warning(_ message: String, expected: String? = nil) -> Diagnostic {
    Diagnostic(.warning, at: location, keyPath: path, message: message, expected: expected)
  }

  var isNull: Bool {
    if case .scalar(let scalar) = node {
      return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
    return false
  }

  private var kindName: String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let scalar):
      if isNull { return "null" }
      return "'\(scalar.string)'"
    case .alias: return "an alias"
    }
  }

  private func scalarText(expected: String) throws -> String {
    guard case .scalar(let scalar) = node, !isNull else {
      throw error("found \(kindName)", expected: "expected \(expected)")
    }
    return scalar.string
  }

  private var isQuoted: Bool {
    if case .scalar(let scalar) = node { return scalar.style != .plain }
    return false
  }

  func string() throws -> String {
    let text = try scalarText(expected: "a string")
    guard !text.unicodeScalars.allSatisfy(isBlank) else {
      throw error("empty string", expected: "expected a non-empty string")
    }
    return text
  }

  func int() throws -> Int {
    let text = try scalarText(expected: "a whole number")
    let cleaned = YAMLValue.withoutUnderscores(text)
    if !isQuoted, Int(cleaned) == nil, cleaned.count > 1, let big = Double(cleaned),
      cleaned.dropFirst().allSatisfy(\.isNumber)
    {
      try checkBound(big, text: text)  // an integer too large for Int is out of every bound
    }
    guard !isQuoted, let value = Int(cleaned) else {
      throw error("'\(Truncated.text(text))' is not a whole number", expected: "expected a whole number such as 128")
    }
    try checkBound(Double(value), text: text)
    return value
  }

  func double() throws -> Double {
    let text = try scalarText(expected: "a number")
    let cleaned = YAMLValue.withoutUnderscores(text)
    guard !isQuoted, let value = Double(cleaned), value.isFinite,
      cleaned.utf8.allSatisfy(YAMLValue.isNumberByte)
    else {
      throw error("'\(Truncated.text(text))' is not a number", expected: "expected a number such as 1.25")
    }
    try checkBound(value, text: text)
    return value
  }

  /// An exact decimal number from the scalar's text (no binary floating point in between).
  func decimal(maxFractionDigits: Int) throws -> Decimal {
    let text = try scalarText(expected: "a number")
    let cleaned = YAMLValue.withoutUnderscores(text)
    let body = cleaned.hasPrefix("-") || cleaned.hasPrefix("+") ? String(cleaned.dropFirst()) : cleaned
    let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
    guard !isQuoted, !body.isEmpty, pieces.count <= 2,
      pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let value = Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX"))
    else {
      throw error("'\(Truncated.text(text))' is not a decimal number", expected: "expected a number such as 36000.00")
    }
    try checkBound(NSDecimalNumber(decimal: value).doubleValue, text: text)
    if pieces.count == 2, pieces[1].count > maxFractionDigits {
      throw error(
        "'\(text)' has more than \(maxFractionDigits) decimal places",
        expected: "expected at most \(maxFractionDigits) decimals")
    }
    return value
  }

  func bool() throws -> Bool {
    let text = try scalarText(expected: "true or false")
    switch text {
    case "true", "True", "TRUE", "yes", "on": return true
    case "false", "False", "FALSE", "no", "off": return false
    default: throw error("'\(text)' is not a boolean", expected: "expected true or false")
    }
  }

  func day() throws -> Day {
    let text = try scalarText(expected: "a date YYYY-MM-DD")
    guard let day = Day(text) else {
      throw error("'\(text)' is not a valid date", expected: "expected YYYY-MM-DD, e.g. 2026-11-01")
    }
    return day
  }

  func oneOf<E: RawRepresentable & CaseIterable>(_: E.Type) throws -> E where E.RawValue == String {
    // The allowed values are listed only for an error message.
    if case .scalar(let scalar) = node, !isNull, let value = E(rawValue: scalar.string) { return value }
    let allowed = E.allCases.map(\.rawValue)
    let text = try scalarText(expected: "one of \(allowed.joined(separator: ", "))")
    guard let value = E(rawValue: text) else {
      var hint = "expected one of \(allowed.joined(separator: ", "))"
      if let guess = closestMatch(to: text, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
      throw error("'\(text)' is not allowed", expected: hint)
    }
    return value
  }

  func sequence() throws -> [YAMLValue] {
    guard case .sequence(let items) = node else {
      throw error("found \(kindName)", expected: "expected a list")
    }
    // By index, not `enumerated()`: the (offset, Node) pairs needed their tuple metadata built at
    // run time (a third of a million instructions).
    return items.indices.map { index in
      YAMLValue(node: items[index], file: file, path: path + "[" + String(index) + "]", checksBounds: checksBounds)
    }
  }

  func mapping() throws -> YAMLMapping {
    guard case .mapping(let pairs) = node else {
      throw error("found \(kindName)", expected: "expected a mapping of keys to values")
    }
    var entries: [YAMLMapping.Entry] = []
    for (key, value) in pairs {
      guard case .scalar(let keyScalar) = key else {
        throw YAMLValue(node: key, file: file, path: path).error(
          "a key must be a plain string", expected: "expected key: value")
      }
      let childPath = path.isEmpty ? keyScalar.string : "\(path).\(keyScalar.string)"
      entries.append(
        YAMLMapping.Entry(
          key: keyScalar.string, keyValue: YAMLValue(node: key, file: file, path: childPath),
          value: YAMLValue(node: value, file: file, path: childPath, checksBounds: checksBounds)))
    }
    return YAMLMapping(owner: self, entries: entries)
  }
}

/// A YAML mapping with key lookup and unknown-key rejection.
struct YAMLMapping {
  struct Entry {
    let key: String
    let keyValue: YAMLValue
    let value: YAMLValue
  }

  let owner: YAMLValue
  let entries: [Entry]

  /// The value for `key`, or `nil` when absent or null.
  subscript(_ key: String) -> YAMLValue? {
    guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
    return entry.value
  }

  func required(_ key: String, expected: String) throws -> YAMLValue {
    guard let value = self[key] else {
      let fullPath = owner.path.isEmpty ? key : "\(owner.path).\(key)"
      throw InputError(
        Diagnostic(
          at: owner.location, keyPath: fullPath, message: "missing required key",
          expected: "expected \(expected)"))
    }
    return value
  }

  /// Throws at the first key not in `allowed`, with a "did you mean" when one is close.
  func rejectUnknownKeys(_ allowed: [String]) throws {
    for entry in entries where !allowed.contains(entry.key) {
      var hint = "expected one of \(allowed.joined(separator: ", "))"
      if let guess = closestMatch(to: entry.key, in: allowed) {
        hint = "did you mean '\(guess)'?"
      }
      throw entry.keyValue.error("unknown key '\(entry.key)'", expected: hint)
    }
  }
}

/// What `CharacterSet.whitespaces` holds, without Foundation: tab, the Unicode space separators
/// and, in Foundation's set, U+200B zero width space.
func isBlank(_ scalar: Unicode.Scalar) -> Bool {
  scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
}
