/// Where `JSONValue` writes its text: a `String`, or a hash that never holds the text.
protocol JSONTextSink {
  /// Appends a piece of the JSON text.
  mutating func append(_ text: String)
}

extension String: JSONTextSink {}

/// FNV-1a 64 over UTF-8 bytes, fed piece by piece.
struct FNV1a64: JSONTextSink {
  /// The hash so far (the FNV offset basis before any byte).
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func append(_ text: String) {
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01b3
    }
  }
}

extension JSONValue {
  /// FNV-1a 64 of `rendered()`'s UTF-8 bytes, computed without building the text.
  public func renderedFNV1a64() -> UInt64 {
    var hash = FNV1a64()
    write(into: &hash, indent: 0)
    hash.append("\n")
    return hash.value
  }
}
