import Foundation
import Testing

// Helpers for end-to-end tests: locate the built `neoplan` binary, run it in a fresh folder,
// read repository files, and read JSON with exact decimal numbers.

/// Paths inside the package, found from this source file.
enum Repo {
  /// The package root (the folder holding Package.swift).
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
      url.deleteLastPathComponent()
    }
    fatalError("no Package.swift above \(#filePath)")
  }()

  static var examples: URL { root.appendingPathComponent("examples") }
  static var brokenFixtures: URL {
    root.appendingPathComponent("Tests/neoplanTests/Fixtures/broken")
  }

  /// Every YAML file in `examples/`, sorted by name.
  static func exampleSpecs() -> [URL] {
    yamlFiles(in: examples)
  }

  /// The YAML files in a folder, sorted by name.
  static func yamlFiles(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { folder.appendingPathComponent($0) }
  }
}

/// What one run of the binary produced.
struct RunResult: CustomStringConvertible {
  var exitCode: Int32
  var stdout: Data
  var stderr: Data
  var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  var stderrText: String { String(decoding: stderr, as: UTF8.self) }
  var description: String {
    "exit \(exitCode)\n--- stdout (\(stdout.count) bytes)\n\(stdoutText.prefix(2000))\n--- stderr\n\(stderrText)"
  }
}

enum CLIError: Error, CustomStringConvertible {
  case binaryNotFound([String])
  var description: String {
    switch self {
    case .binaryNotFound(let looked):
      return "the neoplan binary was not found (looked in: \(looked.joined(separator: ", "))); "
        + "run `swift build` first"
    }
  }
}

/// Runs the built `neoplan` executable.
enum CLI {
  /// The binary beside the test bundle (swift test on Linux), or `<root>/.build/debug/neoplan`.
  static func binary() throws -> URL {
    var candidates: [URL] = []
    let starts = [Bundle.main.executableURL, CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }]
    for start in starts.compactMap({ $0 }) {
      var folder = start.resolvingSymlinksInPath().deletingLastPathComponent()
      for _ in 0..<4 where folder.path != "/" {
        candidates.append(folder.appendingPathComponent("neoplan"))
        folder.deleteLastPathComponent()
      }
    }
    candidates.append(Repo.root.appendingPathComponent(".build/debug/neoplan"))
    for candidate in candidates where isExecutableFile(candidate) { return candidate }
    throw CLIError.binaryNotFound(candidates.map(\.path))
  }

  private static func isExecutableFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
      && FileManager.default.isExecutableFile(atPath: url.path)
  }

  /// Runs `neoplan arguments…` with `directory` as the working directory (a fresh temporary
  /// folder when nil). Output goes through files, not pipes, so large outputs cannot block.
  @discardableResult
  static func run(_ arguments: [String], in directory: URL? = nil) throws -> RunResult {
    let workingDirectory = try directory ?? TempDir.make("cwd")
    let captureDirectory = try TempDir.make("capture")
    defer {
      try? FileManager.default.removeItem(at: captureDirectory)
      if directory == nil { try? FileManager.default.removeItem(at: workingDirectory) }
    }
    let outURL = captureDirectory.appendingPathComponent("stdout")
    let errURL = captureDirectory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)

    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    process.currentDirectoryURL = workingDirectory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return RunResult(
      exitCode: process.terminationStatus, stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL))
  }
}

