import Foundation

/// A line with the key it was matched under.
struct ResolvedLine {
  var line: DiffInputLine
  /// The catalog part id, or the line's own text when not identified.
  var key: String
  var match: LineMatch
  /// Why it was matched that way (part number, description), for the report.
  var note: String?
  /// The line's category, or the other side's for the same key, or `uncategorized`.
  var category: String
}

/// Identifies each line of both sides: by part id; then by part number; then by exact
/// (case-insensitive) description against the catalog's vendor + model or the other side's
/// descriptions; then, only when unique and clearly close, by a fuzzy description match.
struct LineMatcher {
  let catalog: Catalog
  let a: [DiffInputLine]
  let b: [DiffInputLine]
  /// Catalog parts by normalized part number.
  let partsByNumber: [String: [Part]]
  /// Catalog parts by normalized vendor + model.
  let partsByName: [String: [Part]]

  /// Fuzzy matches need this similarity (1 − edit distance ÷ longer length) or more…
  static let fuzzyMinimumSimilarity = 0.85
  /// …and the runner-up must be this many edits further away.
  static let fuzzyMinimumMargin = 3

  init(catalog: Catalog, a: [DiffInputLine], b: [DiffInputLine]) {
    self.catalog = catalog
    self.a = a
    self.b = b
    var byNumber: [String: [Part]] = [:]
    var byName: [String: [Part]] = [:]
    for part in catalog.parts {
      for number in [part.partNumber].compactMap({ $0 }) + part.oemPartNumbers.map(\.number) {
        byNumber[LineMatcher.partNumberKey(number), default: []].append(part)
      }
      byName[LineMatcher.descriptionKey(part.displayName), default: []].append(part)
    }
    partsByNumber = byNumber
    partsByName = byName
  }

  /// `MQM9700-NS2F` and `mqm9700 ns2f` alike.
  static func partNumberKey(_ text: String) -> String {
    text.uppercased().filter { !$0.isWhitespace }
  }

  /// Lowercased, whitespace collapsed, a trailing `(spare)` removed.
  static func descriptionKey(_ text: String) -> String {
    var words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    if words.last == "(spare)" { words.removeLast() }
    return words.joined(separator: " ")
  }

  /// Lowercased letters and digits only, single spaces: the text fuzzy matching compares.
  static func fuzzyKey(_ text: String) -> String {
    var out = ""
    for scalar in descriptionKey(text).unicodeScalars {
      if CharacterSet.alphanumerics.contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty, !out.hasSuffix(" ") {
        out.append(" ")
      }
    }
    return out.trimmingCharacters(in: .whitespaces)
  }

  /// The key of a line nothing identified: its id, else its part number, else its description.
  static func fallbackKey(_ line: DiffInputLine) -> String {
    if let id = line.partID { return id }
    if let number = line.partNumber { return "pn:" + partNumberKey(number) }
    return "desc:" + descriptionKey(line.description)
  }

  private struct Pending {
    var key: String?
    var match: LineMatch = .unidentified
    var note: String?
  }

  mutating func resolve() -> ([ResolvedLine], [ResolvedLine]) {
    let idsA = Set(a.compactMap(\.partID))
    let idsB = Set(b.compactMap(\.partID))
    // Pass 1 and 2a depend only on the line and the catalog (and the other side's raw ids).
    var pendingA = a.map { identify($0, otherIDs: idsB) }
    var pendingB = b.map { identify($0, otherIDs: idsA) }
    // Pass 2b: exact description against the other side's lines (as identified so far).
    let keysA = zip(a, pendingA).map { $1.key ?? LineMatcher.fallbackKey($0) }
    let keysB = zip(b, pendingB).map { $1.key ?? LineMatcher.fallbackKey($0) }
    matchOtherDescriptions(&pendingA, lines: a, otherLines: b, otherKeys: keysB, side: "B")
    matchOtherDescriptions(&pendingB, lines: b, otherLines: a, otherKeys: keysA, side: "A")
    // Pass 3: fuzzy description, against parts the side does not have yet.
    fuzzy(&pendingA, lines: a, otherLines: b, otherPending: pendingB)
    fuzzy(&pendingB, lines: b, otherLines: a, otherPending: pendingA)

    func finish(_ lines: [DiffInputLine], _ pending: [Pending]) -> [ResolvedLine] {
      zip(lines, pending).map { line, state in
        ResolvedLine(
          line: line, key: state.key ?? LineMatcher.fallbackKey(line),
          match: state.key == nil ? .unidentified : state.match,
          note: state.note, category: line.category ?? "")
      }
    }
    var resolvedA = finish(a, pendingA)
    var resolvedB = finish(b, pendingB)
    // Quote lines without a category take the other side's category for the same part.
    func categories(_ lines: [ResolvedLine]) -> [String: String] {
      var map: [String: String] = [:]
      for line in lines where !line.category.isEmpty && map[line.key] == nil { map[line.key] = line.category }
      return map
    }
    let categoriesA = categories(resolvedA)
    let categoriesB = categories(resolvedB)
    for index in resolvedA.indices where resolvedA[index].category.isEmpty {
      resolvedA[index].category = categoriesB[resolvedA[index].key] ?? BillOfMaterialsDiff.uncategorized
    }
    for index in resolvedB.indices where resolvedB[index].category.isEmpty {
      resolvedB[index].category = categoriesA[resolvedB[index].key] ?? BillOfMaterialsDiff.uncategorized
    }
    return (resolvedA, resolvedB)
  }

