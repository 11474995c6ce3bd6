extension FastMustache {
  /// Parsed templates by name, and the renderer (swift-mustache's `MustacheTemplate.render`,
  /// with the value types the report contexts hold).
  struct Library {
    var templates: [String: [Node]]

    /// Renders `name` with `context`; throws `Unsupported` for a context value of another type,
    /// or a list or dictionary printed as a variable (the caller then renders with swift-mustache).
    func render(_ name: String, context: [String: Any]) throws -> String? {
      guard let nodes = templates[name] else { return nil }
      var output = ""
      try render(nodes, stack: [try Value(context)], indentation: nil, into: &output)
      return output
    }

    /// Appends `nodes` rendered to `output`. In an indented partial, each node's non-empty text
    /// that starts a line of this call's own output gets the indentation first.
    func render(_ nodes: [Node], stack: [Value], indentation: String?, into output: inout String) throws {
      guard let indentation, !indentation.isEmpty else {
        for node in nodes { try render(node, stack: stack, indentation: indentation, into: &output) }
        return
      }
      let start = output.utf8.count
      for node in nodes {
        guard Self.endsWithNewline(output, from: start) else {
          try render(node, stack: stack, indentation: indentation, into: &output)
          continue
        }
        var rendered = ""
        try render(node, stack: stack, indentation: indentation, into: &rendered)
        if !rendered.isEmpty { output += indentation }
        output += rendered
      }
    }

    /// Whether the part of `output` from UTF-8 offset `start` ends with a `\n` that is not part
    /// of `\r\n`, on bytes (`last == "\n"` of that part).
    static func endsWithNewline(_ output: String, from start: Int) -> Bool {
      let utf8 = output.utf8
      let count = utf8.count - start
      guard count > 0, utf8.last == 0x0A else { return false }
      return count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] != 0x0D
    }

    func render(_ node: Node, stack: [Value], indentation: String?, into output: inout String) throws {
      switch node {
      case .text(let text):
        output += text
      case .variable(let path, let escaped):
        guard let value = Self.lookup(path, in: stack) else { return }
        let text = try Self.describe(value)
        if escaped { NeoplanHTMLContentType.appendEscaped(text, to: &output) } else { output += text }
      case .section(let path, let children):
        let value = Self.lookup(path, in: stack)
        try section(value, children, stack: stack, indentation: indentation, into: &output)
      case .inverted(let path, let children):
        let value = Self.lookup(path, in: stack)
        try inverted(value, children, stack: stack, indentation: indentation, into: &output)
      case .partial(let name, let indented):
        guard let partial = templates[name] else { return }
        let combined = indented.map { (indentation ?? "") + $0 } ?? indentation
        try render(partial, stack: stack, indentation: combined, into: &output)
      }
    }

    func section(
      _ value: Value?, _ children: [Node], stack: [Value], indentation: String?, into output: inout String
    ) throws {
      switch value {
      case nil: return
      case .array(let array)?:
        var inner = stack
        inner.append(.bool(false))
        for element in array {
          inner[inner.count - 1] = element
          try render(children, stack: inner, indentation: indentation, into: &output)
        }
      case .bool(let bool)?:
        guard bool else { return }
        try render(children, stack: stack, indentation: indentation, into: &output)
      case let value?:
        try render(children, stack: stack + [value], indentation: indentation, into: &output)
      }
    }

    func inverted(
      _ value: Value?, _ children: [Node], stack: [Value], indentation: String?, into output: inout String
    ) throws {
      switch value {
      case nil: try render(children, stack: stack, indentation: indentation, into: &output)
      case .array(let array)?:
        guard array.isEmpty else { return }
        try render(children, stack: stack + [.array(array)], indentation: indentation, into: &output)
      case .bool(let bool)?:
        guard !bool else { return }
        try render(children, stack: stack, indentation: indentation, into: &output)
      case _?:
        return
      }
    }

    /// The library's `getChild` for names without transforms.
    static func lookup(_ path: Path, in stack: [Value]) -> Value? {
      guard let top = stack.last else { return nil }
      if path.isCurrent { return top }
      if path.anchored { return descend(path.parts[...], from: top) }
      for object in stack.reversed() {
        if let child = child(path.parts[0], of: object) { return descend(path.parts.dropFirst(), from: child) }
      }
      return nil
    }

    static func descend(_ names: ArraySlice<String>, from object: Value) -> Value? {
      var object = object
      for name in names {
        guard let child = child(name, of: object) else { return nil }
        object = child
      }
      return object
    }

    /// A dictionary's value; the other values have no named children (as their `Mirror`).
    static func child(_ name: String, of object: Value) -> Value? {
      guard case .dictionary(let dictionary) = object else { return nil }
      return dictionary[name]
    }

    /// `String(describing:)` of a scalar value (lists and dictionaries are left to the library).
    static func describe(_ value: Value) throws -> String {
      switch value {
      case .string(let string): return string
      case .int(let int): return String(int)
      case .double(let double): return double.description
      case .bool(let bool): return bool ? "true" : "false"
      case .array, .dictionary: throw Unsupported()
      }
    }
  }

  /// A context value, converted once from `Any` (so rendering does no dynamic casts). Not
  /// `indirect`: lists and dictionaries hold their elements already, and a box per string costs.
  enum Value {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([Value])
    case dictionary([String: Value])

    /// Converts `value`; another type (or a `nil` inside `Any`) is left to the library.
    init(_ value: Any) throws {
      // Exact container types first: same values, without a cast per element.
      let type = Swift.type(of: value)
      if type == [String: String].self, let strings = value as? [String: String] {
        self = .dictionary(strings.mapValues(Value.string))
      } else if type == [[String: String]].self, let rows = value as? [[String: String]] {
        self = .array(rows.map { .dictionary($0.mapValues(Value.string)) })
      } else if type == [[String: Any]].self, let rows = value as? [[String: Any]] {
        self = .array(try rows.map { .dictionary(try $0.mapValues(Value.init)) })
      } else if type == [String].self, let strings = value as? [String] {
        self = .array(strings.map(Value.string))
      } else if let string = value as? String {
        self = .string(string)
      } else if let dictionary = value as? [String: Any] {
        self = .dictionary(try dictionary.mapValues(Value.init))
      } else if let array = value as? [Any] {
        self = .array(try array.map(Value.init))
      } else if let bool = value as? Bool {
        self = .bool(bool)
      } else if let int = value as? Int {
        self = .int(int)
      } else if let double = value as? Double {
        self = .double(double)
      } else {
        throw Unsupported()
      }
    }
  }
}
