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

  func run() throws {
    let session = EngineSession(
      now: Terminal.now,
      color: DiagnosticRenderer.usesColor(
        fileDescriptor: 2, environment: ProcessInfo.processInfo.environment))
    let status = Shell.start(session: session, loading: file)
    if status != 0 { throw ExitCode(status) }
  }
}
