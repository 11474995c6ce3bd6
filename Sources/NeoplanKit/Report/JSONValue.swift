import Foundation

/// A JSON value written deterministically: keys sorted, numbers formatted without locale,
/// money as exact decimals in major units. (Not `indirect`: objects and arrays already hold their
/// members out of line, and a scalar then needs no box of its own.)
public enum JSONValue: Sendable, Hashable {
  case object([String: JSONValue])
  case array([JSONValue])
  case string(String)
  case int(Int)
  /// A number already formatted (money `1234.50`, or a rounded decimal).
  case number(String)
  case bool(Bool)
  case null

  /// Money in major units, exact to the cent.
  public static func money(_ m: Money) -> JSONValue { .number(m.plainString) }

  /// A double rounded to `decimals` places, written without exponent.
  public static func decimal(_ value: Double, _ decimals: Int = 3) -> JSONValue {
    guard value.isFinite else { return .null }
    return .number(NumberFormat.fixed(value, decimals: decimals, trimZeros: true))
  }

  /// Pretty-printed with two-space indent and a final newline.
  public func rendered() -> String {
    var out = JSONBytes()
    write(into: &out, indent: 0)
    out.append("\n")
    return String(decoding: out.bytes, as: UTF8.self)
  }

  func write<Sink: JSONTextSink>(into out: inout Sink, indent: Int) {
    switch self {
    case .object(let dict):
      if dict.isEmpty {
        out.append("{}")
        return
      }
      out.append("{\n")
      let entries = dict.sorted { $0.key < $1.key }
      for (i, entry) in entries.enumerated() {
        out.appendIndent(indent + 1)
        out.appendQuoted(entry.key)
        out.append(": ")
        entry.value.write(into: &out, indent: indent + 1)
        out.append(i == entries.count - 1 ? "\n" : ",\n")
      }
      out.appendIndent(indent)
      out.append("}")
    case .array(let items):
      if items.isEmpty {
        out.append("[]")
        return
      }
      out.append("[\n")
      for (i, item) in items.enumerated() {
        out.appendIndent(indent + 1)
        item.write(into: &out, indent: indent + 1)
        out.append(i == items.count - 1 ? "\n" : ",\n")
      }
      out.appendIndent(indent)
      out.append("]")
    case .string(let s): out.appendQuoted(s)
    case .int(let n): out.append(String(n))
    case .number(let s): out.append(s)
    case .bool(let b): out.append(b ? "true" : "false")
    case .null: out.append("null")
    }
  }

  /// Whether `s` goes into JSON as is, between quotes (no control character, quote, backslash,
  /// <, > or &).
  static func needsNoEscaping(_ s: String) -> Bool { s.utf8.allSatisfy(goesAsIs) }

  /// Whether a UTF-8 byte goes into a JSON string as is. DEL (0x7F) and 0xC2, the lead byte of
  /// the C1 controls U+0080–U+009F (and of U+00A0–U+00BF, which `quote` copies), take the long
  /// way: YAML readers, `neoplan diff` among them, refuse those controls raw in a saved plan.
  static func goesAsIs(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x3E && byte != 0x26
      && byte != 0x7F && byte != 0xC2
  }

  /// A control character written as `\u00XX`: C0 (below U+0020), DEL and C1 (U+007F–U+009F).
  static func isEscapedControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  static func quote(_ s: String) -> String {
    if needsNoEscaping(s) { return "\"" + s + "\"" }
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case "<": out.append("\\u003c")
      case ">": out.append("\\u003e")
      case "&": out.append("\\u0026")
      default:
        if isEscapedControl(scalar) {
          let hex = String(scalar.value, radix: 16)
          out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
    return out
  }
}
