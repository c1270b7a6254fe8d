import ArgumentParser
import Foundation
import PlaybookLanguage
import PlaybookShell

/// `playloop [repl] [FILE]`: the interactive shell (a script when stdin is not a
/// terminal), with FILE loaded first.
struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Open the interactive shell: type rules, run them, explain them."
  )

  @Argument(help: "A playbook to load first.") var file: String?
  @OptionGroup var setAside: SetAsideOption

  func run() throws {
    let color = DiagnosticRenderer.usesColor(fileDescriptor: 2, environment: ProcessInfo.processInfo.environment)
    let session = EngineSession(now: Terminal.now, color: color)
    session.maxSetAside = try setAside.share()
    // The shell says what kinds of error a script stopped at; the status is decided here.
    let status = ExitStatus.status(for: Shell.start(session: session, loading: file, color: color))
    if status != ExitStatus.success { throw ExitCode(status) }
  }
}
