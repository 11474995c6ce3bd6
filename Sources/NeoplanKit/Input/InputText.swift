import Foundation

/// Reads input files (specs, catalogs, CSV BoMs) as text, refusing bytes a YAML, JSON or CSV
/// file cannot hold with the line and column of the first bad byte, and reporting an
/// unreadable file at `file:1:1` (issue 11, finding 6).
public enum InputText {
  /// Largest input file read, in bytes (the largest shipped catalog is under 100 kB).
  public static let maxBytes = 16 << 20

  /// The file's text, or a located ``InputError``.
  public static func read(path: String, display: String? = nil, what: String) throws -> String {
    let shown = display ?? path
    let start = SourceLocation(file: shown, line: 1, column: 1)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(
        Diagnostic(
          at: start, keyPath: "", message: "cannot read the \(what): no such file", expected: "an existing file"))
    }
    guard !isDirectory.boolValue else {
      throw InputError(
        Diagnostic(at: start, keyPath: "", message: "the \(what) is a folder", expected: "a YAML or JSON file"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw InputError(
        Diagnostic(
          at: start, keyPath: "", message: "cannot read the \(what): permission denied or not a regular file",
          expected: "a readable file"))
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: maxBytes + 1) ?? Data()
    } catch {
      throw InputError(
        Diagnostic(
          at: start, keyPath: "", message: "cannot read the \(what) (\(error.localizedDescription))",
          expected: "a readable file"))
    }
    guard data.count <= maxBytes else {
      throw InputError(
        Diagnostic(
          at: start, keyPath: "", message: "the \(what) is larger than \(maxBytes >> 20) MB",
          expected: "a smaller file"))
    }
    return try decode(data, file: shown)
  }

  /// UTF-8 text without control characters other than tab, line feed and carriage return.
  public static func decode(_ data: Data, file: String) throws -> String {
    let bytes = [UInt8](data)
    if let (offset, problem) = firstProblem(bytes) {
      let (line, column) = position(of: offset, in: bytes)
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: file, line: line, column: column), keyPath: "", message: problem,
          expected: "expected UTF-8 text without control characters"))
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The offset of the first invalid UTF-8 sequence or control character, and what it is.
  static func firstProblem(_ bytes: [UInt8]) -> (Int, String)? {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
          return (index, "control character \(hex(byte))")
        }
        index += 1
        continue
      }
      let length = sequenceLength(bytes, at: index)
      guard length > 0 else { return (index, "invalid UTF-8 byte \(hex(byte))") }
      // C1 controls U+0080…U+009F are encoded C2 80…C2 9F.
      if byte == 0xC2, bytes[index + 1] < 0xA0 {
        return (index, "control character U+00\(String(bytes[index + 1], radix: 16, uppercase: true))")
      }
      index += length
    }
    return nil
  }

  /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629), or 0.
  private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let byte = bytes[index]
    let (length, low, high): (Int, UInt8, UInt8)
    switch byte {
    case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
    case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
    case 0xED: (length, low, high) = (3, 0x80, 0x9F)
    case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
    case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
    case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    guard (low...high).contains(bytes[index + 1]) else { return 0 }
    for next in bytes[(index + 2)..<(index + length)] where !(0x80...0xBF).contains(next) { return 0 }
    return length
  }

  /// 1-based line and column (in characters) of byte `offset`.
  static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<offset where bytes[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    // Count characters (UTF-8 lead bytes) before the offset on its line.
    let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
    return (line, column)
  }

  private static func hex(_ byte: UInt8) -> String {
    "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
  }
}
