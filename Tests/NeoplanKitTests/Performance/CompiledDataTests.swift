import Foundation
import Testing

@testable import NeoplanKit

/// The compiled catalog and locale strings: fresh, and equal to what the YAML reader gives.
@Suite("Compiled catalog and locales")
struct CompiledDataTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let catalogs = root.appendingPathComponent("catalogs").path
  static let templates = root.appendingPathComponent("templates").path
  static let generatedFile = root.appendingPathComponent("Sources/NeoplanKit/Compiled/CompiledData+Generated.swift")

  @Test("compiled data is fresh (else run scripts/gen-compiled-data)")
  func fresh() throws {
    let expected = try CompiledDataGenerator.source(catalogs: Self.catalogs, templates: Self.templates)
    let onDisk = try String(contentsOf: Self.generatedFile, encoding: .utf8)
    #expect(onDisk == expected, "CompiledData+Generated.swift is stale: run scripts/gen-compiled-data")
  }

  @Test func compiledCatalogEqualsTheYAMLCatalog() throws {
    let compiled = try #require(CompiledData.catalogParts(directory: Self.catalogs))
    let parsed = try CatalogLoader.loadDirectory(Self.catalogs, displayPrefix: "catalogs")
    #expect(Catalog(parts: compiled).partsByID == parsed.partsByID)
    #expect(compiled.count == parsed.partsByID.count)
  }

  @Test(arguments: ReportLanguage.allCases)
  func compiledLocaleEqualsTheYAMLLocale(language: ReportLanguage) throws {
    let path = Self.templates + "/locales/\(language.rawValue).yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let compiled = try #require(CompiledData.localeStrings(language, text: text))
    #expect(compiled == (try ReportLocale.parseStrings(text, path: path)))
    #expect(compiled.count > 100)
  }

  /// A changed file is read as YAML, not answered from the compiled copy.
  @Test func changedFilesAreNotCompiled() throws {
    let text = try String(contentsOfFile: Self.templates + "/locales/en.yaml", encoding: .utf8)
    #expect(CompiledData.localeStrings(.en, text: text + "\n# edited\n") == nil)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in CompiledData.catalogFiles(in: Self.catalogs) {
      try FileManager.default.copyItem(
        atPath: Self.catalogs + "/" + name, toPath: folder.appendingPathComponent(name).path)
    }
    #expect(CompiledData.catalogParts(directory: folder.path) != nil)
    let edited = folder.appendingPathComponent(CompiledData.catalogFiles(in: Self.catalogs)[0])
    try (try String(contentsOf: edited, encoding: .utf8) + "\n# edited\n").write(
      to: edited, atomically: true, encoding: .utf8)
    #expect(CompiledData.catalogParts(directory: folder.path) == nil)
  }

  /// Every example planned with the compiled catalog and with the YAML-parsed one: same text,
  /// JSON and CSV.
  @Test(arguments: HTMLReportTests.examples)
  func plansAreIdentical(path: String) throws {
    let yamlCatalog = try CatalogLoader.loadDirectory(Self.catalogs, displayPrefix: "catalogs")
    let compiled = try Plan.make(try ClusterSpec.load(path: path, catalog: TestCatalog.embedded))
    let parsed = try Plan.make(try ClusterSpec.load(path: path, catalog: yamlCatalog))
    #expect(compiled.text() == parsed.text())
    #expect(compiled.json().rendered() == parsed.json().rendered())
    #expect(compiled.csv() == parsed.csv())
  }

  /// Generated string literals read back as the same text.
  @Test func stringLiterals() {
    #expect(CompiledDataGenerator.stringLiteral("a\"b\\c\nd\té\u{1}") == #""a\"b\\c\nd\té\u{1}""#)
  }
}
