import Foundation
import PlaybookEngine
import Testing

/// Every tie-break of duplicate collapse and of `limit`, one rung at a time.
@Suite struct TieBreakTests {
  /// C-1 has three complaints: T-2 resolved earliest, T-1 and T-3 resolved together.
  let tickets = """
    id,customer_id,kind,csat,opened_at,resolved_at
    T-3,C-1,complaint,5,2026-10-30T08:00:00Z,2026-10-30T10:00:00Z
    T-1,C-1,complaint,5,2026-10-30T08:00:00Z,2026-10-30T10:00:00Z
    T-2,C-1,complaint,5,2026-10-29T08:00:00Z,2026-10-29T10:00:00Z

    """

  func decisions(_ rules: String) throws -> [Decision] {
    try EngineFixture(
      playbook: EngineFixture.header + rules,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets]
    ).run().decisions.filter { $0.customerID == "C-1" }
  }

  @Test func collapseKeepsHighestPriority() throws {
    let d = try decisions(
      """
      rule low
        when complaint resolved
        send A via email
      rule high priority 1
        when complaint resolved
        send A via email after 30d
      """)
    #expect(d.map(\.rule) == ["high"])
    #expect(d.first?.merged == 5)
  }

  @Test func collapseThenPrefersEarliestSendAt() throws {
    let d = try decisions(
      """
      rule later
        when complaint resolved
        send A via email after 5d
      rule sooner
        when complaint resolved
        send A via email after 4d
      """)
    // T-2 + 4d = 2026-11-02T10:00Z is the earliest send_at of all six candidates.
    #expect(d.map(\.rule) == ["sooner"])
    #expect(d.first?.triggerID == "T-2")
  }

  @Test func collapseThenPrefersRuleOrderThenLowestTriggerID() throws {
    let d = try decisions(
      """
      rule first
        when complaint resolved and complaint.kind == "complaint"
        send A via email
      rule second
        when complaint resolved
        send A via email
      """)
    // All six are clamped to the clock: same priority and send_at; `first` is earlier in
    // the file; among its three triggers the lowest id as text wins.
    #expect(d.map(\.rule) == ["first"])
    #expect(d.first?.triggerID == "T-1")
  }

  /// The lowest trigger id is the lowest in bytes: `T-e` with a combining accent
  /// (65 CC 81) before `T-f` (66) before `T-é` as one code point (C3 A9), though
  /// `String`'s `<` puts both forms of `T-é` after `T-f` and calls them equal.
  @Test(arguments: [["T-\u{E9}", "T-f", "T-e\u{301}"], ["T-\u{E9}", "T-f"], ["T-f", "T-e\u{301}", "T-\u{E9}"]])
  func collapseComparesTriggerIDsAsBytes(_ ids: [String]) throws {
    let tickets =
      "id,customer_id,kind,csat,opened_at,resolved_at\n"
      + ids.map { "\($0),C-1,complaint,5,2026-10-30T08:00:00Z,2026-10-30T10:00:00Z\n" }.joined()
    let d = try EngineFixture(
      playbook: EngineFixture.header + "rule r\n  when complaint resolved\n  send A via email\n",
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets]
    ).run().decisions
    let lowest = try #require(ids.min(by: ByteOrder.precedes))
    #expect(d.map { Array(($0.triggerID ?? "").utf8) } == [Array(lowest.utf8)])
    #expect(d.first?.merged == ids.count - 1)
  }

  @Test func limitRanksByPriority() throws {
    let d = try decisions(
      """
      rule a
        when complaint resolved
        send A via email
      rule b priority 3
        when complaint resolved
        send B via email
      limit 1 per customer
      """)
    #expect(d.filter { $0.status == .send }.map(\.offer) == ["B"])
  }

  @Test func limitThenRanksBySendAt() throws {
    let d = try decisions(
      """
      rule a
        when complaint resolved
        send A via email after 10d
      rule b
        when complaint resolved
        send B via email after 9d
      limit 1 per customer
      """)
    #expect(d.filter { $0.status == .send }.map(\.offer) == ["B"])
  }

  @Test func limitThenRanksByRuleOrderThenOfferCode() throws {
    let byOrder = try decisions(
      """
      rule b_first
        when complaint resolved
        send B via email
      rule a_second
        when complaint resolved
        send A via email
      limit 1 per customer
      """)
    #expect(byOrder.filter { $0.status == .send }.map(\.offer) == ["B"])
    let byOffer = try decisions(
      """
      rule both
        when complaint resolved
        send B via email
        send A via email
      limit 1 per customer
      """)
    #expect(byOffer.filter { $0.status == .send }.map(\.offer) == ["A"])
    #expect(byOffer.first { $0.offer == "B" }?.reason == "capped by both (limit 1 per customer)")
  }

  @Test func unreachableCandidatesTakeNoSlot() throws {
    // C-1 without sms consent: A (priority 9, sms only) is unreachable, so B gets the slot.
    let unreachable = try EngineFixture(
      playbook: EngineFixture.header + """
        rule a priority 9
          when complaint resolved
          send A via sms
        rule b
          when complaint resolved
          send B via email
        limit 1 per customer
        """,
      files: [
        "customers.csv": EngineFixture.customers.replacingOccurrences(
          of: "C-1,one@example.com,+15550000001,true,true", with: "C-1,one@example.com,+15550000001,true,false"),
        "tickets.csv": tickets,
      ]
    ).run().decisions.filter { $0.customerID == "C-1" }
    #expect(unreachable.map { "\($0.offer) \($0.status.rawValue)" }.sorted() == ["A unreachable", "B send"])
  }
}
