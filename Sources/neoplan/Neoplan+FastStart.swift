import ArgumentParser

extension Neoplan {
  /// The subcommand named `name` if it can parse its own arguments alone (a switch, not a
  /// dictionary, so other command lines instantiate no command metadata).
  static func directSubcommand(named name: String) -> (any ParsableCommand.Type)? {
    switch name {
    case "plan": return PlanCommand.self
    case "quote": return QuoteCommand.self
    case "tco": return TCOCommand.self
    case "diff": return DiffCommand.self
    default: return nil
    }
  }

  /// `neoplan plan|quote|tco|diff ARGS…` parsed by that subcommand alone, which skips building and
  /// walking the whole command tree (docs/performance.md). Only a successful parse into that very
  /// subcommand is used: help (parsed into ArgumentParser's help command), `--version`, completion
  /// requests and every error return `nil`, and the full parse then runs as before, so usage,
  /// messages and exit codes are unchanged.
  ///
  /// These subcommands' configurations name `neoplan` as their `_superCommandName`, which makes
  /// ArgumentParser skip its `--generate-completion-script` check when one of them is parsed as
  /// the root here: two extra parses of the command line. (That saves about 1.5 M instructions,
  /// not the 7.7 M the check showed in a profile: most of it was first-use runtime work, type
  /// metadata and conformance lookups, that the real parse then does instead.) A completion
  /// request then fails this parse and goes to the full parse, which still handles it; the name
  /// is read nowhere else while `Neoplan` is the root.
  static func directSubcommand() -> (any ParsableCommand)? {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let name = arguments.first, let type = directSubcommand(named: name),
      let command = try? type.parseAsRoot(Array(arguments.dropFirst())),
      Swift.type(of: command) == type  // not the help command ArgumentParser returns for -h
    else { return nil }
    return command
  }
}
