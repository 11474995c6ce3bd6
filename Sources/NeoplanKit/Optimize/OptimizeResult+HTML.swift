import Foundation

extension OptimizeResult {
  /// The self-contained HTML page (`neoplan optimize --format html`), rendered from
  /// `optimize.html.mustache` (embedded, or overridden from `templatesDirectory`) in `language`.
  public func html(
    name: String, currency: String, language: ReportLanguage = .en, templatesDirectory: String? = nil
  ) throws -> String {
    let templates = try ReportTemplates.load(overrideDirectory: templatesDirectory)
    let locale = try ReportLocale.load(language, templateDirectories: templates.directories)
    return try html(name: name, currency: currency, templates: templates, locale: locale)
  }

  /// The page rendered with templates and a locale already loaded.
  public func html(name: String, currency: String, templates: ReportTemplates, locale: ReportLocale) throws
    -> String
  {
    let model = OptimizeViewModel(result: self, name: name, currency: currency, locale: locale)
    return try templates.render(model.context(), template: "optimize.html")
  }
}