/// Fresh temporary folders.
enum TempDir {
  static func make(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("neoplanTests-\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The names in a folder, sorted (hidden files included).
  static func contents(of url: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
  }
}

// MARK: - JSON with exact numbers

/// A JSON value whose numbers keep their source text, so money compares exactly as `Decimal`.
indirect enum JSON: Equatable {
  case object([String: JSON])
  case array([JSON])
  case string(String)
  case number(String)
  case bool(Bool)
  case null

  /// Parses JSON text (RFC 8259; enough for the CLI's output).
  static func parse(_ text: String) throws -> JSON {
    var parser = JSONParser(scalars: Array(text.unicodeScalars))
    let value = try parser.value()
    parser.skipSpace()
    guard parser.index == parser.scalars.count else { throw parser.failure("trailing text") }
    return value
  }

  /// The value at a dotted path (`fabrics.backend.switches.leaf`), or nil.
  subscript(path path: String) -> JSON? {
    var current: JSON? = self
    for key in path.split(separator: ".") {
      switch current {
      case .object(let members)?: current = members[String(key)]
      case .array(let items)?:
        guard let index = Int(key), items.indices.contains(index) else { return nil }
        current = items[index]
      default: return nil
      }
    }
    return current
  }

  var decimal: Decimal? {
    guard case .number(let text) = self else { return nil }
    return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
  }
  var int: Int? {
    guard case .number(let text) = self else { return nil }
    return Int(text)
  }
  var string: String? {
    guard case .string(let text) = self else { return nil }
    return text
  }
  var array: [JSON]? {
    guard case .array(let items) = self else { return nil }
    return items
  }
}

struct JSONParseError: Error, CustomStringConvertible {
  var description: String
}

private struct JSONParser {
  let scalars: [Unicode.Scalar]
  var index = 0

  func failure(_ what: String) -> JSONParseError {
    JSONParseError(description: "JSON: \(what) at offset \(index)")
  }

  mutating func skipSpace() {
    while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
  }

  mutating func expect(_ scalar: Unicode.Scalar) throws {
    skipSpace()
    guard index < scalars.count, scalars[index] == scalar else { throw failure("expected '\(scalar)'") }
    index += 1
  }

  mutating func literal(_ word: String, _ value: JSON) throws -> JSON {
    for scalar in word.unicodeScalars {
      guard index < scalars.count, scalars[index] == scalar else { throw failure("expected \(word)") }
      index += 1
    }
    return value
  }

  mutating func value() throws -> JSON {
    skipSpace()
    guard index < scalars.count else { throw failure("unexpected end") }
    switch scalars[index] {
    case "{":
      index += 1
      var members: [String: JSON] = [:]
      skipSpace()
      if index < scalars.count, scalars[index] == "}" {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        let key = try string()
        try expect(":")
        guard members[key] == nil else { throw failure("duplicate key '\(key)'") }
        members[key] = try value()
        skipSpace()
        guard index < scalars.count else { throw failure("unclosed object") }
        if scalars[index] == "," {
          index += 1
        } else if scalars[index] == "}" {
          index += 1
          return .object(members)
        } else {
          throw failure("expected ',' or '}'")
        }
      }
    case "[":
      index += 1
      var items: [JSON] = []
      skipSpace()
      if index < scalars.count, scalars[index] == "]" {
        index += 1
        return .array(items)
      }
      while true {
        items.append(try value())
        skipSpace()
        guard index < scalars.count else { throw failure("unclosed array") }
        if scalars[index] == "," {
          index += 1
        } else if scalars[index] == "]" {
          index += 1
          return .array(items)
        } else {
          throw failure("expected ',' or ']'")
        }
      }
    case "\"": return .string(try string())
    case "t": return try literal("true", .bool(true))
    case "f": return try literal("false", .bool(false))
    case "n": return try literal("null", .null)
    default: return try number()
    }
  }

  mutating func string() throws -> String {
    guard index < scalars.count, scalars[index] == "\"" else { throw failure("expected a string") }
    index += 1
    var result = String.UnicodeScalarView()
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar {
      case "\"": return String(result)
      case "\\":
        guard index < scalars.count else { throw failure("bad escape") }
        let escaped = scalars[index]
        index += 1
        switch escaped {
        case "\"", "\\", "/": result.append(escaped)
        case "b": result.append("\u{08}")
        case "f": result.append("\u{0C}")
        case "n": result.append("\n")
        case "r": result.append("\r")
        case "t": result.append("\t")
        case "u":
          var code: UInt32 = try hex4()
          if (0xD800..<0xDC00).contains(code) {
            try expect("\\")
            try expect("u")
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let decoded = Unicode.Scalar(code) else { throw failure("bad \\u escape") }
          result.append(decoded)
        default: throw failure("bad escape")
        }
      default: result.append(scalar)
      }
    }
    throw failure("unclosed string")
  }

  mutating func hex4() throws -> UInt32 {
    guard index + 4 <= scalars.count,
      let code = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16)
    else { throw failure("bad \\u escape") }
    index += 4
    return code
  }

  mutating func number() throws -> JSON {
    let start = index
    while index < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[index]) { index += 1 }
    let text = String(String.UnicodeScalarView(scalars[start..<index]))
    guard !text.isEmpty, Double(text) != nil else { throw failure("bad number '\(text)'") }
    return .number(text)
  }
}

// MARK: - CSV (RFC 4180)

enum CSV {
  /// Splits RFC 4180 text into records. Fails when a record does not end with CRLF or a bare CR
  /// or LF appears outside quotes.
  static func records(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var atFieldStart = true
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if quoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append("\"")
            scalars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where atFieldStart:
        quoted = true
        atFieldStart = false
      case "\"":
        throw JSONParseError(description: "CSV: quote inside an unquoted field in record \(records.count + 1)")
      case ",":
        record.append(field)
        field = ""
        atFieldStart = true
      case "\r":
        guard scalars.popFirst() == "\n" else {
          throw JSONParseError(description: "CSV: CR without LF in record \(records.count + 1)")
        }
        record.append(field)
        records.append(record)
        record = []
        field = ""
        atFieldStart = true
      case "\n":
        throw JSONParseError(description: "CSV: bare LF (not CRLF) in record \(records.count + 1)")
      default:
        field.unicodeScalars.append(scalar)
        atFieldStart = false
      }
    }
    guard !quoted else { throw JSONParseError(description: "CSV: unclosed quote") }
    guard record.isEmpty, field.isEmpty else {
      throw JSONParseError(description: "CSV: the last record does not end with CRLF")
    }
    return records
  }
}
