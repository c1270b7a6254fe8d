import Foundation
import PlaybookEngine
import PlaybookLanguage
import Testing

@testable import PlaybookLedger

@Suite struct LedgeredRunTests {
  @Test func consecutiveDaysSendEachTriggerOnce() throws {
    try LedgerFixture.with { f in
      let first = try f.run(LedgerFixture.day(1))
      #expect(first.summary.runID == "1-20261101T000000Z")
      #expect(first.recorded == 4)
      #expect(try f.audience("SORRY") == ["C-1 apology T-1", "C-2 apology T-2"])
      #expect(try f.audience("HELLO") == ["C-1 greet -", "C-2 greet -"])

      let second = try f.run(LedgerFixture.day(2))
      #expect(second.summary.runID == "2-20261102T000000Z")
      #expect(!second.isReplay)
      // Only the ticket opened since day 1 is new; everything else was sent.
      #expect(try f.audience("SORRY") == ["C-1 apology T-3"])
      #expect(try f.audience("HELLO") == [])
      let statuses = try f.statuses()
      #expect(statuses["C-1 apology T-1"] == "already_sent")
      #expect(statuses["C-2 apology T-2"] == "already_sent")
      #expect(statuses["C-1 greet -"] == "already_sent")
      #expect(statuses["C-3 apology T-4"] == "unreachable")
      #expect(second.summary.counts.byStatus[.alreadySent] == 4)
      #expect(try f.ledger().count == 2 + 5)

      // Day 3: nothing left to send.
      try f.run(LedgerFixture.day(3))
      #expect(try f.audience("SORRY") == [])
      #expect(try f.ledger().filter { $0.hasPrefix("3-") }.count == 1)  // the run, no sends
    }
  }

