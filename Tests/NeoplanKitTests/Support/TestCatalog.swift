import Foundation

@testable import NeoplanKit

/// The embedded catalog, loaded once for tests.
enum TestCatalog {
  static let embedded: Catalog = {
    do { return try CatalogLoader.load(extraDirectories: []) } catch { fatalError("catalog: \(error)") }
  }()

  /// Parses a spec written inline in a test.
  static func spec(_ yaml: String, file: String = "test.yaml") throws -> ClusterSpec {
    try ClusterSpec.parse(yaml, file: file, catalog: embedded)
  }

  /// Plans an inline spec.
  static func plan(_ yaml: String) throws -> Plan {
    try Plan.make(try spec(yaml))
  }
}
