import ArgumentParser
import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookPostgres
import PlaybookSQLite

/// The `playloop` command: the shell when run bare, or one of the headless subcommands.
/// Commands end by throwing: a `CommandFailure` (diagnostics), an `ExitCode` (a status
/// already decided by `ExitStatus` or the shell), or an argument error (bad usage).
/// When the arguments ask for JSON, every failure is a JSON document on stdout.
@main
struct Playloop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "playloop",
    abstract: "Turn customer-service moments into marketing campaigns.",
    version: "0.1.0",
    subcommands: [
      ReplCommand.self, RunCommand.self, CheckCommand.self, ExplainCommand.self, TestCommand.self,
      FmtCommand.self, LedgerCommand.self, DescribeCommand.self, DiffCommand.self, SampleCommand.self,
      McpCommand.self, ReportCommand.self, CompileCommand.self,
    ],
    defaultSubcommand: ReplCommand.self)

  static func main() {
    DatabaseReaders.register(SQLiteReader(), for: .sqlite)
    DatabaseReaders.register(PostgresReader(), for: .postgres)
    let arguments = Array(CommandLine.arguments.dropFirst())
    let json = OutputOption.asksForJSON(arguments)
    var command: any ParsableCommand
    do {
      if let unknown = unknownSubcommand(arguments) { fail([Diagnostic(unknown, file: nil)], json: json) }
      command = try parseAsRoot(arguments)
    } catch {
      badUsage(error, json: json, showingUsage: true)
    }
    let ran = Result { try command.run() }
    // Snapshots written in the background while the command worked are finished first.
    SnapshotCache.finishWriting()
    do {
      try ran.get()
    } catch let failure as CommandFailure {
      fail(failure.diagnostics, sources: failure.sources, json: failure.json || json)
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      badUsage(error, json: json, showingUsage: false)
    }
  }

  /// An error of the argument parser: `--help` and `--version` (a clean exit, printed),
  /// or bad usage: the message as a diagnostic, then, for what parsing found, the usage
  /// lines the parser adds (a value the command refuses after, `--as-of soon`, needs none).
  private static func badUsage(_ error: any Error, json: Bool, showingUsage: Bool) -> Never {
    if exitCode(for: error) == .success {
      print(fullMessage(for: error))
      Foundation.exit(ExitStatus.success)
    }
    let diagnostic = Diagnostic(.usage(message(for: error)), file: nil)
    if json || !showingUsage { fail([diagnostic], json: json) }
    var lines = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
    if lines.first?.hasPrefix("Error: ") == true { lines.removeFirst() }
    Terminal.report([diagnostic], sources: [])
    let rest = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    if !rest.isEmpty { Terminal.printUsage(rest) }
    Foundation.exit(ExitStatus.usage)
  }

  /// Prints the diagnostics (text on stderr, or JSON on stdout) and exits with the status
  /// `ExitStatus` gives them.
  private static func fail(_ diagnostics: [Diagnostic], sources: [SourceFile] = [], json: Bool) -> Never {
    if json {
      Terminal.printJSON(diagnostics)
    } else {
      Terminal.report(diagnostics, sources: sources)
    }
    Foundation.exit(ExitStatus.status(for: diagnostics))
  }

  /// A first word that is no subcommand, no option and no file, and looks like a command
  /// rather than a playbook (no `.` or `/`): `playloop rn x` would otherwise open the shell
  /// and complain about `x`.
  static func unknownSubcommand(_ arguments: [String]) -> DiagnosticMessage? {
    guard let word = arguments.first, !word.hasPrefix("-"), !word.contains("."), !word.contains("/")
    else { return nil }
    let names = configuration.subcommands.map { $0._commandName } + ["help"]
    guard !names.contains(word), !FileManager.default.fileExists(atPath: word) else { return nil }
    return .unknownSubcommand(
      word, suggestion: NearNames.didYouMean(word, in: names), subcommands: names.filter { $0 != "help" })
  }
}
