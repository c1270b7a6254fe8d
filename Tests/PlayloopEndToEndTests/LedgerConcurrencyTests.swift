import Foundation
import PlayloopTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs on the same ledger at once never interleave: a run finding the ledger held is
/// refused at once (exit 3, naming the holder), or with `--wait` waits a bounded time.
@Suite(.serialized) struct LedgerConcurrencyTests {
  static let patient = ["--wait", "120"]

  @Test func identicalRunsAtOnceEndAsOneRun() throws {
    let clean = try LedgerHarness.cleanStates([LedgerHarness.clocks[0]])
    try LedgerHarness.with { h in
      let runs = try (0..<4).map { _ in try h.start(LedgerHarness.clocks[0], Self.patient) }
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
        let runs = [try h.start(first, Self.patient), try h.start(second, Self.patient)]
        for run in runs { run.wait() }
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }
        let state = try h.state()
        // The export is the last run's; the ledger holds both.
        #expect(state == inOrder || state == reversed)
      }
    }
  }

  /// With `--wait`, while another process holds the lock, a run says it is waiting,
  /// touches nothing, and finishes once the lock is released.
  @Test func aRunWaitsForTheLock() throws {
    try LedgerHarness.with { h in
      let lock = open(h.ledgerPath + ".lock", O_RDWR | O_CREAT, 0o644)
      #expect(lock >= 0)
      #expect(flock(lock, LOCK_EX) == 0)
      let run = try h.start(LedgerHarness.clocks[0], Self.patient)
      var waited = 0
      while !run.stderr.contains("for another run to release"), waited < 1200, run.isRunning {
        usleep(50_000)
        waited += 1
      }
      #expect(run.isRunning)
      #expect(run.stderr.hasPrefix("note: waiting up to 120s for another run to release state/sends.ledger…\n"))
      #expect(!FileManager.default.fileExists(atPath: h.ledgerPath))
      #expect(!FileManager.default.fileExists(atPath: h.exportPath))
      close(lock)
      run.wait()
      #expect(run.status == 0, "\(run.stderr)")
      #expect(FileManager.default.contents(atPath: h.exportPath + "/summary.json") != nil)
    }
  }

  /// A run stopped while it holds the ledger (`PLAYLOOP_STOP_AT=locked`, as a stalled
  /// nightly run), with `body` run meanwhile and the holder resumed after it.
  private func whileHeld(_ h: LedgerHarness, _ body: (ChildProcess) throws -> Void) throws {
    let holder = try h.start(LedgerHarness.clocks[0], environment: ["PLAYLOOP_STOP_AT": "locked"])
    defer {
      holder.signal(SIGCONT)
      holder.wait()
    }
    var waited = 0
    while holderRecord(h)?.hasPrefix("pid \(holder.pid) on ") != true, waited < 1200, holder.isRunning {
      usleep(50_000)
      waited += 1
    }
    #expect(holderRecord(h)?.hasPrefix("pid \(holder.pid) on ") == true, "\(holder.stderr)")
    try body(holder)
  }

  private func holderRecord(_ h: LedgerHarness) -> String? {
    try? String(contentsOfFile: h.ledgerPath + ".lock", encoding: .utf8)
  }

  /// Issue 13's contract: a ledgered run that finds the ledger held by another run is
  /// refused at once, exit 3, naming the holder; it never hangs (a cron retry behind a
  /// stalled run). The holder then finishes and empties the lock file.
  @Test func aHeldLedgerIsRefusedAtOnceNamingTheHolder() throws {
    try LedgerHarness.with { h in
      try whileHeld(h) { holder in
        let started = Date()
        let refused = try h.run(LedgerHarness.clocks[1])
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(
          refused.stderr.contains("error: state/sends.ledger is held by another run (pid \(holder.pid) on "),
          "\(refused.stderr)")
        #expect(refused.stderr.contains("; nothing was exported"))
        #expect(refused.stderr.contains("--wait SECONDS"))
        let json = try h.run(LedgerHarness.clocks[1], ["--format", "json"])
        #expect(json.status == 3)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let first = (object?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["code"] as? String == "ledger_locked", "\(json.stdout)")
        #expect((first?["message"] as? String)?.contains("pid \(holder.pid) on ") == true)
        // A refused run leaves the holder's record as it was.
        #expect(holderRecord(h)?.hasPrefix("pid \(holder.pid) on ") == true)
      }
      #expect(holderRecord(h) == "")
      // Only the holder's night was recorded.
      let state = try h.state()
      #expect(state["ledger"]?.contains("1-20261020T000000Z") == true)
      #expect(state["ledger"]?.contains("20261021T000000Z") == false)
    }
  }

  /// `--wait SECONDS` waits that long, then refuses the same way.
  @Test func aBoundedWaitRefusesAfterIt() throws {
    try LedgerHarness.with { h in
      try whileHeld(h) { holder in
        let started = Date()
        let refused = try h.run(LedgerHarness.clocks[1], ["--wait", "1"])
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(refused.stderr.hasPrefix("note: waiting up to 1s for another run to release state/sends.ledger…\n"))
        #expect(refused.stderr.contains("(pid \(holder.pid) on "), "\(refused.stderr)")
        #expect(refused.stderr.contains(", still after waiting 1s; nothing was exported"))
      }
      let bad = try h.run(LedgerHarness.clocks[1], ["--wait", "-1"])
      #expect(bad.status == 2, "\(bad.stderr)")
    }
  }
}
