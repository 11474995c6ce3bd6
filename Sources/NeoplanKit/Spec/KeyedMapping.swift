import Foundation

/// A spec mapping whose keys are checked against `Key`: lookups take the enum, never a string.
///
/// `Key: SpecKey` is required by the extension, not the type: a constraint on the type makes the
/// runtime check the conformance when it first builds each `KeyedMapping<…>` metadata, a scan of
/// every conformance record in the (static) binary per key enum (docs/performance.md, step 4).
struct KeyedMapping<Key> {
  /// The mapping as read.
  let map: YAMLMapping
}

extension KeyedMapping where Key: SpecKey {
  /// Checks `map`'s keys against `Key` (the first unknown one is a located error with a "did you mean").
  init(_ map: YAMLMapping) throws {
    try map.rejectUnknownKeys(Key.names)
    self.map = map
  }

  /// The mapping's own node.
  var owner: YAMLValue { map.owner }

  /// Every entry as written.
  var entries: [YAMLMapping.Entry] { map.entries }

  /// The value for `key`, or `nil` when absent or null.
  subscript(_ key: Key) -> YAMLValue? { map[key.rawValue] }

  /// The value for `key`, or a located "missing required key".
  func required(_ key: Key, expected: String) throws -> YAMLValue {
    try map.required(key.rawValue, expected: expected)
  }

  /// The keys given a value (not null), in file order.
  var given: [Key] { entries.compactMap { Key(rawValue: $0.key) }.filter { self[$0] != nil } }
}
