import Foundation
import GRDB
import PlaybookEngine
import PlaybookLanguage
import Testing

@testable import PlaybookLedger

/// `rule greet every 90d` across ledgered runs: the customer-only rule sends again once
/// 90 days have passed since its last send to the customer (exactly 90 days counts), and
/// is `already_sent` until then, saying when it is eligible again.
@Suite struct EveryLedgerTests {
  static let playbook = LedgerFixture.playbook().replacingOccurrences(
    of: "rule greet\n", with: "rule greet every 90d\n")
  static let ninetyDays: Int64 = 90 * 86_400

  @Test func aRuleWithEverySendsAgainAtExactlyItsPeriodAndNotASecondSooner() throws {
    try LedgerFixture.with(playbook: Self.playbook) { f in
      try f.run(LedgerFixture.day(1))
      #expect(try f.audience("HELLO") == ["C-1 greet -", "C-2 greet -"])

      // One second short of 90 days: already sent, eligible again at the day-1 send plus 90 days.
      try f.run(LedgerFixture.day(1) + Self.ninetyDays - 1)
      #expect(try f.audience("HELLO") == [])
      #expect(try f.statuses()["C-1 greet -"] == "already_sent")
      #expect(
        try f.export()["decisions.csv"]?.contains(
          "eligible again on 2027-01-30 (every 90d since the last send on 2026-11-01, run 1)") == true)

      // Exactly 90 days: sent again, and recorded beside the first send.
      try f.run(LedgerFixture.day(1) + Self.ninetyDays)
      #expect(try f.audience("HELLO") == ["C-1 greet -", "C-2 greet -"])
      let hellos = try f.ledger().filter { $0.contains(" greet HELLO C-1 ") }
      #expect(hellos.count == 2)

      // The next day counts from the second send: 89 days to go.
      try f.run(LedgerFixture.day(2) + Self.ninetyDays)
      #expect(try f.statuses()["C-1 greet -"] == "already_sent")
      #expect(
        try f.export()["decisions.csv"]?.contains(
          "eligible again on 2027-04-30 (every 90d since the last send on 2027-01-30, run 3)") == true)
    }
  }

  /// A send scheduled after the clock (`after`) is the last send too: the period counts
  /// from its `send_at`.
  @Test func thePeriodCountsFromTheSendTimeNotTheRun() throws {
    let playbook = Self.playbook.replacingOccurrences(of: "send HELLO via email", with: "send HELLO via email after 2d")
    try LedgerFixture.with(playbook: playbook) { f in
      try f.run(LedgerFixture.day(1))
      try f.run(LedgerFixture.day(3) + Self.ninetyDays - 1)
      #expect(try f.statuses()["C-1 greet -"] == "already_sent")
      try f.run(LedgerFixture.day(3) + Self.ninetyDays)
      #expect(try f.statuses()["C-1 greet -"] == "send")
    }
  }

  /// Without `every` a customer-only rule still sends once ever.
  @Test func withoutEveryACustomerRuleSendsOnce() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      try f.run(LedgerFixture.day(1) + 400 * 86_400)
      #expect(try f.statuses()["C-1 greet -"] == "already_sent")
      #expect(try f.export()["decisions.csv"]?.contains("already sent by an earlier run") == true)
    }
  }

  /// A ledger written before `every` (format 1, whose unique index forbade a customer
  /// rule's second send) is upgraded by the next run, which then records the re-entry.
  @Test func aFormatOneLedgerIsUpgradedAndRecordsTheSecondSend() throws {
    try LedgerFixture.with(playbook: Self.playbook) { f in
      try f.run(LedgerFixture.day(1))
      let queue = try DatabaseQueue(path: f.ledgerPath)
      try queue.write { db in
        try db.execute(sql: "DROP INDEX sends_once")
        try db.execute(
          sql: "CREATE UNIQUE INDEX sends_once ON sends (rule, customer_id, offer, ifnull(trigger_id, ''))")
        try db.execute(sql: "PRAGMA user_version = 1")
      }
      try queue.close()
      try f.run(LedgerFixture.day(1) + Self.ninetyDays)
      #expect(try f.ledger().filter { $0.contains(" greet HELLO C-1 ") }.count == 2)
      let header = try #require(FileManager.default.contents(atPath: f.ledgerPath)).prefix(100)
      #expect(Array(header[60..<64]) == [0, 0, 0, 2])
    }
  }

  /// The ledger itself never records a send twice: a trigger rule's second row for the
  /// same trigger is refused even at another time.
  @Test func theIndexStillRefusesASecondSendForOneTrigger() throws {
    try LedgerFixture.with(playbook: Self.playbook) { f in
      try f.run(LedgerFixture.day(1))
      let queue = try DatabaseQueue(path: f.ledgerPath)
      defer { try? queue.close() }
      #expect(throws: DatabaseError.self) {
        try queue.write { db in
          try db.execute(
            sql: """
              INSERT INTO sends (run_seq, rule, offer, customer_id, trigger_id, channel, send_at, expires_at)
              VALUES (1, 'apology', 'SORRY', 'C-1', 'T-1', 'email', 999, 1999)
              """)
        }
      }
      // A customer rule's send at another time is a re-entry the index allows.
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO sends (run_seq, rule, offer, customer_id, trigger_id, channel, send_at, expires_at)
            VALUES (1, 'greet', 'HELLO', 'C-1', NULL, 'email', 999, 1999)
            """)
      }
    }
  }
}
