import Foundation
import Testing

@testable import NeoplanKit

/// `catalog validate` warns when a price's as_of is later than the date its source carries
/// (docs/catalog.md, "Source dates").
@Suite("Catalog: source dates")
struct SourceDateTests {
  @Test(arguments: [
    ("https://vengineer.hatenablog.com/entry/2025/03/16/080000", "2025-03-16"),
    ("https://blocksandfiles.com/2025/08/08/solidigm-vast-study/", "2025-08-08"),
    ("https://semianalysis.com/2024/06/17/100000-h100-clusters-power-network/", "2024-06-17"),
    ("https://example.com/blog/2024/08/some-post", "2024-08"),
    ("https://example.com/news/2024-06-17-launch?ref=2030/01/01", "2024-06-17"),
  ])
  func urlDates(url: String, expected: String) throws {
    let date = try #require(SourceDate.fromURL(url))
    #expect(date.description == expected)
  }

  @Test(arguments: [
    "https://docs.google.com/spreadsheets/d/1Ft3RbeZ-w43kYSiLfYc1vxO41mK5lmJpcPC9GOYHAWc",
    "https://php.xlycwl.com/faq/1963438.html",
    "https://example.com/2024/13/not-a-month",
    "neoplan estimate 2026-11-21 (no public price retrieved)",
    "https://www.2024.example.com/",
  ])
  func noURLDate(source: String) {
    #expect(SourceDate.fromURL(source) == nil)
  }

  /// A month-only source date covers the whole month; a day date only itself.
  @Test func comparisonAtTheSourcePrecision() throws {
    let august = try #require(SourceDate.fromURL("https://x.org/2024/08/p"))
    #expect(!august.isEarlier(than: try #require(Day("2024-08-31"))))
    #expect(august.isEarlier(than: try #require(Day("2024-09-01"))))
    #expect(!august.isEarlier(than: try #require(Day("2023-12-31"))))
    let day = try #require(SourceDate.fromURL("https://x.org/2025/03/16/p"))
    #expect(!day.isEarlier(than: try #require(Day("2025-03-16"))))
    #expect(day.isEarlier(than: try #require(Day("2025-03-17"))))
  }

  static func part(_ id: String, asOf: String, source: String, sourceDate: String? = nil) -> String {
    """
      - id: \(id)
        kind: cable
        vendor: generic
        model: test cable
        specs: {media: cat6, length_m: 3}
        price:
          amount: 6.00
          currency: USD
          as_of: \(asOf)
          source: "\(source)"
    \(sourceDate.map { "      source_date: \($0)\n" } ?? "")      confidence: list

    """
  }

  /// Two prices dated after their sources (one by URL, one by source_date) are warned about, at
  /// their own lines; a price dated on its source's day, a price older than its source and a
  /// source without a date are not.
  @Test func warningsNameTheLatePrices() throws {
    let text =
      "schema: 1\nparts:\n"
      + Self.part("late-url", asOf: "2025-04-01", source: "https://x.org/entry/2025/03/16/080000")
      + Self.part("late-field", asOf: "2024-02-01", source: "https://x.org/page", sourceDate: "2024-01-01")
      + Self.part("same-day", asOf: "2025-03-16", source: "https://x.org/2025/03/16/p")
      + Self.part("older", asOf: "2024-06-25", source: "https://x.org/2025/03/16/p")
      + Self.part("undated", asOf: "2026-11-29", source: "https://x.org/page")
    let catalog = Catalog(parts: try CatalogLoader.parse(text, file: "t.yaml"))
    let warnings = catalog.sourceDateWarnings()
    #expect(warnings.map(\.keyPath) == ["late-field.price.as_of", "late-url.price.as_of"])
    #expect(warnings.allSatisfy { $0.severity == .warning })
    // Parts start at lines 3, 14, … (each part above is 11 lines long); late-field is the second.
    #expect(warnings.first?.location?.line == 14)
    #expect(
      warnings.first?.description
        == "t.yaml:14:5: warning: late-field.price.as_of: as_of 2024-02-01 is later than the date its source_date is (2024-01-01); expected the date of the figure itself (as_of ≤ 2024-01-01), or a source_date if the URL date is not the page's"
    )
  }

  /// The embedded catalog dates no price after its source.
  @Test func embeddedCatalogHasNoLatePrices() {
    #expect(TestCatalog.embedded.sourceDateWarnings().isEmpty)
  }
}
