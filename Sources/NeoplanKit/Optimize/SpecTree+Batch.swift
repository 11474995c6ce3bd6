import Foundation
import Yams

extension SpecTree {
  /// `node` with every `(key path, value)` of `choices` set, as ``applying(_:to:)`` does, in one
  /// pass: each mapping on the way is rebuilt once (not once per choice), and new nodes take tags
  /// from `tags` (``TagFactory``: cheaper than `Tag.implicit`). What the spec decoder reads (keys, texts, scalar styles) is the same as
  /// ``applying(_:to:)``'s; the search decodes this tree, `--emit-spec` writes the other.
  static func applyingAll(
    _ choices: [(key: String, value: String)], to node: Node, tags: TagFactory, cache: inout SectionCache
  ) -> Node {
    let edits = choices.map { (path: $0.key.split(separator: ".")[...], text: $0.value) }
    guard case .mapping(let root) = node, !edits.contains(where: { $0.path.count < 2 }) else {
      return setting(edits, in: node, tags: tags)
    }
    // Top-level sections, each edited once per distinct set of its edits (the search repeats them:
    // the backend's choices recur with every cooling and frontend speed).
    var order: [Substring] = []
    var bySection: [Substring: [(path: ArraySlice<Substring>, text: String)]] = [:]
    for edit in edits {
      guard let first = edit.path.first else { continue }
      if bySection[first] == nil { order.append(first) }
      bySection[first, default: []].append((edit.path.dropFirst(), edit.text))
    }
    var pairs = root.map { ($0.key, $0.value) }
    for section in order {
      let inner = bySection[section] ?? []
      let key =
        String(section) + "\u{0}"
        + inner.map { $0.path.joined(separator: ".") + "=" + $0.text }.joined(separator: "\u{0}")
      let index = pairs.firstIndex { $0.0.scalar?.string == String(section) }
      let edited: Node
      if let cached = cache.nodes[key] {
        edited = cached
      } else {
        let base = index.map { pairs[$0].1 } ?? .mapping(Node.Mapping([], tags.make()))
        edited = setting(inner, in: base, tags: tags)
        cache.nodes[key] = edited
      }
      if let index {
        pairs[index].1 = edited
      } else {
        pairs.append((.scalar(Node.Scalar(String(section), tags.make())), edited))
      }
    }
    return .mapping(Node.Mapping(pairs, root.tag, root.style))
  }

  /// Sections of the spec tree already edited by one worker of a search, by their edits.
  struct SectionCache {
    var nodes: [String: Node] = [:]
  }

  private static func setting(_ edits: [(path: ArraySlice<Substring>, text: String)], in node: Node, tags: TagFactory)
    -> Node
  {
    if edits.contains(where: { $0.path.isEmpty }) {
      // A choice ending here replaces the node (not so for the keys neoplan frees, all two deep):
      // one edit at a time, in order, as when applied one by one.
      return edits.reduce(node) { tree, edit in
        guard edit.path.isEmpty else { return setting([edit], in: tree, tags: tags) }
        return .scalar(Node.Scalar(edit.text, tags.make(), edit.text.contains(":") ? .doubleQuoted : .plain))
      }
    }
    var pairs: [(Node, Node)] = []
    var mappingTag: Tag?
    var style = Node.Mapping.Style.any
    if case .mapping(let mapping) = node {
      pairs = mapping.map { ($0.key, $0.value) }
      mappingTag = mapping.tag
      style = mapping.style
    }
    var order: [Substring] = []
    var byKey: [Substring: [(path: ArraySlice<Substring>, text: String)]] = [:]
    for edit in edits {
      guard let first = edit.path.first else { continue }
      if byKey[first] == nil { order.append(first) }
      byKey[first, default: []].append((edit.path.dropFirst(), edit.text))
    }
    for key in order {
      let inner = byKey[key] ?? []
      if let index = pairs.firstIndex(where: { $0.0.scalar?.string == String(key) }) {
        pairs[index].1 = setting(inner, in: pairs[index].1, tags: tags)
      } else {
        let empty = Node.mapping(Node.Mapping([], tags.make()))
        pairs.append((.scalar(Node.Scalar(String(key), tags.make())), setting(inner, in: empty, tags: tags)))
      }
    }
    return .mapping(Node.Mapping(pairs, mappingTag ?? tags.make(), style))
  }
}
