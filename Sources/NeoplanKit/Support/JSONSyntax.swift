/// A strict RFC 8259 syntax check for `.json` inputs (YAML, which reads them, forgives trailing
/// commas and other slips a JSON file must not have). Reports the first problem with its line and
/// column.
enum JSONSyntax {
  struct Problem: Error {
    let line: Int
    let column: Int
    let message: String
  }

  /// Throws the first syntax problem of `text`.
  static func check(_ text: String) throws(Problem) {
    var scanner = Scanner(bytes: Array(text.utf8))
    scanner.skipWhitespace()
    try scanner.value(depth: 0)
    scanner.skipWhitespace()
    guard scanner.index == scanner.bytes.count else { throw scanner.problem("unexpected text after the JSON value") }
  }

  struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func problem(_ message: String) -> Problem {
      var line = 1
      var column = 1
      for byte in bytes[..<min(index, bytes.count)] {
        if byte == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
      return Problem(line: line, column: column, message: message)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
      while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    mutating func expect(_ literal: String) throws(Problem) {
      let start = index
      for byte in literal.utf8 {
        guard current == byte else {
          index = start
          throw problem("expected '\(literal)'")
        }
        index += 1
      }
    }

    mutating func expectEither(_ first: String, or close: String) throws(Problem) {
      guard current == UInt8(ascii: Unicode.Scalar(close)!) else {
        throw problem("expected '\(first)' or '\(close)'")
      }
      index += 1
    }

    mutating func value(depth: Int) throws(Problem) {
      guard depth < 512 else { throw problem("nested too deeply") }
      guard let byte = current else { throw problem("unexpected end of file; expected a value") }
      switch byte {
      case UInt8(ascii: "{"): try object(depth: depth)
      case UInt8(ascii: "["): try array(depth: depth)
      case UInt8(ascii: "\""): try string()
      case UInt8(ascii: "t"): try expect("true")
      case UInt8(ascii: "f"): try expect("false")
      case UInt8(ascii: "n"): try expect("null")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
      default: throw problem("unexpected character; expected a value")
      }
    }

    mutating func object(depth: Int) throws(Problem) {
      index += 1
      skipWhitespace()
      if current == UInt8(ascii: "}") {
        index += 1
        return
      }
      while true {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else {
          throw problem(current == UInt8(ascii: "}") ? "trailing comma before '}'" : "expected a quoted key")
        }
        try string()
        skipWhitespace()
        try expect(":")
        skipWhitespace()
        try value(depth: depth + 1)
        skipWhitespace()
        if current == UInt8(ascii: ",") {
          index += 1
          continue
        }
        try expectEither(",", or: "}")
        return
      }
    }

    mutating func array(depth: Int) throws(Problem) {
      index += 1
      skipWhitespace()
      if current == UInt8(ascii: "]") {
        index += 1
        return
      }
      while true {
        skipWhitespace()
        if current == UInt8(ascii: "]") { throw problem("trailing comma before ']'") }
        try value(depth: depth + 1)
        skipWhitespace()
        if current == UInt8(ascii: ",") {
          index += 1
          continue
        }
        try expectEither(",", or: "]")
        return
      }
    }

    mutating func string() throws(Problem) {
      index += 1
      while let byte = current {
        index += 1
        if byte == UInt8(ascii: "\"") { return }
        if byte < 0x20 { throw problem("control character in a string") }
        if byte == UInt8(ascii: "\\") {
          guard let escaped = current else { break }
          index += 1
          if escaped == UInt8(ascii: "u") {
            for _ in 0..<4 {
              guard let hex = current, (hex >= 0x30 && hex <= 0x39) || (hex | 0x20 >= 0x61 && hex | 0x20 <= 0x66) else {
                throw problem("bad \\u escape")
              }
              index += 1
            }
          } else if !"\"\\/bfnrt".utf8.contains(escaped) {
            throw problem("bad escape in a string")
          }
        }
      }
      throw problem("unterminated string")
    }

    mutating func number() throws(Problem) {
      if current == UInt8(ascii: "-") { index += 1 }
      func digits(_ s: inout Scanner) -> Int {
        var n = 0
        while let byte = s.current, byte >= 0x30 && byte <= 0x39 {
          s.index += 1
          n += 1
        }
        return n
      }
      if current == UInt8(ascii: "0") {
        index += 1
        if let next = current, next >= 0x30 && next <= 0x39 { throw problem("leading zeros are not allowed") }
      } else if digits(&self) == 0 {
        throw problem("expected a digit")
      }
      if current == UInt8(ascii: ".") {
        index += 1
        guard digits(&self) > 0 else { throw problem("expected a digit after '.'") }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        index += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
        guard digits(&self) > 0 else { throw problem("expected an exponent") }
      }
    }
  }
}
