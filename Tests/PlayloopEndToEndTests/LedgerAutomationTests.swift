import Foundation
import PlayloopTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 13, "the send ledger is the only way out": the real binary, run as a nightly job
/// and as a marketer at the shell beside it. Each test failed before its fix.
@Suite struct LedgerAutomationTests {
  static let day1 = LedgerHarness.clocks[0]
  static let day2 = LedgerHarness.clocks[1]

  /// The shell on the harness's playbook, with `script` on stdin (script mode).
  private func shell(_ h: LedgerHarness, _ script: String) throws -> ChildProcess {
    try ChildProcess.playloopScript(script, arguments: ["nightly.playbook"], in: h.folder)
  }

  // MARK: :export goes through the ledger

  /// `:export` on a ledgered playbook records its sends exactly as `run` does: the same
  /// export, the same ledger, the same run id — so a `run` after it replays it.
  @Test func shellExportRecordsItsSendsAsRunDoes() throws {
    var byRun: [String: String] = [:]
    try LedgerHarness.with { h in
      let run = try h.run(Self.day1)
      #expect(run.status == 0, "\(run.stderr)")
      byRun = try h.state()
    }
    try LedgerHarness.with { h in
      let session = try shell(h, ":as-of \(Self.day1)\n:export\n")
      #expect(session.status == 0, "\(session.stdout)\(session.stderr)")
      #expect(session.stdout.contains("run 1-20261020T000000Z: recorded "), "\(session.stdout)")
      let byShell = try h.state()
      #expect(byShell == byRun)
      #expect(byShell["out/summary.json"]?.contains("\"run_id\": \"1-20261020T000000Z\"") == true)
      // The nightly run at the same clock recognises the shell's run as its own.
      let rerun = try h.run(Self.day1)
      #expect(rerun.status == 0, "\(rerun.stderr)")
      #expect(rerun.stdout.contains("Run 1-20261020T000000Z replayed"), "\(rerun.stdout)")
      #expect(try h.state() == byRun)
    }
  }

