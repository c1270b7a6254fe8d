import Foundation
import PlayloopTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs on the same ledger at once never interleave: the later one waits for the lock.
@Suite(.serialized) struct LedgerConcurrencyTests {
  @Test func identicalRunsAtOnceEndAsOneRun() throws {
    let clean = try LedgerHarness.cleanStates([LedgerHarness.clocks[0]])
    try LedgerHarness.with { h in
      let runs = try (0..<4).map { _ in try h.start(LedgerHarness.clocks[0]) }
      for run in runs { run.wait() }
      for run in runs { #expect(run.status == 0, "\(run.stderr)") }
      // One run recorded the sends; the others replayed it.
      #expect(runs.filter { $0.stdout.contains(": recorded ") }.count == 1)
      #expect(runs.filter { $0.stdout.contains(" replayed: ") }.count == 3)
      #expect(try h.state() == clean[0])
    }
  }

  /// Two different nights at once end as one of the two orders one after the other.
  @Test func differentRunsAtOnceEndAsOneAfterTheOther() throws {
    let (first, second) = (LedgerHarness.clocks[0], LedgerHarness.clocks[1])
    let inOrder = try LedgerHarness.cleanStates([first, second]).last
    let reversed = try LedgerHarness.cleanStates([second, first]).last
    #expect(inOrder != reversed)  // the order matters, so the check below means something
    for _ in 0..<3 {
      try LedgerHarness.with { h in
        let runs = [try h.start(first), try h.start(second)]
        for run in runs { run.wait() }
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }
        let state = try h.state()
        // The export is the last run's; the ledger holds both.
        #expect(state == inOrder || state == reversed)
      }
    }
  }

  /// While another process holds the lock, a run says it is waiting, touches nothing,
  /// and finishes once the lock is released.
  @Test func aRunWaitsForTheLock() throws {
    try LedgerHarness.with { h in
      let lock = open(h.ledgerPath + ".lock", O_RDWR | O_CREAT, 0o644)
      #expect(lock >= 0)
      #expect(flock(lock, LOCK_EX) == 0)
      let run = try h.start(LedgerHarness.clocks[0])
      var waited = 0
      while !run.stderr.contains("waiting for another run to release"), waited < 1200, run.isRunning {
        usleep(50_000)
        waited += 1
      }
      #expect(run.isRunning)
      #expect(run.stderr.hasPrefix("note: waiting for another run to release state/sends.ledger…\n"))
      #expect(!FileManager.default.fileExists(atPath: h.ledgerPath))
      #expect(!FileManager.default.fileExists(atPath: h.exportPath))
      close(lock)
      run.wait()
      #expect(run.status == 0, "\(run.stderr)")
      #expect(FileManager.default.fileExists(atPath: h.exportPath + "/summary.json"))
    }
  }
}
