import Foundation
import Mustache

/// The report templates: every `*.mustache` file of the embedded templates folder, with a
/// `--templates DIR` folder overriding any of them by name (and its `locales/` too).
///
/// Loading reads the files; a template is parsed only when a report renders it (with the partials
/// it names), in line-aligned pieces (`TemplateSplitter`) because parsing is quadratic in size.
public struct ReportTemplates: Sendable {
  /// Template sources by name (e.g. `quote.html`, `partials/style`): file path and text.
  var sources: [String: (path: String, text: String)]
  /// Folders searched, override first.
  public var directories: [String]

  /// Loads the embedded templates and `overrideDirectory` on top.
  public static func load(overrideDirectory: String?) throws -> ReportTemplates {
    var directories: [String] = []
    if let overrideDirectory {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: overrideDirectory, isDirectory: &isDirectory), isDirectory.boolValue
      else {
        throw InputError(
          Diagnostic(
            at: nil, file: overrideDirectory, keyPath: "", message: "templates folder not found",
            expected: "expected a folder of *.mustache files"))
      }
      directories.append(overrideDirectory)
    }
    directories.append(try ResourceLocator.templatesDirectory())
    var sources: [String: (path: String, text: String)] = [:]
    for directory in directories.reversed() {
      for (name, path) in mustacheFiles(in: directory) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
          throw InputError(
            Diagnostic(at: nil, file: path, keyPath: "", message: "cannot read the template", expected: "UTF-8 text"))
        }
        sources[name] = (path, text)
      }
    }
    return ReportTemplates(sources: sources, directories: directories)
  }

  /// A readable name for a Mustache parser error ("expectedSectionEnd" → "expected section end").
  static func describe(_ error: any Error) -> String {
    if let parse = error as? MustacheTemplate.Error {
      let name = "\(parse)"
      var words = ""
      for character in name {
        if character.isUppercase { words += " " + character.lowercased() } else { words.append(character) }
      }
      return words
    }
    return "\(error)"
  }

  /// `name` (path below `directory` without `.mustache`) → file path.
  static func mustacheFiles(in directory: String) -> [(String, String)] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
    var files: [(String, String)] = []
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".mustache") else { continue }
      files.append(
        (String(relative.dropLast(".mustache".count)), (directory as NSString).appendingPathComponent(relative)))
    }
    return files.sorted { $0.0 < $1.0 }
  }

  /// Renders `template` with `context`; a missing template is an input error.
  public func render(_ context: [String: Any], template: String) throws -> String {
    if let output = renderFast(context, template: template) { return output }
    return try renderWithLibrary(context, template: template)
  }

  /// Renders `template` with swift-mustache.
  func renderWithLibrary(_ context: [String: Any], template: String) throws -> String {
    guard let output = try library(for: template).render(context, withTemplate: template) else {
      throw InputError(
        Diagnostic(
          at: nil, file: "\(template).mustache", keyPath: "", message: "template not found",
          expected: "expected \(template).mustache in the templates folder"))
    }
    return output
  }
}
