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
    let fm = FileManager.default
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["NEOPLAN_RESOURCES"], !override.isEmpty {
      candidates.append(override)
    }
    let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    for base in [executable, Bundle.main.bundleURL].compactMap({ $0 }) {
      candidates.append(base.appendingPathComponent(bundleName).path)
      candidates.append(base.appendingPathComponent(bundleName).appendingPathComponent("Resources").path)
      candidates.append(base.deletingLastPathComponent().appendingPathComponent("share/neoplan").path)
    }
    for candidate in candidates {
      var isDirectory: ObjCBool = false
      let catalogs = (candidate as NSString).appendingPathComponent("catalogs")
      if fm.fileExists(atPath: catalogs, isDirectory: &isDirectory), isDirectory.boolValue {
        return candidate
      }
    }
    throw InputError(
      Diagnostic(
        at: nil, file: "neoplan", keyPath: "",
        message: "cannot find the embedded catalogs (looked in \(candidates.joined(separator: ", ")))",
        expected: "set NEOPLAN_RESOURCES to a folder holding catalogs/ and templates/, or pass --catalog DIR"))
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
