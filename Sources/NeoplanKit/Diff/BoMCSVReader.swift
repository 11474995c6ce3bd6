import Foundation

/// One data row of a BoM CSV, read by column role.
struct BoMCSVRow {
  let record: [CSVField]
  let columns: BoMCSVColumns

  /// The row's first cell (where its problems are reported when no other cell fits).
  var first: CSVField { record[0] }

  /// The cell of `role`; an empty cell just past the last one when the row is short.
  func field(_ role: BoMCSVColumns.Role) -> CSVField? {
    guard let position = columns.index[role] else { return nil }
    if position < record.count { return record[position] }
    let last = record[record.count - 1]
    return CSVField(text: "", line: last.line, column: last.column + last.text.count + 1)
  }

  /// The cell of `role`, trimmed; `nil` when absent or empty.
  func text(_ role: BoMCSVColumns.Role) -> String? {
    guard let value = field(role)?.text.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    return value
  }

  /// The cell of `role` when it is not blank.
  func nonEmpty(_ role: BoMCSVColumns.Role) -> CSVField? {
    guard let field = field(role), !field.text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return field
  }
}

/// Reads a BoM CSV row by row: lines, notes on what was skipped or checked (Total and Subtotal
/// rows), and every problem, located.
struct BoMCSVReader {
  let columns: BoMCSVColumns
  let file: String
  var lines: [DiffInputLine] = []
  var notes: [String] = []
  var problems: [Diagnostic] = []
  var currency: (code: String, field: CSVField)?
  /// Sums of the lines read so far, for Total and Subtotal rows: quantity × unit price (what the
  /// diff uses) and the file's own extended prices where it gives them.
  var sums = TotalRow.Sums()
  var section = TotalRow.Sums()
  var sectionStart: (row: Int, label: String)?

  init(columns: BoMCSVColumns, file: String) {
    self.columns = columns
    self.file = file
  }

  /// The side read, or every problem found.
  func input() throws -> DiffInput {
    if !problems.isEmpty { throw InputError(problems) }
    var lines = lines
    // Rows written before the first currency cell take the file's currency.
    if let code = currency?.code {
      for index in lines.indices where lines[index].unitPrice.currency == "XXX" {
        lines[index].unitPrice.currency = code
        lines[index].extendedPrice.currency = code
      }
    }
    return DiffInput(kind: .csv, file: file, currency: currency?.code, lines: lines, notes: notes)
  }

  mutating func problem(_ at: CSVField, _ message: String, _ expected: String) {
    problems.append(
      Diagnostic(
        at: SourceLocation(file: file, line: at.line, column: at.column), keyPath: "", message: message,
        expected: expected))
  }

  /// Reads one data row; `false` when reading must stop (the total is out of bounds).
  mutating func read(_ record: [CSVField]) -> Bool {
    let row = BoMCSVRow(record: record, columns: columns)
    let first = row.first
    if let label = TotalRow.label(of: record, columns: columns) {
      checkTotal(
        label: label, amount: row.nonEmpty(.extendedPrice) ?? row.nonEmpty(.unitPrice), currency: row.text(.currency),
        row: first.line)
      return true
    }
    let name = row.text(.description) ?? row.text(.id) ?? row.text(.partNumber)
    guard let quantityField = row.field(.quantity), row.text(.quantity) != nil else {
      notes.append("\(file):\(first.line): skipped a row without a quantity (\(name ?? "no name"))")
      return true
    }
    guard name != nil else {
      problem(first, "a row without an id, part number or description", "expected an id, part number or description")
      return true
    }
    guard let code = currencyCode(row) else { return true }
    let lineCurrency = code ?? currency?.code ?? "XXX"
    guard let quantity = DiffInput.parseQuantity(quantityField.text) else {
      problem(quantityField, "'\(quantityField.text)' is not a quantity", "expected a whole number such as 128")
      return true
    }
    guard let unitField = row.field(.unitPrice), row.text(.unitPrice) != nil else {
      problem(row.field(.unitPrice) ?? first, "missing unit price", "expected a price such as 36000.00")
      return true
    }
    guard let unit = DiffInput.parseMoney(unitField.text, currency: lineCurrency) else {
      problem(
        unitField, "'\(unitField.text)' is not a price",
        "expected a number with at most two decimals, such as 36000.00 or 36,000.00")
      return true
    }
    guard let (isSpare, description) = spareAndDescription(row) else { return true }
    guard DiffInput.fits(quantity: quantity, unit: unit) else {
      problem(
        quantityField, "\(quantity) × \(unit.plainString) is too large",
        "expected at most 10000000 units and 10^15 a line")
      return true
    }
    let line = DiffInputLine(
      partID: row.text(.id), partNumber: row.text(.partNumber), description: description,
      category: row.text(.category), quantity: quantity, unitPrice: unit, isSpare: isSpare,
      location: SourceLocation(file: file, line: first.line, column: first.column))
    return add(line, row: row, currency: lineCurrency)
  }

