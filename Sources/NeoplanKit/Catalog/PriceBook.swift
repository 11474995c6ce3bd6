import Foundation

/// One row of a price book: a part (by id, maker's or OEM part number) and the price to use for it.
public struct PriceBookRow: Sendable, Hashable {
  /// What the row names: a catalog part id, a `part_number` or an `oem_part_numbers` number; a
  /// vendor quote's description when it has neither.
  public var key: String
  /// The price; `asOf` is `nil` for a vendor-quote row with no date of its own.
  public var amount: Money
  /// The price's date, when the row has one.
  public var asOf: Day?
  /// Where the price comes from.
  public var source: String
  /// How much to trust it.
  public var confidence: PriceConfidence
  /// Context, if any.
  public var note: String?
  /// Where the row is written.
  public var location: SourceLocation
  /// A vendor-quote line's description, matched against the catalog's vendor and model (as
  /// `neoplan diff` does) when its id and part number match nothing.
  public var description: String?
}

/// Price books (`--prices FILE`): rows that replace catalog prices and nothing else. A price book
/// is a YAML file (`prices:` rows with a `price:` block as in a catalog), a CSV with the columns
/// `part,unit_price,currency,as_of,source,confidence[,note]`, or a vendor quote CSV as `neoplan diff`
/// reads it (its rows take the as-of date given with `--prices-as-of`).
public enum PriceBook {
  /// Reads a price book file.
  public static func load(path: String) throws -> [PriceBookRow] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: path, line: 1, column: 1), keyPath: "", message: "cannot read the price book",
          expected: "expected a readable YAML or CSV file"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: path, line: 1, column: 1), keyPath: "", message: "the price book is not UTF-8 text",
          expected: "expected a YAML or CSV file"))
    }
    return try parse(text, file: path)
  }

  /// Parses a price book's text: YAML when it is a mapping with `prices:`, else CSV.
  public static func parse(_ text: String, file: String) throws -> [PriceBookRow] {
    if let document = try? YAMLValue.parse(text, file: file), case .mapping = document.node {
      let map = try document.mapping()
      if map["prices"] != nil { return try yaml(document, file: file) }
    }
    let table = try CSVTable.parse(text, file: file)
    guard let header = table.records.first else {
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: "an empty price book",
          expected: "expected prices: rows (YAML) or a CSV header part,unit_price,currency,as_of,source,confidence"))
    }
    let names = header.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
    if names.contains("part") && names.contains("as_of") && names.contains("unit_price") {
      return try csv(table, names: names, file: file)
    }
    return try vendorQuote(text, file: file)
  }

  /// `prices: [{part: ID, price: {amount, currency, as_of, source, confidence, note}}]`.
  static func yaml(_ document: YAMLValue, file: String) throws -> [PriceBookRow] {
    let map = try document.mapping()
    try map.rejectUnknownKeys(["price_book", "prices"])
    let rows = try map.required("prices", expected: "a list of {part, price} rows").sequence()
    return try rows.map { row in
      let entry = try row.mapping()
      try entry.rejectUnknownKeys(["part", "price"])
      let key = try entry.required("part", expected: "a part id or part number").string()
      let price = try Part.decodePrice(try entry.required("price", expected: "a price block as in a catalog"))
      return PriceBookRow(
        key: key, amount: price.amount, asOf: price.asOf, source: price.source, confidence: price.confidence,
        note: price.note, location: row.location, description: nil)
    }
  }

  /// The price book CSV: `part,unit_price,currency,as_of,source,confidence[,note]`.
  static func csv(_ table: CSVTable, names: [String], file: String) throws -> [PriceBookRow] {
    func column(_ name: String) -> Int? { names.firstIndex(of: name) }
    let required = ["part", "unit_price", "currency", "as_of", "source", "confidence"]
    let missing = required.filter { column($0) == nil }
    if !missing.isEmpty, let first = table.records.first?.first {
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: file, line: first.line, column: first.column), keyPath: "",
          message: "the price book header lacks \(missing.joined(separator: ", "))",
          expected: "expected part,unit_price,currency,as_of,source,confidence[,note]"))
    }
    var rows: [PriceBookRow] = []
    for record in table.records.dropFirst() {
      func field(_ name: String) throws -> CSVField {
        guard let index = column(name), index < record.count else {
          let at = record.first.map { SourceLocation(file: file, line: $0.line, column: 1) }
          throw InputError(
            Diagnostic(at: at, keyPath: name, message: "the row has no \(name)", expected: "expected every column"))
        }
        return record[index]
      }
      func problem(_ field: CSVField, _ name: String, _ message: String, _ expected: String) -> InputError {
        InputError(
          Diagnostic(
            at: SourceLocation(file: file, line: field.line, column: field.column), keyPath: name, message: message,
            expected: expected))
      }
      let part = try field("part")
      let currencyField = try field("currency")
      let currency = currencyField.text.trimmingCharacters(in: .whitespaces).uppercased()
      guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) else {
        throw problem(currencyField, "currency", "'\(currencyField.text)' is not a currency code", "expected e.g. USD")
      }
      let priceField = try field("unit_price")
      guard let amount = DiffInput.parseMoney(priceField.text, currency: currency), amount.cents >= 0 else {
        throw problem(priceField, "unit_price", "'\(priceField.text)' is not a price", "expected e.g. 289000.00")
      }
      let dateField = try field("as_of")
      guard let asOf = Day(dateField.text.trimmingCharacters(in: .whitespaces)) else {
        throw problem(dateField, "as_of", "'\(dateField.text)' is not a date", "expected YYYY-MM-DD")
      }
      let confidenceField = try field("confidence")
      guard let confidence = PriceConfidence(rawValue: confidenceField.text.trimmingCharacters(in: .whitespaces))
      else {
        throw problem(
          confidenceField, "confidence", "'\(confidenceField.text)' is not a confidence",
          "expected quoted, list or estimate")
      }
      let source = try field("source")
      guard !source.text.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw problem(source, "source", "the row has no source", "expected a URL or quote reference")
      }
      let note = column("note").flatMap { $0 < record.count ? record[$0].text : nil }.flatMap { $0.isEmpty ? nil : $0 }
      if confidence == .estimate && note == nil {
        throw problem(confidenceField, "note", "an estimate needs a note", "expected how the estimate was reached")
      }
      rows.append(
        PriceBookRow(
          key: part.text.trimmingCharacters(in: .whitespaces), amount: amount, asOf: asOf, source: source.text,
          confidence: confidence, note: note,
          location: SourceLocation(file: file, line: part.line, column: part.column),
          description: nil))
    }
    return rows
  }

  /// A vendor quote CSV as `neoplan diff` reads it: every line is a quoted price of its part.
  static func vendorQuote(_ text: String, file: String) throws -> [PriceBookRow] {
    let input = try DiffInput.parse(text, file: file, catalog: Catalog())
    guard input.kind == .csv else {
      throw InputError(
        Diagnostic(
          at: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: "not a price book",
          expected:
            "expected prices: rows (YAML), a part,unit_price,currency,as_of,source,confidence CSV or a vendor quote CSV"
        ))
    }
    return input.lines.map { line in
      let location = line.location ?? SourceLocation(file: file, line: 1, column: 1)
      return PriceBookRow(
        key: line.partID ?? line.partNumber ?? line.description, amount: line.unitPrice, asOf: nil,
        source: "vendor quote \(file):\(location.line)", confidence: .quoted, note: nil, location: location,
        description: line.description)
    }
  }
}

