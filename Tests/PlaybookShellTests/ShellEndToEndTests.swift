import Foundation
import PlayloopTestSupport
import Testing

/// The real `playloop` binary on a pseudo-terminal, typed at as a person would.
/// Everything asserted here is the shell's own behaviour, whatever the session.
@Suite(.serialized) struct ShellEndToEndTests {
  static let arrowUp = "\u{1b}[A"
  static let ctrlC = "\u{3}"
  static let ctrlD = "\u{4}"
  static let backspace = "\u{7f}"
  static let prompt = "playloop> "

  func start(_ home: ScratchHome) throws -> PseudoTerminal {
    let terminal = try PseudoTerminal(BuiltProduct.playloop, environment: home.environment)
    try atPrompt(terminal, within: 10)
    return terminal
  }

  /// Waits for the next prompt and for the editor to be reading keys. Between prompts
  /// the terminal is in cooked mode, where the line discipline echoes keys itself and
  /// consumes Ctrl-C and Ctrl-D, so a test types only at a prompt.
  func atPrompt(_ terminal: PseudoTerminal, _ prompt: String = prompt, within seconds: Double = 5)
    throws
  {
    try terminal.expect(prompt, within: seconds)
    try terminal.waitForRawMode()
  }

  @Test func tabCompletesACommandAndListsAmbiguousOnes() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send(":he\t")
    try terminal.expect(":help ")
    terminal.send("\r")
    try terminal.expect("Commands:")
    try atPrompt(terminal)
    terminal.send(":s\t")
    try terminal.expect(":sample  :save    :show")
    try atPrompt(terminal, "playloop> :s")
    terminal.send("how\t\u{15}")  // Ctrl-U clears the line
    terminal.send(Self.ctrlD)
    #expect(terminal.waitForExit() == 0)
  }

  @Test func statementLinesGetTheContinuationPromptAndCtrlCDropsThem() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send("rule x priority 5\r")
    try atPrompt(terminal, "     ...> ")
    terminal.send("  when ticket.csat >= 4\r")
    try atPrompt(terminal, "     ...> ")
    terminal.send(Self.ctrlC)
    try atPrompt(terminal, "^C\n" + Self.prompt)
    terminal.send(Self.ctrlD)
    #expect(terminal.waitForExit() == 0)
  }

  @Test func ctrlCDropsTheLineBeingTyped() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send(":help lo")
    try terminal.expect(":help lo")
    terminal.send(Self.ctrlC)
    try atPrompt(terminal, "^C\n" + Self.prompt)
    terminal.send(":help run\r")
    try terminal.expect("usage: :run\n")
    try atPrompt(terminal)
    terminal.send(Self.ctrlD)
    #expect(terminal.waitForExit() == 0)
  }

  @Test func arrowUpRecallsHistoryAcrossSessions() throws {
    let home = try ScratchHome()
    do {
      let terminal = try start(home)
      terminal.send(":help rules\r")
      try terminal.expect("usage: :rules\n")
      try atPrompt(terminal)
      terminal.send(":help test\r")
      try terminal.expect("usage: :test\n")
      try atPrompt(terminal)
      // libedit redraws only what changed, so the recalled line is judged by its effect.
      terminal.send(Self.arrowUp + Self.arrowUp + "\r")
      try terminal.expect("usage: :rules\n")
      try atPrompt(terminal)
      terminal.send(Self.ctrlD)
      #expect(terminal.waitForExit() == 0)
    }
    let saved = try String(contentsOfFile: home.historyFile, encoding: .utf8)
    #expect(saved.hasPrefix("_HiStOrY_V2_\n"))
    #expect(saved.contains(#":help\040rules"#))
    let again = try start(home)
    again.send(Self.arrowUp + "\r")
    try again.expect("usage: :rules\n")
    try atPrompt(again)
    again.send(Self.ctrlD)
    #expect(again.waitForExit() == 0)
  }

  @Test func aMultiLineStatementIsOneHistoryEntry() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send("rule x\r")
    try atPrompt(terminal, "     ...> ")
    terminal.send("  when ticket.csat >= 4\r")
    try atPrompt(terminal, "     ...> ")
    terminal.send("\r")
    try atPrompt(terminal)
    terminal.send(Self.arrowUp)
    try terminal.expect("rule x\n  when ticket.csat >= 4")
    terminal.send(Self.ctrlC)
    try atPrompt(terminal)
    terminal.send(":quit\r")
    // A fresh session takes the rule (its checks wait for data), so it asks once.
    try terminal.expect("unsaved changes; type :quit again to leave, or :save FILE")
    try atPrompt(terminal)
    terminal.send(":quit\r")
    #expect(terminal.waitForExit() == 0)
    let saved = try String(contentsOfFile: home.historyFile, encoding: .utf8)
    #expect(saved.contains(#"rule\040x\012\040\040when\040ticket.csat\040>=\0404"#))
  }

  @Test func utf8IsEditedByCharacter() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send(":help rulesé" + Self.backspace + "\r")
    try terminal.expect("usage: :rules\n")
    try atPrompt(terminal)
    terminal.send(":help café\r")
    try terminal.expect("no command or language topic 'café'")
    try atPrompt(terminal)
    terminal.send(Self.ctrlD)
    #expect(terminal.waitForExit() == 0)
  }

  @Test func leavingWithUnsavedChangesAsksOnce() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send("window 30d\r")
    try atPrompt(terminal)
    terminal.send(Self.ctrlD)
    try terminal.expect("unsaved changes; press Ctrl-D again to leave")
    try atPrompt(terminal)
    terminal.send(Self.ctrlD)
    #expect(terminal.waitForExit() == 0)
  }
}