  @Test func summaryCarriesTheRunID() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      #expect(try f.export()["summary.json"]?.contains("\"run_id\": \"1-20261101T000000Z\"") == true)
    }
  }

  @Test func limitPerPeriodCountsEarlierRuns() throws {
    try LedgerFixture.with(playbook: LedgerFixture.playbook(limit: "limit 1 per customer per 7d")) { f in
      try f.run(LedgerFixture.day(1))
      // apology comes first in the file, so it takes the one slot.
      #expect(try f.audience("SORRY") == ["C-1 apology T-1", "C-2 apology T-2"])
      #expect(try f.audience("HELLO") == [])

      // Day 2: C-1's day-1 send fills the week's slot; T-3 and greet are capped.
      try f.run(LedgerFixture.day(2))
      #expect(try f.audience("SORRY") == [])
      #expect(try f.audience("HELLO") == [])
      #expect(try f.statuses()["C-1 apology T-3"] == "capped")

      // Exactly 7 days after the day-1 send it still counts (the period includes its start)…
      try f.run(LedgerFixture.day(8))
      #expect(try f.audience("SORRY") == [])
      // …one second later it no longer does.
      try f.run(LedgerFixture.day(8) + 1)
      #expect(try f.audience("SORRY") == ["C-1 apology T-3"])
      #expect(try f.audience("HELLO") == ["C-2 greet -"])
    }
  }

  @Test func limitWithoutPeriodStaysPerRun() throws {
    try LedgerFixture.with(playbook: LedgerFixture.playbook(limit: "limit 1 per customer")) { f in
      try f.run(LedgerFixture.day(1))
      #expect(try f.audience("HELLO") == [])
      try f.run(LedgerFixture.day(2))
      // Day 1's sends do not use up day 2's slot: apology T-3 ranks first for C-1.
      #expect(try f.audience("SORRY") == ["C-1 apology T-3"])
      #expect(try f.audience("HELLO") == ["C-2 greet -"])
    }
  }

  @Test func runningTheSameClockAgainReplaysIt() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      let export = try f.export()
      let ledger = try f.ledger()
      let again = try f.run(LedgerFixture.day(1))
      #expect(again.isReplay)
      #expect(again.recorded == 0)
      #expect(again.summary.runID == "1-20261101T000000Z")
      #expect(try f.export() == export)
      #expect(try f.ledger() == ledger)
    }
  }

  @Test func changedDataAtTheSameClockIsANewRunThatSendsNothingTwice() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      try f.write("customers.csv", LedgerFixture.customers + "C-4,c4@example.com,true\n")
      try f.write("tickets.csv", LedgerFixture.tickets + "T-5,C-4,complaint,2026-10-31T18:00:00Z\n")
      let rerun = try f.run(LedgerFixture.day(1))
      #expect(!rerun.isReplay)
      #expect(rerun.summary.runID == "2-20261101T000000Z")
      #expect(try f.audience("SORRY") == ["C-4 apology T-5"])
      #expect(try f.audience("HELLO") == ["C-4 greet -"])
    }
  }

  @Test func editedPlaybookAtTheSameClockIsANewRun() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      try f.write("ledger.playbook", LedgerFixture.playbook() + "# edited\n")
      let rerun = try f.run(LedgerFixture.day(1))
      #expect(!rerun.isReplay)
      #expect(try f.audience("SORRY") == [])
    }
  }

  /// A crash at any phase, then the same run again: the export and the ledger end as
  /// after one uninterrupted run, on the first day and on a later one.
  @Test(arguments: LedgerPhase.allCases.filter { $0 != .loaded })
  func crashAtAnyPhaseThenRerunEndsAsOneRun(phase: LedgerPhase) throws {
    var clean: [[String: String]] = []
    var cleanLedger: [[String]] = []
    try LedgerFixture.with { f in
      for day in [1, 2] {
        try f.run(LedgerFixture.day(day))
        clean.append(try f.export())
        cleanLedger.append(try f.ledger())
      }
    }
    try LedgerFixture.with { f in
      for (index, day) in [1, 2].enumerated() {
        #expect(throws: Diagnostic.self) { try f.run(LedgerFixture.day(day), crashAt: phase) }
        let outcome = try f.run(LedgerFixture.day(day))
        #expect(try f.export() == clean[index], "day \(day), crash at \(phase)")
        #expect(try f.ledger() == cleanLedger[index], "day \(day), crash at \(phase)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: f.folder).filter { $0.hasPrefix(".out.") }
        #expect(leftovers.isEmpty)
        let recordedBeforeCrash = [.pending, .exported, .commitWrite, .committed].contains(phase)
        #expect(outcome.isReplay == ([.exported, .commitWrite, .committed].contains(phase)))
        #expect(outcome.recovered.count == (recordedBeforeCrash && phase != .committed ? 1 : 0))
      }
    }
  }

  /// Killed between the two renames of the export's commit: no export folder, the
  /// previous one aside, the run pending. The next run puts the previous export back,
  /// drops the pending run and runs again.
  @Test func crashBetweenTheRenamesOfTheExport() throws {
    try LedgerFixture.with { f in
      try f.run(LedgerFixture.day(1))
      #expect(throws: Diagnostic.self) { try f.run(LedgerFixture.day(2), crashAt: .pending) }
      let aside = "\(f.folder)/.out.old-\(getpid())"
      try FileManager.default.moveItem(atPath: f.exportPath, toPath: aside)
      let outcome = try f.run(LedgerFixture.day(2))
      #expect(outcome.recovered == [LedgeredExport.Recovery(runID: "2-20261102T000000Z", committed: false)])
      #expect(!outcome.isReplay)
      #expect(try f.audience("SORRY") == ["C-1 apology T-3"])
      #expect(!FileManager.default.fileExists(atPath: aside))
    }
  }

  @Test func dryRunHistoryReadsWithoutWriting() throws {
    try LedgerFixture.with { f in
      let workspace = try f.workspace()
      let clock = LedgerFixture.day(1)
      #expect(try LedgeredExport.history(ledgerPath: f.ledgerPath, workspace: workspace, clock: clock) == nil)
      #expect(!FileManager.default.fileExists(atPath: f.ledgerPath))
      try f.run(LedgerFixture.day(1))
      let bytes = FileManager.default.contents(atPath: f.ledgerPath)
      let history = try #require(
        try LedgeredExport.history(ledgerPath: f.ledgerPath, workspace: workspace, clock: clock))
      #expect(history.alreadySent(rule: "apology", triggerID: "T-1", customerID: "C-1", offer: "SORRY"))
      #expect(FileManager.default.contents(atPath: f.ledgerPath) == bytes)
      try f.write("ledger.playbook", LedgerFixture.playbook(name: "Another"))
      let other = try f.workspace()
      #expect(throws: Diagnostic.self) {
        try LedgeredExport.history(ledgerPath: f.ledgerPath, workspace: other, clock: clock)
      }
    }
  }

  /// A pending run whose export is in place counts as sent for a dry run too (the next
  /// real run will commit it).
  @Test func dryRunCountsAPendingRunWhoseExportIsInPlace() throws {
    try LedgerFixture.with { f in
      #expect(throws: Diagnostic.self) { try f.run(LedgerFixture.day(1), crashAt: .exported) }
      let history = try #require(
        try LedgeredExport.history(ledgerPath: f.ledgerPath, workspace: try f.workspace(), clock: LedgerFixture.day(1)))
      #expect(history.alreadySent(rule: "greet", triggerID: nil, customerID: "C-2", offer: "HELLO"))
    }
  }
}
