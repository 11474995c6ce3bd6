import Foundation

/// One CSV field with where it starts in the file.
public struct CSVField: Sendable, Hashable {
  /// The field's text, quotes removed and doubled quotes undone.
  public var text: String
  /// Line of the field's first character, from 1.
  public var line: Int
  /// Column of the field's first character, from 1.
  public var column: Int
}

/// RFC 4180 CSV text split into records of located fields. Accepts CRLF or LF line ends, a UTF-8
/// byte-order mark, quoted fields with commas, doubled quotes and line breaks; skips blank lines.
public struct CSVTable: Sendable {
  /// The records, blank lines left out.
  public var records: [[CSVField]]

  /// Parses `text`; an unclosed quote or a quote in the middle of an unquoted field is an error
  /// at its line and column in `file`.
  public static func parse(_ text: String, file: String) throws -> CSVTable {
    var scanner = CSVScanner(text, file: file)
    while let scalar = scanner.scalars.popFirst() {
      if scanner.quoted {
        scanner.readQuoted(scalar)
      } else {
        try scanner.readUnquoted(scalar)
      }
    }
    return CSVTable(records: try scanner.finish())
  }
}

/// The state of ``CSVTable/parse(_:file:)`` while it walks the text scalar by scalar.
struct CSVScanner {
  let file: String
  var scalars: ArraySlice<Unicode.Scalar>
  var records: [[CSVField]] = []
  var record: [CSVField] = []
  var field = ""
  var fieldLine = 1
  var fieldColumn = 1
  var line = 1
  var column = 1
  var quoted = false
  var quoteOpenedAt = (line: 1, column: 1)
  var afterClosingQuote = false

  init(_ text: String, file: String) {
    self.file = file
    scalars = Array(text.unicodeScalars)[...]
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
  }

  func located(_ message: String, _ line: Int, _ column: Int, expected: String) -> InputError {
    InputError(
      Diagnostic(
        at: SourceLocation(file: file, line: line, column: column), keyPath: "", message: message,
        expected: expected))
  }

  mutating func endField() {
    record.append(CSVField(text: field, line: fieldLine, column: fieldColumn))
    field = ""
    afterClosingQuote = false
  }

  mutating func endRecord() {
    endField()
    let blank = record.count == 1 && record[0].text.trimmingCharacters(in: .whitespaces).isEmpty
    if !blank { records.append(record) }
    record = []
  }

  /// A scalar inside a quoted field: a doubled quote is one quote, a single one closes the field.
  mutating func readQuoted(_ scalar: Unicode.Scalar) {
    if scalar == "\"" {
      if scalars.first == "\"" {
        scalars.removeFirst()
        field.unicodeScalars.append("\"")
        column += 2
      } else {
        quoted = false
        afterClosingQuote = true
        column += 1
      }
    } else {
      field.unicodeScalars.append(scalar)
      if scalar == "\n" || (scalar == "\r" && scalars.first != "\n") {
        line += 1
        column = 1
      } else if scalar != "\r" {
        column += 1
      }
    }
  }

  /// A scalar outside quotes: a comma ends the field, a line end the record, a quote opens a field.
  mutating func readUnquoted(_ scalar: Unicode.Scalar) throws {
    switch scalar {
    case ",":
      endField()
      column += 1
      fieldLine = line
      fieldColumn = column
    case "\r", "\n":
      if scalar == "\r", scalars.first == "\n" { scalars.removeFirst() }
      endRecord()
      line += 1
      column = 1
      fieldLine = line
      fieldColumn = column
    case "\"":
      guard field.isEmpty, !afterClosingQuote else {
        throw located(
          "a quote inside a field", line, column,
          expected: "expected the whole field quoted, inner quotes doubled (\"a \"\"b\"\" c\")")
      }
      quoted = true
      quoteOpenedAt = (line, column)
      column += 1
    default:
      if afterClosingQuote, scalar != " " {
        throw located(
          "text after a closing quote", line, column, expected: "expected a comma or a line end after a quoted field")
      }
      if !afterClosingQuote { field.unicodeScalars.append(scalar) }
      column += 1
    }
  }

  /// The records, or the unclosed quote.
  mutating func finish() throws -> [[CSVField]] {
    if quoted {
      throw located(
        "unclosed quote", quoteOpenedAt.line, quoteOpenedAt.column,
        expected: "expected a closing '\"' before the end of the file")
    }
    if !field.isEmpty || !record.isEmpty || afterClosingQuote { endRecord() }
    return records
  }
}
