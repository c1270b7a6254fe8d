import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Rows none of whose possible trigger times is in the window are left out before a
/// rule's conditions are evaluated (`RowTest`): the opening for a rule without
/// lifecycle phrases, and also the resolution or opened + D for one with them. The
/// candidates must be those of every row evaluated, then kept by the window.
@Suite struct TriggerWindowTests {
  static let clock = BatchEvaluationTests.clock
  static let week: Int64 = 7 * 86_400

  /// Random tickets, and three opened a second before, at and a second after the
  /// window's start (2026-10-25T00:00:00Z), each with a CSAT of 5; then, with a CSAT of
  /// 1, one opened before the window and resolved an hour into it, and two still open,
  /// opened 3 days and a second, and exactly 3 days, before the window's start.
  static func tickets(seed: UInt64) -> String {
    let start = clock - week
    let day: Int64 = 86_400
    return BatchEvaluationTests.tickets(count: 400, seed: seed)
      + [start - 1, start, start + 1].enumerated().map { i, opened in
        "E-\(i),C-1,complaint,5,1,true,\(Timestamp.format(opened)),,,1\n"
      }.joined()
      + "E-3,C-2,complaint,1,1,true,\(Timestamp.format(start - 3600)),,\(Timestamp.format(start + 3600)),1\n"
      + [start - 3 * day - 1, start - 3 * day].enumerated().map { i, opened in
        "E-\(i + 4),C-3,complaint,1,1,true,\(Timestamp.format(opened)),,,1\n"
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
        rule stale
          when ticket open for 3d
          send A via email
        rule slow
          when ticket resolved after 2d or ticket responded within 1h
          send A via email
        rule either
          when ticket resolved within 2h or ticket.csat == 5
          send A via email

        """,
      files: ["customers.csv": BatchEvaluationTests.customers, "tickets.csv": Self.tickets(seed: seed)])
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func candidatesAreThoseOfEveryRowKeptByTheWindow(seed: UInt64) throws {
    let f = try fixture(seed: seed)
    let plan = Plan(checked: f.workspace.checked, dataset: f.workspace.dataset, clock: Self.clock)
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
    let edge = f.workspace.dataset.events["tickets"]!.rowCount - 6
    let happy = Set(got.filter { $0.rule == 0 }.map(\.triggerRow))
    #expect(!happy.contains(Int32(edge)) && happy.contains(Int32(edge + 1)) && happy.contains(Int32(edge + 2)))
  }

  /// The rows opened before the window that may still trigger in it are kept, and most
  /// others are left out, so the test above compares something.
  @Test func phrasesKeepRowsOpenedBeforeTheWindow() throws {
    let f = try fixture(seed: 5)
    let plan = Plan(checked: f.workspace.checked, dataset: f.workspace.dataset, clock: Self.clock)
    let rows = f.workspace.dataset.events["tickets"]!.rowCount
    let (resolvedInside, staleEarly, staleAtEdge) = (rows - 3, rows - 2, rows - 1)
    func kept(_ rule: String) throws -> Set<Int> {
      let trigger = try #require(plan.rules.first { $0.name == rule }?.trigger)
      return Set((0..<rows).filter(trigger.test.keeps))
    }
    let fixed = try kept("fixed")
    #expect(fixed.contains(resolvedInside) && fixed.count < rows * 3 / 4)
    let stale = try kept("stale")
    #expect(stale.contains(staleAtEdge) && !stale.contains(staleEarly))
    #expect(try !kept("happy").contains(resolvedInside))
    let candidates = plan.candidates()
    func triggered(_ rule: String) -> Set<Int> {
      let index = Int32(plan.rules.firstIndex { $0.name == rule }!)
      return Set(candidates.filter { $0.rule == index }.map { Int($0.triggerRow) })
    }
    #expect(triggered("stale").contains(staleAtEdge) && !triggered("stale").contains(staleEarly))
    // Opened before the window, resolved in it within 2h: triggers at its resolution.
    #expect(triggered("either").contains(resolvedInside))
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
