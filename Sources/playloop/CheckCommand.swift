import ArgumentParser
import PlaybookEngine
import PlaybookLanguage

/// `playloop check FILE…`: parse and check each playbook against its data's columns.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check playbooks for mistakes (exit 1 when one is wrong).")

  @Argument(help: "Playbook files.") var files: [String]

  func run() throws {
    var worst: Int32 = 0
    for file in files {
      do {
        let workspace = try Workspace.open(path: file)
        print("\(file): ok (\(workspace.model.rules.count) rules, \(workspace.model.offers.count) offers)")
      } catch {
        Terminal.report(error.diagnostics, sources: error.source.map { [$0] } ?? [])
        worst = max(worst, error.exitCode)
      }
    }
    if worst != 0 { throw ExitCode(worst) }
  }
}
