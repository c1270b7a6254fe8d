import Foundation
import PlaybookEngine
import PlaybookLanguage

/// The read-evaluate-print loop: reads lines, groups them into statements and
/// commands, hands them to the session and prints what comes back.
///
/// At a terminal it prompts, edits with libedit, keeps history and survives errors;
/// reading a script (stdin not a terminal, `-c`, `-f`, the start-up file) it prints no
/// prompts and stops at the first error, or with `keepGoing` reports every error.
public final class Shell {
  /// The prompt for a new statement or command.
  public static let prompt = "playloop> "
  /// The prompt while a statement is open, as wide as `prompt`.
  public static let continuationPrompt = "     ...> "

  let session: any ShellSession
  private let input: any LineSource
  let printer: ShellPrinter
  private let isInteractive: Bool
  private let sourceName: String
  private let width: () -> Int?
  /// Pages long results; nil when output is not a terminal or paging is off.
  private let pager: Pager?
  /// How results print: `:mode`, `:x`, `:pager`.
  private var mode = OutputMode()
  /// Renders the shell's own diagnostics (bad `:command` usage, unsaved changes).
  private let renderer: DiagnosticRenderer
  private var reader: StatementReader
  /// Set after warning about unsaved changes; the next attempt to leave succeeds.
  private var warnedAboutUnsavedChanges = false
  /// A script reports every error and goes on; `run` returns their kinds at the end.
  var keepGoing = false
  /// The kinds of the errors a script kept going past.
  private var failed: [DiagnosticCode.Kind] = []
  /// True once `:quit` (or `exit`) left: later start-up scripts do not run.
  private(set) var hasLeft = false
  /// The file the last `:save` asked about replacing; the same `:save` next replaces it.
  private var askedToReplace: String?

  /// - Parameters:
  ///   - isInteractive: prompts, keeps going after errors, and asks before leaving with
  ///     unsaved changes; otherwise a script that stops at the first error.
  ///   - sourceName: how diagnostics name the input, e.g. `<shell>` or `<stdin>`.
  ///   - width: the terminal's width for tables; nil never cuts them.
  ///   - color: ANSI colours in the shell's own diagnostics.
  ///   - pager: shows results taller than the terminal; nil prints them all.
  public init(
    session: any ShellSession, input: any LineSource, printer: ShellPrinter = .standard,
    isInteractive: Bool, sourceName: String, width: @escaping () -> Int? = { nil }, color: Bool = false,
    pager: Pager? = nil
  ) {
    self.session = session
    self.input = input
    self.printer = printer
    self.isInteractive = isInteractive
    self.sourceName = sourceName
    self.width = width
    self.pager = pager
    renderer = DiagnosticRenderer(sources: [:], color: color)
    reader = StatementReader()
  }

  /// Opens the shell on this process's stdin: the line editor at a terminal, a script
  /// otherwise; or, when `startup` has `-c`/`-f` scripts, runs them and leaves. Loads
  /// `file` first when given, then runs the start-up file. Returns what `run` returns.
  public static func start(
    session: any ShellSession, loading file: String? = nil, startup: ShellStartup = ShellStartup(),
    color: Bool = false
  ) -> [DiagnosticCode.Kind] {
    guard opensEditor(startup) else {
      // A script on stdin runs alone (no start-up file), so it does the same everywhere.
      let stdin = startup.scripts.isEmpty
      let shell = Shell(
        session: session, input: stdin ? ScriptLines() : TextLines(""), isInteractive: false,
        sourceName: "<stdin>", color: color)
      shell.keepGoing = startup.keepGoing
      return stdin ? shell.run(loading: file) : shell.runScripts(loading: file, startup, color: color)
    }
    let environment = ProcessInfo.processInfo.environment
    let editor = LineEditor(historyPath: LineEditor.defaultHistoryPath(environment: environment))
    let shell = Shell(
      session: session, input: editor, isInteractive: true, sourceName: "<shell>",
      width: { editor.terminalWidth }, color: color,
      pager: isatty(1) == 1 ? Pager.from(environment: environment, rows: LineEditor.terminalRows) : nil)
    editor.complete = { [unowned shell] line, cursor in shell.complete(line, cursor: cursor) }
    return shell.run(loading: file, startup: startup.startFile, color: color)
  }

  /// Whether `start` opens the line editor (stdin a terminal, no `-c`/`-f` scripts);
  /// otherwise it runs a script.
  public static func opensEditor(_ startup: ShellStartup) -> Bool {
    startup.scripts.isEmpty && isatty(0) == 1
  }

  /// Completes the word before `cursor` (a UTF-8 offset) with the session's names.
  public func complete(_ line: String, cursor: Int) -> Completion {
    Completer(vocabulary: session.vocabulary)
      .complete(line, cursor: cursor, continuing: reader.isContinuing)
  }

  /// Reads until `:quit` or the end of input. Returns the kinds of the errors a script
  /// stopped at: empty when it read to the end or was left (always so at a terminal).
  /// The shell decides no exit status; the command line maps the kinds to one.
  public func run(loading file: String? = nil) -> [DiagnosticCode.Kind] {
    run(loading: file, startup: nil, color: false)
  }

