/// Gathers the diagnostics of one planning run as it passes through the stages (spec, sizing,
/// pricing, finance), each located at the spec key it is about when that key was written.
///
/// A value passed `inout` from stage to stage: the order of ``diagnostics`` is the order they
/// were reported, so the same spec gives the same list.
public struct DiagnosticCollector: Sendable {
  /// Every diagnostic reported, in order.
  public private(set) var diagnostics: [Diagnostic] = []
  /// Where each spec key was written, by dotted key path.
  public var locations: [String: SourceLocation]

  /// Creates an empty collector that locates key paths in `locations`.
  public init(locations: [String: SourceLocation] = [:]) {
    self.locations = locations
  }

  /// Creates a collector for `spec`'s run, holding the warnings its decoding found.
  public init(spec: ClusterSpec) {
    self.init(locations: spec.locations)
    for warning in spec.warnings { report(warning) }
  }

  /// The warnings and notes, in order.
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity != .error } }
  /// The errors, in order.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// Adds a diagnostic; one without a location gets its key path's (or the nearest written
  /// parent key's) location.
  public mutating func report(_ diagnostic: Diagnostic) {
    var diagnostic = diagnostic
    if diagnostic.location == nil, let location = location(of: diagnostic.keyPath) {
      diagnostic.location = location
      diagnostic.file = location.file
    }
    diagnostics.append(diagnostic)
  }

  /// Adds a translatable warning about the spec key `keyPath` (`""` when it concerns no key).
  public mutating func warn(_ code: String, _ values: [String: String] = [:], text: String, at keyPath: String = "") {
    report(Diagnostic(code, values, text: text, keyPath: keyPath))
  }

  /// Where `keyPath` (or its nearest written parent) is in the spec; `nil` when neither was written.
  public func location(of keyPath: String) -> SourceLocation? {
    var path = keyPath
    while !path.isEmpty {
      if let location = locations[path] { return location }
      guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
      path = String(path[..<cut])
    }
    return nil
  }

  /// Throws the errors reported so far, if any, as one ``InputError``.
  public func throwIfErrors() throws(InputError) {
    let errors = errors
    if !errors.isEmpty { throw InputError(errors) }
  }
}
