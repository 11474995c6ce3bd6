extension ReportTemplates {
  /// `template` rendered by `FastMustache`, or `nil` when it or a partial it names (or a context
  /// value) is outside what that engine handles; swift-mustache then renders it.
  func renderFast(_ context: [String: Any], template: String) -> String? {
    guard let library = fastLibrary(for: template) else { return nil }
    return (try? library.render(template, context: context)) ?? nil
  }

  /// `template` and the partials it reaches, parsed; `nil` if any of them is not handled.
  func fastLibrary(for template: String) -> FastMustache.Library? {
    var parsed: [String: [FastMustache.Node]] = [:]
    var queue = [template]
    while let name = queue.popLast() {
      guard parsed[name] == nil, let source = sources[name] else { continue }
      guard let nodes = FastMustache.parse(source.text) else { return nil }
      parsed[name] = nodes
      queue += FastMustache.partialNames(in: nodes)
    }
    guard parsed[template] != nil else { return nil }
    return FastMustache.Library(templates: parsed)
  }
}

extension FastMustache {
  /// The names of the partials `nodes` include, at any depth.
  static func partialNames(in nodes: [Node]) -> [String] {
    var names: [String] = []
    for node in nodes {
      switch node {
      case .partial(let name, _): names.append(name)
      case .section(_, let children), .inverted(_, let children): names += partialNames(in: children)
      case .text, .variable: break
      }
    }
    return names
  }
}
