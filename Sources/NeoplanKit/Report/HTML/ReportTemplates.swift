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

  /// Loads the embedded templates and `overrideDirectory` on top: every template, or only those
  /// named in `rendering` and the partials they name (found by name, the override folder first).
  /// A template reaching partials by other means (inheritance, dynamic names, set delimiters)
  /// loads every template, as without `rendering`.
  public static func load(overrideDirectory: String?, rendering: [String]? = nil) throws -> ReportTemplates {
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
    if let rendering, let sources = try sources(named: rendering, in: directories) {
      return ReportTemplates(sources: sources, directories: directories)
    }
    var sources: [String: (path: String, text: String)] = [:]
    for directory in directories.reversed() {
      for (name, path) in mustacheFiles(in: directory) { sources[name] = (path, try read(path)) }
    }
    return ReportTemplates(sources: sources, directories: directories)
  }

  /// `names` and the partials they name, each from the first of `directories` that has it;
  /// `nil` when one of them reaches partials by other means (then every template is needed).
  static func sources(named names: [String], in directories: [String]) throws -> [String: (
    path: String, text: String
  )]? {
    var sources: [String: (path: String, text: String)] = [:]
    var queue = names
    while let name = queue.popLast() {
      guard sources[name] == nil, isTemplateName(name) else { continue }
      for directory in directories {
        let path = directory + "/" + name + ".mustache"
        guard FileManager.default.fileExists(atPath: path) else { continue }
        let text = try read(path)
        let references = TemplateSplitter.references(in: text)
        if references.reachesAny { return nil }
        sources[name] = (path, text)
        queue += references.names
        break
      }
    }
    return sources
  }

  /// Whether `name` is one that listing the folders could give: a relative path of non-empty
  /// parts other than `.` and `..`.
  static func isTemplateName(_ name: String) -> Bool {
    !name.isEmpty
      && name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
        !$0.isEmpty && $0 != "." && $0 != ".."
      }
  }

  /// A template file's text.
  static func read(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw InputError(
        Diagnostic(at: nil, file: path, keyPath: "", message: "cannot read the template", expected: "UTF-8 text"))
    }
    return text
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
