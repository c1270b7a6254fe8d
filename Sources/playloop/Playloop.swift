import ArgumentParser
import Foundation

/// The `playloop` command: the shell when run bare, or one of the headless subcommands.
/// Exit codes: 0 success, 1 a check or test failed, 2 bad usage or unreadable input.
@main
struct Playloop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "playloop",
    abstract: "Turn customer-service moments into marketing campaigns.",
    version: "0.1.0",
    subcommands: [
      ReplCommand.self, RunCommand.self, CheckCommand.self, ExplainCommand.self, TestCommand.self,
      FmtCommand.self, LedgerCommand.self,
    ],
    defaultSubcommand: ReplCommand.self)

  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      // Usage errors exit 2, as the brief says, not ArgumentParser's 64.
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        print(message)
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data((message + "\n").utf8))
      Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}
