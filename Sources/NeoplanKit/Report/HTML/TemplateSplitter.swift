/// Cuts a Mustache template into line-aligned pieces that render, as partials, exactly like the
/// whole.
///
/// Why: swift-mustache's parser measures the distance to the end of the template on every `{` it
/// reads, so parsing takes time quadratic in the template's size (the CSS partial alone, with a
/// `{` per rule, dominated a report's start-up). Parsing many short pieces is linear overall.
///
/// A cut is made only after a newline that is outside every tag and every section, so each piece
/// starts at the beginning of a line and the Mustache "standalone line" rules see the same lines.
/// The whole template becomes `{{>name/1}}{{>name/2}}…`: partial tags side by side on one line
/// are never standalone, so each piece's text is inserted as is, with no indentation. Templates
/// that change delimiters (`{{=`), use inheritance (`{{<`) or dynamic partials (`{{>*`), or
/// whose sections do not balance are left whole (the library then reports any error itself).
enum TemplateSplitter {
  /// One piece: its text, the number of lines before it in the whole template, and whether it
  /// holds any tag (a piece without one renders as its text and needs no content type).
  struct Piece: Equatable {
    var text: String
    var lineOffset: Int
    var hasTags: Bool
  }

  /// Pieces of at least `targetBytes` each (the last may be shorter), or `nil` when the template
  /// is kept whole. (Cutting text without tags finer was tried: the extra partials cost more than
  /// the parsing they save.)
  static func pieces(of text: String, targetBytes: Int = 160) -> [Piece]? {
    let bytes = Array(text.utf8)
    guard let cuts = cutPoints(bytes, targetBytes: targetBytes), !cuts.isEmpty else { return nil }
    var pieces: [Piece] = []
    var start = 0
    var line = 0
    for end in cuts + [bytes.count] where end > start {
      let slice = bytes[start..<end]
      let hasTags = find(UInt8(ascii: "{"), UInt8(ascii: "{"), in: Array(slice), from: 0) != nil
      pieces.append(Piece(text: String(decoding: slice, as: UTF8.self), lineOffset: line, hasTags: hasTags))
      line += slice.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      start = end
    }
    return pieces.count > 1 ? pieces : nil
  }

  /// The byte offsets to cut at, or `nil` when the template must stay whole.
  static func cutPoints(_ bytes: [UInt8], targetBytes: Int) -> [Int]? {
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    let newline = UInt8(ascii: "\n")
    var cuts: [Int] = []
    var depth = 0
    var pieceStart = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == open, index + 1 < bytes.count, bytes[index + 1] == open {
        // A tag: `{{…}}` or `{{{…}}}`; find its end.
        let triple = index + 2 < bytes.count && bytes[index + 2] == open
        var cursor = index + (triple ? 3 : 2)
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        guard cursor < bytes.count else { return nil }
        let sigil = bytes[cursor]
        if sigil == UInt8(ascii: "=") || sigil == UInt8(ascii: "<") { return nil }
        if sigil == UInt8(ascii: ">") {
          var next = cursor + 1
          while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
          if next < bytes.count, bytes[next] == UInt8(ascii: "*") { return nil }
        }
        guard let end = find(close, close, in: bytes, from: cursor) else { return nil }
        if !triple {
          if sigil == UInt8(ascii: "#") || sigil == UInt8(ascii: "^") || sigil == UInt8(ascii: "$") { depth += 1 }
          if sigil == UInt8(ascii: "/") { depth -= 1 }
          guard depth >= 0 else { return nil }
        }
        index = end + (triple ? 3 : 2)
        continue
      }
      index += 1
      if byte == newline, depth == 0, index - pieceStart >= targetBytes, index < bytes.count {
        cuts.append(index)
        pieceStart = index
      }
    }
    return depth == 0 ? cuts : nil
  }

  /// The index of the first `a b` pair at or after `start`.
  static func find(_ a: UInt8, _ b: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + 1 < bytes.count {
      if bytes[index] == a && bytes[index + 1] == b { return index }
      index += 1
    }
    return nil
  }

  /// The partials `text` names (`{{> name}}`), and whether it may reach templates by other
  /// means (inheritance `{{<`, dynamic partials `{{>*`, changed delimiters `{{=`), in which case a
  /// report loads every template.
  static func references(in text: String) -> (names: [String], reachesAny: Bool) {
    let bytes = Array(text.utf8)
    var names: [String] = []
    var reachesAny = false
    var index = 0
    while let open = find(UInt8(ascii: "{"), UInt8(ascii: "{"), in: bytes, from: index) {
      var cursor = open + 2
      while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
      guard cursor < bytes.count else { break }
      let sigil = bytes[cursor]
      if sigil == UInt8(ascii: "<") || sigil == UInt8(ascii: "=") { reachesAny = true }
      guard let close = find(UInt8(ascii: "}"), UInt8(ascii: "}"), in: bytes, from: cursor) else { break }
      if sigil == UInt8(ascii: ">") {
        let name = String(decoding: bytes[(cursor + 1)..<close], as: UTF8.self)
          .filter { !$0.isWhitespace }
        if name.hasPrefix("*") { reachesAny = true } else if !name.isEmpty { names.append(name) }
      }
      index = close + 2
    }
    return (names, reachesAny)
  }
}
