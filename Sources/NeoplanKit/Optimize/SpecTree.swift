import Foundation
import Yams

/// Edits of a spec's YAML tree: a candidate design is the spec with some keys set.
enum SpecTree {
  /// `node` (a mapping) without its top-level `key`.
  static func removing(_ key: String, from node: Node) -> Node {
    guard case .mapping(let mapping) = node else { return node }
    let pairs = mapping.filter { $0.key.scalar?.string != key }.map { ($0.key, $0.value) }
    return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
  }

  /// `node` with the dotted `path` set to the scalar `text`; missing mappings on the way are
  /// created, a non-mapping on the way is replaced.
  static func setting(_ path: [Substring], to text: String, in node: Node) -> Node {
    guard let first = path.first else {
      // A ratio such as 2:1 is quoted so that YAML 1.1 readers do not take it for base 60.
      return .scalar(Node.Scalar(text, .implicit, text.contains(":") ? .doubleQuoted : .plain))
    }
    var pairs: [(Node, Node)] = []
    var tag = Tag.implicit
    var style = Node.Mapping.Style.any
    if case .mapping(let mapping) = node {
      pairs = mapping.map { ($0.key, $0.value) }
      tag = mapping.tag
      style = mapping.style
    }
    let rest = Array(path.dropFirst())
    if let index = pairs.firstIndex(where: { $0.0.scalar?.string == String(first) }) {
      pairs[index].1 = setting(rest, to: text, in: pairs[index].1)
    } else {
      pairs.append((.scalar(Node.Scalar(String(first))), setting(rest, to: text, in: .mapping(Node.Mapping([])))))
    }
    return .mapping(Node.Mapping(pairs, tag, style))
  }

  /// `node` with every `(key path, value)` of `choices` set.
  static func applying(_ choices: [(key: String, value: String)], to node: Node) -> Node {
    choices.reduce(node) { tree, choice in
      setting(choice.key.split(separator: "."), to: choice.value, in: tree)
    }
  }

  /// The tree as block YAML.
  static func yaml(_ node: Node) throws -> String {
    do {
      return try Yams.serialize(node: node, width: -1, allowUnicode: true, mappingStyle: .block)
    } catch {
      throw InternalError("cannot write the spec as YAML: \(error)")
    }
  }
}