  /// `:export --preview` writes beside the export, marked `"preview": true`, and touches
  /// neither the ledger nor the export; it is refused the export folder itself.
  @Test func shellPreviewNeverTouchesTheLedgerOrTheExport() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(Self.day1).status == 0)
      let before = try h.state()
      let ledgerBytes = FileManager.default.contents(atPath: h.ledgerPath)
      let session = try shell(h, ":as-of \(Self.day2)\n:export --preview\n")
      #expect(session.status == 0, "\(session.stdout)\(session.stderr)")
      #expect(session.stdout.contains("nothing was sent or recorded"), "\(session.stdout)")
      let summary = try String(contentsOfFile: h.folder + "/out-preview/summary.json", encoding: .utf8)
      #expect(summary.contains("\"run_id\": null,\n  \"preview\": true,"))
      // Decided against the ledger (read only): day 1's sends show as already sent.
      let object = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any]
      let statuses = try #require(object?["statuses"] as? [String: Any])
      #expect((statuses["already_sent"] as? Int ?? 0) > 0)
      #expect(FileManager.default.contents(atPath: h.ledgerPath) == ledgerBytes)
      #expect(try h.state() == before)

      let into = try shell(h, ":export --preview out\n")
      #expect(into.status == 2)
      #expect(into.stderr.contains("never writes into the playbook's export folder"), "\(into.stderr)")
      #expect(try h.state() == before)
    }
  }

  /// A folder holding a ledgered export is replaced only by a ledgered run of the same
  /// playbook: not by a run without the ledger (exit 3), not by a preview.
  @Test func aLedgeredExportIsOnlyReplacedByALedgeredRun() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(Self.day1).status == 0)
      let before = try h.state()
      let unledgered = LedgerHarness.playbook().replacingOccurrences(of: "ledger \"state/sends.ledger\"\n", with: "")
      try unledgered.write(toFile: h.folder + "/adhoc.playbook", atomically: true, encoding: .utf8)
      let run = try ChildProcess.playloop(["run", "adhoc.playbook", "--as-of", Self.day2], in: h.folder)
      #expect(run.status == 3)
      #expect(run.stderr.contains("out holds the ledgered export of run 1-20261020T000000Z"), "\(run.stderr)")
      let preview = try shell(h, ":export --preview out2\n:export --preview out2\n")
      #expect(preview.status == 0, "\(preview.stderr)")
      let overPreview = try ChildProcess.playloop(
        ["run", "adhoc.playbook", "--as-of", Self.day2, "--out", "out2"], in: h.folder)
      #expect(overPreview.status == 0, "a preview is not a ledgered export: \(overPreview.stderr)")
      #expect(try h.state() == before)
      // The nightly run itself goes on replacing it.
      #expect(try h.run(Self.day2).status == 0)
    }
  }

  /// The shell never waits behind a nightly run: a held lock is a refusal, exit 3.
  @Test func shellExportRefusesALockedLedger() throws {
    try LedgerHarness.with { h in
      let fd = open(h.ledgerPath + ".lock", O_RDWR | O_CREAT, 0o644)
      #expect(fd >= 0)
      defer { close(fd) }
      #expect(flock(fd, LOCK_EX) == 0)
      let session = try shell(h, ":as-of \(Self.day1)\n:export\n")
      #expect(session.status == 3)
      #expect(session.stderr.contains("is held by another run"), "\(session.stderr)")
      #expect(!FileManager.default.fileExists(atPath: h.exportPath))
    }
  }

  // MARK: limit without per D

  @Test func aPerRunLimitWithALedgerIsWarnedWithItsFix() throws {
    let playbook = LedgerHarness.playbook().replacingOccurrences(
      of: "limit 2 per customer per 7d", with: "limit 2 per customer")
    try LedgerHarness.with(playbook: playbook) { h in
      let check = try ChildProcess.playloop(["check", "nightly.playbook"], in: h.folder)
      #expect(check.status == 0)
      #expect(check.stderr.contains("warning: limit 2 per customer counts this run's sends only"), "\(check.stderr)")
      #expect(check.stderr.contains("`limit 2 per customer per 7d`"))
      let json = try ChildProcess.playloop(["check", "--format", "json", "nightly.playbook"], in: h.folder)
      #expect(json.stdout.contains("\"limit_per_run\""), "\(json.stdout)")
      #expect(json.stdout.contains("limit 2 per customer per 7d"))
      let run = try h.run(Self.day1)
      #expect(run.status == 0)
      #expect(run.stderr.contains("warning: limit 2 per customer counts this run's sends only"))
    }
    // Without a ledger statement, `--ledger` brings the same warning; without any ledger, none.
    let unledgered = playbook.replacingOccurrences(of: "ledger \"state/sends.ledger\"\n", with: "")
    try LedgerHarness.with(playbook: unledgered) { h in
      let plain = try h.run(Self.day1)
      #expect(plain.status == 0)
      #expect(!plain.stderr.contains("limit_per_run") && !plain.stderr.contains("counts this run's sends only"))
      let ledgered = try h.run(Self.day2, ["--ledger", "x.ledger", "--out", "out2"])
      #expect(ledgered.status == 0, "\(ledgered.stderr)")
      #expect(ledgered.stderr.contains("counts this run's sends only"))
    }
  }

  /// Every shipped playbook is a nightly loop, so it has limits and each has a period.
  @Test func shippedPlaybooksLimitPerPeriod() throws {
    for name in try Repository.shippedPlaybooks() {
      let text = try String(contentsOfFile: Repository.path("Playbooks/\(name).playbook"), encoding: .utf8)
      let limits = text.split(separator: "\n").filter { $0.hasPrefix("limit ") }
      #expect(!limits.isEmpty, "\(name)")
      for limit in limits { #expect(limit.contains(" per customer per "), "\(name): \(limit)") }
    }
  }

  // MARK: holdout seed

  /// The held-out customers of a run of `playbook`, from its decisions log.
  private func heldOut(_ playbook: String) throws -> Set<String> {
    var held: Set<String> = []
    let unledgered = playbook.replacingOccurrences(of: "ledger \"state/sends.ledger\"\n", with: "")
    try LedgerHarness.with(playbook: unledgered) { h in
      #expect(try h.run(Self.day1).status == 0)
      let log = try String(contentsOfFile: h.exportPath + "/decisions.csv", encoding: .utf8)
      for line in log.split(separator: "\r\n") where line.contains(",holdout,") {
        held.insert(String(line.split(separator: ",")[0]))
      }
    }
    return held
  }

  @Test func aSeededHoldoutDoesNotDependOnThePlaybooksName() throws {
    func seeded(_ name: String) -> String {
      LedgerHarness.playbook(name: name).replacingOccurrences(
        of: "holdout 5%", with: "holdout 5% seed \"recovery-2026\"")
    }
    let a = try heldOut(seeded("Service recovery loop"))
    let b = try heldOut(seeded("Service recovery, renamed"))
    #expect(!a.isEmpty)
    #expect(a == b)
    // Without a seed the playbook's name is the seed (the documented default).
    let unseeded = try heldOut(LedgerHarness.playbook(name: "Service recovery, renamed"))
    #expect(unseeded != a)
    #expect(try heldOut(LedgerHarness.playbook(name: "recovery-2026")) == a)
  }

  @Test func aChangedHoldoutIsRefusedUnlessNew() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(Self.day1).status == 0)
      let before = try h.state()
      let bytes = FileManager.default.contents(atPath: h.ledgerPath)
      for changed in ["holdout 10%", "holdout 5% seed \"recovery-2026\""] {
        try LedgerHarness.playbook().replacingOccurrences(of: "holdout 5%", with: changed)
          .write(toFile: h.folder + "/nightly.playbook", atomically: true, encoding: .utf8)
        let run = try h.run(Self.day2)
        #expect(run.status == 3, "\(changed): \(run.stderr)")
        #expect(run.stderr.contains("differs from holdout 5% seed \"Service recovery loop\" recorded in"))
        #expect(run.stderr.contains("--new-holdout"))
        #expect(FileManager.default.contents(atPath: h.ledgerPath) == bytes)
        #expect(try h.state() == before)
      }
      let renewed = try h.run(Self.day2, ["--new-holdout"])
      #expect(renewed.status == 0, "\(renewed.stderr)")
      // The new experiment is recorded: the next night keeps it without the flag.
      #expect(try h.run(LedgerHarness.clocks[2]).status == 0)
    }
  }

  // MARK: pinned clock, --as-of now

  @Test func aPinnedClockSaysItReplays() throws {
    let playbook = LedgerHarness.playbook().replacingOccurrences(
      of: "window 30d\n", with: "window 30d\nas of \(Self.day1)\n")
    try LedgerHarness.with(playbook: playbook) { h in
      let first = try ChildProcess.playloop(["run", "nightly.playbook"], in: h.folder)
      #expect(first.status == 0, "\(first.stderr)")
      #expect(first.stderr.contains("nightly.playbook:3:1: warning: the clock is pinned by `as of` on line 3"))
      let second = try ChildProcess.playloop(["run", "nightly.playbook"], in: h.folder)
      #expect(second.status == 0)
      #expect(
        second.stderr.contains(
          "the clock is pinned by `as of` on line 3: run 1-20261020T000000Z was a replay of that night"),
        "\(second.stderr)")
      #expect(second.stderr.contains("--as-of now"))
      let now = try ChildProcess.playloop(["run", "nightly.playbook", "--as-of", "now"], in: h.folder)
      #expect(now.status == 0, "\(now.stderr)")
      #expect(!now.stderr.contains("pinned"))
      #expect(now.stdout.contains("Run 2-"))
      let explain = try ChildProcess.playloop(
        ["explain", "nightly.playbook", "C-0001", "--as-of", "now"], in: h.folder)
      #expect(explain.status == 0, "\(explain.stderr)")
      let since = try ChildProcess.playloop(["ledger", h.ledgerPath, "--since", "now"], in: h.folder)
      #expect(since.status == 0, "\(since.stderr)")
      let bad = try ChildProcess.playloop(["run", "nightly.playbook", "--as-of", "tonight"], in: h.folder)
      #expect(bad.status == 2)
    }
  }

  // MARK: invalid ledgers

  @Test func anEmptiedLedgerIsRefusedWhateverItsSize() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(Self.day1).status == 0)
      let export = try h.state().filter { $0.key.hasPrefix("out/") }
      try Data().write(to: URL(fileURLWithPath: h.ledgerPath))
      let run = try h.run(Self.day2)
      #expect(run.status == 3)
      #expect(run.stderr.contains("state/sends.ledger is not a ledger: the file is empty"), "\(run.stderr)")
      #expect(FileManager.default.contents(atPath: h.ledgerPath)?.isEmpty == true)
      #expect(try h.state().filter { $0.key.hasPrefix("out/") } == export)
      for command in [["ledger", h.ledgerPath], ["run", "nightly.playbook", "--dry-run", "--as-of", Self.day2]] {
        let read = try ChildProcess.playloop(command, in: h.folder)
        #expect(read.status == 3, "\(command): \(read.stderr)")
      }
      // Only asked for: a new ledger where the empty file stands.
      let fresh = try h.run(Self.day2, ["--new-ledger"])
      #expect(fresh.status == 0, "\(fresh.stderr)")
      #expect(fresh.stdout.contains("Run 1-20261021T000000Z: recorded"))
      let again = try h.run(LedgerHarness.clocks[2], ["--new-ledger"])
      #expect(again.status == 3)
      #expect(again.stderr.contains("--new-ledger: state/sends.ledger already holds a ledger"))
    }
  }

  // MARK: a read-only previous export

  /// `playloop run` as a process without root's power over permissions (as a cron job's
  /// user): under root, the bounding set drops CAP_DAC_OVERRIDE, so `chmod` binds.
  private func runUnprivileged(_ h: LedgerHarness, _ clock: String) throws -> ChildProcess {
    let arguments = ["run", "nightly.playbook", "--as-of", clock]
    guard getuid() == 0 else { return try ChildProcess.playloop(arguments, in: h.folder) }
    return try ChildProcess.run(
      "/usr/bin/setpriv", ["--bounding-set=-dac_override,-dac_read_search", BuiltProduct.playloop] + arguments,
      in: h.folder)
  }

  private func leftovers(_ h: LedgerHarness) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: h.folder).filter { $0.hasPrefix(".out.") }
  }

  @Test func aReadOnlyPreviousExportIsReplacedAndLeavesNothingBehind() throws {
    try LedgerHarness.with { h in
      #expect(try runUnprivileged(h, Self.day1).status == 0)
      #expect(chmod(h.exportPath, 0o555) == 0)
      let second = try runUnprivileged(h, Self.day2)
      #expect(second.status == 0, "\(second.stderr)")
      #expect(try leftovers(h) == [])
      // What an earlier Playloop left: a read-only old export of a dead process.
      let stale = h.folder + "/.out.old-999999"
      try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: false)
      try "{}".write(toFile: stale + "/summary.json", atomically: false, encoding: .utf8)
      #expect(chmod(stale, 0o555) == 0)
      let third = try runUnprivileged(h, LedgerHarness.clocks[2])
      #expect(third.status == 0, "\(third.stderr)")
      #expect(try leftovers(h) == [])
    }
  }
}
