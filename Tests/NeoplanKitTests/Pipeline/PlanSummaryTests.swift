import Foundation
import Testing

@testable import NeoplanKit

/// The plan summary is one value for a plan made in memory and for its saved JSON: the JSON writer
/// writes it, the saved-plan reader reads it back, and `neoplan diff` compares it.
@Suite("Plan summary")
struct PlanSummaryTests {
  @Test(
    "every example: the summary of the plan equals the summary read from its saved JSON",
    arguments: HTMLReportTests.examples)
  func roundTrip(path: String) throws {
    let plan = try HTMLReportTests.plan(path)
    let summary = PlanSummary(plan: plan)
    let read = try PlanSummary(savedPlan: plan.json().rendered(), file: "plan.json")
    #expect(read == summary)
    // The summary is not empty: every BoM line, the node and GPU counts, the finance.
    #expect(read.bom.lines.count == plan.bom.lines.count)
    #expect(read.nodes == plan.design.nodes)
    #expect(read.gpus == plan.design.gpus)
    #expect(read.finance != nil)
    #expect(read.backendTiers.count == (plan.design.backend?.tiers.count ?? 0))
    // Its own Codable form round-trips too.
    let data = try JSONEncoder().encode(summary)
    #expect(try JSONDecoder().decode(PlanSummary.self, from: data) == summary)
  }

  @Test("a saved plan with an edited extended price is a located error")
  func editedSavedPlanIsALocatedError() throws {
    let plan = try HTMLReportTests.plan(try #require(HTMLReportTests.examples.first))
    let text = plan.json().rendered()
    // The first line's extended price is quantity × unit price; 0.01 more is not.
    let first = try #require(plan.bom.lines.first)
    let edited = first.extendedPrice + Money(cents: 1, currency: first.extendedPrice.currency)
    let needle = "\"extendedPrice\": \(first.extendedPrice.plainString)"
    let range = try #require(text.range(of: needle))
    let changed = text.replacingCharacters(in: range, with: "\"extendedPrice\": \(edited.plainString)")
    let error = try #require(throws: InputError.self) { try PlanSummary(savedPlan: changed, file: "edited.json") }
    #expect(error.description.hasPrefix("edited.json:"))
    #expect(error.description.contains("is not quantity × unit price"))
  }

  @Test("a saved plan whose BoM total is not the sum of its lines is a located error")
  func editedTotalIsALocatedError() throws {
    let plan = try HTMLReportTests.plan(try #require(HTMLReportTests.examples.first))
    let text = plan.json().rendered()
    // bom.total is the last key of `bom` (keys sorted); one cent more no longer adds up.
    let total = plan.bom.total
    let edited = total + Money(cents: 1, currency: total.currency)
    let needle = "\"total\": \(total.plainString)\n  },"
    let range = try #require(text.range(of: needle), "bom.total is not where the test expects it")
    let changed = text.replacingCharacters(
      in: range, with: "\"total\": \(edited.plainString)\n  },")
    let error = try #require(throws: InputError.self) { try PlanSummary(savedPlan: changed, file: "edited.json") }
    #expect(error.description.hasPrefix("edited.json:"))
    #expect(error.description.contains("bom.total: \(edited.plainString) is not the sum of the lines"))
  }

  @Test("every example: a spec diffed against its own saved plan shows no change", arguments: HTMLReportTests.examples)
  func specAgainstItsSavedPlan(path: String) throws {
    let catalog = TestCatalog.embedded
    let plan = try HTMLReportTests.plan(path)
    let spec = DiffInput(plan: plan, file: "spec.yaml")
    let saved = try DiffInput.parse(plan.json().rendered(), file: "plan.json", catalog: catalog)
    #expect(saved.kind == .plan)
    let report = try DiffCheck.compare(spec, saved, catalog: catalog)
    #expect(!report.hasDifferences)
    #expect(report.finance?.count == FinanceMetric.allCases.count)
    #expect(report.fieldGroups.map(\.name) == ["design"])
    #expect(report.text().contains("No differences."))
  }

  @Test("a power figure is read with its unit: kW changes show one decimal, whatever the key")
  func unitsComeFromTheSummary() throws {
    let catalog = TestCatalog.embedded
    let plan = try HTMLReportTests.plan(
      try #require(HTMLReportTests.examples.first { $0.hasSuffix("h100-ib-128.yaml") }))
    let power = try #require(PlanSummary(plan: plan).figure("facility.itPowerKW")?.measure)
    #expect(power.unit == .kilowatts)
    guard case .object(var document) = plan.json(), case .object(var facility)? = document["facility"] else {
      Issue.record("the plan JSON has no facility object")
      return
    }
    // The saved plan's IT power raised by 1.25 kW: one design change, in kW, delta exactly +1.25;
    // shown with one decimal as kW (1.25 → 1.2, half-even), with up to three as a ratio (1.25).
    facility["itPowerKW"] = .number(NumberFormat.plain(power.value + Decimal(string: "1.25")!))
    document["facility"] = .object(facility)
    let edited = try DiffInput.parse(JSONValue.object(document).rendered(), file: "edited.json", catalog: catalog)
    let report = try DiffCheck.compare(DiffInput(plan: plan, file: "spec.yaml"), edited, catalog: catalog)
    let changes = report.fieldGroups.first { $0.name == "design" }?.changes ?? []
    #expect(changes.map(\.path) == ["facility.itPowerKW"])
    #expect(changes.first?.unit == .kilowatts)
    #expect(changes.first?.delta == Decimal(string: "1.25"))
    #expect(DiffViewModel.number(Decimal(string: "1.25")!, unit: .kilowatts) == "1.2")
    #expect(DiffViewModel.number(Decimal(string: "1.25")!, unit: .ratio) == "1.25")
  }
}
