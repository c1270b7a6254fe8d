import Foundation
import GRDB
import PlayloopTestSupport
import Testing

/// `playloop ledger` streams the sends from the ledger to stdout: a ledger of hundreds of
/// thousands of sends lists in memory that does not grow with it (before, every send was
/// held as a struct, a table row and a JSON value: 1 GB for a million).
@Suite struct LedgerListingTests {
  static let sends = 200_000

  /// A ledger made by a real run, then given `sends` more sends in its committed run.
  private func bigLedger(_ f: LedgerFixture) throws {
    try f.run(LedgerFixture.day(1))
    let queue = try DatabaseQueue(path: f.ledgerPath)
    try queue.write { db in
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO sends (run_seq, rule, offer, customer_id, trigger_id, channel, send_at, expires_at)
          VALUES (1, 'bulk', 'BULK', ?, ?, 'email', ?, ?)
          """)
      for i in 0..<Self.sends {
        try insert.execute(arguments: [
          "C-\(i)", "T-\(i)", LedgerFixture.day(1) + Int64(i), LedgerFixture.day(8) + Int64(i),
        ])
      }
    }
    try queue.close()
  }

  /// `playloop ledger ARGS` with its data (heap and mappings) limited to `kilobytes`.
  private func listing(_ f: LedgerFixture, _ arguments: String, kilobytes: Int) throws -> ChildProcess {
    try MemoryBound.playloop("ledger ledger.sqlite \(arguments)", kilobytes: kilobytes, in: f.folder)
  }

  @Test(arguments: ["", "--format json"])
  func aLongListingRunsInBoundedMemory(format: String) throws {
    try LedgerFixture.with { f in
      try bigLedger(f)
      let child = try listing(f, format, kilobytes: 120_000)
      child.wait()
      #expect(child.status == 0, "\(child.stderr.prefix(500))")
      let lines = child.stdout.split(separator: "\n")
      if format.isEmpty {
        #expect(lines.first?.hasSuffix(" sends") == true, "\(lines.first ?? "")")
        #expect(lines.count >= Self.sends + 2)
        #expect(lines.contains { $0.contains("  bulk ") && $0.contains("  C-199999  T-199999  email  ") })
      } else {
        let object = try JSONSerialization.jsonObject(with: Data(child.stdout.utf8)) as? [String: Any]
        #expect((object?["sends"] as? [Any])?.count ?? 0 >= Self.sends)
        #expect((object?["diagnostics"] as? [Any])?.isEmpty == true)
      }
    }
  }
}
