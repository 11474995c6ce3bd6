import Foundation

/// What the HTML renderers read: the templates (embedded, overridden by `--templates DIR`) and the
/// strings of one report language. The caller loads them once, before rendering; rendering itself
/// reads no file. Loading reads the text of the templates named (or of all), with the partials
/// they name; a template is parsed only when a report renders it.
public struct ReportResources: Sendable {
  /// The templates.
  public var templates: ReportTemplates
  /// The strings and formatting of the report language.
  public var locale: ReportLocale

  /// Wraps templates and a locale already loaded.
  public init(templates: ReportTemplates, locale: ReportLocale) {
    self.templates = templates
    self.locale = locale
  }

  /// Loads the templates (embedded, with `templatesDirectory` on top) and the strings of `language`
  /// from the same folders; with `rendering`, only those templates (e.g. `quote.html`) and the
  /// partials they name (``ReportTemplates/load(overrideDirectory:rendering:)``).
  public static func load(
    language: ReportLanguage, templatesDirectory: String?, rendering: [String]? = nil
  ) throws -> ReportResources {
    let templates = try ReportTemplates.load(overrideDirectory: templatesDirectory, rendering: rendering)
    let locale = try ReportLocale.load(language, templateDirectories: templates.directories)
    return ReportResources(templates: templates, locale: locale)
  }
}
