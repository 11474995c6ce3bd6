import Foundation

extension DiffReport {
  /// The self-contained HTML report (`neoplan diff --format html`), rendered from
  /// `diff.html.mustache` (embedded, or overridden from `templatesDirectory`) in `language`.
  public func html(language: ReportLanguage = .en, templatesDirectory: String? = nil) throws -> String {
    try html(resources: try ReportResources.load(language: language, templatesDirectory: templatesDirectory))
  }

  /// The HTML report rendered with templates and strings the caller loaded; reads no file.
  public func html(resources: ReportResources) throws -> String {
    try resources.templates.render(
      DiffViewModel(report: self, locale: resources.locale).context(), template: "diff.html")
  }
}

/// Builds the Mustache context of the diff report. All arithmetic and formatting happens here; the
/// template only places strings, escaped with `{{ }}`. Text from the inputs (descriptions, ids,
/// file names) is stripped of characters XML cannot carry.
public struct DiffViewModel {
  let report: DiffReport
  let locale: ReportLocale

  /// Creates a builder.
  public init(report: DiffReport, locale: ReportLocale) {
    self.report = report
    self.locale = locale
  }

  /// The whole context: `L` (labels), `header`, `summary`, `totals`, `categories`, `lines`,
  /// `matching`, `groups`, `finance`, `notes`.
  public func context() -> [String: Any] {
    let changed = report.changedLines
    let financeRows = financeRows()
    let groups = fieldGroups()
    let context: [String: Any] = [
      "L": locale.strings,
      "header": header(),
      "summary": summary(),
      "identical": !report.hasDifferences,
      "verdict": verdict(),
      "scopeGap": scopeGap(),
      "hasBreakdown": report.total.a != report.total.b || !changed.isEmpty,
      "breakdown": breakdownRows(),
      "totals": totals(),
      "categories": categories(),
      "hasLines": !changed.isEmpty,
      "lineGroups": lineGroups(changed),
      "unchangedNote": unchangedNote(changed),
      "hasUnchanged": report.lines.count > changed.count,
      "hasMatching": !matchingRows().isEmpty,
      "matching": matchingRows(),
      "hasGroups": !groups.isEmpty,
      "groups": groups,
      "hasFinance": !financeRows.isEmpty,
      "finance": financeRows,
      "financeBasis": locale.t("diff_finance_basis", ["currency": report.currency]),
      "financeMissing": report.finance == nil && report.a.kind != .csv && report.b.kind != .csv,
      "hasNotes": !report.notes.isEmpty,
      "notes": report.notes,
      "version": NeoplanInfo.version,
    ]
    return DiffViewModel.cleaned(context) as? [String: Any] ?? context
  }
}
