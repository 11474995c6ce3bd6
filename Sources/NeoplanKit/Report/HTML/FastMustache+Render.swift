extension FastMustache {
  /// Parsed templates by name, and the renderer (swift-mustache's `MustacheTemplate.render`,
  /// with the value types the report contexts hold).
  struct Library {
    var templates: [String: [Node]]

    /// Renders `name` with `context`; throws `Unsupported` for a context value of another type,
    /// or a list or dictionary printed as a variable (the caller then renders with swift-mustache).
    func render(_ name: String, context: [String: Any]) throws -> String? {
      guard let nodes = templates[name] else { return nil }
      return try render(nodes, stack: [try Value(context)], indentation: nil)
    }

    func render(_ nodes: [Node], stack: [Value], indentation: String?) throws -> String {
      var output = ""
      if let indentation, !indentation.isEmpty {
        for node in nodes {
          let rendered = try render(node, stack: stack, indentation: indentation)
          if !rendered.isEmpty && Self.endsWithNewline(output) { output += indentation }
          output += rendered
        }
      } else {
        for node in nodes { output += try render(node, stack: stack, indentation: indentation) }
      }
      return output
    }

    /// `string.last == "\n"` on bytes: a final `\n` that is not part of `\r\n`.
    static func endsWithNewline(_ string: String) -> Bool {
      let utf8 = string.utf8
      guard utf8.last == 0x0A else { return false }
      return utf8.dropLast().last != 0x0D
    }

    func render(_ node: Node, stack: [Value], indentation: String?) throws -> String {
      switch node {
      case .text(let text):
        return text
      case .variable(let path, let escaped):
        guard let value = Self.lookup(path, in: stack) else { return "" }
        let text = try Self.describe(value)
        return escaped ? NeoplanHTMLContentType().escapeText(text) : text
      case .section(let path, let children):
        let value = Self.lookup(path, in: stack)
        return try section(value, children, stack: stack, indentation: indentation)
      case .inverted(let path, let children):
        let value = Self.lookup(path, in: stack)
        return try inverted(value, children, stack: stack, indentation: indentation)
      case .partial(let name, let indented):
        guard let partial = templates[name] else { return "" }
        let combined = indented.map { (indentation ?? "") + $0 } ?? indentation
        return try render(partial, stack: stack, indentation: combined)
      }
    }

    func section(_ value: Value?, _ children: [Node], stack: [Value], indentation: String?) throws -> String {
      switch value {
      case nil: return ""
      case .array(let array)?:
        var output = ""
        for element in array { output += try render(children, stack: stack + [element], indentation: indentation) }
        return output
      case .bool(let bool)?:
        guard bool else { return "" }
        return try render(children, stack: stack, indentation: indentation)
      case let value?:
        return try render(children, stack: stack + [value], indentation: indentation)
      }
    }

    func inverted(_ value: Value?, _ children: [Node], stack: [Value], indentation: String?) throws -> String {
      switch value {
      case nil: return try render(children, stack: stack, indentation: indentation)
      case .array(let array)?:
        guard array.isEmpty else { return "" }
        return try render(children, stack: stack + [.array(array)], indentation: indentation)
      case .bool(let bool)?:
        guard !bool else { return "" }
        return try render(children, stack: stack, indentation: indentation)
      case _?:
        return ""
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

  /// A context value, converted once from `Any` (so rendering does no dynamic casts).
  indirect enum Value {
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
