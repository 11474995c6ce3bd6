import Foundation

/// The names in a folder, read with `opendir`/`readdir`: `FileManager.contentsOfDirectory`
/// does the same with far more work per entry (a third of a million instructions for the eight
/// catalog files).
enum DirectoryEntries {
  /// The names of `folder`'s entries (without `.` and `..`), in `readdir` order; `nil` when the
  /// folder cannot be read.
  static func names(in folder: String) -> [String]? {
    guard let directory = opendir(folder) else { return nil }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
