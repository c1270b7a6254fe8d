import Foundation
import PlaybookLanguage
import PlaybookReporting
import Testing

@testable import PlaybookEngine

/// The report's figures, counted from a run whose every decision is known: C-1 has two
/// complaints and is gold (three A candidates collapse into one, which the limit keeps
/// over B), C-2 has no email nor consent, C-3 no consent, C-4 no sms consent; one ticket names a
/// customer who does not exist.
@Suite struct CampaignReportTests {
  static let playbook =
    EngineFixture.header + """
      rule complaints priority 5
        when complaint
        send A via email after 1d

      rule gold
        when customer.tier == "gold"
        send A via sms

      rule everyone
        when customer.tier != "none"
        send B via email after 2d

      limit 1 per customer

      """

  static let tickets = """
    id,customer_id,kind,opened_at
    T-1,C-1,complaint,2026-10-30T08:00:00Z
    T-2,C-1,complaint,2026-10-31T12:00:00Z
    T-3,C-9,complaint,2026-10-31T12:00:00Z
    T-4,C-3,complaint,2026-10-29T09:00:00Z
    T-5,C-2,question,2026-10-29T09:00:00Z

    """

  func report() throws -> (CampaignReport, CampaignRun) {
    let f = try EngineFixture(
      playbook: Self.playbook, files: ["customers.csv": EngineFixture.customers, "tickets.csv": Self.tickets])
    let run = f.run()
    return (CampaignReport(workspace: f.workspace, run: run), run)
  }

  @Test func eachOffersFunnelCountsItsCandidatesFromTriggersToSends() throws {
    let (report, run) = try report()
    #expect(report.funnels.map(\.offer) == ["A", "B"])
    #expect(report.funnels[0].stages.map(\.count) == [5, 3, 1, 1, 1])
    #expect(report.funnels[1].stages.map(\.count) == [4, 4, 2, 1, 1])
    #expect(report.funnels.map(\.description) == ["Offer A", "Offer B"])
    // Triggers are the evaluator's candidates, counted again from the decisions.
    #expect(report.funnels.reduce(0) { $0 + $1.triggers } == run.candidates.count)
  }

  @Test func decisionsAreCountedByChannelWithThoseWithoutOneLast() throws {
    let (report, _) = try report()
    #expect(report.byChannel.map(\.name) == ["email", "sms", CampaignReport.noChannel])
    #expect(report.byChannel[0].counts[.send] == 2 && report.byChannel[0].counts[.capped] == 1)
    #expect(report.byChannel[1].counts.total == 0)
    #expect(report.byChannel[2].counts[.unreachable] == 4)
  }

