import Foundation

/// Finds the embedded resources (catalogs/, templates/) of an installed or built `neoplan`.
///
/// Order: the `NEOPLAN_RESOURCES` environment variable (a folder holding catalogs/ and
/// templates/), the SwiftPM resource bundle beside the binary, then `../share/neoplan` beside the
/// binary. Throws an actionable error when none exists (never crashes like a bare `Bundle.module`).
public enum ResourceLocator {
  static let bundleName = "Neoplan_NeoplanKit.resources"

  /// The resource root that holds `catalogs/` and `templates/`.
  public static func resourceRoot() throws -> String {
    var candidates: [String] = []
    if let override = getenv("NEOPLAN_RESOURCES").map({ String(cString: $0) }), !override.isEmpty {
      candidates.append(override)
    }
    for base in executableFolders() {
      candidates.append(PathName.join(base, bundleName))
      candidates.append(PathName.join(PathName.join(base, bundleName), "Resources"))
      candidates.append(PathName.join(PathName.folder(of: base), "share/neoplan"))
    }
    for candidate in candidates where isDirectory(PathName.join(candidate, "catalogs")) {
      return candidate
    }
    throw InputError(
      Diagnostic(
        at: nil, file: "neoplan", keyPath: "",
        message: "cannot find the embedded catalogs (looked in \(candidates.joined(separator: ", ")))",
        expected: "set NEOPLAN_RESOURCES to a folder holding catalogs/ and templates/, or pass --catalog DIR"))
  }

  /// The folders searched beside the binary, in order: the executable's folder (symbolic links
  /// resolved), then the main bundle's folder. On Linux both are the folder of
  /// `/proc/self/exe`, read directly: `Bundle.main` lists the whole folder of the executable
  /// (millions of instructions when the binary sits in a crowded folder such as /tmp).
  static func executableFolders() -> [String] {
    #if os(Linux)
      guard let executable = executablePath() else { return [] }
      let folder = PathName.folder(of: executable)
      return [folder, folder]
    #else
      let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
      return [executable, Bundle.main.bundleURL].compactMap { $0?.path }
    #endif
  }

  #if os(Linux)
    /// The running executable's absolute path, from `/proc/self/exe` (the kernel resolves it).
    static func executablePath() -> String? {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      guard length > 0 else { return nil }
      return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
  #endif

  /// Whether `path` names a folder (or a symbolic link to one).
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The default catalog folder.
  public static func catalogsDirectory() throws -> String {
    (try resourceRoot() as NSString).appendingPathComponent("catalogs")
  }

  /// The default templates folder.
  public static func templatesDirectory() throws -> String {
    (try resourceRoot() as NSString).appendingPathComponent("templates")
  }
}
