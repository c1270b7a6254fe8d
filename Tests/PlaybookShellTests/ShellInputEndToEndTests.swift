import Foundation
import PlayloopTestSupport
import Testing

/// Input that behaves, on the real binary at a terminal: a line that starts nothing is
/// an error at once, one-line statements end at Enter, a typed statement's every error
/// shows in one round, commands may be shortened, and `:help TOPIC` is the language's.
@Suite(.serialized) struct ShellInputEndToEndTests {
  func start(_ home: ScratchHome, _ arguments: [String] = [], columns: UInt16 = 80) throws -> PseudoTerminal {
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: arguments, environment: home.environment, columns: columns)
    try terminal.atPrompt(within: 20)
    return terminal
  }

  /// The late-error bug: a misspelt first word used to open a statement (`...>`) and be
  /// reported only after the next line.
  @Test func aMisspeltFirstWordIsReportedAtOnceWithDidYouMean() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send("segmnt vip = customer.tier == \"gold\"\r")
    let shown = try terminal.expect("did you mean 'segment'?")
    #expect(!shown.contains("...>"))
    try terminal.atPrompt()
    terminal.send("\\q\r")
    try terminal.expect("did you mean ':quit'?")
    try terminal.atPrompt()
    terminal.send(".mode csv\r")
    try terminal.expect("did you mean ':mode csv'?")
    try terminal.atPrompt()
    terminal.send(".timer on\r")
    try terminal.expect("timings are always shown")
    try terminal.atPrompt()
    terminal.send("help\r")
    try terminal.expect("did you mean ':help'?")
    try terminal.atPrompt()
    #expect(!terminal.screen.contains("...>"))
    terminal.send("exit\r")
    #expect(terminal.waitForExit() == 0)
  }

  /// `quit` and `exit` leave as `:quit` does: asking once when there are unsaved changes.
  @Test func quitAloneOnALineLeavesAfterAskingAboutUnsavedChanges() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send("window 7d\r")
    try terminal.atPrompt()
    terminal.send("quit\r")
    try terminal.expect("unsaved")
    try terminal.atPrompt()
    terminal.send("quit\r")
    #expect(terminal.waitForExit() == 0)
  }

  /// One-line statements end at Enter; a rule goes on with `...>` until a blank line.
  @Test func oneLineStatementsEndAtEnterAndRulesContinue() throws {
    let home = try ScratchHome()
    let terminal = try start(home, [Repository.serviceRecovery])
    terminal.send("offer NEW5 \"5% off\" valid 30d\r")
    try terminal.expect("added offer NEW5")
    try terminal.atPrompt()
    terminal.send("segment gold = customer.tier == \"gold\"\r")
    try terminal.expect("added segment gold")
    try terminal.atPrompt()
    terminal.send("segment top = customer.tier in [\"gold\",\r")
    try terminal.atPrompt(PseudoTerminal.continuationPrompt)
    terminal.send("\"platinum\"]\r")
    try terminal.expect("added segment top")
    try terminal.atPrompt()
    terminal.send("rule gold_thanks\r")
    try terminal.atPrompt(PseudoTerminal.continuationPrompt)
    terminal.send("  when customer in gold\r")
    try terminal.atPrompt(PseudoTerminal.continuationPrompt)
    terminal.send("  send NEW5 via email\r")
    try terminal.atPrompt(PseudoTerminal.continuationPrompt)
    terminal.send("\r")
    try terminal.expect("added rule gold_thanks")
    try terminal.atPrompt()
    terminal.send(":q\r")
    try terminal.expect("unsaved")
    try terminal.atPrompt()
    terminal.send(":q\r")
    #expect(terminal.waitForExit() == 0)
  }

  /// The phrase typo, the unknown offer and the unknown channel, all after one Enter.
  @Test func aTypedRuleReportsEveryErrorInOneRound() throws {
    let home = try ScratchHome()
    let terminal = try start(home, [Repository.serviceRecovery])
    terminal.send("rule r\r  when complaint resolvd within 4h\r  send NOPE via smoke\r\r")
    try terminal.expect("unknown phrase 'resolvd'")
    try terminal.expect("unknown offer 'NOPE'")
    try terminal.expect("unknown channel 'smoke'")
    try terminal.atPrompt()
    terminal.send(":rules\r")
    try terminal.expect("cancel_risk")
    try terminal.atPrompt()
    #expect(!terminal.screen.contains("added rule r"))
    terminal.send(":q\r")
    #expect(terminal.waitForExit() == 0)
  }

  @Test func commandsMayBeShortenedToAUniqueStart() throws {
    let home = try ScratchHome()
    let terminal = try start(home, [Repository.serviceRecovery])
    terminal.send(":h\r")
    try terminal.expect("Commands:")
    try terminal.atPrompt()
    terminal.send(":ru\r")
    try terminal.expect("ambiguous command ':ru': it starts :rules, :run")
    try terminal.atPrompt()
    terminal.send(":rul\r")
    try terminal.expect("quick_fix_thanks")
    try terminal.atPrompt()
    terminal.send(":q\r")
    #expect(terminal.waitForExit() == 0)
  }

  /// `:help TOPIC` prints docs/LANGUAGE.md's section, wrapped to the terminal; `:help`
  /// names the document and the topics.
  @Test func helpShowsTheLanguageReferenceWrappedToTheTerminal() throws {
    let home = try ScratchHome()
    let terminal = try start(home, columns: 60)
    terminal.send(":help\r")
    try terminal.expect("docs/LANGUAGE.md")
    try terminal.atPrompt()
    terminal.send(":help when\r")
    try terminal.expect("rule NAME [priority N]")
    try terminal.expect("    when ticket.csat == 5")
    try terminal.expect("priority` (default 0; higher wins)")
    try terminal.atPrompt()
    terminal.send(":help holdout\r")
    let holdout = try terminal.expect("holdout 5% seed")
    try terminal.atPrompt()
    for line in PseudoTerminal.plain(holdout).split(separator: "\n") {
      #expect(line.count <= 60, "\(line)")
    }
    terminal.send(":help limit\r")
    try terminal.expect("limit 1 per customer per 7d")
    try terminal.atPrompt()
    terminal.send(":q\r")
    #expect(terminal.waitForExit() == 0)
  }

  /// At the prompt the start-up file runs after the playbook loads, before the first prompt;
  /// its errors are shown and the shell goes on. `--no-rc` skips it.
  @Test func theStartUpFileRunsBeforeThePrompt() throws {
    let home = try ScratchHome()
    try ":as-of 2026-10-01T00:00:00Z\n:lod x\n".write(
      toFile: home.directory + "/.playlooprc", atomically: true, encoding: .utf8)
    let terminal = try start(home, [Repository.serviceRecovery])
    #expect(terminal.screen.contains("Clock 2026-10-01T00:00:00Z."))
    #expect(terminal.screen.contains(".playlooprc:2: error: unknown command ':lod'"))
    terminal.send(":q\r")
    #expect(terminal.waitForExit() == 0)
    let skipping = try start(home, ["--no-rc", Repository.serviceRecovery])
    #expect(!skipping.screen.contains("2026-10-01"))
    skipping.send(":q\r")
    #expect(skipping.waitForExit() == 0)
  }
}