  private func lineLabel(_ line: DiffInputLine) -> String {
    line.location.map { "line \($0.line) " } ?? ""
  }

  /// By id, part number, or the catalog's vendor + model.
  private func identify(_ line: DiffInputLine, otherIDs: Set<String>) -> Pending {
    if let id = line.partID, catalog[id] != nil || otherIDs.contains(id) {
      return Pending(key: id, match: .id)
    }
    for number in [line.partNumber, line.partID].compactMap({ $0 }) {
      var parts = partsByNumber[LineMatcher.partNumberKey(number)] ?? []
      if parts.count > 1 {
        let present = parts.filter { otherIDs.contains($0.id) }
        if !present.isEmpty { parts = present }
      }
      if parts.count == 1 {
        return Pending(
          key: parts[0].id, match: .partNumber,
          note:
            "\(lineLabel(line))'\(line.description.isEmpty ? number : line.description)': part number \(number) is \(parts[0].id)"
        )
      }
    }
    let name = LineMatcher.descriptionKey(line.description)
    if !name.isEmpty, let parts = partsByName[name], parts.count == 1 {
      return Pending(
        key: parts[0].id, match: .description,
        note:
          "\(lineLabel(line))'\(line.description)' matched by description to \(parts[0].id) (\(parts[0].displayName))")
    }
    return Pending()
  }

  private func matchOtherDescriptions(
    _ pending: inout [Pending], lines: [DiffInputLine], otherLines: [DiffInputLine], otherKeys: [String], side: String
  ) {
    var keysByName: [String: Set<String>] = [:]
    for (line, key) in zip(otherLines, otherKeys) {
      let name = LineMatcher.descriptionKey(line.description)
      if !name.isEmpty { keysByName[name, default: []].insert(key) }
    }
    for index in lines.indices where pending[index].key == nil {
      let line = lines[index]
      let name = LineMatcher.descriptionKey(line.description)
      guard !name.isEmpty, let keys = keysByName[name], keys.count == 1, let key = keys.first else { continue }
      pending[index] = Pending(
        key: key, match: .description,
        note: "\(lineLabel(line))'\(line.description)' matched by description to side \(side)'s \(key)")
    }
  }

  private func fuzzy(
    _ pending: inout [Pending], lines: [DiffInputLine], otherLines: [DiffInputLine], otherPending: [Pending]
  ) {
    var taken = Set(zip(lines, pending).compactMap { $1.key })
    for index in lines.indices where pending[index].key == nil {
      let line = lines[index]
      let text = LineMatcher.fuzzyKey(line.description)
      guard text.count >= 6 else { continue }
      // Candidate keys with the texts that name them.
      var candidates: [String: [String]] = [:]
      for (other, state) in zip(otherLines, otherPending) {
        let key = state.key ?? LineMatcher.fallbackKey(other)
        candidates[key, default: []].append(LineMatcher.fuzzyKey(other.description))
      }
      for part in catalog.parts { candidates[part.id, default: []].append(LineMatcher.fuzzyKey(part.displayName)) }
      var scored: [(key: String, distance: Int, length: Int)] = []
      for (key, texts) in candidates where !taken.contains(key) {
        let best = texts.filter { !$0.isEmpty }.map { (editDistance(text, $0), max(text.count, $0.count)) }
          .min { $0.0 < $1.0 }
        if let best { scored.append((key, best.0, best.1)) }
      }
      scored.sort { ($0.distance, $0.key) < ($1.distance, $1.key) }
      guard let best = scored.first else { continue }
      let similarity = 1 - Double(best.distance) / Double(best.length)
      let runnerUp = scored.dropFirst().first?.distance ?? Int.max
      guard similarity >= LineMatcher.fuzzyMinimumSimilarity,
        runnerUp == Int.max || runnerUp - best.distance >= LineMatcher.fuzzyMinimumMargin
      else { continue }
      taken.insert(best.key)
      let name = catalog[best.key]?.displayName ?? best.key
      pending[index] = Pending(
        key: best.key, match: .fuzzyDescription,
        note:
          "\(lineLabel(line))'\(line.description)' matched by description (close, not exact: \(best.distance) edit\(best.distance == 1 ? "" : "s")) to \(best.key) (\(name))"
      )
    }
  }
}
