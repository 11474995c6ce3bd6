import Foundation

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

  /// `path` made absolute against the working directory, so Foundation's `URL` never sees a
  /// leading `~`: `URL(fileURLWithPath: "~user/x")` looks the user up (see `NameLookup`).
  /// neoplan takes paths literally, as the shell left them.
  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    guard let cwd = getcwd(nil, 0) else { return "./" + path }
    defer { free(cwd) }
    return join(String(cString: cwd), path)
  }

  /// The text of the symbolic link at `path` (readlink(2)), or nil when `path` is not a link.
  static func symbolicLinkDestination(_ path: String) -> String? {
    var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = buffer.withUnsafeMutableBufferPointer { bytes in
      bytes.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { readlink(path, $0, bytes.count - 1) }
      } ?? -1
    }
    guard count >= 0 else { return nil }
    return String(decoding: buffer[0..<count], as: UTF8.self)
  }

  /// The folder of `path` with every symbolic link resolved (realpath(3)), or nil if it does not exist.
  static func resolvedFolder(of path: String) -> String? {
    guard let resolved = realpath(folder(of: path), nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The size in bytes of the file at `path` (stat(2)), 0 when it does not exist. Unlike
  /// `FileManager.attributesOfItem`, it looks up no owner name (a static glibc must not).
  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }
}
