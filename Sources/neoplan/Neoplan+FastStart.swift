import ArgumentParser

extension Neoplan {
  /// Subcommands that can parse their own arguments alone.
  static let directSubcommands: [String: any ParsableCommand.Type] = [
    "plan": PlanCommand.self, "quote": QuoteCommand.self, "tco": TCOCommand.self, "diff": DiffCommand.self,
  ]

  /// `neoplan plan|quote|tco|diff ARGS…` parsed by that subcommand alone, which skips building and
  /// walking the whole command tree (docs/performance.md). Only a successful parse into that very
  /// subcommand is used: help (parsed into ArgumentParser's help command), `--version`, completion
  /// requests and every error return `nil`, and the full parse then runs as before, so usage,
  /// messages and exit codes are unchanged.
  static func directSubcommand() -> (any ParsableCommand)? {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let name = arguments.first, let type = directSubcommands[name],
      let command = try? type.parseAsRoot(Array(arguments.dropFirst())),
      Swift.type(of: command) == type  // not the help command ArgumentParser returns for -h
    else { return nil }
    return command
  }
}
