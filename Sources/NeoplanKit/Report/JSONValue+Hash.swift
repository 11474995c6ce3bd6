/// Where `JSONValue` writes its text, byte by byte: a byte buffer (`rendered()`), or a hash that
/// never holds the text (the quote id).
protocol JSONTextSink {
  /// Appends one UTF-8 byte.
  mutating func append(byte: UInt8)
  /// Appends a piece of the JSON text (its UTF-8 bytes, in order).
  mutating func append(_ text: String)
  /// Appends `s` as a JSON string literal, exactly as `JSONValue.quote` writes it.
  mutating func appendQuoted(_ s: String)
}

extension JSONTextSink {
  /// Appends a piece of the JSON text, byte by byte (sinks override this with a bulk copy).
  mutating func append(_ text: String) {
    for byte in text.utf8 { append(byte: byte) }
  }

  /// Money in major units as `Money.plainString` writes it (`-1234.50`), digit by digit.
  mutating func appendMoney(_ amount: Money) {
    if amount.cents < 0 { append(byte: 0x2D) }  // -
    let magnitude = amount.cents.magnitude
    appendDigits(magnitude / 100)
    append(byte: 0x2E)  // .
    append(byte: 0x30 + UInt8(magnitude % 100 / 10))
    append(byte: 0x30 + UInt8(magnitude % 10))
  }

  /// The decimal digits of `n`, no sign, no leading zeros (`0` for zero).
  mutating func appendDigits(_ n: UInt64) {
    if n >= 10 { appendDigits(n / 10) }
    append(byte: 0x30 + UInt8(n % 10))
  }

  /// Two spaces per level.
  mutating func appendIndent(_ levels: Int) {
    for _ in 0..<(levels * 2) { append(byte: 0x20) }
  }

  /// `s` as a JSON string literal, exactly as `JSONValue.quote` writes it.
  mutating func appendQuoted(_ s: String) {
    guard JSONValue.needsNoEscaping(s) else {
      append(JSONValue.quote(s))
      return
    }
    append(byte: 0x22)
    append(s)
    append(byte: 0x22)
  }
}

/// The JSON text as UTF-8 bytes.
struct JSONBytes: JSONTextSink {
  var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1 << 16) }

  mutating func append(byte: UInt8) { bytes.append(byte) }

  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
}

/// FNV-1a 64 over UTF-8 bytes, fed piece by piece.
struct FNV1a64: JSONTextSink {
  /// The hash so far (the FNV offset basis before any byte).
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func append(byte: UInt8) {
    value ^= UInt64(byte)
    value = value &* 0x0000_0100_0000_01b3
  }

  /// `JSONValue.quote(s)`'s bytes: a plain string (most: keys, ids) is hashed in place, one that
  /// needs escaping goes through `quote`.
  mutating func appendQuoted(_ s: String) {
    // Most strings (keys, ids) need no escaping: hash their stored bytes between the quotes. (The
    // closure returns the hash rather than updating a captured variable, which would be boxed.)
    let start = value
    // One pass: hash every byte and note whether any needs escaping (then the hash is dropped and
    // the string goes the long way below).
    let plain: UInt64?? = s.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
      var hash = FNV1a64.hash(0x22, after: start)
      var escapes: UInt8 = 0
      var previous: UInt8 = 0
      for byte in bytes {
        // as `JSONValue.isPlain`: a byte that does not go as is, or a C1 control (0xC2 0x80–0x9F)
        escapes |= JSONValue.goesAsIs(byte) && !(previous == 0xC2 && byte <= 0x9F) ? 0 : 1
        previous = byte
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      }
      return escapes == 0 ? FNV1a64.hash(0x22, after: hash) : nil
    }
    if let plain, let plain {
      value = plain
      return
    }
    // A string that needs escaping (rare): hash the bytes `quote` would write, as they come.
    JSONValue.writeQuoted(s) { append(byte: $0) }
  }

  /// The hash after one more byte.
  static func hash(_ byte: UInt8, after hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }

  /// The hash after more bytes, in order.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, after hash: UInt64) -> UInt64 {
    var hash = hash
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// The same bytes as `append(byte:)` one by one, read from the string's contiguous UTF-8
  /// storage when it has one (native strings do) instead of through its `UTF8View` iterator.
  mutating func append(_ text: String) {
    let start = value
    if let hash = text.utf8.withContiguousStorageIfAvailable({ FNV1a64.hash($0, after: start) }) {
      value = hash
    } else {
      for byte in text.utf8 { append(byte: byte) }
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
