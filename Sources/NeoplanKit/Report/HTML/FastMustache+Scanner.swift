extension FastMustache {
  /// The parser: swift-mustache's `MustacheTemplate.parse(_:state:)` with default delimiters, on
  /// bytes. Every case the library would treat otherwise, or reject, throws `Unsupported`.
  struct Parser {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position >= bytes.count }
    /// The current byte, 0 at the end (the library answers "\0").
    var current: UInt8 { atEnd ? 0 : bytes[position] }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Parses up to the end (`section == nil`) or to `{{/section}}`.
    mutating func parse(section: String?, newLine startsLine: Bool) throws -> [Node] {
      var nodes: [Node] = []
      var newLine = startsLine
      var whiteSpaceBefore = ""
      while !atEnd {
        if newLine {
          let start = position
          while current == 0x20 || current == 0x09 { position += 1 }
          whiteSpaceBefore = text(start..<position)
        }
        let read = try readText()
        if current == 0x0A {
          nodes.append(.text(whiteSpaceBefore + read + "\n"))
          newLine = true
          position += 1
          continue
        }
        if !read.isEmpty {
          nodes.append(.text(whiteSpaceBefore + read))
          whiteSpaceBefore = ""
          newLine = false
        }
        if atEnd { break }
        var setNewLine = false
        func flushWhiteSpace() {
          if !whiteSpaceBefore.isEmpty {
            nodes.append(.text(whiteSpaceBefore))
            whiteSpaceBefore = ""
          }
        }
        switch current {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
          let inverted = current == UInt8(ascii: "^")
          position += 1
          let name = try readName()
          if isStandalone(newLine) { setNewLine = true } else { flushWhiteSpace() }
          let children = try parse(section: name, newLine: setNewLine)
          let path = Path(name)
          nodes.append(inverted ? .inverted(path, children) : .section(path, children))
        case UInt8(ascii: "/"):
          position += 1
          let name = try readName()
          guard name == section else { throw Unsupported() }
          if !isStandalone(newLine) { flushWhiteSpace() }
          return nodes
        case UInt8(ascii: "!"):
          position += 1
          try skipComment()
          setNewLine = isStandalone(newLine)
        case UInt8(ascii: "{"), UInt8(ascii: "&"):
          flushWhiteSpace()
          nodes.append(try readUnescapedVariable())
        case UInt8(ascii: ">"):
          setNewLine = try readPartial(newLine: newLine, whiteSpaceBefore: &whiteSpaceBefore, into: &nodes)
        case UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: "$"):
          throw Unsupported()
        default:
          flushWhiteSpace()
          let name = try readName()
          nodes.append(.variable(Path(name), escaped: true))
        }
        newLine = setNewLine
      }
      guard section == nil else { throw Unsupported() }
      return nodes
    }

    /// `{{{name}}}` or `{{&name}}`, from the `{` or `&`: a variable that is not escaped.
    mutating func readUnescapedVariable() throws -> Node {
      let triple = current == UInt8(ascii: "{")
      position += 1
      let name = try readName()
      if triple {
        guard current == UInt8(ascii: "}") else { throw Unsupported() }
        position += 1
      }
      return .variable(Path(name), escaped: false)
    }

    /// `{{>name}}`, from the `>`: appends the white space before it and the partial (indented
    /// when it stands alone on its line); returns whether it stood alone.
    mutating func readPartial(newLine: Bool, whiteSpaceBefore: inout String, into nodes: inout [Node]) throws -> Bool {
      var standalone = false
      position += 1
      skipWhiteSpace()
      guard current != UInt8(ascii: "*") else { throw Unsupported() }
      let name = try readName(partial: true)
      if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
      if isStandalone(newLine) {
        standalone = true
        nodes.append(.partial(name, indentation: whiteSpaceBefore))
      } else {
        nodes.append(.partial(name, indentation: nil))
      }
      whiteSpaceBefore = ""
      return standalone
    }

    /// Text up to a newline (not consumed) or up to and including `{{`.
    mutating func readText() throws -> String {
      let start = position
      while !atEnd {
        let byte = bytes[position]
        if byte == 0x0A { break }
        if byte == UInt8(ascii: "{") {
          guard position + 1 < bytes.count else { throw Unsupported() }
          if bytes[position + 1] == UInt8(ascii: "{") {
            let read = text(start..<position)
            position += 2
            return read
          }
        }
        position += 1
      }
      return text(start..<position)
    }

    /// ASCII white space (`Character.isWhitespace`; other white space is refused by `isPlain`
    /// or ends the name, where the library would read on: then `}}` is missing and we give up).
    mutating func skipWhiteSpace() {
      while current == 0x20 || current == 0x09 || current == 0x0A { position += 1 }
    }

    /// A tag's name and its closing `}}`; names with transforms (brackets) are not handled.
    mutating func readName(partial: Bool = false) throws -> String {
      skipWhiteSpace()
      let start = position
      while !atEnd, Self.isNameByte(bytes[position], partial: partial) { position += 1 }
      let name = text(start..<position)
      skipWhiteSpace()
      guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "}"), bytes[position + 1] == UInt8(ascii: "}")
      else { throw Unsupported() }
      position += 2
      guard partial || !name.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) else {
        throw Unsupported()
      }
      return name
    }

    static func isNameByte(_ byte: UInt8, partial: Bool) -> Bool {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "A")...UInt8(ascii: "Z"):
        return true
      case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "("),
        UInt8(ascii: ")"), UInt8(ascii: "*"):
        return true
      case UInt8(ascii: "/"):
        return partial
      default:
        return false
      }
    }

    /// Skips a comment's text and its `}}`.
    mutating func skipComment() throws {
      while position + 1 < bytes.count {
        if bytes[position] == UInt8(ascii: "}") && bytes[position + 1] == UInt8(ascii: "}") {
          position += 2
          return
        }
        position += 1
      }
      throw Unsupported()
    }

    /// The library's `isStandalone`: on a fresh line, and only blanks up to the newline (consumed)
    /// or the end.
    mutating func isStandalone(_ newLine: Bool) -> Bool {
      guard newLine else { return false }
      if atEnd { return true }
      var probe = position
      while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
      guard probe < bytes.count, bytes[probe] == 0x0A else { return false }
      position = probe + 1
      return true
    }
  }
}

extension FastMustache.Path {
  /// The library's reading of a name: `.` alone (or nothing but dots) is the current object.
  /// The parts are cut at each `.` byte, as `split(separator: ".")` cuts the ASCII names the
  /// parser reads (`Parser.isNameByte`).
  init(_ name: String) {
    let utf8 = name.utf8
    anchored = utf8.first == UInt8(ascii: ".")
    var parts: [String] = []
    var start = utf8.startIndex
    var index = utf8.startIndex
    while index < utf8.endIndex {
      if utf8[index] == UInt8(ascii: ".") {
        if start < index { parts.append(String(name[start..<index])) }
        start = utf8.index(after: index)
      }
      utf8.formIndex(after: &index)
    }
    if start < utf8.endIndex { parts.append(String(name[start...])) }
    self.parts = parts
    isCurrent = parts.isEmpty
  }
}