  /// `run(loading:)`, with the start-up file run after the load.
  private func run(loading file: String?, startup: ShellStartup.Script?, color: Bool) -> [DiagnosticCode.Kind] {
    if let file, let stop = perform(.load(file)) { return stop }
    if let startup, run(startup, color: color).left { return [] }
    if isInteractive {
      printer.out("Type :help for commands; Ctrl-D leaves.\n")
    }
    while true {
      let prompt = reader.isContinuing ? Self.continuationPrompt : Self.prompt
      // What the last command freed (a load's pieces, a run's working columns) goes back
      // before the shell sits waiting for a person.
      if isInteractive { FreedMemory.release() }
      switch input.read(prompt: prompt) {
      case .interrupted:
        reader.discard()
        warnedAboutUnsavedChanges = false
      case .end:
        let wasContinuing = reader.isContinuing
        for item in reader.finish() {
          if let stop = handle(item) { return stop }
        }
        if wasContinuing && isInteractive { continue }  // Ctrl-D ended the statement
        if !isInteractive { return failed }
        printer.out("\n")  // after the echoed ^D
        if let stop = leave(again: "press Ctrl-D again") { return stop }
      case .line(let text):
        // A recalled multi-line history entry arrives as one line with breaks.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
          for item in reader.read(String(line)) {
            if let stop = handle(item) { return stop }
          }
        }
      }
    }
  }

  /// Runs one statement or command; returns, when the shell should stop, the kinds of
  /// the errors it stops at (none to leave); nil to go on.
  private func handle(_ item: StatementReader.Item) -> [DiagnosticCode.Kind]? {
    switch item {
    case .statement(var statement):
      input.remember(statement.text)
      if PlaybookGrammar.statement(startedBy: Substring(statement.text)) == nil,
        let stray = StrayLine.read(statement.text)
      {
        return strayLine(stray, line: statement.firstLine)
      }
      warnedAboutUnsavedChanges = false
      askedToReplace = nil
      // At the prompt each statement is its own little source (`<shell>:2:27` is line 2
      // of what was just typed); a script keeps its own line numbers.
      if isInteractive { statement.firstLine = 1 }
      let output = session.add(statement, sourceName: sourceName)
      printer.show(output, width: width(), mode: mode, pager: pager)
      return output.failed ? failing(output.errorKinds) : nil
    case .command(let text, let line):
      input.remember(text)
      do {
        return perform(try CommandParser.parse(text))
      } catch {
        // A script names the line; at the prompt the line is the one just typed.
        let usage = Diagnostic(
          .usage(error.message), file: isInteractive ? nil : sourceName, range: isInteractive ? nil : .line(line))
        printer.err(renderer.render(usage) + "\n")
        return failing([usage.code.kind])
      }
    }
  }

  private func perform(_ command: ShellCommand) -> [DiagnosticCode.Kind]? {
    switch command {
    case .help(let topic):
      // Help as tall as the overview or a language section goes through the pager too.
      printer.show(.message(Help.text(topic, width: width())), width: width(), mode: mode, pager: pager)
    case .quit:
      return leave(again: "type :quit again")
    case .mode, .expanded, .pager:
      printer.out((mode.apply(command, hasPager: pager != nil) ?? "") + "\n")
    case .load where isInteractive && session.hasUnsavedChanges && !warnedAboutUnsavedChanges:
      // Loading replaces the session's playbook: typed statements would be lost.
      warnedAboutUnsavedChanges = true
      warn(.unsavedChanges("type :load again to replace them"))
    case .save(let path?, force: false) where isInteractive && session.savingReplacesAnotherFile(path):
      // Replacing a file that is not the playbook's own: asked once, like leaving.
      guard askedToReplace == path else {
        askedToReplace = path
        warn(.replaceFile(path))
        return nil
      }
      askedToReplace = nil
      return perform(.save(path, force: true))
    default:
      warnedAboutUnsavedChanges = false
      askedToReplace = nil
      Interrupt.clear()
      let output =
        if case .edit(let name) = command {
          session.edit(
            name, using: isInteractive ? TerminalEditor(printer: printer, input: input, width: width()) : nil)
        } else {
          session.run(command)
        }
      if Interrupt.requested && isInteractive { printer.out("\n") }  // after the echoed ^C
      printer.show(output, width: width(), mode: mode, pager: pager)
      if output.failed { return failing(output.errorKinds) }
    }
    return nil
  }

  /// After an error: nil to go on (at a terminal, or a script that keeps going), else
  /// the kinds to stop at.
  private func failing(_ kinds: [DiagnosticCode.Kind]) -> [DiagnosticCode.Kind]? {
    guard !isInteractive else { return nil }
    guard keepGoing else { return kinds }
    failed += kinds
    return nil
  }

  /// `exit` or `quit` leaves as `:quit` does; another shell's habit is an error at once.
  private func strayLine(_ stray: StrayLine, line: Int) -> [DiagnosticCode.Kind]? {
    switch stray {
    case .leave:
      return perform(.quit)
    case .habit(let message):
      warnedAboutUnsavedChanges = false
      let error = Diagnostic(
        message, file: isInteractive ? nil : sourceName, range: isInteractive ? nil : .line(line))
      printer.err(renderer.render(error) + "\n")
      return failing([error.code.kind])
    }
  }

  /// Leaves, unless this is the first attempt with unsaved changes at a terminal.
  private func leave(again: String) -> [DiagnosticCode.Kind]? {
    if isInteractive && session.hasUnsavedChanges && !warnedAboutUnsavedChanges {
      warnedAboutUnsavedChanges = true
      warn(.unsavedChanges("\(again) to leave"))
      return nil
    }
    hasLeft = true
    return failed
  }

  /// A question to the person at the prompt, in the diagnostics' prefix style.
  private func warn(_ message: DiagnosticMessage) {
    printer.err(renderer.render(Diagnostic(message, file: nil)) + "\n")
  }
}
