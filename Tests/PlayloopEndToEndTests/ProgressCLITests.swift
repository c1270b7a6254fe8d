import Foundation
import PlayloopTestSupport
import Testing

/// The progress line of `run`, `check`, `describe`, `explain` and `test`: on a terminal's
/// stderr (here with `PLAYLOOP_PROGRESS_AFTER_MS=0`, so the flagship's small load shows
/// it), never through a pipe, with `--quiet` or with JSON.
@Suite(.serialized) struct ProgressCLITests {
  /// The environment of a terminal that shows progress at once.
  static func environment(_ home: ScratchHome) -> [String: String] {
    home.environment.merging(["PLAYLOOP_PROGRESS_AFTER_MS": "0"]) { $1 }
  }

  /// `run` on a terminal: a line per table, then evaluating, deciding and exporting,
  /// cleared and followed by one summary with the times, before the results.
  @Test func runShowsProgressOnATerminal() throws {
    let home = try ScratchHome()
    let out = home.directory + "/out"
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: ["run", Repository.serviceRecovery, "--out", out],
      environment: Self.environment(home), columns: 100)
    try terminal.expect("customers ", within: 60)
    try terminal.expect("loaded 4 tables (", within: 60)
    try terminal.expect(" · evaluated in ")
    try terminal.expect(" · decided in ")
    try terminal.expect("exported in ")
    try terminal.expect("Service recovery loop")
    #expect(terminal.waitForExit(within: 60) == 0)
  }

  /// `--quiet` and JSON show no progress on a terminal, even when it would show at once.
  @Test(arguments: [["--quiet"], ["--format", "json"], ["--json"]])
  func quietAndJSONShowNone(_ options: [String]) throws {
    let home = try ScratchHome()
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: ["run", Repository.serviceRecovery, "--dry-run"] + options,
      environment: Self.environment(home), columns: 100)
    #expect(terminal.waitForExit(within: 60) == 0)
    terminal.pump(until: Date().addingTimeInterval(0.2))
    #expect(terminal.screen.contains(options == ["--quiet"] ? "Service recovery loop" : "\"clock\""))
    #expect(!terminal.screen.contains("customers "))
    #expect(!terminal.screen.contains("loaded 4 tables"))
  }

  /// Through a pipe stderr is not a terminal: no line, no carriage return.
  @Test func aPipeShowsNone() throws {
    let home = try ScratchHome()
    let run = try ChildProcess.playloop(
      ["run", Repository.serviceRecovery, "--dry-run"], environment: Self.environment(home),
      inheritingEnvironment: false)
    #expect(run.status == 0)
    #expect(!run.stderr.contains("\r"))
    #expect(!run.stderr.contains("loaded 4 tables"))
    #expect(run.stdout.contains("Service recovery loop"))
  }

  /// Every command that loads data shows the load, and `--quiet` silences each.
  @Test(arguments: [
    ["check", Repository.serviceRecovery], ["describe", Repository.serviceRecovery],
    ["explain", Repository.serviceRecovery, "C-0001"], ["test", Repository.serviceRecovery],
  ])
  func commandsThatLoadShowIt(_ arguments: [String]) throws {
    let home = try ScratchHome()
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: arguments, environment: Self.environment(home), columns: 100)
    try terminal.expect("loaded 4 tables (", within: 60)
    _ = terminal.waitForExit(within: 60)
    let quiet = try PseudoTerminal(
      BuiltProduct.playloop, arguments: arguments + ["--quiet"], environment: Self.environment(home), columns: 100)
    _ = quiet.waitForExit(within: 60)
    quiet.pump(until: Date().addingTimeInterval(0.2))
    #expect(!quiet.screen.contains("loaded 4 tables"), "\(quiet.screen)")
  }
}