extension Catalog {
  /// The catalog with the price books' prices in place of the parts' own: rows in order, a later
  /// row for the same part replacing an earlier one. A row matches a part by id, then by its
  /// `part_number` or an `oem_part_numbers` number (case and spaces ignored; every part carrying
  /// the number), then, for vendor-quote rows, by vendor and model. A row that matches nothing,
  /// or a vendor-quote row without a date when `defaultAsOf` is nil, is a located error.
  public func applying(_ rows: [PriceBookRow], defaultAsOf: Day?) throws -> Catalog {
    var byNumber: [String: [String]] = [:]
    var byName: [String: [String]] = [:]
    for part in parts {
      for number in [part.partNumber].compactMap({ $0 }) + part.oemPartNumbers.map(\.number) {
        byNumber[LineMatcher.partNumberKey(number), default: []].append(part.id)
      }
      byName[LineMatcher.descriptionKey(part.displayName), default: []].append(part.id)
    }
    var prices: [String: Price] = [:]
    var problems: [Diagnostic] = []
    var undatedFiles = Set<String>()
    for row in rows {
      var ids = self[row.key] != nil ? [row.key] : byNumber[LineMatcher.partNumberKey(row.key)] ?? []
      if ids.isEmpty, let description = row.description {
        ids = byName[LineMatcher.descriptionKey(description)] ?? []
      }
      guard !ids.isEmpty else {
        problems.append(
          Diagnostic(
            at: row.location, keyPath: "part",
            message:
              "'\(row.key.count > 80 ? row.key.prefix(77) + "..." : row.key)' matches no catalog part id, part number or OEM part number",
            expected: "expected an id from neoplan catalog list, or a part number the catalog carries"))
        continue
      }
      guard let asOf = row.asOf ?? defaultAsOf else {
        // Said once per file: the whole quote lacks its date.
        if undatedFiles.insert(row.location.file).inserted {
          problems.append(
            Diagnostic(
              at: row.location, keyPath: "as_of", message: "the vendor quote's rows have no as-of date",
              expected: "expected --prices-as-of YYYY-MM-DD (the quote's date)"))
        }
        continue
      }
      let note = row.note ?? "from the price book \(row.location.file):\(row.location.line)"
      for id in ids {
        prices[id] = Price(
          amount: row.amount, asOf: asOf, source: row.source, confidence: row.confidence, note: note)
      }
    }
    guard problems.isEmpty else { throw InputError(problems) }
    return Catalog(
      parts: parts.map { part in
        var part = part
        if let price = prices[part.id] { part.price = price }
        return part
      })
  }
}
