import Foundation
import Testing

@testable import NeoplanKit

/// Orderings between catalog prices that must hold whatever the prices are: they follow from
/// what the parts are (two links cost more than one, single-mode optics more than multimode, a
/// DGX more than the HGX it is built from), not from any source. Run over the real embedded
/// catalog; `oldAuditPricesAreCaught` shows the check fails on the prices the 2026-11-29 audit
/// found (a twin-port module cheaper than a single-port one).
@Suite("Catalog: price orderings")
struct CatalogOrderingTests {
  /// One ordering that does not hold: `cheaper` should cost less than `dearer`.
  struct Violation: CustomStringConvertible, Equatable {
    var rule: String
    var cheaper: String
    var dearer: String
    var description: String { "\(rule): \(cheaper) should cost less than \(dearer)" }
  }

  static func amount(_ part: Part) -> Decimal { part.price.amount.major }

  /// `cheaper` < `dearer` (or ≤ when `strict` is false), compared only in the same currency.
  static func check(
    _ rule: String, _ cheaper: Part, _ dearer: Part, strict: Bool = true, into violations: inout [Violation]
  ) {
    guard cheaper.price.amount.currency == dearer.price.amount.currency else { return }
    let a = amount(cheaper)
    let b = amount(dearer)
    if strict ? !(a < b) : !(a <= b) {
      violations.append(Violation(rule: rule, cheaper: cheaper.id, dearer: dearer.id))
    }
  }

  /// Every ordering violated in `catalog`.
  static func violations(_ catalog: Catalog) -> [Violation] {
    var found: [Violation] = []
    let modules = catalog.parts.compactMap { part -> (Part, TransceiverSpecs)? in
      if case .transceiver(let t) = part.specs { return (part, t) }
      return nil
    }
    for (a, ta) in modules {
      for (b, tb) in modules
      where a.id != b.id && ta.formFactor == tb.formFactor && ta.portSpeedGbps == tb.portSpeedGbps {
        // A twin-port module carries two links: dearer than a single-port module of the same media.
        if ta.media == tb.media && ta.ports < tb.ports {
          check("twin-port > single-port (\(ta.media) \(ta.portSpeedGbps)G)", a, b, into: &found)
        }
        // Single-mode optics cost more than multimode of the same form, ports and speed.
        if ta.ports == tb.ports && ta.media == "multimode" && tb.media == "singlemode" {
          check("single-mode > multimode (\(ta.ports)-port \(ta.portSpeedGbps)G)", a, b, into: &found)
        }
      }
    }
    let cables = catalog.parts.compactMap { part -> (Part, CableSpecs)? in
      if case .cable(let c) = part.specs { return (part, c) }
      return nil
    }
    for (a, ca) in cables {
      for (b, cb) in cables where ca.links == cb.links {
        if ca.media == "mmf" && cb.media == "smf" { check("single-mode fibre > multimode fibre", a, b, into: &found) }
        if ca.media == "dac" && cb.media == "acc" { check("active copper > passive copper", a, b, into: &found) }
      }
    }
    // A copper splitter costs less than the optics and fibre it replaces (one twin-port switch
    // module, one NIC module per link and one fibre per link).
    if let twin = catalog["nvidia-osfp-2x400g-sr8"], let nicModule = catalog["nvidia-osfp-400g-sr4-flat"],
      let fibre = catalog["mpo12-apc-mmf-30m"]
    {
      for (copper, spec) in cables where spec.media == "dac" || spec.media == "acc" {
        let optics = amount(twin) + Decimal(spec.links) * (amount(nicModule) + amount(fibre))
        if !(amount(copper) < optics) {
          found.append(
            Violation(rule: "copper splitter < the optics it replaces", cheaper: copper.id, dearer: "optics"))
        }
      }
    }
    // A DGX costs more than an HGX server with the same GPU.
    let nodes = catalog.parts.compactMap { part -> (Part, GPUNodeSpecs)? in
      if case .gpuNode(let n) = part.specs { return (part, n) }
      return nil
    }
    for (dgx, dgxSpecs) in nodes where dgx.model.hasPrefix("DGX") {
      for (hgx, hgxSpecs) in nodes where hgx.model.contains("HGX") && hgxSpecs.gpuModel == dgxSpecs.gpuModel {
        check("DGX > HGX (\(dgxSpecs.gpuModel))", hgx, dgx, into: &found)
      }
    }
    // The managed switch costs at least as much as its unmanaged twin.
    if let managed = catalog["nvidia-qm9700"], let unmanaged = catalog["nvidia-qm9790"] {
      check("managed ≥ unmanaged", unmanaged, managed, strict: false, into: &found)
    }
    return found
  }

