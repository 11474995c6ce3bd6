import CYaml
import Foundation

/// A cheap pass over the YAML event stream that runs before Yams composes the document, so
/// hostile input is refused in milliseconds instead of hanging in alias expansion or in the
/// duplicate-key check on an expanded key (issue 11: a 424-byte alias bomb ran 51 s).
///
/// It refuses, each at the line and column of the offending event:
/// - a mapping key that is not a scalar (a list, a mapping, or an alias of one);
/// - nesting deeper than ``maxDepth`` (aliases count with the depth of what they name);
/// - more than ``maxAliasExpansion`` nodes brought in by aliases in total.
///
/// YAML syntax errors are left to Yams, which reports them with their position.
enum YAMLGuard {
  /// Deepest nesting accepted (a spec is about 4 levels deep, a catalog 5).
  static let maxDepth = 64
  /// Most nodes that aliases may bring in, summed over every alias in the document.
  static let maxAliasExpansion = 10_000

  private struct Frame {
    let isMapping: Bool
    let anchor: String?
    let mark: Mark
    var size = 1
    var depth = 1
    var children = 0
  }

  private struct Mark {
    let line: Int
    let column: Int
  }

  private struct Named {
    let size: Int
    let depth: Int
    let isScalar: Bool
  }

  /// Throws a located ``InputError`` for the first hostile construct in `text`.
  static func check(_ text: String, file: String) throws {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    var utf8 = Array(text.utf8)
    try utf8.withUnsafeMutableBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      try scan(&parser, file: file)
    }
    utf8.removeAll()
  }

  // swiftlint:disable:next cyclomatic_complexity function_body_length
  private static func scan(_ parser: inout yaml_parser_t, file: String) throws {
    var stack: [Frame] = []
    var anchors: [String: Named] = [:]
    var expanded = 0

    func fail(_ mark: Mark, _ message: String, _ expected: String) -> InputError {
      InputError(
        Diagnostic(
          at: SourceLocation(file: file, line: mark.line, column: mark.column), keyPath: "", message: message,
          expected: expected))
    }
    /// Adds a finished child (size, depth, scalar?) to the open collection, checking key position.
    func add(size: Int, depth: Int, isScalar: Bool, at mark: Mark) throws {
      guard !stack.isEmpty else { return }
      let index = stack.count - 1
      if stack[index].isMapping, stack[index].children % 2 == 0, !isScalar {
        throw fail(mark, "a mapping key must be a plain string, not a list or mapping", "expected key: value")
      }
      stack[index].children += 1
      stack[index].size += size
      stack[index].depth = max(stack[index].depth, depth + 1)
      if stack.count + depth > maxDepth {
        throw fail(mark, "the document nests deeper than \(maxDepth) levels", "expected at most \(maxDepth) levels")
      }
    }

    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else { return }  // syntax errors: Yams reports them
      defer { yaml_event_delete(&event) }
      let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return
      case YAML_SCALAR_EVENT:
        let anchor = string(event.data.scalar.anchor)
        try add(size: 1, depth: 1, isScalar: true, at: mark)
        if let anchor { anchors[anchor] = Named(size: 1, depth: 1, isScalar: true) }
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let anchor = string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
        if let top = stack.last, top.isMapping, top.children % 2 == 0 {
          throw fail(mark, "a mapping key must be a plain string, not a list or mapping", "expected key: value")
        }
        stack.append(Frame(isMapping: isMapping, anchor: anchor, mark: mark))
        if stack.count > maxDepth {
          throw fail(mark, "the document nests deeper than \(maxDepth) levels", "expected at most \(maxDepth) levels")
        }
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let frame = stack.popLast() else { return }
        if let anchor = frame.anchor {
          anchors[anchor] = Named(size: frame.size, depth: frame.depth, isScalar: false)
        }
        try add(size: frame.size, depth: frame.depth, isScalar: false, at: frame.mark)
      case YAML_ALIAS_EVENT:
        guard let name = string(event.data.alias.anchor), let named = anchors[name] else { return }
        expanded += named.size
        if expanded > maxAliasExpansion {
          throw fail(
            mark, "aliases expand to more than \(maxAliasExpansion) nodes",
            "expected a document without alias bombs (use fewer or smaller aliases)")
        }
        if let top = stack.last, top.isMapping, top.children % 2 == 0, !named.isScalar {
          throw fail(
            mark, "a mapping key must be a plain string, not an alias of a list or mapping", "expected key: value")
        }
        try add(size: named.size, depth: named.depth, isScalar: named.isScalar, at: mark)
      default:
        continue
      }
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }
}
