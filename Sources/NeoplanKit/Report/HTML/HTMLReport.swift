import Foundation

/// Renders the HTML reports: one self-contained file each (inline CSS and SVG, no scripts, no
/// external requests).
public enum HTMLReport {
  /// Which report.
  public enum Kind: String, Sendable {
    case quote, plan
  }

  /// Renders `kind` for `plan` with the templates (embedded, or overridden by `templatesDirectory`).
  public static func render(
    _ kind: Kind, plan: Plan, options: ReportOptions, templatesDirectory: String? = nil
  ) throws -> String {
    let templates = try ReportTemplates.load(overrideDirectory: templatesDirectory)
    let locale = try ReportLocale.load(options.language, templateDirectories: templates.directories)
    let model = ReportViewModel(plan: plan, locale: locale, options: options)
    let context = kind == .quote ? model.quoteContext() : model.planContext()
    return try templates.render(context, template: "\(kind.rawValue).html")
  }
}
