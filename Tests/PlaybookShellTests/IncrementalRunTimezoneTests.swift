import Foundation
import PlaybookEngine
import PlayloopTestSupport
import Testing

/// A `timezone` statement is the clock of `hour`, `day_of_week` and `month`, so adding
/// or changing one evaluates the rules again; a channel's window decides again.
extension IncrementalRunTests {
  @Test func aNewTimezoneEvaluatesTheCalendarFunctionsAgain() throws {
    let hourly: (String) -> String = {
      $0.replacingOccurrences(
        of: "when complaint resolved within 4h and complaint.csat >= 4",
        with: "when complaint resolved within 4h and hour(complaint.opened) < 12")
    }
    let utc = try edited(hourly)
    let first = try #require(IncrementalRun.evaluate(utc, clock: Self.clock, dataVersion: 1, previous: nil))
    // No customer's tier names a zone: every one is on the default's clock.
    let tokyo = try edited { hourly($0) + "\ntimezone customer.tier default \"Asia/Tokyo\"\n" }
    let next = try #require(IncrementalRun.evaluate(tokyo, clock: Self.clock, dataVersion: 1, previous: first))
    #expect(next.evaluatedRules.contains("quick_fix_thanks"))
    #expect(next.decisions == full(tokyo))
    #expect(next.decisions != first.decisions)
    // A window on email moves sends without evaluating any rule again.
    let quiet = try edited {
      hourly($0).replacingOccurrences(
        of: "channel email address customer.email requires customer.email_opt_in",
        with: "channel email address customer.email requires customer.email_opt_in\n  quiet 00:00-12:00")
        + "\ntimezone customer.tier default \"Asia/Tokyo\"\n"
    }
    let moved = try #require(IncrementalRun.evaluate(quiet, clock: Self.clock, dataVersion: 1, previous: next))
    #expect(moved.evaluatedRules.isEmpty)
    #expect(moved.decisions == full(quiet))
    #expect(moved.decisions.contains { $0.move != nil })
  }
}
