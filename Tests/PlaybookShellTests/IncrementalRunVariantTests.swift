import Foundation
import PlaybookEngine
import PlayloopTestSupport
import Testing

/// An A/B split draws its variants from the experiment seed while evaluating, so a new
/// seed (or, without one, a new playbook name) evaluates the rules again.
extension IncrementalRunTests {
  @Test func aNewSeedDrawsASplitsVariantsAgain() throws {
    let split = try edited {
      $0.replacingOccurrences(of: "send THANKS10 via email", with: "send THANKS10 or SORRY25 via email")
    }
    let first = try #require(IncrementalRun.evaluate(split, clock: Self.clock, dataVersion: 1, previous: nil))
    for (old, new) in [
      ("holdout 5%  ", "holdout 5% seed \"new\""), ("playbook \"Service recovery loop\"", "playbook \"Renamed\""),
    ] {
      let reseeded = try edited {
        $0.replacingOccurrences(of: "send THANKS10 via email", with: "send THANKS10 or SORRY25 via email")
          .replacingOccurrences(of: old, with: new)
      }
      let next = try #require(
        IncrementalRun.evaluate(reseeded, clock: Self.clock, dataVersion: 1, previous: first))
      #expect(next.decisions == full(reseeded))
      #expect(next.decisions.map(\.variant) != first.decisions.map(\.variant))
    }
  }
}
