import ArgumentParser
import Foundation
import PlaybookLanguage
import PlaybookReporting
import PlaybookShell

/// `playloop [repl] [FILE]`: the interactive shell (a script when stdin is not a
/// terminal), with FILE loaded first; with `-c`/`-f`, runs those and leaves.
struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Open the interactive shell: type rules, run them, explain them."
  )

  @Argument(help: "A playbook to load first.") var file: String?
  @Option(
    name: [.customShort("c"), .customLong("command")],
    help: "Run a command or statement, then leave (repeatable; -c and -f run in the order given).")
  var commands: [String] = []
  @Option(
    name: [.customShort("f"), .customLong("file")],
    help: "Run the commands and statements in a file, then leave (repeatable).")
  var scripts: [String] = []
  @Flag(help: "Skip the start-up file ($PLAYLOOP_RC, else ~/.playlooprc).") var noRc = false
  @Flag(help: "In a script, report every error and go on; exit non-zero at the end.") var keepGoing = false
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let color = DiagnosticRenderer.usesColor(fileDescriptor: 2, environment: environment)
    let startup = ShellStartup(
      startFile: noRc ? nil : ShellStartup.startFile(environment: environment),
      scripts: ScriptOrder.scripts(
        commands: commands, files: scripts, arguments: Array(CommandLine.arguments.dropFirst())),
      keepGoing: keepGoing)
    // Progress on the terminal's stderr at the prompt; never in a script.
    let session = EngineSession(
      now: Terminal.now, color: color,
      progress: Shell.opensEditor(startup) ? Terminal.progressOutput(environment: environment) : nil,
      progressDelay: ProgressDisplay.delay(environment: environment))
    session.maxSetAside = try setAside.share()
    session.cache = snapshots.cache
    // The shell says what kinds of error a script stopped at; the status is decided here.
    let stopped = Shell.start(session: session, loading: file, startup: startup, color: color)
    let status = ExitStatus.status(for: stopped)
    if status != ExitStatus.success { throw ExitCode(status) }
  }
}
