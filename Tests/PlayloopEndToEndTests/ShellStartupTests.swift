import Foundation
import PlayloopTestSupport
import Testing

/// `playloop -c`, `-f`, the start-up file and `--keep-going`, through the real binary:
/// what runs, in which order, and the exit status (1 a check or test failed, 2 usage or
/// unreadable input).
@Suite struct ShellStartupTests {
  /// Runs `playloop` in a scratch home holding `rc` as `~/.playlooprc` when given.
  func playloop(_ arguments: [String], rc: String? = nil, environment: [String: String] = [:]) throws
    -> ChildProcess
  {
    let home = try ScratchHome()
    defer { home.remove() }
    if let rc { try rc.write(toFile: home.directory + "/.playlooprc", atomically: true, encoding: .utf8) }
    return try ChildProcess.playloop(
      arguments, environment: home.environment.merging(environment) { _, new in new },
      inheritingEnvironment: false, input: "")
  }

  @Test func commandsRunInOrderThenTheShellLeaves() throws {
    let out = try ScratchFolder("export")
    defer { out.remove() }
    let child = try playloop(["-c", ":run", "-c", ":export \(out.path("tonight"))", Repository.serviceRecovery])
    #expect(child.status == 0, "\(child.stderr)")
    #expect(child.stdout.contains("Loaded \"Service recovery loop\""))
    #expect(child.stdout.contains("THANKS10"))
    #expect(FileManager.default.fileExists(atPath: out.path("tonight/summary.json")))
  }

  @Test func aFileOfCommandsAndStatementsRuns() throws {
    let folder = try ScratchFolder("session")
    defer { folder.remove() }
    let session = try folder.write("segment gold = customer.tier == \"gold\"\n:show gold\n", to: "session.txt")
    let child = try playloop(["-f", session, Repository.serviceRecovery])
    #expect(child.status == 0, "\(child.stderr)")
    #expect(
      child.stdout.contains("added segment gold\nno change in decisions\nsegment gold = customer.tier == \"gold\""))
  }

  /// `-c` and `-f` interleave as given, as in psql.
  @Test func commandsAndFilesRunInTheOrderGiven() throws {
    let folder = try ScratchFolder("order")
    defer { folder.remove() }
    let file = try folder.write(":as-of 2026-10-01T00:00:00Z\n", to: "session.txt")
    let child = try playloop([
      "-c", ":as-of 2026-09-01T00:00:00Z", "-f", file, "--command=:as-of 2026-08-01T00:00:00Z",
    ])
    #expect(child.status == 0, "\(child.stderr)")
    #expect(
      child.stdout
        == "Clock 2026-09-01T00:00:00Z.\nClock 2026-10-01T00:00:00Z.\nClock 2026-08-01T00:00:00Z.\n")
  }

  @Test func theExitStatusIsTheFirstErrorsUnlessKeepingGoing() throws {
    let stopped = try playloop(["-c", ":rus", "-c", "rule x", "-c", ":rules", Repository.serviceRecovery])
    #expect(stopped.status == 2)
    #expect(!stopped.stdout.contains("quick_fix_thanks"))
    let unreadable = try playloop(["-f", "/nonexistent/session.txt"])
    #expect(unreadable.status == 2)
    #expect(unreadable.stderr.contains("/nonexistent/session.txt"))
    let failing = try playloop(["-c", "rule x", Repository.serviceRecovery])
    #expect(failing.status == 1)
    #expect(failing.stderr.contains("<command>:1:6: error: rule 'x' has no send"))
  }

  @Test func keepGoingReportsEveryErrorAndFailsAtTheEnd() throws {
    let child = try playloop([
      "--keep-going", "-c", "rule x", "-c", ":rules", "-c", ":rus", Repository.serviceRecovery,
    ])
    #expect(child.status == 2)
    #expect(child.stderr.contains("rule 'x' has no send"))
    #expect(child.stderr.contains("unknown command ':rus'"))
    #expect(child.stdout.contains("quick_fix_thanks"))
    let script = try ChildProcess.playloopScript(
      ":rules\nrule x\n:rules\n", arguments: ["--keep-going", Repository.serviceRecovery])
    #expect(script.status == 1)
    #expect(script.stdout.components(separatedBy: "quick_fix_thanks").count == 3)
  }

  @Test func theStartUpFileRunsFirstUnlessSkipped() throws {
    let rc = ":as-of 2026-10-01T00:00:00Z\n"
    let read = try playloop(["-c", ":rules", Repository.serviceRecovery], rc: rc)
    #expect(read.status == 0)
    #expect(read.stdout.contains("Clock 2026-10-01T00:00:00Z."))
    let skipped = try playloop(["--no-rc", "-c", ":rules", Repository.serviceRecovery], rc: rc)
    #expect(!skipped.stdout.contains("Clock 2026-10-01T00:00:00Z."))
    let folder = try ScratchFolder("rc")
    defer { folder.remove() }
    let other = try folder.write(":as-of 2026-09-01T00:00:00Z\n", to: "other-rc")
    let named = try playloop(
      ["-c", ":rules", Repository.serviceRecovery], rc: rc, environment: ["PLAYLOOP_RC": other])
    #expect(named.stdout.contains("Clock 2026-09-01T00:00:00Z."))
    #expect(!named.stdout.contains("Clock 2026-10-01T00:00:00Z."))
    // An error in the start-up file is shown and counts, but the commands still run.
    let broken = try playloop(["-c", ":rules", Repository.serviceRecovery], rc: ":lod x\n")
    #expect(broken.status == 2)
    #expect(broken.stderr.contains(".playlooprc:1: error: unknown command ':lod'"))
    #expect(broken.stdout.contains("quick_fix_thanks"))
    // A script on stdin runs alone, the same on every machine.
    let home = try ScratchHome()
    defer { home.remove() }
    try rc.write(toFile: home.directory + "/.playlooprc", atomically: true, encoding: .utf8)
    let piped = try ChildProcess.playloop(
      [Repository.serviceRecovery], environment: home.environment, inheritingEnvironment: false, input: ":rules\n")
    #expect(piped.status == 0)
    #expect(!piped.stdout.contains("Clock 2026-10-01T00:00:00Z."))
  }
}
