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
  static func needsNoEscaping(_ s: String) -> Bool {
    s.utf8.withContiguousStorageIfAvailable(isPlain) ?? isPlain(Array(s.utf8))
  }

  /// Whether UTF-8 `bytes` go into a JSON string as is: every byte `goesAsIs`, and no C1 control
  /// (U+0080–U+009F: 0xC2 then 0x80–0x9F), which YAML readers, `neoplan diff` among them, refuse
  /// raw in a saved plan.
  static func isPlain(_ bytes: some Collection<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if !goesAsIs(byte) || (previous == 0xC2 && byte <= 0x9F) { return false }
      previous = byte
    }
    return true
  }

  /// Whether a UTF-8 byte goes into a JSON string as is (DEL, 0x7F, is escaped too).
  static func goesAsIs(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x3E && byte != 0x26 && byte != 0x7F
  }

  /// `s` as a JSON string literal (see `writeQuoted`).
  static func quote(_ s: String) -> String {
    if needsNoEscaping(s) { return "\"" + s + "\"" }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 16)
    writeQuoted(s) { out.append($0) }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes of `s` as a JSON string literal, in order, to `emit`: `\"` `\\` `\n` `\r` `\t`;
  /// `<` `>` `&` as `\u003c` `\u003e` `\u0026`; the other controls (C0, DEL, C1) as `\u00XX` in
  /// lowercase hex; everything else as is. Every escaped character is one byte, or (C1) 0xC2 and
  /// a second byte that is the code point, so the work is on UTF-8 bytes. The one escaping
  /// implementation: the text (`quote`) and the quote id's hash both use it.
  static func writeQuoted(_ s: String, _ emit: (UInt8) -> Void) {
    func escapeControl(_ code: UInt8) {
      for byte in [0x5C, 0x75, 0x30, 0x30] as [UInt8] { emit(byte) }  // \u00
      for nibble in [code >> 4, code & 0xF] { emit(nibble < 10 ? 0x30 + nibble : 0x57 + nibble) }  // 0-9, a-f
    }
    emit(0x22)
    var leadC2 = false  // a 0xC2 held back until the next byte says whether it starts a C1 control
    for byte in s.utf8 {
      if leadC2 {
        leadC2 = false
        if byte <= 0x9F {
          escapeControl(byte)
        } else {
          emit(0xC2)
          emit(byte)
        }
        continue
      }
      switch byte {
      case 0x22, 0x5C:
        emit(0x5C)
        emit(byte)
      case 0x0A:
        emit(0x5C)
        emit(0x6E)
      case 0x0D:
        emit(0x5C)
        emit(0x72)
      case 0x09:
        emit(0x5C)
        emit(0x74)
      case 0x3C, 0x3E, 0x26, 0..<0x20, 0x7F: escapeControl(byte)
      case 0xC2: leadC2 = true
      default: emit(byte)
      }
    }
    emit(0x22)
  }
}
