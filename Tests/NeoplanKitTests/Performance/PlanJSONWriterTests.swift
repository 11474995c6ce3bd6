import Foundation
import Testing

@testable import NeoplanKit

/// The plan's JSON is written once, through `JSONWriter`; the text and the quote id come out of
/// `JSONTextWriter` with keys in the order the code gives them, the tree out of `JSONTreeWriter`,
/// whose `rendered()` sorts every object's keys itself (a dictionary has no order). So text ==
/// `json().rendered()` checks that every object's members are written in key order, once each,
/// and the layout; the snapshot of every example's outputs checks that the text is unchanged.
@Suite("Plan JSON written without a tree")
struct PlanJSONWriterTests {
  /// FNV-1a 64 of the UTF-8 bytes, byte by byte (the definition; `QuoteIDHashTests` checks it
  /// against published vectors).
  static func fnv(_ text: String) -> UInt64 { QuoteIDHashTests.fnvOfText(text) }

  /// The quote id as it was computed from the text: `NP-` and the first 12 of 16 upper-case hex
  /// digits of the hash.
  static func quoteID(ofText text: String) -> String {
    let hex = String(fnv(text), radix: 16, uppercase: true)
    return "NP-" + (String(repeating: "0", count: 16 - hex.count) + hex).prefix(12)
  }

  /// Every output made from one plan agrees with the tree's rendering.
  static func check(_ plan: Plan, _ label: String) {
    let reference = plan.json().rendered()
    let text = plan.jsonText()
    #expect(text == reference, "\(label): plan text")
    if text != reference {
      let a = text.split(separator: "\n", omittingEmptySubsequences: false)
      let b = reference.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
      Issue.record("\(label): first difference at line \(first.map { $0.offset + 1 } ?? min(a.count, b.count))")
    }
    #expect(plan.jsonFNV1a64() == fnv(reference), "\(label): hash")
    #expect(ReportViewModel.quoteID(for: plan) == quoteID(ofText: reference), "\(label): quote id")
    #expect(plan.financeJSONText() == plan.financeJSONDocument().rendered(), "\(label): tco text")
  }

  @Test("every example: text, hash and quote id == the tree's rendering", arguments: HTMLReportTests.examples)
  func examples(path: String) throws {
    Self.check(try HTMLReportTests.plan(path), path)
  }

  /// Finance and design variants the examples do not all show: every price path, hosting instead
  /// of colocation, each debt sizing, contract lists with prepayments, a single contract, zero
  /// utilization (break-even reasons), a flat draw, no storage, no frontend, no backend.
  static let variants: [String] = [
    """
    finance: {price_path: {kind: none}, hosting_per_node_month: 2500,
      contracts: [{name: anchor, share: 0.6, price: 2.2, term_months: 48, prepayment: 0.2},
                  {name: spot, share: 0.1, price: 2.4, term_months: 12}],
      financing: {advance_rate: 0.65, amortization: straight-line}}
    """,
    """
    finance: {price_path: {kind: per-year, multipliers: [1, 0.8, 0.65, 0.55, 0.5]}, utilization: 0,
      contract: {share: 0.5, price: 2.1, term_months: 36}, average_draw: 0.8,
      financing: {target_dscr: 1.3, term_months: 36}, tax: {rate: 0.21, depreciation_years: 5, loss_cap: none}}
    """,
    """
    finance: {price_path: {kind: annual, annual_decline: 0.2}, target_irrs: [0.15, 0.2],
      financing: {debt_share: 0.5, interest_during_construction: paid}, lead_time_months: 4}
    """,
  ]

  @Test("finance and design variants: text, hash and quote id == the tree's rendering", arguments: 0..<3)
  func variants(index: Int) throws {
    let storage = index == 0 ? "" : "storage: {capacity_pb: 1.5}\n"
    let frontend = index == 1 ? "none" : "ethernet"
    let yaml = """
      as_of: 2026-11-15
      compute: {node: hgx-h100-8gpu, nodes: 32}
      backend: {kind: infiniband, switch: nvidia-qm9700}
      frontend: {kind: \(frontend)}
      \(storage)\(Self.variants[index])

      """
    Self.check(try TestCatalog.plan(yaml), "variant \(index)")
  }

