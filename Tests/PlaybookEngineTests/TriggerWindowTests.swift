import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// A rule without lifecycle phrases triggers at its row's opening, so rows opened before
/// the window are left out before its conditions are evaluated (`TriggerSource.earliest`):
/// the candidates must be those of every row evaluated, then kept by the window.
@Suite struct TriggerWindowTests {
  static let clock = BatchEvaluationTests.clock
  static let week: Int64 = 7 * 86_400

  /// Random tickets, and three opened a second before, at and a second after the
  /// window's start (2026-10-25T00:00:00Z), each with a CSAT of 5.
  static func tickets(seed: UInt64) -> String {
    let start = clock - week
    return BatchEvaluationTests.tickets(count: 400, seed: seed)
      + [start - 1, start, start + 1].enumerated().map { i, opened in
        "E-\(i),C-1,complaint,5,1,true,\(Timestamp.format(opened)),,,1\n"
      }.joined()
  }

  func fixture(seed: UInt64) throws -> EngineFixture {
    try EngineFixture(
      playbook: """
        playbook "Window"
        as of 2026-11-01T00:00:00Z
        window 7d
        load customers from "customers.csv"
        load tickets from "tickets.csv" link customer_id
        channel email address customer.email
        offer A "a"
        rule happy
          when ticket.csat >= 4
          send A via email
        rule far
          when ticket.opened_at + 3000000d > now
          send A via email
        rule fixed
          when ticket resolved within 1d and ticket.csat >= 4
          send A via email

        """,
      files: ["customers.csv": BatchEvaluationTests.customers, "tickets.csv": Self.tickets(seed: seed)])
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func candidatesAreThoseOfEveryRowKeptByTheWindow(seed: UInt64) throws {
    let f = try fixture(seed: seed)
    let plan = Plan(checked: f.workspace.checked, dataset: f.workspace.dataset, clock: Self.clock)
    let earliest = plan.rules.map { $0.trigger?.earliest }
    #expect(earliest == [Self.clock - Self.week, Self.clock - Self.week, nil], "only rules without phrases")
    let got = plan.candidates().sorted { ($0.rule, $0.triggerRow) < ($1.rule, $1.triggerRow) }

    // Every linked, existing row evaluated through the closures, then the window.
    var expected: [(rule: Int32, row: Int32)] = []
    for (r, rule) in plan.rules.enumerated() {
      guard let trigger = rule.trigger else { continue }
      for row in 0..<trigger.table.rowCount {
        let customer = Int(trigger.link.customerOfRow[row])
        guard customer >= 0, trigger.lifecycle.exists(row),
          rule.conditions.allSatisfy({ $0.truth(Frame(customer: customer, row: row)).holds }),
          let time = rule.triggerTime(row: row, clock: Self.clock), plan.inWindow(time)
        else { continue }
        expected.append((Int32(r), Int32(row)))
      }
    }
    #expect(got.map(\.rule) == expected.map(\.rule))
    #expect(got.map(\.triggerRow) == expected.map(\.row))
    // The ticket opened at the window's very start triggers; the one a second before does not.
    let edge = f.workspace.dataset.events["tickets"]!.rowCount - 3
    let happy = Set(got.filter { $0.rule == 0 }.map(\.triggerRow))
    #expect(!happy.contains(Int32(edge)) && happy.contains(Int32(edge + 1)) && happy.contains(Int32(edge + 2)))
  }

  /// `ticket.opened_at + 3000000d` overflows on every row with an opening: only the
  /// rows in the window are evaluated, so only theirs are counted.
  @Test func onlyRowsInTheWindowAreEvaluated() throws {
    let f = try fixture(seed: 4)
    let plan = Plan(checked: f.workspace.checked, dataset: f.workspace.dataset, clock: Self.clock)
    _ = plan.candidates()
    let trigger = try #require(plan.rules[1].trigger)
    let inWindow = (0..<trigger.table.rowCount).filter { row in
      guard trigger.link.customerOfRow[row] >= 0, let opened = trigger.lifecycle.opened(row) else { return false }
      return opened >= Self.clock - Self.week
    }
    #expect(inWindow.count > 0 && inWindow.count < trigger.table.rowCount / 2)
    #expect(plan.overflowLog.overflows.map(\.count) == [inWindow.count])
  }
}
