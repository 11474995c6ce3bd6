import Foundation
import Testing

@testable import NeoplanKit

/// Interest during construction paid by equity (not added to the loan) is shown as the same
/// amount in the lender view, the sources and uses, the text and both quote languages (a review
/// found the quote showing USD 0.00 for it, the capitalised amount).
@Suite("Interest during construction")
struct InterestDuringConstructionTests {
  static let spec = """
    as_of: 2026-11-21
    compute: {node: hgx-h100-8gpu, nodes: 16}
    finance:
      lead_time_months: 3
      financing: {debt_share: 0.6, interest_during_construction: paid}
    """

  @Test func paidInterestIsShownEverywhere() throws {
    let plan = try TestCatalog.plan(Self.spec)
    let lender = plan.finance.lender
    // The build is months 0…2 (year 0); its interest, summed from the monthly flows.
    let buildInterest = plan.finance.cashFlows.months.filter { $0.year == 0 }.reduce(0) { $0 + $1.interest }
    #expect(buildInterest > 0)
    #expect(lender.capitalisedInterest == 0)
    #expect(lender.interestDuringConstruction == buildInterest)
    let use = try #require(plan.finance.sourcesAndUses.uses.first { $0.item == "interest during construction" })
    #expect(use.amount == buildInterest)
    let shown = Money(roundingMajor: buildInterest, currency: "USD").groupedString
    #expect(plan.text().contains("interest during construction paid: \(shown)"))
    // The lender block's row, in each language (label and wording from the locale files).
    for (language, row) in [
      (ReportLanguage.en, "<th>Interest during construction</th><td>paid by equity: USD \(shown)</td>"),
      (.zhCN, "<th>建设期利息</th><td>由股权方支付：USD \(shown)</td>"),
    ] {
      let html = try HTMLReport.render(.quote, plan: plan, options: ReportOptions(language: language))
      #expect(html.contains(row), "\(language)")
    }
  }
}
