import Foundation

/// Runs one untrusted input through spec and catalog decoding and the whole pipeline
/// (plan → text, JSON, CSV, and the HTML plan and quote in every language), and says whether
/// the promises of docs/reliability.md held. The libFuzzer harness (Fuzz/) and the corpus
/// regression tests both call it.
///
/// Input layout: spec text, optionally followed by ``catalogMarker`` and the text of a catalog
/// file that is merged over the embedded catalog; or ``diffMarker`` and one side of a diff (a
/// saved plan JSON, a BoM CSV or a vendor quote), read, compared with itself and rendered.
public enum PipelineProbe {
  /// What happened to one input.
  public enum Outcome: Sendable, Equatable {
    /// Planned and rendered every format.
    case planned
    /// Refused with located errors only.
    case refused
    /// A promise was broken (an unlocated error, an unexpected error type, an empty output).
    case violation(String)
  }

  /// Separates the spec from an extra catalog file in one input.
  public static let catalogMarker = "\n#%catalog\n"

  /// Starts an input that is one side of `neoplan diff` rather than a spec.
  public static let diffMarker = "#%diff\n"

  /// The embedded catalog, loaded once.
  private static let baseCatalog: Catalog? = try? CatalogLoader.load(extraDirectories: [])

  /// Runs `data` through the pipeline.
  public static func run(_ data: Data) -> Outcome {
    do {
      let text = try InputText.decode(data, file: "fuzz.yaml")
      guard var catalog = baseCatalog else { return .violation("the embedded catalog does not load") }
      if text.hasPrefix(diffMarker) {
        return try diffSide(String(text.dropFirst(diffMarker.count)), catalog: catalog)
      }
      var specText = text
      if let marker = text.range(of: catalogMarker) {
        specText = String(text[..<marker.lowerBound])
        let parts = try CatalogLoader.parse(String(text[marker.upperBound...]), file: "fuzz-catalog.yaml")
        catalog.merge(Catalog(parts: parts))
        let problems = catalog.referenceProblems()
        if !problems.isEmpty { throw InputError(problems) }
      }
      let spec = try ClusterSpec.parse(specText, file: "fuzz.yaml", catalog: catalog)
      let plan = try Plan.make(spec)
      var outputs = [plan.text(), plan.json().rendered(), plan.csv()]
      for language in ReportLanguage.allCases {
        let options = ReportOptions(language: language)
        let resources = try ReportResources.load(language: language, templatesDirectory: nil)
        outputs.append(try HTMLReport.render(.plan, plan: plan, options: options, resources: resources))
        outputs.append(try HTMLReport.render(.quote, plan: plan, options: options, resources: resources))
      }
      if let empty = outputs.firstIndex(where: \.isEmpty) { return .violation("output \(empty) is empty") }
      return .planned
    } catch let error as InputError {
      return refused(error)
    } catch {
      return .violation("unexpected error \(type(of: error)): \(error)")
    }
  }

  /// One diff side read as `neoplan diff` reads a file, compared with itself (no differences
  /// expected) and rendered in every format and language.
  static func diffSide(_ text: String, catalog: Catalog) throws -> Outcome {
    let side = try DiffInput.parse(text, file: "fuzz-side", catalog: catalog)
    let report = try BillOfMaterialsDiff.compare(side, side, catalog: catalog)
    if report.hasDifferences { return .violation("a diff side differs from itself") }
    var outputs = [report.text(), report.json().rendered(), report.csv()]
    for language in ReportLanguage.allCases {
      outputs.append(try report.html(resources: try ReportResources.load(language: language, templatesDirectory: nil)))
    }
    if let empty = outputs.firstIndex(where: \.isEmpty) { return .violation("diff output \(empty) is empty") }
    return .planned
  }

  /// The outcome of an input error: refused when every error is located.
  static func refused(_ error: InputError) -> Outcome {
    for diagnostic in error.diagnostics where diagnostic.severity == .error {
      guard let location = diagnostic.location, location.line >= 1, location.column >= 1 else {
        return .violation("error without file:line:col: \(diagnostic.description)")
      }
    }
    return error.diagnostics.isEmpty ? .violation("an input error with no diagnostic") : .refused
  }
}
