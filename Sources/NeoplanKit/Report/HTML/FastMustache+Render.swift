extension FastMustache {
  /// Parsed templates by name, and the renderer (swift-mustache's `MustacheTemplate.render`,
  /// with the value types the report contexts hold).
  struct Library {
    var templates: [String: [Node]]

    /// Renders `name` with `context`; throws `Unsupported` for a context value of another type
    /// (the caller then renders with swift-mustache).
    func render(_ name: String, context: [String: Any]) throws -> String? {
      guard let nodes = templates[name] else { return nil }
      return try render(nodes, stack: [context], indentation: nil)
    }

    func render(_ nodes: [Node], stack: [Any], indentation: String?) throws -> String {
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

    func render(_ node: Node, stack: [Any], indentation: String?) throws -> String {
      switch node {
      case .text(let text):
        return text
      case .variable(let path, let escaped):
        guard let value = try Self.lookup(path, in: stack) else { return "" }
        let text = try Self.describe(value)
        return escaped ? NeoplanHTMLContentType().escapeText(text) : text
      case .section(let path, let children):
        let value = try Self.lookup(path, in: stack)
        return try section(value, children, stack: stack, indentation: indentation)
      case .inverted(let path, let children):
        let value = try Self.lookup(path, in: stack)
        return try inverted(value, children, stack: stack, indentation: indentation)
      case .partial(let name, let indented):
        guard let partial = templates[name] else { return "" }
        let combined = indented.map { (indentation ?? "") + $0 } ?? indentation
        return try render(partial, stack: stack, indentation: combined)
      }
    }

    func section(_ value: Any?, _ children: [Node], stack: [Any], indentation: String?) throws -> String {
      guard let value else { return "" }
      if let array = value as? [Any] {
        var output = ""
        for element in array { output += try render(children, stack: stack + [element], indentation: indentation) }
        return output
      }
      if let bool = value as? Bool {
        guard bool else { return "" }
        return try render(children, stack: stack, indentation: indentation)
      }
      try Self.checkKnown(value)
      return try render(children, stack: stack + [value], indentation: indentation)
    }

    func inverted(_ value: Any?, _ children: [Node], stack: [Any], indentation: String?) throws -> String {
      guard let value else { return try render(children, stack: stack, indentation: indentation) }
      if let array = value as? [Any] {
        guard array.isEmpty else { return "" }
        return try render(children, stack: stack + [array], indentation: indentation)
      }
      if let bool = value as? Bool {
        guard !bool else { return "" }
        return try render(children, stack: stack, indentation: indentation)
      }
      try Self.checkKnown(value)
      return ""
    }

    /// The library's `getChild` for names without transforms.
    static func lookup(_ path: Path, in stack: [Any]) throws -> Any? {
      guard let top = stack.last else { return nil }
      if path.isCurrent { return top }
      if path.anchored { return try descend(path.parts[...], from: top) }
      for object in stack.reversed() {
        if let child = try child(path.parts[0], of: object) {
          return try descend(path.parts.dropFirst(), from: child)
        }
      }
      return nil
    }

    static func descend(_ names: ArraySlice<String>, from object: Any) throws -> Any? {
      var object = object
      for name in names {
        guard let child = try child(name, of: object) else { return nil }
        object = child
      }
      return object
    }

    /// A dictionary's value; the other known types have no named children (as their `Mirror`).
    static func child(_ name: String, of object: Any) throws -> Any? {
      if let dictionary = object as? [String: Any] { return dictionary[name] }
      try checkKnown(object)
      return nil
    }

    /// Values the reports hold; anything else is left to the library.
    static func checkKnown(_ value: Any) throws {
      if value is String || value is Int || value is Double || value is Bool || value is [Any]
        || value is [String: Any]
      {
        return
      }
      throw Unsupported()
    }

    /// `String(describing:)` of a scalar value.
    static func describe(_ value: Any) throws -> String {
      if let string = value as? String { return string }
      if let int = value as? Int { return String(int) }
      if let double = value as? Double { return double.description }
      if let bool = value as? Bool { return bool ? "true" : "false" }
      throw Unsupported()
    }
  }
}