  /// The row's currency code: `.some(nil)` when it gives none, `nil` when the cell is a problem
  /// (not a code, or another currency than the file's).
  mutating func currencyCode(_ row: BoMCSVRow) -> String?? {
    guard let currencyField = row.field(.currency), let value = row.text(.currency) else { return .some(nil) }
    let upper = value.uppercased()
    if upper.count != 3 || !upper.allSatisfy({ $0.isASCII && $0.isLetter }) {
      problem(currencyField, "'\(value)' is not a currency code", "expected an ISO 4217 code such as USD")
      return nil
    }
    if let seen = currency, seen.code != upper {
      problem(
        currencyField, "currency \(upper) differs from \(seen.code) at line \(seen.field.line)",
        "expected one currency per file")
      return nil
    }
    if currency == nil { currency = (upper, currencyField) }
    return .some(upper)
  }

  /// Whether the row is a spare (its spare cell, or a description ending in `(spare)`) and its
  /// description without that suffix; `nil` when the spare cell is a problem.
  mutating func spareAndDescription(_ row: BoMCSVRow) -> (Bool, String)? {
    var isSpare = false
    if let spareField = row.field(.spare), let value = row.text(.spare) {
      switch value.lowercased() {
      case "yes", "y", "true", "1": isSpare = true
      case "no", "n", "false", "0": isSpare = false
      default:
        problem(spareField, "'\(value)' is not yes or no", "expected yes or no")
        return nil
      }
    }
    var description = row.text(.description) ?? ""
    if description.lowercased().hasSuffix("(spare)") {
      isSpare = true
      description = String(description.dropLast("(spare)".count)).trimmingCharacters(in: .whitespaces)
    }
    return (isSpare, description)
  }

  /// Checks the row's own extended price against quantity × unit price, adds the line to the sums
  /// and the lines; `false` when the running total leaves the bounds.
  mutating func add(_ line: DiffInputLine, row: BoMCSVRow, currency lineCurrency: String) -> Bool {
    var stated = line.extendedPrice.cents
    if let extendedField = row.field(.extendedPrice), row.text(.extendedPrice) != nil {
      guard let extended = DiffInput.parseMoney(extendedField.text, currency: lineCurrency) else {
        problem(extendedField, "'\(extendedField.text)' is not a price", "expected a number such as 72000.00")
        return true
      }
      if extended != line.extendedPrice {
        notes.append(
          "\(file):\(extendedField.line):\(extendedField.column): extended price \(extended.plainString) is not quantity × unit price; using \(line.quantity) × \(line.unitPrice.plainString) = \(line.extendedPrice.plainString)"
        )
      }
      stated = extended.cents
    }
    // Each amount is within DiffInput.maxCents, so one more cannot overflow a bounded sum.
    if (sums.computed + line.extendedPrice.cents).magnitude > UInt64(DiffInput.maxCents)
      || (sums.stated + stated).magnitude > UInt64(DiffInput.maxCents)
    {
      problem(
        row.field(.quantity) ?? row.first, "the total up to this line is too large", "expected a BoM total up to 10^15")
      return false
    }
    sums.add(computed: line.extendedPrice.cents, stated: stated)
    section.add(computed: line.extendedPrice.cents, stated: stated)
    lines.append(line)
    return true
  }

  /// Checks a Total or Subtotal row against the sum of the lines it covers; the result is a note.
  mutating func checkTotal(label: TotalRow.Label, amount: CSVField?, currency rowCurrency: String?, row: Int) {
    defer {
      section = TotalRow.Sums()
      sectionStart = (row, label.text)
    }
    let scope = label.isSection ? section : sums
    let which = "the quote's \(label.text) row"
    let lineCount = "\(scope.count) line\(scope.count == 1 ? "" : "s")"
    var lines = "the \(lineCount) above it"
    if label.isSection, let start = sectionStart {
      lines = "the \(lineCount) after the \(start.label) row (line \(start.row))"
    }
    guard let amount else {
      notes.append("\(file):\(row): skipped \(which): it has no amount to check")
      return
    }
    let fileCurrency = currency?.code
    if let rowCurrency, let fileCurrency, rowCurrency.uppercased() != fileCurrency {
      notes.append(
        "\(file):\(row): \(which) is in \(rowCurrency.uppercased()), the lines in \(fileCurrency); not checked")
      return
    }
    guard let stated = DiffInput.parseMoney(amount.text, currency: "XXX") else {
      notes.append(
        "\(file):\(amount.line):\(amount.column): \(which) amount '\(amount.text)' is not a price; not checked")
      return
    }
    let computed = Money(cents: scope.computed, currency: "XXX")
    if stated == computed {
      notes.append(
        "\(file):\(row): \(which), \(stated.groupedString), matches the sum of \(lines)")
      return
    }
    let difference = Money(cents: Int64(clamping: (stated.cents - computed.cents).magnitude), currency: "XXX")
    var note =
      "\(file):\(row): \(which) says \(stated.groupedString) but \(lines) add\(scope.count == 1 ? "s" : "") up to \(computed.groupedString): a difference of \(difference.groupedString) (the row is \(stated > computed ? "higher" : "lower")); the diff uses the lines"
    if scope.stated != scope.computed, stated.cents == scope.stated {
      note += "; the row is the sum of the quote's extended prices, which differ from quantity × unit price as noted"
    }
    notes.append(note)
  }
}
