import Foundation

extension OptimizeResult {
  /// The self-contained HTML page (`neoplan optimize --format html`), rendered from
  /// `optimize.html.mustache` (embedded, or overridden from `templatesDirectory`) in `language`.
  public func html(
    name: String, currency: String, language: ReportLanguage = .en, templatesDirectory: String? = nil
  ) throws -> String {
    try html(
      name: name, currency: currency,
      resources: try ReportResources.load(language: language, templatesDirectory: templatesDirectory))
  }

  /// The page rendered with templates and strings the caller loaded; reads no file.
  public func html(name: String, currency: String, resources: ReportResources) throws -> String {
    let model = OptimizeViewModel(result: self, name: name, currency: currency, locale: resources.locale)
    return try resources.templates.render(model.context(), template: "optimize.html")
  }
}
