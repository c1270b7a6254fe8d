import Foundation
import PlaybookEngine
import Testing

/// The brief's "precise meaning", scenario by scenario, through the real loader,
/// checker, plan and decider.
@Suite struct EvaluatorTests {
  let tickets = """
    id,customer_id,kind,csat,opened_at,first_response_at,resolved_at
    T-1,C-1,complaint,5,2026-10-30T08:00:00Z,2026-10-30T08:30:00Z,2026-10-30T11:00:00Z
    T-2,C-1,complaint,2,2026-10-20T08:00:00Z,2026-10-21T08:00:00Z,2026-10-25T08:00:00Z
    T-3,C-2,complaint,,2026-10-25T00:00:00Z,,
    T-4,C-3,question,4,2026-10-30T08:00:00Z,,2026-10-30T09:00:00Z
    T-5,C-4,complaint,4,2026-10-31T20:00:00Z,,2026-11-02T00:00:00Z
    T-6,C-4,complaint,5,2026-09-01T00:00:00Z,,2026-09-01T01:00:00Z
    T-7,C-2,complaint,5,2026-11-05T00:00:00Z,,2026-11-05T01:00:00Z

    """

  func fixture(_ rules: String) throws -> EngineFixture {
    try EngineFixture(
      playbook: EngineFixture.header + rules,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets])
  }

  @Test func resolvedWithinTriggersAtResolutionAndRespectsConsent() throws {
    let f = try fixture(
      """
      rule thanks
        when complaint resolved within 4h and complaint.csat >= 4
        send A via email after 1d
      """)
    let decisions = f.run().decisions
    #expect(decisions.count == 1)
    let d = try #require(decisions.first)
    #expect(d.customerID == "C-1")
    #expect(d.triggerID == "T-1")
    // resolved 2026-10-30T11:00Z + 1d = 2026-10-31T11:00Z, before the clock: clamped.
    #expect(d.triggerTime == 1_793_358_000)
    #expect(d.sendAt == 1_793_491_200)
    #expect(d.expiresAt == 1_793_491_200 + 10 * 86_400)
    #expect(d.channel == "email")
    #expect(d.address == "one@example.com")
  }

  @Test func aTimestampAfterTheClockHasNotHappened() throws {
    // T-5 is resolved after the clock, so at the clock it is open; T-7 opens after it.
    let f = try fixture(
      """
      rule resolved_any
        when complaint resolved
        send A via email, sms
      rule open_long
        when complaint open for 1h
        send B via email, sms
      """)
    #expect(f.outcomes() == ["C-1 A send", "C-2 B send", "C-4 B send"])
  }

  @Test func openForTriggersAtOpenedPlusDuration() throws {
    let f = try fixture(
      """
      rule open_long
        when complaint open for 72h
        send B via sms
      """)
    let d = try #require(f.run().decisions.first)
    #expect(d.customerID == "C-2")
    // opened 2026-10-25T00:00Z + 72h.
    #expect(d.triggerTime == 1_792_886_400 + 72 * 3600)
  }

  @Test func windowIncludesBothEndsAndExcludesOlderTriggers() throws {
    // T-6 (C-4) resolved 2026-09-01, 61 days before the clock: outside 30d, inside 61d.
    let outside = try fixture(
      """
      rule r
        when complaint resolved within 4h
        send A via email
      """)
    #expect(outside.outcomes() == ["C-1 A send"])
    let inside = try EngineFixture(
      playbook: EngineFixture.header.replacingOccurrences(
        of: "as of 2026-11-01T00:00:00Z", with: "as of 2026-11-01T00:00:00Z\nwindow 61d") + """
          rule r
            when complaint resolved within 4h
            send A via email
          """,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets])
    #expect(inside.outcomes() == ["C-1 A send", "C-4 A send"])
  }

  @Test func nullsCompareFalseAndIsNullFindsThem() throws {
    let f = try fixture(
      """
      rule low
        when complaint.csat < 3
        send A via email, sms
      rule unrated
        when complaint.csat is null
        send B via email, sms
      rule not_high
        when not (complaint.csat >= 4)
        send A via email, sms
      """)
    // T-3's csat is null: `< 3` and `not (>= 4)` are false for it; `is null` true.
    #expect(f.outcomes() == ["C-1 A send", "C-2 B send"])
  }

  @Test func duplicateOffersCollapseToTheBestCandidate() throws {
    let f = try fixture(
      """
      rule low_priority
        when complaint resolved
        send A via email
      rule high_priority priority 9
        when complaint.csat == 2
        send A via email
      """)
    let decisions = f.run().decisions.filter { $0.customerID == "C-1" }
    #expect(decisions.count == 1)
    #expect(decisions.first?.rule == "high_priority")
    #expect(decisions.first?.merged == 2)
  }

  @Test func firstReachableChannelIsChosenAndReasonSaysWhy() throws {
    let f = try fixture(
      """
      rule any
        when complaint resolved or complaint open for 1h
        send A via email, sms
      """)
    let byCustomer = Dictionary(grouping: f.run().decisions, by: \.customerID)
    #expect(byCustomer["C-1"]?.first?.channel == "email")
    #expect(byCustomer["C-2"]?.first?.channel == "sms")
    #expect(byCustomer["C-2"]?.first?.reason == "sent via sms because email has no consent")
    #expect(byCustomer["C-4"]?.first?.status == .send)
  }

  @Test func unreachableCandidatesSayWhichChannelsFailed() throws {
    let f = try fixture(
      """
      rule q
        when ticket.kind == "question"
        send A via email, sms
      """)
    let d = try #require(f.run().decisions.first)
    #expect(d.status == .unreachable)
    #expect(d.reason == "no reachable channel: email has no consent, sms has no consent")
  }

  @Test func limitKeepsHighestPriorityAndCapsTheRest() throws {
    let f = try fixture(
      """
      rule a
        when complaint resolved
        send A via email
      rule b priority 5
        when complaint resolved
        send B via email
      limit 1 per customer
      """)
    let c1 = f.run().decisions.filter { $0.customerID == "C-1" }.sorted { $0.offer < $1.offer }
    #expect(c1.map(\.status) == [.capped, .send])
    #expect(c1.first?.reason == "capped by b (limit 1 per customer)")
  }

  @Test func customerOnlyRulesTriggerAtTheClockOncePerCustomer() throws {
    let f = try fixture(
      """
      segment vip = customer.lifetime_value >= 1000 or customer.tier == "gold"
      rule vips
        when customer in vip and count(complaint) >= 1
        send A via email, sms
      """)
    let decisions = f.run().decisions
    #expect(decisions.map(\.customerID).sorted() == ["C-1", "C-4"])
    #expect(decisions.allSatisfy { $0.triggerID == nil && $0.triggerTime == 1_793_491_200 })
  }

  @Test func aggregatesCountTheTriggerRowAndRespectInLast() throws {
    let f = try fixture(
      """
      rule repeat
        when complaint resolved
        unless count(complaint in last 10d) < 2
        send A via email
      """)
    // C-1 has T-1 (2 days ago) and T-2 (12 days ago): only one in the last 10 days.
    #expect(f.outcomes().isEmpty)
    let g = try fixture(
      """
      rule repeat
        when complaint resolved
        unless count(complaint in last 20d) < 2
        send A via email
      """)
    #expect(g.outcomes() == ["C-1 A send"])
  }

  @Test func containsIsCaseInsensitiveSubstring() throws {
    let calls = """
      id,customer_id,started_at,transcript
      L-1,C-1,2026-10-30T00:00:00Z,"I am SWITCHING to a competitor"
      L-2,C-2,2026-10-30T00:00:00Z,all good thanks
      L-3,C-4,2026-10-30T00:00:00Z,Zoë wants to Cancel
      """
    let f = try EngineFixture(
      playbook: EngineFixture.header + """
        load calls from "calls.csv" with opened = started_at
        rule risk
          when call.transcript contains any ["cancel", "switch"]
          send B via email, sms
        rule exact
          when call.transcript contains "zoë"
          send A via email, sms
        """,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets, "calls.csv": calls])
    #expect(f.outcomes() == ["C-1 B send", "C-4 A send", "C-4 B send"])
  }

  @Test func holdoutUsesTheDocumentedHash() {
    // FNV-1a 64 of "Test\0C-1", computed independently (Python): 0xd6030d8f55d0ce7e.
    let holdout = Holdout(seed: "Test", percent: 25)
    #expect(holdout.bucket(customerID: "C-1") == Int(UInt64(0xd603_0d8f_55d0_ce7e) % 10_000))
    #expect(holdout.bucket(customerID: "C-1") == 2398)
    #expect(holdout.holds(customerID: "C-1"))
    #expect(!Holdout(seed: "Test", percent: 23.98).holds(customerID: "C-1"))
  }
}
