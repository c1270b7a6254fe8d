import ArgumentParser
import Foundation
import PlaybookLanguage

/// The `playloop` command: the shell when run bare, or one of the headless subcommands.
/// Commands end by throwing: a `CommandFailure` (diagnostics), an `ExitCode` (a status
/// already decided by `ExitStatus` or the shell), or an argument error (bad usage).
@main
struct Playloop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "playloop",
    abstract: "Turn customer-service moments into marketing campaigns.",
    version: "0.1.0",
    subcommands: [
      ReplCommand.self, RunCommand.self, CheckCommand.self, ExplainCommand.self, TestCommand.self,
      FmtCommand.self, LedgerCommand.self, DescribeCommand.self,
    ],
    defaultSubcommand: ReplCommand.self)

  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as CommandFailure {
      if failure.json {
        Terminal.printJSON(failure.diagnostics)
      } else {
        Terminal.report(failure.diagnostics, sources: failure.sources)
      }
      Foundation.exit(ExitStatus.status(for: failure.diagnostics))
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      if exitCode(for: error) == .success {
        print(fullMessage(for: error))  // --help, --version
        Foundation.exit(ExitStatus.success)
      }
      // Bad usage: the message as a diagnostic, then the usage lines the parser adds.
      var lines = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
      if lines.first?.hasPrefix("Error: ") == true { lines.removeFirst() }
      Terminal.report([Diagnostic(.usage(message(for: error)), file: nil)], sources: [])
      let rest = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
      if !rest.isEmpty { Terminal.printUsage(rest) }
      Foundation.exit(ExitStatus.usage)
    }
  }
}
