import Foundation
import Mustache

extension ReportTemplates {
  /// A Mustache library holding `template` and the partials it needs, parsed now.
  ///
  /// The partials are found by following `{{> name}}` tags; a template using inheritance or
  /// dynamic partial names pulls in every template instead.
  func library(for template: String) throws -> MustacheLibrary {
    var needed: [String] = []
    var queue = [template]
    var everything = false
    while let name = queue.popLast() {
      guard !needed.contains(name), let source = sources[name] else { continue }
      needed.append(name)
      let references = TemplateSplitter.references(in: source.text)
      everything = everything || references.reachesAny
      queue += references.names
    }
    if everything { needed = Array(sources.keys) }
    var library = MustacheLibrary()
    for name in needed.sorted() {
      guard let source = sources[name] else { continue }
      try Self.register(source.text, named: name, path: source.path, in: &library)
    }
    return library
  }

  /// Registers `text` as `name`, in pieces when it splits (piece `k` is named `name/k`).
  static func register(
    _ text: String, named name: String, path: String, targetBytes: Int = 160, in library: inout MustacheLibrary
  ) throws {
    guard let pieces = TemplateSplitter.pieces(of: text, targetBytes: targetBytes) else {
      try parse(text, named: name, path: path, lineOffset: 0, in: &library)
      return
    }
    NeoplanHTMLContentType.registered
    var whole = ""
    for (index, piece) in pieces.enumerated() {
      let pieceName = "\(name)/\(index + 1)"
      // A piece with tags starts with a standalone pragma line selecting the faster, identical
      // escaping; a piece without renders as its text.
      let pragma = piece.hasTags ? NeoplanHTMLContentType.pragmaLine : ""
      try parse(
        pragma + piece.text, named: pieceName, path: path,
        lineOffset: piece.lineOffset - (piece.hasTags ? 1 : 0), in: &library)
      whole += "{{>\(pieceName)}}"
    }
    try parse(whole, named: name, path: path, lineOffset: 0, in: &library)
  }

  /// Parses one template (or piece) into `library`; errors point at the line in the file.
  static func parse(
    _ text: String, named name: String, path: String, lineOffset: Int, in library: inout MustacheLibrary
  ) throws {
    func located(_ context: MustacheParserContext, _ error: any Error) -> InputError {
      InputError(
        Diagnostic(
          at: SourceLocation(file: path, line: context.lineNumber + lineOffset, column: context.columnNumber),
          keyPath: "", message: "template error: \(describe(error))",
          expected: "a valid Mustache template (every {{#section}} closed by {{/section}})"))
    }
    do {
      try library.register(text, named: name)
    } catch let error as MustacheTemplate.ParserError {
      throw located(error.context, error.error)
    } catch let error as MustacheLibrary.ParserError {
      throw located(error.context, error.error)
    } catch {
      throw InputError(
        Diagnostic(
          at: nil, file: path, keyPath: "", message: "template error: \(describe(error))",
          expected: "a valid Mustache template"))
    }
  }
}
