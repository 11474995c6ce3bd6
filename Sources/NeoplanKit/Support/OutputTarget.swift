import Foundation

/// Checks a command's output paths before any work is done: an output may not be one of the
/// command's inputs (spec, catalog files, templates, diff sides), compared by file identity
/// (device and inode, after following symbolic links) rather than by spelling; its folder must
/// exist; and two outputs may not be the same file. Issue 11: `plan s.yaml -o s.yaml` replaced
/// the spec with the report.
public enum OutputTarget {
  /// Throws an ``InputError`` (exit 2) naming the first problem; writes nothing.
  public static func check(outputs: [String], inputs: [String]) throws {
    var inputIdentities: [(FileIdentity, String)] = []
    for input in inputs {
      for file in files(in: input) {
        if let identity = FileIdentity(path: file) { inputIdentities.append((identity, file)) }
      }
    }
    var seen: [(String, String)] = []
    for output in outputs {
      let target = AtomicFile.resolvedTarget(output)
      if let identity = FileIdentity(path: target), let (_, input) = inputIdentities.first(where: { $0.0 == identity })
      {
        throw refusal(
          output, "it is the input \(input)", "expected a different output file; inputs are never overwritten")
      }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
        throw refusal(output, "it is a folder", "expected a file path")
      }
      let folder = PathName.folder(of: target)
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        throw refusal(output, "its folder does not exist", "expected a path in an existing folder")
      }
      let canonical = canonicalPath(target)
      if let other = seen.first(where: { $0.0 == canonical }) {
        throw refusal(output, "it is also the output \(other.1)", "expected a different file for each output")
      }
      seen.append((canonical, output))
    }
  }

  /// A path for comparing outputs that may not exist yet: its folder resolved, then its name.
  static func canonicalPath(_ path: String) -> String {
    let folder = PathName.resolvedFolder(of: path) ?? PathName.absolute(PathName.folder(of: path))
    return PathName.join(folder, (path as NSString).lastPathComponent)
  }

  /// `path` itself, or the files directly inside it (and one level below) when it is a folder.
  static func files(in path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
    guard isDirectory.boolValue else { return [path] }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return entries.flatMap { entry -> [String] in
      let child = (path as NSString).appendingPathComponent(entry)
      var childIsDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory)
      guard childIsDirectory.boolValue else { return [child] }
      return ((try? FileManager.default.contentsOfDirectory(atPath: child)) ?? []).map {
        (child as NSString).appendingPathComponent($0)
      }
    }
  }

  static func refusal(_ output: String, _ reason: String, _ expected: String) -> InputError {
    InputError(
      Diagnostic(at: nil, file: output, keyPath: "", message: "refusing to write here: \(reason)", expected: expected))
  }
}

/// A file's device and inode (symbolic links followed).
struct FileIdentity: Equatable {
  let device: UInt64
  let inode: UInt64

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}
