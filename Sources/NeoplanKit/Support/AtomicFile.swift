import Foundation

/// Writes output files atomically: a temporary file beside the target, then a rename, so a
/// failed run never leaves partial output.
public enum AtomicFile {
  /// Writes `contents` to `path`.
  public static func write(_ contents: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).neoplan-\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(contents.utf8).write(to: temporary)
      // POSIX rename replaces the target atomically (FileManager.replaceItemAt does not on Linux).
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw InputError(
        Diagnostic(
          at: nil, file: path, keyPath: "", message: "cannot write the output file (\(error.localizedDescription))",
          expected: "a writable path"))
    }
  }
}
