import ArgumentParser

/// The plain command lines of `plan`, `quote` and `tco` (a spec, then `--name value` options and
/// flags in any order) read without ArgumentParser, whose parse was the largest single start-up
/// cost left (docs/performance.md). Anything else — help, `--version`, completion requests,
/// `--name=value`, `-oFILE`, `--`, short-flag groups, a value that starts with `-`, an unknown
/// name, a value ArgumentParser would reject, an option given twice that is not repeatable, a
/// missing or extra argument — makes the fast parse give up (`nil`), and ArgumentParser parses
/// the line as before, so usage, messages and exit codes are unchanged. For every line it
/// accepts, the command equals ArgumentParser's parse of that line (FastParseTests).
struct FastCommandLine {
  /// The fast parse does not handle this command line; ArgumentParser will.
  struct Unsupported: Error {}

  /// The arguments that are not options, in order.
  private(set) var positionals: [String] = []
  /// Every option's values by long name, in order.
  private(set) var values: [String: [String]] = [:]
  /// The flags given, by long name.
  private(set) var flags: Set<String> = []

  /// Options every one of these commands has: `--catalog`, `--prices` (both repeatable),
  /// `--prices-as-of` and `-o/--output`.
  static let commonOptions = ["catalog", "prices", "prices-as-of", "output"]
  /// Options that may be given more than once (arrays).
  static let repeatable: Set<String> = ["catalog", "prices"]

  /// Splits `arguments` by the long option names `options` and flag names `flags` (`-o` is
  /// `--output`); `nil` for anything outside the plain form.
  init?(_ arguments: ArraySlice<String>, options: Set<String>, flags: Set<String> = []) {
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let token = arguments[index]
      index += 1
      guard !token.isEmpty else { return nil }
      guard token.hasPrefix("-") else {
        positionals.append(token)
        continue
      }
      let name = token == "-o" ? "output" : token.hasPrefix("--") ? String(token.dropFirst(2)) : ""
      if flags.contains(name) {
        guard self.flags.insert(name).inserted else { return nil }
      } else if options.contains(name) {
        guard index < arguments.endIndex, !arguments[index].isEmpty, !arguments[index].hasPrefix("-"),
          values[name] == nil || Self.repeatable.contains(name)
        else { return nil }
        values[name, default: []].append(arguments[index])
        index += 1
      } else {
        return nil
      }
    }
  }

  /// The only positional argument.
  func single() throws -> String {
    guard positionals.count == 1, let first = positionals.first else { throw Unsupported() }
    return first
  }

  /// The option's value converted as ArgumentParser converts it (`init(argument:)`), `nil` when
  /// the option is absent; a value ArgumentParser rejects is `Unsupported`.
  func value<T: ExpressibleByArgument>(_ name: String) throws -> T? {
    guard let text = values[name]?.first else { return nil }
    guard let value = T(argument: text) else { throw Unsupported() }
    return value
  }

  /// Every value of a repeatable option, in order.
  func all(_ name: String) -> [String] { values[name] ?? [] }
}

extension Neoplan {
  /// `neoplan plan|quote|tco ARGS…` in the plain form, parsed without ArgumentParser; `nil` for
  /// every other command line (see `FastCommandLine`).
  static func fastParse(_ arguments: [String]) -> (any ParsableCommand)? {
    guard let name = arguments.first else { return nil }
    let rest = arguments.dropFirst()
    switch name {
    case "plan": return try? PlanCommand(fast: rest)
    case "quote": return try? QuoteCommand(fast: rest)
    case "tco": return try? TCOCommand(fast: rest)
    default: return nil
    }
  }
}

extension PlanCommand {
  /// The command from a plain command line (`FastCommandLine`).
  init(fast arguments: ArraySlice<String>) throws {
    let options: Set<String> = ["format", "table", "lang", "templates"]
    guard let line = FastCommandLine(arguments, options: options.union(FastCommandLine.commonOptions))
    else { throw FastCommandLine.Unsupported() }
    self.init()
    spec = try line.single()
    format = try line.value("format")
    table = try line.value("table") ?? .bom
    style = try ReportStyleOptions(fast: line)
    outputOptions = try OutputOptions(fast: line)
    catalogOptions = try CatalogOptions(fast: line)
  }
}

extension QuoteCommand {
  /// The command from a plain command line (`FastCommandLine`).
  init(fast arguments: ArraySlice<String>) throws {
    let options: Set<String> = [
      "pdf", "lang", "templates", "date", "prepared-for", "prepared-by", "paper", "risk-paths",
    ]
    guard
      let line = FastCommandLine(arguments, options: options.union(FastCommandLine.commonOptions), flags: ["risk"]),
      let output: String = try line.value("output")
    else { throw FastCommandLine.Unsupported() }
    self.init()
    spec = try line.single()
    self.output = output
    pdf = try line.value("pdf")
    style = try ReportStyleOptions(fast: line)
    date = try line.value("date")
    preparedFor = try line.value("prepared-for")
    preparedBy = try line.value("prepared-by")
    paper = try line.value("paper") ?? .a4
    risk = line.flags.contains("risk")
    riskPaths = try line.value("risk-paths")
    catalogOptions = try CatalogOptions(fast: line)
  }
}

extension TCOCommand {
  /// The command from a plain command line (`FastCommandLine`).
  init(fast arguments: ArraySlice<String>) throws {
    guard let line = FastCommandLine(arguments, options: Set(["format"] + FastCommandLine.commonOptions))
    else { throw FastCommandLine.Unsupported() }
    self.init()
    spec = try line.single()
    format = try line.value("format")
    outputOptions = try OutputOptions(fast: line)
    catalogOptions = try CatalogOptions(fast: line)
  }
}

extension ReportStyleOptions {
  /// `--lang` and `--templates` from a plain command line.
  init(fast line: FastCommandLine) throws {
    self.init()
    lang = try line.value("lang") ?? .en
    templates = try line.value("templates")
  }
}

extension OutputOptions {
  /// `-o/--output` from a plain command line.
  init(fast line: FastCommandLine) throws {
    self.init()
    output = try line.value("output")
  }
}

extension CatalogOptions {
  /// `--catalog`, `--prices` and `--prices-as-of` from a plain command line.
  init(fast line: FastCommandLine) throws {
    self.init()
    catalog = line.all("catalog")
    prices = line.all("prices")
    pricesAsOf = try line.value("prices-as-of")
  }
}