/// `playloop` reading a script from a pipe: no prompts, results on stdout, the first
/// error on stderr and a non-zero exit.
@Suite(.serialized) struct ShellScriptModeTests {
  func run(script: String) throws -> ChildProcess {
    try ChildProcess.playloopScript(script)
  }

  @Test func helpPrintsWithoutPrompts() throws {
    let result = try run(script: ":help load\n")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("usage: :load FILE\n"))
    #expect(!result.stdout.contains("playloop> "))
    #expect(result.stderr == "")
  }

  @Test func stopsAtTheFirstErrorWithTheDiagnosticOnStderr() throws {
    let result = try run(script: ":help run\n:lod x\n:help test\n")
    #expect(result.status == 2)
    #expect(
      result.stdout
        == "usage: :run\nEvaluate the playbook: candidates and decisions per rule and offer.\n\n"
        + "Shows the evaluation clock and time taken, and warns of values that overflowed (read as null) "
        + "as `playloop run` does. After the first run only what changed is re-evaluated. Ctrl-C stops a long run. "
        + "An `unrendered` count (and bar part) shows when some message could not be filled in.\n")
    #expect(result.stderr == "<stdin>:2: error: unknown command ':lod'; did you mean ':load'?\n")
  }

  /// `playloop FILE`, `playloop repl FILE` and the headless subcommands all route.
  @Test func aFileArgumentIsLoadedFirstWithOrWithoutRepl() throws {
    let banner = "Loaded \"Service recovery loop\": 4 tables (200 customers"
    for arguments in [
      ["Playbooks/service-recovery.playbook"], ["repl", "Playbooks/service-recovery.playbook"],
    ] {
      let result = try ChildProcess.playloopScript(
        ":rules\n", arguments: arguments)
      #expect(result.status == 0)
      #expect(result.stdout.hasPrefix(banner))
      #expect(result.stdout.contains("quick_fix_thanks         5  complaint  THANKS10\n"))
    }
    let check = try ChildProcess.playloopScript(
      "", arguments: ["check", "Playbooks/service-recovery.playbook"])
    #expect(check.status == 0)
    #expect(check.stdout.hasSuffix(": ok (4 rules, 4 offers)\n"))
  }

  /// A data file loaded as a playbook: the first 20 errors, then a count, as `check` shows.
  @Test func manyErrorsAreCappedWithACount() throws {
    let scratch = try ScratchFolder("shell")
    defer { scratch.remove() }
    let data = try scratch.write((1...30).map { "C-\($0),x\n" }.joined(), to: "data.csv")
    let result = try ChildProcess.playloopScript("", arguments: [data])
    #expect(result.status == 1)
    #expect(result.stderr.components(separatedBy: ": error: ").count - 1 == 20)
    #expect(result.stderr.hasSuffix("… and 10 more errors\n"), "\(result.stderr)")
  }

  /// Input that cannot be read: exit 2, as `playloop run no-such.playbook`.
  @Test func aFileThatCannotBeReadStopsAScript() throws {
    let result = try ChildProcess.playloopScript(
      ":rules\n", arguments: ["no-such.playbook"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr == "no-such.playbook: error: cannot read no-such.playbook\n")
  }

  /// The shell reports the kind of the error a script stopped at; `playloop` maps it to
  /// the exit status as for every command (docs/DIAGNOSTICS.md).
  @Test func theExitStatusFollowsTheKindOfTheError() throws {
    // A data file that cannot be read: input, 2.
    let data = try run(script: "load customers from \"Examples/data/nope.csv\"\n:run\n")
    #expect(data.status == 2)
    #expect(
      data.stderr.contains(
        "Examples/data/nope.csv: error: cannot read the file: no such file\n<stdin>:1:21: note: loaded here\n"))
    // A statement that does not check: playbook, 1.
    let typo = try run(
      script: "load customers from \"Examples/data/customers.csv\"\nsegment big = customer.lifetime_valu > 5\n:run\n")
    #expect(typo.status == 1)
    #expect(typo.stderr.hasPrefix("<stdin>:2:24: error: unknown field 'lifetime_valu' on customer\n"))
    // A command that needs data when none is loaded: usage, 2.
    let noData = try run(script: ":run\n")
    #expect(noData.status == 2)
    #expect(noData.stderr == "error: no data loaded: :load a playbook, or type `load customers from \"FILE\"`\n")
  }
}