  /// The embedded catalog keeps every ordering, except the DGX H100 against the HGX H100 quotes:
  /// SemiAnalysis' 2023 DGX H100 sale price ($270k) sits below the 2024 Thinkmate HGX quote
  /// ($317k) and equals the SemiAnalysis HGX default ($270k). No DGX H100 quote was found to fix
  /// it, so it is recorded as a known issue; once dgx-h100 is re-priced the known issue stops
  /// occurring and this test fails until the `withKnownIssue` is removed.
  @Test func embeddedCatalogKeepsTheOrderings() {
    let all = Self.violations(TestCatalog.embedded)
    let dgxH100 = all.filter { $0.dearer == "dgx-h100" }
    let others = all.filter { $0.dearer != "dgx-h100" }
    #expect(others.isEmpty, "\(others)")
    withKnownIssue("dgx-h100 ($270k, 2023-05) is not above the HGX H100 quotes ($270k, $317k); needs a DGX H100 quote")
    {
      for violation in dgxH100 { Issue.record("\(violation)") }
    }
  }

  /// The rules see the orderings the checks are about: there are twin- and single-port modules
  /// of both media, both fibres, both copper splitters and a DGX/HGX pair in the catalog (a
  /// check over an empty set would pass without testing anything).
  @Test func rulesHaveSomethingToCompare() throws {
    let catalog = TestCatalog.embedded
    for id in [
      "nvidia-osfp-2x400g-sr8", "nvidia-osfp-400g-sr4-flat", "nvidia-osfp-2x400g-dr8", "nvidia-osfp-400g-dr4-flat",
      "mpo12-apc-mmf-30m", "mpo12-apc-smf-100m", "nvidia-dac-osfp-2x400g-2m", "nvidia-acc-osfp-2x400g-5m",
      "dgx-b200", "hgx-b200-8gpu",
    ] {
      #expect(catalog[id] != nil, "\(id) missing")
    }
  }

  /// The audit's findings, replayed: with the twin-port SR8 modules back at $730 (below the
  /// $750 single-port SR4) and the DGX B200 at $400k (below the $415k HGX B200 estimate), the
  /// check reports exactly those orderings.
  @Test func oldAuditPricesAreCaught() throws {
    var catalog = TestCatalog.embedded
    for (id, price) in [
      ("nvidia-osfp-2x400g-sr8", "730"), ("nvidia-osfp-2x400g-sr8-flat", "730"), ("dgx-b200", "400000"),
    ] {
      var part = try #require(catalog[id])
      part.price.amount = try #require(Money(major: Decimal(string: price)!, currency: "USD"))
      catalog.merge(Catalog(parts: [part]))
    }
    let found = Self.violations(catalog).filter { $0.dearer != "dgx-h100" }
    #expect(
      found.contains(
        Violation(
          rule: "twin-port > single-port (multimode 400G)", cheaper: "nvidia-osfp-400g-sr4-flat",
          dearer: "nvidia-osfp-2x400g-sr8")))
    #expect(
      found.contains(
        Violation(
          rule: "twin-port > single-port (multimode 400G)", cheaper: "nvidia-osfp-400g-sr4-flat",
          dearer: "nvidia-osfp-2x400g-sr8-flat")))
    #expect(found.contains(Violation(rule: "DGX > HGX (B200 SXM 180GB)", cheaper: "hgx-b200-8gpu", dearer: "dgx-b200")))
    #expect(found.count == 3, "\(found)")
  }
}
