import Foundation
import Testing

/// `--prices` on the command line: a vendor quote priced by OEM part number, and the refusal of an
/// undated quote with exit 2 and no output.
@Suite("plan --prices")
struct PriceBookCommandTests {
  static let quote = Repo.root.appendingPathComponent("Tests/NeoplanKitTests/Catalog/Fixtures/oem-quote.csv").path
  static let spec = Repo.examples.appendingPathComponent("h100-ib-128.yaml").path

  /// The quote's SYS-821GE-TNHR line prices the 128 HGX H100 nodes at 289,000.00 each
  /// (36,992,000.00), dated by --prices-as-of, sourced to the quote's line 2.
  @Test func vendorQuotePricesThePlan() throws {
    let result = try CLI.run([
      "plan", Self.spec, "--format", "json", "--prices", Self.quote, "--prices-as-of", "2026-11-20",
    ])
    #expect(result.exitCode == 0, "\(result)")
    let json = try JSON.parse(result.stdoutText)
    let node = try #require(
      json[path: "bom.lines"]?.array?.first {
        $0[path: "id"]?.string == "hgx-h100-8gpu" && $0[path: "spare"] == .bool(false)
      })
    #expect(node[path: "unitPrice"]?.decimal == 289_000)
    #expect(node[path: "extendedPrice"]?.decimal == 36_992_000)
    #expect(node[path: "asOf"]?.string == "2026-11-20")
    #expect(node[path: "source"]?.string?.hasSuffix("oem-quote.csv:2") == true)
  }

  @Test func undatedQuoteIsRefused() throws {
    let folder = try TempDir.make("prices")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("plan.json")
    let result = try CLI.run(["plan", Self.spec, "--prices", Self.quote, "-o", out.path])
    #expect(result.exitCode == 2)
    #expect(result.stderrText.contains("oem-quote.csv:2:1: error: as_of:"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
