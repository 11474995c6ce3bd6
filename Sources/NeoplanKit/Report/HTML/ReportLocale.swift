import Foundation

/// Report languages.
public enum ReportLanguage: String, Sendable, CaseIterable {
  case en
  case zhCN = "zh-CN"
}

/// Translated strings (templates/locales/LANG.yaml) and deterministic, locale-independent number,
/// money and date formatting for one report language.
public struct ReportLocale: Sendable {
  /// The language.
  public var language: ReportLanguage
  /// Key → text.
  public var strings: [String: String]

  /// The text for `key`; a missing key shows as `[key]` (and the locale tests catch it).
  public func t(_ key: String) -> String { strings[key] ?? "[\(key)]" }

  /// `t(key)` with `{name}` placeholders filled (``fill(_:_:)``).
  public func t(_ key: String, _ values: [String: String]) -> String {
    Self.fill(t(key), values)
  }

  /// `template` with every `{name}` whose name is a key of `values` replaced by its value, in one
  /// pass from left to right; other braces stay as they are. A value's own text is not scanned
  /// again, so a value holding `{other}` stays literal whatever the order of `values`. A
  /// placeholder counts only where its `}` ends a Character: a combining mark right after it
  /// makes it text, as for Foundation's search that this replaces.
  static func fill(_ template: String, _ values: [String: String]) -> String {
    let utf8 = template.utf8
    guard !values.isEmpty, utf8.contains(UInt8(ascii: "{")) else { return template }
    var out = ""
    out.reserveCapacity(utf8.count + 32)
    var copied = utf8.startIndex  // text before this index is in `out`
    var search = utf8.startIndex
    while let open = utf8[search...].firstIndex(of: UInt8(ascii: "{")) {
      let nameStart = utf8.index(after: open)
      guard let close = utf8[nameStart...].firstIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") })
      else { break }
      let after = utf8.index(after: close)
      if utf8[close] == UInt8(ascii: "}"), let value = values[String(template[nameStart..<close])],
        endsCharacter(template, at: after)
      {
        out += template[copied..<open]
        out += value
        copied = after
        search = after
      } else {
        search = close  // a `{` inside the braces starts the next candidate; a `}` is passed over
        if utf8[close] == UInt8(ascii: "}") { search = after }
      }
    }
    out += template[copied...]
    return out
  }

  /// Whether a Character of `text` ends just before `index` (always so before ASCII or the end).
  private static func endsCharacter(_ text: String, at index: String.Index) -> Bool {
    guard index < text.endIndex, text.utf8[index] >= 0x80 else { return true }
    return String.Index(index, within: text) != nil
  }

  /// `text` with every `character` replaced by `replacement`, for building a key from a name
  /// (`sponsor equity` → `sponsor_equity`); Character by Character, as a literal search finds them.
  static func keyPart(_ text: String, replacing character: Character, with replacement: Character) -> String {
    String(text.map { $0 == character ? replacement : $0 })
  }

  /// Loads `locales/<lang>.yaml` from every folder that has it, the first folder (an override)
  /// winning key by key, so an override may translate just a few strings.
  public static func load(_ language: ReportLanguage, templateDirectories: [String]) throws -> ReportLocale {
    var strings: [String: String] = [:]
    var found = false
    for directory in templateDirectories.reversed() {
      let path = (directory as NSString).appendingPathComponent("locales/\(language.rawValue).yaml")
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      // The embedded file's strings are compiled in (CompiledData), found by the file's bytes;
      // any other file is read as text and parsed.
      let compiled = data.withUnsafeBytes { CompiledData.localeStrings(language, bytes: $0) }
      guard let fileStrings = try compiled ?? parseStrings(data, path: path) else { continue }
      if strings.isEmpty { strings = fileStrings } else { strings.merge(fileStrings) { _, new in new } }
      found = true
    }
    guard found else {
      throw InputError(
        Diagnostic(
          at: nil, file: "locales/\(language.rawValue).yaml", keyPath: "",
          message: "no strings for \(language.rawValue)",
          expected: "expected locales/\(language.rawValue).yaml in the templates folder"))
    }
    return ReportLocale(language: language, strings: strings)
  }

  /// The strings of one locale file (YAML, UTF-8); `nil` for an empty file.
  static func parseStrings(_ data: Data, path: String) throws -> [String: String]? {
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(
        Diagnostic(at: nil, file: path, keyPath: "", message: "not UTF-8 text", expected: "a YAML file"))
    }
    return try parseStrings(text, path: path)
  }

  /// The strings of one locale file's text (YAML); `nil` for an empty file.
  static func parseStrings(_ text: String, path: String) throws -> [String: String]? {
    guard let root = try YAMLValue.parse(text, file: path) else { return nil }
    var strings: [String: String] = [:]
    for entry in try root.mapping().entries { strings[entry.key] = try entry.value.string() }
    return strings
  }

  /// `USD 1,234,567.89`, `USD −16,645,034.08` (a true minus, as every other figure of a report).
  public func money(_ m: Money) -> String { NumberFormat.money(m, minus: "−", code: true) }

  /// Compact money for summaries: `USD 48.19M` (en), `USD 4,819.05万` (zh-CN); exact from the
  /// cents, half-even.
  public func compactMoney(_ m: Money) -> String {
    let cents = m.cents.magnitude
    // (power of ten of the unit, suffix): thousands, millions, billions (en); 万 = 10⁴, 亿 = 10⁸.
    let (power, suffix): (Int, String)
    switch language {
    case .en:
      (power, suffix) =
        cents >= 100_000_000_000 ? (9, "B") : cents >= 100_000_000 ? (6, "M") : cents >= 100_000 ? (3, "k") : (0, "")
    case .zhCN:
      (power, suffix) = cents >= 10_000_000_000 ? (8, "亿") : cents >= 1_000_000 ? (4, "万") : (0, "")
    }
    // Three significant digits for scaled amounts (`48.2M`, `4,819万`), cents for small ones.
    let unitCents = UInt64(DecimalDigits.powerOfTen(power + 2))
    let decimals = suffix.isEmpty ? 2 : cents >= 100 * unitCents ? 0 : cents >= 10 * unitCents ? 1 : 2
    return m.currency + " " + NumberFormat.compactMoney(m, power: power, decimals: decimals, suffix: suffix, minus: "−")
  }

  /// A price per GPU-hour with 2 decimals: `USD 2.35`.
  public func rate(_ value: Double?, currency: String) -> String {
    guard let value, value.isFinite else { return t("not_available") }
    return "\(currency) \(grouped(value, decimals: 2))"
  }

  /// `12.3%`; `n/a` for nil.
  public func percent(_ fraction: Double?, decimals: Int = 1) -> String {
    guard let fraction, fraction.isFinite else { return t("not_available") }
    return NumberFormat.percent(fraction, decimals: decimals, grouping: ",", minus: "−")
  }

  /// A grouped decimal with fixed decimals, `1,234.50`, `−0.25`.
  public func grouped(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return t("not_available") }
    return NumberFormat.fixed(value, decimals: decimals, grouping: ",", minus: "−")
  }

  /// A whole number with grouping.
  public func count(_ n: Int) -> String { NumberFormat.integer(n, minus: "−") }

  /// `2026-11-21` (en) or `2026年11月21日` (zh-CN).
  public func date(_ day: Day) -> String {
    switch language {
    case .en: return NumberFormat.date(day)
    case .zhCN: return "\(day.year)年\(day.month)月\(day.day)日"
    }
  }
}
