import Foundation
import Testing

@testable import NeoplanKit

@Suite("risk: reports")
struct RiskReportTests {
  static let yaml = """
    as_of: 2026-11-15
    compute: {node: hgx-h100-8gpu, nodes: 16}
    finance:
      contract: {share: 0.5, price: 2.10, term_months: 24}
      financing: {debt_share: 0.5, interest_rate: 0.12, term_months: 36}
    risk:
      paths: 120
      seed: 5

    """

  @Test func jsonHasTheDocumentedKeysAndIsTheSameOnOneOrTwoThreads() throws {
    let plan = try TestCatalog.plan(Self.yaml)
    let risk = plan.riskAssumptions()
    let one = plan.riskJSONDocument(plan.runRisk(risk, threads: 1), risk: risk).rendered()
    let two = plan.riskJSONDocument(plan.runRisk(risk, threads: 2), risk: risk).rendered()
    #expect(one == two)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any])
    let r = try #require(object["risk"] as? [String: Any])
    #expect(r["paths"] as? Int == 120)
    #expect(r["seed"] as? String == "5")
    let irr = try #require(r["projectIRR"] as? [String: Any])
    #expect(Set(irr.keys).isSuperset(of: ["p5", "p10", "p50", "p90", "p95", "plan", "paths"]))
    #expect(r["npv"] is [String: Any])
    #expect(r["probabilityOfLoss"] is NSNumber)
    #expect(r["probabilityOfBreach"] is NSNumber)
    #expect((r["drivers"] as? [Any])?.isEmpty == false)
  }

  @Test func quoteGainsARiskPageInBothLanguages() throws {
    let plan = try TestCatalog.plan(Self.yaml)
    let result = plan.runRisk(plan.riskAssumptions(), threads: 2)
    for language in [ReportLanguage.en, .zhCN] {
      var options = ReportOptions(language: language)
      let without = try HTMLReport.render(.quote, plan: plan, options: options)
      #expect(!without.contains("class=\"page risk\""))
      options.risk = result
      let html = try HTMLReport.render(.quote, plan: plan, options: options)
      #expect(html.contains("class=\"page risk\""))
      #expect(xmlProblems(html) == nil)
      #expect(html.range(of: #"\[[a-z_]+\]"#, options: .regularExpression) == nil)
      // The card shows the engine's probability, formatted once.
      let expected = String(format: "%.1f%%", result.probabilityOfLoss * 100)
      let card =
        "<div class=\"label\">\(language == .en ? "Probability of loss (NPV &lt; 0)" : "亏损概率（净现值 &lt; 0）")</div>"
      #expect(html.contains(card + "<div class=\"value\">\(expected)</div>"))
    }
  }

  @Test func riskPageAloneIsWellFormedInBothLanguages() throws {
    let plan = try TestCatalog.plan(Self.yaml)
    var options = ReportOptions()
    options.risk = plan.runRisk(plan.riskAssumptions(), threads: 2)
    for language in [ReportLanguage.en, .zhCN] {
      options.language = language
      let html = try HTMLReport.render(.risk, plan: plan, options: options)
      #expect(html.contains("class=\"page risk\""))
      #expect(xmlProblems(html) == nil)
      #expect(!html.contains("<script"))
      #expect(html.range(of: #"\[[a-z_]+\]"#, options: .regularExpression) == nil)
    }
  }

  @Test func textShowsNegativePercentagesWithTheirSign() throws {
    let plan = try TestCatalog.plan(Self.yaml)
    var risk = plan.riskAssumptions().collapsed
    risk.paths = 3
    let text = plan.riskText(plan.runRisk(risk, threads: 1))
    let irr = try #require(plan.finance.projectIRR.annual)
    #expect(text.contains(NumberFormat.percent(irr)))
  }
}
