import Testing

@testable import NeoplanKit

@Suite("Spec decoding: defaults and located errors")
struct SpecDiagnosticsTests {
  func diagnostic(_ yaml: String) -> Diagnostic? {
    do {
      _ = try TestCatalog.plan(yaml)
      return nil
    } catch let error as InputError {
      return error.diagnostics.first
    } catch {
      return nil
    }
  }

  @Test func unknownKeySuggestsNearest() throws {
    let d = try #require(
      diagnostic("as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\nbackend:\n  swich: nvidia-qm9700\n"))
    #expect(d.location?.line == 4)
    #expect(d.location?.column == 3)
    #expect(d.keyPath == "backend.swich")
    #expect(d.description.contains("did you mean 'switch'?"))
  }

  @Test func unknownPartSuggestsNearest() throws {
    let d = try #require(diagnostic("as_of: 2026-11-15\ncompute:\n  node: hgx-h100\n  nodes: 16\n"))
    #expect(
      d.description == "test.yaml:3:9: error: compute.node: unknown part 'hgx-h100'; did you mean 'hgx-h100-8gpu'?")
  }

  @Test func sizeOutOfRange() throws {
    let d = try #require(diagnostic("as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 600}\n"))
    #expect(d.keyPath == "compute.nodes")
    #expect(d.message.contains("600 nodes is outside"))
  }

  @Test func switchWithoutPortSpeed() throws {
    let d = try #require(
      diagnostic(
        "as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\nbackend: {kind: ethernet, switch: nvidia-sn4600c}\n"
      ))
    #expect(d.keyPath == "backend.switch")
    #expect(d.message.contains("no 400 Gb/s ports"))
  }

  @Test func rackTooWeak() throws {
    let d = try #require(
      diagnostic("as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\nfacility: {rack_power_kw: 5}\n"))
    #expect(d.keyPath == "facility.rack_power_kw")
    #expect(d.location?.line == 3)
  }

  @Test func missingExchangeRate() throws {
    let d = try #require(diagnostic("as_of: 2026-11-15\ncurrency: CNY\ncompute: {node: hgx-h100-8gpu, nodes: 16}\n"))
    #expect(d.keyPath == "fx")
    #expect(d.message.contains("no rate from USD to CNY"))
  }

  /// Defaults documented in docs/spec.md.
  @Test func defaults() throws {
    let spec = try TestCatalog.spec("as_of: 2026-11-15\ncompute: {node: hgx-h100-8gpu, nodes: 16}\n")
    #expect(spec.currency == "USD")
    #expect(spec.backend?.kind == .infiniband)
    #expect(spec.backend?.switchPart.id == "nvidia-qm9700")
    #expect(spec.backend?.oversubscription == .nonBlocking)
    #expect(spec.backend?.scalableUnitNodes == 32)
    #expect(spec.frontend?.portSpeedGbps == 100)
    #expect(spec.storage == nil)
    #expect(spec.facility.rackPowerKW == 40)
    #expect(spec.facility.pue == 1.3)
    #expect(spec.software.map(\.id) == ["nvidia-ufm-enterprise"])
  }
}