  @Test func reasonsNotSentAreGroupedMostFirst() throws {
    let (report, _) = try report()
    #expect(
      report.notSent.map { "\($0.count) \($0.status.rawValue): \($0.reason)" } == [
        // C-2's consent is checked before the address it lacks.
        "3 unreachable: no reachable channel: email has no consent",
        "1 capped: capped by complaints (limit 1 per customer)",
        "1 unreachable: no reachable channel: sms has no consent",
      ])
  }

  @Test func heldOutDecisionsAreOneGroupWhateverTheirBucket() {
    func decision(_ status: DecisionStatus, _ reason: String) -> Decision {
      Decision(
        customerID: "C", rule: "r", offer: "A", triggerID: nil, triggerTime: 0, sendAt: 0, expiresAt: 0,
        channel: nil, address: nil, status: status, reason: reason, merged: 0, priority: 0)
    }
    let groups = NotSentReason.tally([
      decision(.holdout, "in holdout (bucket 3 < 5%)"), decision(.holdout, "in holdout (bucket 41 < 5%)"),
      decision(.send, "sent via email"),
      decision(.alreadySent, "eligible again on 2027-01-01 (every 90d since the last send on 2026-10-03, run 2)"),
    ])
    #expect(groups.map(\.count) == [2, 1])
    #expect(groups.map(\.status) == [.holdout, .alreadySent])
  }

  @Test func sendsAreCountedPerDayEveryDayFromTheFirstToTheLast() throws {
    let (report, _) = try report()
    #expect(report.sendsPerDay.map(\.date) == ["2026-11-01", "2026-11-02", "2026-11-03"])
    #expect(report.sendsPerDay.map(\.byOffer) == [[1, 0], [0, 0], [0, 1]])
  }

  @Test func rowsSetAsideAreListedPerTableWithTheFirst() throws {
    let (report, _) = try report()
    #expect(report.tables.map(\.table.name) == ["customers", "tickets"])
    #expect(report.tables.map(\.table.setAside) == [0, 1])
    #expect(report.tables[1].first.map(\.line) == [4])
  }

  @Test func eachRuleKnowsItsLinesAndCounts() throws {
    let (report, _) = try report()
    let lines = Self.playbook.split(separator: "\n", omittingEmptySubsequences: false)
    for rule in report.rules {
      #expect(lines[rule.lines.lowerBound - 1].hasPrefix("rule \(rule.name)"))
      #expect(lines[rule.lines.upperBound - 1].hasPrefix("  send"))
    }
    #expect(report.rules.map(\.name) == ["complaints", "gold", "everyone"])
    #expect(report.rules.map { $0.counts[.send] } == [1, 0, 1])
  }

  @Test func aComparisonCountsWhoGainsAndLosesEachOffer() throws {
    let other = try EngineFixture(
      playbook: Self.playbook.replacingOccurrences(of: "limit 1 per customer", with: "limit 2 per customer"),
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": Self.tickets])
    let f = try EngineFixture(
      playbook: Self.playbook, files: ["customers.csv": EngineFixture.customers, "tickets.csv": Self.tickets])
    let comparison = CampaignComparison(
      workspace: f.workspace, run: f.run(), other: other.workspace, otherRun: other.run())
    // With room for two, C-1 was sent B too; with one, B is capped.
    let b = try #require(comparison.diff.offers.first { $0.offer == "B" })
    #expect(b.before[.send] == 2 && b.after[.send] == 1 && b.lost == 1 && b.gained == 0)
    #expect(comparison.name == "Test")
    #expect(comparison.funnels.map(\.sent) == [1, 2])
  }

  /// Names, descriptions, the playbook's text and the data reach the page escaped.
  @Test func thePageEscapesEveryTextFromThePlaybookAndTheData() throws {
    let hostile = "<script>alert('x')</script> & \"quoted\""
    let playbook =
      Self.playbook
      .replacingOccurrences(
        of: "playbook \"Test\"", with: "playbook \"\(hostile.replacingOccurrences(of: "\"", with: "'"))\""
      )
      .replacingOccurrences(of: "offer A \"Offer A\"", with: "offer A \"<b>bold</b> & <i>\"")
      + "# a comment with </pre> in it\n"
    let f = try EngineFixture(
      playbook: playbook,
      files: [
        "customers.csv": EngineFixture.customers,
        "tickets.csv": Self.tickets.replacingOccurrences(of: "C-9", with: "<img src=x onerror=alert(1)>"),
      ])
    let html = ReportPage(report: CampaignReport(workspace: f.workspace, run: f.run())).html
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>bold"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("</pre> in it"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"))
    #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;"))
    #expect(html.contains("&lt;/pre&gt; in it"))
  }

  /// The same run gives the same bytes, and nothing on the page is fetched.
  @Test func thePageIsTheSameEachTimeAndLoadsNothing() throws {
    let f = try EngineFixture(
      playbook: Self.playbook, files: ["customers.csv": EngineFixture.customers, "tickets.csv": Self.tickets])
    let html = ReportPage(report: CampaignReport(workspace: f.workspace, run: f.run())).html
    #expect(html == ReportPage(report: CampaignReport(workspace: f.workspace, run: f.run())).html)
    #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("url("))
    #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"))
  }
}
