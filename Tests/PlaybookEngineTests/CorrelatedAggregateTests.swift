import Foundation
import PlaybookEngine
import Testing

/// Aggregates whose filter refers to the trigger row: ties, nulls, each function, the
/// comparison written either way round, and the rest of the filter.
@Suite struct CorrelatedAggregateTests {
  /// C-1's complaint T-1 was resolved at 10-22 00:00; O-1 came at that very second, O-2
  /// after it, O-3 before it. C-2's complaint T-3 is not resolved (null). C-3's orders
  /// have no time; its complaint is resolved.
  static let tickets = """
    id,customer_id,kind,opened_at,resolved_at,csat
    T-1,C-1,complaint,2026-10-20T00:00:00Z,2026-10-22T00:00:00Z,2
    T-2,C-1,question,2026-10-10T00:00:00Z,,5
    T-4,C-1,question,2026-10-20T00:00:00Z,,4
    T-5,C-1,question,2026-10-05T00:00:00Z,,
    T-3,C-2,complaint,2026-10-25T00:00:00Z,,1
    T-6,C-3,complaint,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,3

    """

  static let orders = """
    id,customer_id,ordered_at,total,status
    O-1,C-1,2026-10-22T00:00:00Z,10,paid
    O-2,C-1,2026-10-25T00:00:00Z,20,paid
    O-3,C-1,2026-10-21T00:00:00Z,40,refunded
    O-4,C-2,2026-10-26T00:00:00Z,30,paid
    O-5,C-3,,50,paid

    """

  /// The fixtures' playbook: one rule sending A by email to each complaint `condition` holds for.
  static func playbook(when condition: String) -> String {
    """
    playbook "Correlated"
    as of 2026-11-01T00:00:00Z
    window all
    load customers from "customers.csv"
    load tickets from "tickets.csv"
    load orders from "orders.csv"
      with opened = ordered_at
    define complaint = ticket where ticket.kind == "complaint"
    channel email address customer.email
    offer A "a"
    rule r
      when \(condition)
      send A via email

    """
  }

  /// The value of `aggregate` for each customer's complaint, as `customer=value`.
  func values(_ aggregate: String, below: String = "-1000000000000") throws -> [String] {
    let f = try EngineFixture(
      playbook: Self.playbook(when: "complaint and (\(aggregate) is null or \(aggregate) > \(below))"),
      files: [
        "customers.csv": EngineFixture.customers, "tickets.csv": Self.tickets, "orders.csv": Self.orders,
      ])
    let explainer = Explainer(plan: f.run().plan)
    return try ["C-1", "C-2", "C-3"].map { id in
      let explanation = try explainer.explain(customerID: id, rule: "r")
      let attempt = try #require(explanation.rules.first?.attempts.first)
      func details(_ c: ConditionValue) -> [String] { c.details + c.parts.flatMap(details) }
      let details = attempt.conditions.flatMap(details)
      let shown = try #require(details.first { $0.hasPrefix(aggregate + " = ") })
      return id + "=" + shown.dropFirst(aggregate.count + 3)
    }
  }

  @Test func aTieIsDecidedByTheOperator() throws {
    #expect(try values("count(order where order.opened > complaint.resolved)") == ["C-1=1", "C-2=0", "C-3=0"])
    #expect(try values("count(order where order.opened >= complaint.resolved)") == ["C-1=2", "C-2=0", "C-3=0"])
    #expect(try values("count(order where order.opened < complaint.resolved)") == ["C-1=1", "C-2=0", "C-3=0"])
    #expect(try values("count(order where order.opened <= complaint.resolved)") == ["C-1=2", "C-2=0", "C-3=0"])
    // Written the other way round, the same.
    #expect(try values("count(order where complaint.resolved < order.opened)") == ["C-1=1", "C-2=0", "C-3=0"])
  }

  @Test func eachFunctionOverTheRowsOnTheTriggersSide() throws {
    #expect(try values("sum(order.total where order.opened >= complaint.resolved)") == ["C-1=30", "C-2=0", "C-3=0"])
    #expect(
      try values("avg(order.total where order.opened >= complaint.resolved)") == ["C-1=15", "C-2=null", "C-3=null"])
    #expect(
      try values("min(order.total where order.opened >= complaint.resolved)") == ["C-1=10", "C-2=null", "C-3=null"])
    #expect(
      try values("max(order.opened where order.opened < complaint.resolved)", below: "2000-01-01") == [
        "C-1=2026-10-21T00:00:00Z", "C-2=null", "C-3=null",
      ])
    // CSAT before the complaint: T-2 (5) and T-5 (null, skipped); T-4 opened with it.
    #expect(try values("max(ticket.csat where ticket.opened < complaint.opened)") == ["C-1=5", "C-2=null", "C-3=null"])
    #expect(try values("count(ticket where ticket.opened <= complaint.opened)") == ["C-1=4", "C-2=1", "C-3=1"])
  }

  @Test func theRestOfTheFilterAndInLastStillApply() throws {
    #expect(
      try values("count(order where order.status == \"paid\" and order.opened > complaint.opened)")
        == ["C-1=2", "C-2=1", "C-3=0"])
    #expect(try values("count(order where order.opened > complaint.opened in last 8d)") == ["C-1=1", "C-2=1", "C-3=0"])
    #expect(
      try values("count(ticket where ticket.opened >= complaint.opened - 10d)") == ["C-1=3", "C-2=1", "C-3=1"])
  }

  @Test func eachTriggerHasItsOwnValue() throws {
    // Two complaints for one customer: each counts the orders after its own resolution.
    let tickets = """
      id,customer_id,kind,opened_at,resolved_at
      T-1,C-1,complaint,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z
      T-2,C-1,complaint,2026-10-20T00:00:00Z,2026-10-21T00:00:00Z

      """
    let f = try EngineFixture(
      playbook: Self.playbook(when: "count(order where order.opened > complaint.resolved) == 2"),
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets, "orders.csv": Self.orders])
    let run = f.run()
    #expect(run.decisions.map { "\($0.customerID) \($0.triggerID ?? "-")" } == ["C-1 T-2"])
  }
}
