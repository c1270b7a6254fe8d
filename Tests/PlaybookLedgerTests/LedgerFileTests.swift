import Foundation
import GRDB
import PlaybookEngine
import PlaybookLanguage
import Testing

@testable import PlaybookLedger

/// Which files are accepted as a ledger, and that refused ones are left byte for byte.
@Suite struct LedgerFileTests {
  /// Runs day 1 and expects it refused with `code`, the ledger unchanged and no export.
  private func expectRefused(_ f: LedgerFixture, code: String, message: String) throws {
    let before = FileManager.default.contents(atPath: f.ledgerPath)
    #expect {
      try f.run(LedgerFixture.day(1))
    } throws: { error in
      guard let diagnostic = error as? Diagnostic else { return false }
      return diagnostic.code.id == code && diagnostic.message.contains(message) && diagnostic.file == f.ledgerPath
    }
    #expect(FileManager.default.contents(atPath: f.ledgerPath) == before)
    #expect(!FileManager.default.fileExists(atPath: f.exportPath))
  }

  @Test func aNewLedgerIsStampedWithItsFormat() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      let header = try #require(FileManager.default.contents(atPath: f.ledgerPath)).prefix(100)
      #expect(header.starts(with: Array("SQLite format 3\0".utf8)))
      #expect(Array(header[60..<64]) == [0, 0, 0, 2])  // user_version: format 2
      #expect(Array(header[68..<72]) == Array("PLLD".utf8))  // application_id
    }
  }

  /// An emptied ledger would send everything again: only a missing file (or
  /// `--new-ledger`) starts a new one.
  @Test func anEmptyFileIsRefusedUnlessANewLedgerIsAsked() throws {
    try LedgerFixture.with { f in
      try f.write("ledger.sqlite", "")
      try expectRefused(f, code: "ledger_unreadable", message: "is not a ledger: the file is empty")
      #expect(throws: Diagnostic.self) { try SendLedger.openForReading(path: f.ledgerPath) }
      _ = try LedgeredExport.run(
        workspace: try f.workspace(), clock: LedgerFixture.day(1),
        target: ExportTarget(directory: f.exportPath, format: .csv), ledgerPath: f.ledgerPath,
        options: LedgeredExport.Options(newLedger: true))
      #expect(try f.ledger().count == 1 + 4)
    }
  }

  /// A ledger is made beside its path and renamed into place, so a half-made one (a
  /// header without tables) is no ledger a run wrote: it is refused like any other.
  @Test func aLedgerHeaderWithoutTablesIsRefused() throws {
    try LedgerFixture.with { f in
      let queue = try DatabaseQueue(path: f.ledgerPath)
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA application_id = \(LedgerFormat.applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(LedgerFormat.version)")
      }
      try queue.close()
      try expectRefused(f, code: "ledger_unreadable", message: "holds no ledger tables")
    }
  }

  /// A leftover of a creation cut short beside the ledger does not stop the next one.
  @Test func aHalfMadeLedgerBesideThePathIsReplaced() throws {
    try LedgerFixture.with { f in
      try f.write("ledger.sqlite.new", "half")
      try f.run(LedgerFixture.day(1))
      #expect(try f.ledger().count == 1 + 4)
      #expect(!FileManager.default.fileExists(atPath: f.ledgerPath + ".new"))
    }
  }

  /// Rows edited by hand or damaged are reported at their row, never as a SQL
  /// constraint or a crash, by runs and by readers alike.
  @Test(arguments: [
    ("UPDATE sends SET run_seq = 99 WHERE rowid = 1", "ledger damaged at sends row 1 of", "run 99, which is not in"),
    ("UPDATE sends SET send_at = 'soon' WHERE rowid = 2", "ledger damaged at sends row 2 of", "not of the type"),
    ("UPDATE runs SET clock = 'x'", "ledger damaged at runs row 1 of", "not of the type"),
  ])
  func aDamagedRowIsReportedAtTheRow(_ damage: String, _ place: String, _ problem: String) throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      try FileManager.default.removeItem(atPath: f.exportPath)
      // As the sqlite3 shell edits it: without enforcing foreign keys.
      var configuration = Configuration()
      configuration.foreignKeysEnabled = false
      let queue = try DatabaseQueue(path: f.ledgerPath, configuration: configuration)
      try queue.write { try $0.execute(sql: damage) }
      try queue.close()
      try expectRefused(f, code: "ledger_unreadable", message: place)
      #expect {
        try SendLedger.openForReading(path: f.ledgerPath)
      } throws: { error in
        (error as? Diagnostic).map { $0.message.contains(place) && $0.message.contains(problem) } ?? false
      }
    }
  }

  @Test func garbageIsRefusedAndLeftAlone() throws {
    try LedgerFixture.with { f in
      try f.write("ledger.sqlite", String(repeating: "not a database\n", count: 20))
      try expectRefused(f, code: "ledger_unreadable", message: "not a SQLite database")
    }
  }

  @Test func aDamagedLedgerIsRefusedAndLeftAlone() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      try FileManager.default.removeItem(atPath: f.exportPath)
      // Keep the header, overwrite the pages after it.
      var bytes = try #require(FileManager.default.contents(atPath: f.ledgerPath))
      for i in 100..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
      try bytes.write(to: URL(fileURLWithPath: f.ledgerPath))
      try expectRefused(f, code: "ledger_unreadable", message: f.ledgerPath)
    }
  }

  @Test func anotherSQLiteDatabaseIsRefused() throws {
    try LedgerFixture.with { f in
      let other = try DatabaseQueue(path: f.ledgerPath)
      try other.write { try $0.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
      try other.close()
      try expectRefused(f, code: "ledger_foreign", message: "not a Playloop ledger")
    }
  }

  @Test func aNewerFormatIsRefused() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      try FileManager.default.removeItem(atPath: f.exportPath)
      let queue = try DatabaseQueue(path: f.ledgerPath)
      try queue.write { try $0.execute(sql: "PRAGMA user_version = 3") }
      try queue.close()
      try expectRefused(f, code: "ledger_newer", message: "format 3, written by a newer Playloop")
    }
  }

  @Test func anotherPlaybooksLedgerIsRefused() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      try FileManager.default.removeItem(atPath: f.exportPath)
      try f.write("ledger.playbook", LedgerFixture.playbook(name: "Another loop"))
      try expectRefused(
        f, code: "ledger_other_playbook", message: "the ledger of playbook \"Ledger test\", not \"Another loop\"")
    }
  }

  @Test func aSendIsNeverRecordedTwice() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      let ledger = try #require(try SendLedger.openForReading(path: f.ledgerPath))
      var copy = try #require(try ledger.sends().first)
      copy.runSeq = 9
      let writable = try SendLedger.openForRun(
        path: f.ledgerPath, playbook: "Ledger test", holdout: Holdout(seed: "Ledger test", percent: 0))
      let run = LedgerRun(
        runID: "9-x", seq: 9, clock: 0, state: .pending, exportDirectory: f.exportPath, sendCount: 0,
        playbookHash: "", exportFingerprint: "")
      #expect {
        try writable.recordPending(run, sends: [copy], hook: { _ in })
      } throws: { error in
        // Reported as damage, not as SQLite's "UNIQUE constraint failed".
        let message = (error as? Diagnostic)?.message ?? ""
        return message.hasPrefix("ledger damaged at the sends of") && !message.contains("constraint")
      }
      #expect(try writable.runs().count == 1)  // the transaction rolled back as a whole
    }
  }
}
