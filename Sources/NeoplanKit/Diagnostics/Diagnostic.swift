/// A position in an input file, 1-based, as a compiler reports it.
public struct SourceLocation: Sendable, Hashable {
  /// The file as the user named it (or a resource name for embedded files).
  public var file: String
  /// Line number, starting at 1.
  public var line: Int
  /// Column number, starting at 1.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
}

/// One finding about an input (spec, catalog, CSV) or a plan made from it, printed like a compiler
/// message: `file:line:col: error: key.path: what is wrong; what was expected`.
///
/// Errors stop the run (thrown in an ``InputError``, exit code 2); warnings and notes travel with
/// the plan (``DiagnosticCollector``). A finding that reports translate carries a `code` and its
/// placeholder `values` (`warn_<code>` in the locale files); `message` is its English text.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// How serious the finding is.
  public enum Severity: String, Sendable {
    /// Bad input: the run stops.
    case error
    /// Something a reader of the plan should know.
    case warning
    /// Background to another finding.
    case note
  }

  /// Where the problem is; `nil` when the input has no position (a missing file, say).
  public var location: SourceLocation?
  /// The file when no position is known.
  public var file: String?
  /// Dotted key path inside the document, e.g. `backend.switch` or `parts[3].price.as_of`.
  public var keyPath: String
  /// What is wrong.
  public var message: String
  /// What was expected, or how to fix it.
  public var expected: String?
  /// Error, warning or note.
  public var severity: Severity
  /// Translation code, e.g. `stale-prices` (`warn_stale-prices` in the locale files); empty when
  /// the finding is only ever shown in English (input errors).
  public var code: String
  /// Placeholder values for the translation, already formatted (numbers, part ids, dates).
  public var values: [String: String]

  /// Creates a diagnostic; key path, message and expectation are cut to
  /// ``Truncated/diagnosticLimit`` characters (they may quote hostile input).
  public init(
    _ severity: Severity = .error, at location: SourceLocation?, file: String? = nil,
    keyPath: String, message: String, expected: String? = nil, code: String = "", values: [String: String] = [:]
  ) {
    self.severity = severity
    self.location = location
    self.file = file ?? location?.file
    self.keyPath = Truncated.text(keyPath, limit: Truncated.diagnosticLimit)
    self.message = Truncated.text(message, limit: Truncated.diagnosticLimit)
    self.expected = expected.map { Truncated.text($0, limit: Truncated.diagnosticLimit) }
    self.code = code
    self.values = values
  }

  /// Creates a translatable warning about a plan: `text` is the English sentence (kept whole: it
  /// is written by the engine, not copied from input), `keyPath` and `location` the spec key it
  /// is about, when there is one.
  public init(
    _ code: String, _ values: [String: String] = [:], text: String, keyPath: String = "",
    at location: SourceLocation? = nil
  ) {
    self.severity = .warning
    self.location = location
    self.file = location?.file
    self.keyPath = keyPath
    self.message = text
    self.expected = nil
    self.code = code
    self.values = values
  }

  /// The English sentence without location or key path (what text, JSON and HTML reports list).
  public var text: String { message }

  /// The compiler-style line.
  public var description: String {
    var prefix = ""
    if let location {
      prefix = "\(location.file):\(location.line):\(location.column): "
    } else if let file {
      prefix = "\(file): "
    }
    var text = "\(prefix)\(severity.rawValue): "
    if !keyPath.isEmpty { text += "\(keyPath): " }
    text += message
    if let expected, !expected.isEmpty { text += "; \(expected)" }
    return text
  }
}

/// A plan warning: a ``Diagnostic`` with severity `.warning` and a translation code.
public typealias PlanWarning = Diagnostic

/// One or more input problems; thrown by loaders, validators and the pipeline's stages. Exit
/// code 2 in the CLI. The one error type for bad input; ``InternalError`` is for engine bugs.
public struct InputError: Error, Sendable, CustomStringConvertible {
  /// The problems, in input order.
  public var diagnostics: [Diagnostic]

  /// Creates an error from diagnostics (at least one).
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// Creates an error from one diagnostic.
  public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

  /// All diagnostics, one per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A broken invariant inside the engine (a bug, not bad input). Exit code 1 in the CLI.
public struct InternalError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public var message: String
  /// Creates an internal error.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { "internal error: \(message)" }
}

/// Suggests the closest of `candidates` to `word` (edit distance), for "did you mean" hints.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
  let lowered = word.lowercased()
  var best: (String, Int)?
  for candidate in candidates.sorted() {
    let distance = editDistance(lowered, candidate.lowercased())
    let lowerCandidate = candidate.lowercased()
    // A candidate that extends what was typed ("hgx-h100" → "hgx-h100-8gpu") is the best guess.
    let score: Int
    if lowerCandidate.hasPrefix(lowered) {
      score = 0
    } else if lowerCandidate.contains(lowered) || lowered.contains(lowerCandidate) {
      score = min(distance, 2)
    } else {
      score = distance
    }
    if best == nil || score < best!.1 { best = (candidate, score) }
  }
  guard let (candidate, score) = best else { return nil }
  let limit = max(2, min(word.count, candidate.count) / 2)
  return score <= limit ? candidate : nil
}

/// Levenshtein distance between two strings (by Unicode scalar).
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a.unicodeScalars)
  let b = Array(b.unicodeScalars)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}

/// `word` with "a" or "an" before it ("an infiniband switch", "a nic").
func withArticle(_ word: String) -> String {
  guard let first = word.lowercased().first else { return word }
  return ("aeiou".contains(first) ? "an " : "a ") + word
}
