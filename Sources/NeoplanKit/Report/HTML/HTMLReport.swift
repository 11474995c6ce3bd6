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

  /// Renders `kind` for `plan` with templates and strings the caller loaded (``ReportResources``);
  /// reads no file. The language is the one of `resources.locale`.
  public static func render(_ kind: Kind, plan: Plan, options: ReportOptions, resources: ReportResources) throws
    -> String
  {
    let model = ReportViewModel(plan: plan, locale: resources.locale, options: options)
    let context: [String: Any]
    switch kind {
    case .quote: context = model.quoteContext()
    case .plan: context = model.planContext()
    case .risk: context = model.riskPageContext()
    }
    return try resources.templates.render(context, template: "\(kind.rawValue).html")
  }

  /// Loads ``ReportResources`` for `options.language` (embedded templates, overridden by
  /// `templatesDirectory`), then renders; for callers that render one report.
  public static func render(
    _ kind: Kind, plan: Plan, options: ReportOptions, templatesDirectory: String? = nil
  ) throws -> String {
    let resources = try ReportResources.load(
      language: options.language, templatesDirectory: templatesDirectory, rendering: ["\(kind.rawValue).html"])
    return try render(kind, plan: plan, options: options, resources: resources)
  }
}
