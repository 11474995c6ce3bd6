/// Folder and name of a path, by plain string handling: `NSString.deletingLastPathComponent`
/// traps on one-character relative paths such as `q` or `q/` in swift-corelibs-foundation
/// (found while testing issue 11: `plan s.yaml -o d` crashed).
enum PathName {
  /// The folder part: `a/b/c` → `a/b`, `/c` → `/`, `c` → `.`.
  static func folder(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    let folder = trimmed[..<slash]
    return folder.isEmpty ? "/" : String(folder)
  }

  /// `folder/name`, without doubling a slash.
  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
