import Foundation

/// Renders the HTML reports: one self-contained file each (inline CSS and SVG, no scripts, no
/// external requests).
public enum HTMLReport {
  /// Which report.
  public enum Kind: String, Sendable {
    case quote, plan
    /// The risk page alone (needs ``ReportOptions/risk``).
    case risk
  }

  /// Renders `kind` for `plan` with the templates (embedded, or overridden by `templatesDirectory`).
  public static func render(
    _ kind: Kind, plan: Plan, options: ReportOptions, templatesDirectory: String? = nil
  ) throws -> String {
    let templates = try ReportTemplates.load(overrideDirectory: templatesDirectory)
    let locale = try ReportLocale.load(options.language, templateDirectories: templates.directories)
    let model = ReportViewModel(plan: plan, locale: locale, options: options)
    let context: [String: Any]
    switch kind {
    case .quote: context = model.quoteContext()
    case .plan: context = model.planContext()
    case .risk: context = model.riskPageContext()
    }
    return try templates.render(context, template: "\(kind.rawValue).html")
  }
}