  @Test func noBackendFabric() throws {
    let yaml = """
      as_of: 2026-11-15
      compute: {node: hgx-h100-8gpu, nodes: 8}
      backend: {kind: none}
      frontend: {kind: ethernet}

      """
    let plan = try TestCatalog.plan(yaml)
    Self.check(plan, "no backend")
    #expect(!plan.jsonText().contains("perTier"))
  }

  /// Writes `value` through `writer`, objects' members in key order.
  static func replay<W: JSONWriter>(_ value: JSONValue, into writer: inout W) {
    switch value {
    case .object(let members):
      writer.beginObject()
      for (key, member) in members.sorted(by: { $0.key < $1.key }) {
        writer.key(key)
        replay(member, into: &writer)
      }
      writer.endObject()
    case .array(let items):
      writer.beginArray()
      for item in items { replay(item, into: &writer) }
      writer.endArray()
    default: writer.value(value)
    }
  }

  /// A random tree of depth at most `depth`: empty and nested containers, every scalar kind, keys
  /// that need escaping.
  static func randomValue(depth: Int, _ rng: inout some RandomNumberGenerator) -> JSONValue {
    let keys = ["a", "b", "B", "ab", "a<b", "é", "x\"y", "", "10", "9"]
    switch Int.random(in: 0..<(depth > 0 ? 9 : 6), using: &rng) {
    case 0: return .string(keys.randomElement(using: &rng) ?? "")
    case 1: return .int(Int.random(in: -1000...1000, using: &rng))
    case 2: return .number("12.50")
    case 3: return .bool(Bool.random(using: &rng))
    case 4: return .null
    case 5: return .money(Money(cents: Int64.random(in: -99_999...99_999, using: &rng), currency: "USD"))
    case 6, 7:
      var members: [String: JSONValue] = [:]
      for _ in 0..<Int.random(in: 0...4, using: &rng) {
        members[keys.randomElement(using: &rng) ?? ""] = randomValue(depth: depth - 1, &rng)
      }
      return .object(members)
    default:
      return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in randomValue(depth: depth - 1, &rng) })
    }
  }

  /// Random trees, containers given to the writers piece by piece, and whole trees given as one
  /// value: the text writer writes `rendered()`'s bytes, the tree writer rebuilds the tree.
  @Test func randomTreesThroughBothWriters() {
    var rng = SplitMix64(seed: 13, path: 0)
    for _ in 0..<500 {
      let value = Self.randomValue(depth: 4, &rng)
      #expect(JSONDocument.text { Self.replay(value, into: &$0) } == value.rendered())
      #expect(JSONDocument.fnv1a64 { Self.replay(value, into: &$0) } == Self.fnv(value.rendered()))
      #expect(JSONDocument.tree { Self.replay(value, into: &$0) } == value)
      #expect(JSONDocument.text { $0.value(value) } == value.rendered())
    }
  }

  /// The layout by hand: members one per line at two spaces a level, `"key": value`, commas
  /// between members, empty containers inline, a final newline.
  @Test func layoutByHand() {
    let text = JSONDocument.text { w in
      w.object { w in
        w.array("a") { w in
          w.value(.int(1))
          w.object { _ in }
          w.beginArray()
          w.endArray()
        }
        w.object("b") { $0.field("c", .string("<")) }
        w.field("d", .null)
      }
    }
    let expected = """
      {
        "a": [
          1,
          {},
          []
        ],
        "b": {
          "c": "\\u003c"
        },
        "d": null
      }

      """
    #expect(text == expected)
  }

  /// Money written digit by digit == `Money.plainString` (what `JSONValue.money` holds): signs,
  /// zero, one-digit and two-digit cents, the extremes of `Int64`.
  @Test func moneyDigitsEqualPlainString() {
    var cents: [Int64] = [0, 1, -1, 5, 10, 99, 100, -100, 101, 12_345, -1_000_005, .max, .min, .max - 1, .min + 1]
    var rng = SplitMix64(seed: 11, path: 0)
    for _ in 0..<2000 { cents.append(Int64.random(in: -10_000_000_000...10_000_000_000, using: &rng)) }
    for amount in cents.map({ Money(cents: $0, currency: "USD") }) {
      #expect(JSONDocument.text { $0.money(amount) } == amount.plainString + "\n", "\(amount.cents)")
      #expect(JSONDocument.tree { $0.money(amount) } == .money(amount))
      #expect(JSONDocument.fnv1a64 { $0.money(amount) } == Self.fnv(amount.plainString + "\n"))
    }
  }
}
