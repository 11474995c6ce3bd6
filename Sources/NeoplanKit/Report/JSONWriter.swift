/// Receives a JSON document value by value, in document order. The plan's JSON is written once,
/// against this protocol, and goes either into a ``JSONValue`` tree (``JSONTreeWriter``: `json()`)
/// or straight into text or a hash (``JSONTextWriter``: `neoplan plan --format json`, the quote id)
/// without a tree in between.
///
/// Members of an object must be given in key order (as `JSONValue.rendered()` sorts them): the text
/// writer writes them as they come. Tests compare the text with the tree's `rendered()` for every
/// example, which sorts the keys itself.
protocol JSONWriter {
  /// Starts an object value (an array element, a member after ``key(_:)``, or the document).
  mutating func beginObject()
  /// Ends the innermost open object.
  mutating func endObject()
  /// Starts an array value.
  mutating func beginArray()
  /// Ends the innermost open array.
  mutating func endArray()
  /// Names the next value, a member of the innermost open object.
  mutating func key(_ name: String)
  /// A whole value: a scalar, or a tree written as `JSONValue.rendered()` writes it.
  mutating func value(_ value: JSONValue)
  /// Money in major units, as ``JSONValue/money(_:)`` writes it.
  mutating func money(_ amount: Money)
}

extension JSONWriter {
  /// An object value whose members `body` writes.
  mutating func object(_ body: (inout Self) -> Void) {
    beginObject()
    body(&self)
    endObject()
  }

  /// A member holding a value.
  mutating func field(_ name: String, _ value: JSONValue) {
    key(name)
    self.value(value)
  }

  /// A member holding money in major units.
  mutating func field(_ name: String, money amount: Money) {
    key(name)
    money(amount)
  }

  /// A member holding an object whose members `body` writes.
  mutating func object(_ name: String, _ body: (inout Self) -> Void) {
    key(name)
    object(body)
  }

  /// A member holding an array whose elements `body` writes.
  mutating func array(_ name: String, _ body: (inout Self) -> Void) {
    key(name)
    beginArray()
    body(&self)
    endArray()
  }

  /// A member holding an array of one object per item, whose members `body` writes.
  mutating func objects<Items: Sequence>(_ name: String, _ items: Items, _ body: (inout Self, Items.Element) -> Void) {
    key(name)
    beginArray()
    for item in items {
      beginObject()
      body(&self, item)
      endObject()
    }
    endArray()
  }
}

/// Writes the JSON text as `JSONValue.rendered()` lays it out (two spaces per level, `"key": value`,
/// empty containers inline) straight into a sink, in the order given.
struct JSONTextWriter<Sink: JSONTextSink>: JSONWriter {
  /// Where the text goes.
  var sink: Sink
  /// Open containers.
  private var depth = 0
  /// The innermost open container has no member yet.
  private var isEmpty = true
  /// A key was written and its value is next.
  private var hasKey = false

  /// A writer into `sink`.
  init(into sink: Sink) { self.sink = sink }

  mutating func beginObject() { open(0x7B) }  // {
  mutating func endObject() { close(0x7D) }  // }
  mutating func beginArray() { open(0x5B) }  // [
  mutating func endArray() { close(0x5D) }  // ]

  mutating func key(_ name: String) {
    beginMember()
    sink.appendQuoted(name)
    sink.append(byte: 0x3A)  // :
    sink.append(byte: 0x20)
    hasKey = true
  }

  mutating func value(_ value: JSONValue) {
    beginValue()
    value.write(into: &sink, indent: depth)
  }

  mutating func money(_ amount: Money) {
    beginValue()
    sink.appendMoney(amount)
  }

  /// A new line at the container's indent, after a comma unless it is the first member.
  private mutating func beginMember() {
    if !isEmpty { sink.append(byte: 0x2C) }  // ,
    sink.append(byte: 0x0A)
    sink.appendIndent(depth)
    isEmpty = false
  }

  /// After a key the value follows on its line; an array element starts a member.
  private mutating func beginValue() {
    if hasKey {
      hasKey = false
    } else if depth > 0 {
      beginMember()
    }
  }

  private mutating func open(_ bracket: UInt8) {
    beginValue()
    sink.append(byte: bracket)
    depth += 1
    isEmpty = true
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if !isEmpty {
      sink.append(byte: 0x0A)
      sink.appendIndent(depth)
    }
    sink.append(byte: bracket)
    isEmpty = false
  }
}

/// Builds a ``JSONValue`` tree from what it is given.
struct JSONTreeWriter: JSONWriter {
  /// The document, once written.
  private(set) var result: JSONValue = .null
  /// Members of the open objects, innermost last.
  private var objects: [[String: JSONValue]] = []
  /// Elements of the open arrays, innermost last.
  private var arrays: [[JSONValue]] = []
  /// The open containers, innermost last: whether each is an object, and its key in its parent.
  private var open: [(isObject: Bool, key: String?)] = []
  /// The key of the next member.
  private var pendingKey: String?

  /// An empty writer.
  init() {}

  mutating func beginObject() {
    open.append((true, pendingKey))
    pendingKey = nil
    objects.append([:])
  }

  mutating func endObject() {
    pendingKey = open.removeLast().key
    add(.object(objects.removeLast()))
  }

  mutating func beginArray() {
    open.append((false, pendingKey))
    pendingKey = nil
    arrays.append([])
  }

  mutating func endArray() {
    pendingKey = open.removeLast().key
    add(.array(arrays.removeLast()))
  }

  mutating func key(_ name: String) { pendingKey = name }

  mutating func value(_ value: JSONValue) { add(value) }

  mutating func money(_ amount: Money) { add(.money(amount)) }

  private mutating func add(_ value: JSONValue) {
    guard let container = open.last else {
      result = value
      return
    }
    if container.isObject {
      objects[objects.count - 1][pendingKey ?? ""] = value
    } else {
      arrays[arrays.count - 1].append(value)
    }
    pendingKey = nil
  }
}

/// A document written once through a ``JSONWriter``, as a tree, as text or as a hash of its text.
enum JSONDocument {
  /// The document as a tree.
  static func tree(_ write: (inout JSONTreeWriter) -> Void) -> JSONValue {
    var writer = JSONTreeWriter()
    write(&writer)
    return writer.result
  }

  /// The document's text with a final newline, byte for byte `tree(write).rendered()`.
  static func text(_ write: (inout JSONTextWriter<JSONBytes>) -> Void) -> String {
    var writer = JSONTextWriter(into: JSONBytes())
    write(&writer)
    writer.sink.append(byte: 0x0A)
    return String(decoding: writer.sink.bytes, as: UTF8.self)
  }

  /// FNV-1a 64 of `text(write)`'s UTF-8 bytes, without the text.
  static func fnv1a64(_ write: (inout JSONTextWriter<FNV1a64>) -> Void) -> UInt64 {
    var writer = JSONTextWriter(into: FNV1a64())
    write(&writer)
    writer.sink.append(byte: 0x0A)
    return writer.sink.value
  }
}
