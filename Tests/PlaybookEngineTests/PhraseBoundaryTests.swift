import Foundation
import PlaybookEngine
import Testing

/// Each lifecycle phrase at its boundary (exactly D, one second more), its trigger time,
/// and the window's and clock's edges.
@Suite struct PhraseBoundaryTests {
  /// Clock 2026-11-01T00:00:00Z = 1_793_491_200.
  static let clock: Int64 = 1_793_491_200

  /// Tickets for C-1: T-1 resolved in exactly 4h, T-2 in 4h and 1s, T-3 answered in
  /// exactly 1h, T-4 answered in 1h and 1s, T-5 open exactly 72h, T-6 open 72h less 1s.
  let tickets = """
    id,customer_id,kind,csat,opened_at,first_response_at,resolved_at
    T-1,C-1,a,,2026-10-30T08:00:00Z,,2026-10-30T12:00:00Z
    T-2,C-1,b,,2026-10-30T08:00:00Z,,2026-10-30T12:00:01Z
    T-3,C-1,c,,2026-10-30T08:00:00Z,2026-10-30T09:00:00Z,
    T-4,C-1,d,,2026-10-30T08:00:00Z,2026-10-30T09:00:01Z,
    T-5,C-1,e,,2026-10-29T00:00:00Z,,
    T-6,C-1,f,,2026-10-29T00:00:01Z,,

    """

  func triggers(_ condition: String, window: String = "30d") throws -> [String: Int64] {
    let f = try EngineFixture(
      playbook: EngineFixture.header.replacingOccurrences(
        of: "as of 2026-11-01T00:00:00Z", with: "as of 2026-11-01T00:00:00Z\nwindow \(window)")
        + "rule r\n  when \(condition)\n  send A via email\n",
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets])
    let candidates = f.run().plan.candidates()
    let plan = f.run().plan
    return Dictionary(
      candidates.map { (plan.triggerID(of: $0) ?? "-", $0.triggerTime) }, uniquingKeysWith: { a, _ in a })
  }

  @Test func resolvedWithinIncludesExactlyD() throws {
    let t = try triggers("ticket resolved within 4h")
    #expect(t.keys.sorted() == ["T-1"])
    #expect(t["T-1"] == Self.clock - 2 * 86_400 + 12 * 3600)  // resolved time
  }

  @Test func resolvedAfterStartsOneSecondPastD() throws {
    let t = try triggers("ticket resolved after 4h")
    #expect(t.keys.sorted() == ["T-2"])
    #expect(t["T-2"] == Self.clock - 2 * 86_400 + 12 * 3600 + 1)
  }

  @Test func respondedPhrasesTriggerAtOpened() throws {
    let within = try triggers("ticket responded within 1h")
    #expect(within.keys.sorted() == ["T-3"])
    #expect(within["T-3"] == Self.clock - 2 * 86_400 + 8 * 3600)
    #expect(try triggers("ticket responded after 1h").keys.sorted() == ["T-4"])
  }

  @Test func openForIncludesExactlyDAndTriggersAtOpenedPlusD() throws {
    let t = try triggers("ticket open for 72h")
    // T-3 and T-4 are open too but only 40h; T-6 is open one second short of 72h.
    #expect(t.keys.sorted() == ["T-5"])
    #expect(t["T-5"] == Self.clock)
  }

  @Test func inLastIncludesBothEnds() throws {
    // T-5 opened exactly 72h before the clock; T-6 one second later.
    #expect(try triggers("ticket in last 72h").keys.sorted() == ["T-1", "T-2", "T-3", "T-4", "T-5", "T-6"])
    #expect(try triggers("ticket in last 71h").keys.sorted() == ["T-1", "T-2", "T-3", "T-4"])
  }

  @Test func windowIncludesItsStart() throws {
    // T-5 opens (and so triggers) exactly 3 days before the clock.
    #expect(try triggers("ticket.kind == \"e\"", window: "3d").keys.sorted() == ["T-5"])
    #expect(try triggers("ticket.kind == \"e\"", window: "71h").isEmpty)
    #expect(try triggers("ticket.kind == \"e\"", window: "all").keys.sorted() == ["T-5"])
  }

  @Test func firstHoldingPhraseGivesTheTriggerTime() throws {
    // T-1 is resolved (time: resolved); the `in last` phrase comes second.
    let t = try triggers("ticket resolved within 4h or ticket in last 10d")
    #expect(t["T-1"] == Self.clock - 2 * 86_400 + 12 * 3600)
    // T-2 is not resolved within 4h, so `in last` gives its time: opened.
    #expect(t["T-2"] == Self.clock - 2 * 86_400 + 8 * 3600)
  }
}
