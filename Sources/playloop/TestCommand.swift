import ArgumentParser
import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

/// `playloop test FILE…`: run the playbooks' `test` blocks.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test", abstract: "Run the test blocks of playbooks (exit 1 when one fails).")

  @Argument(help: "Playbook files.") var files: [String]
  @Option(help: "Also write the results as JUnit XML to this file.") var junit: String?
  @OptionGroup var setAside: SetAsideOption

  func run() throws {
    let now = Terminal.now()
    var results: [TestResult] = []
    for file in files {
      let workspace = try Workspace.openForCommand(path: file, maxSetAside: try setAside.share())
      Terminal.report(workspace.dataset.setAsideShareWarnings, sources: [])
      results += TestRunner.run(workspace, now: now)
    }
    print(TestReport.text(results), terminator: "")
    if let junit {
      guard FileManager.default.createFile(atPath: junit, contents: Data(TestReport.junit(results).utf8)) else {
        throw CommandFailure([Diagnostic(.writeFailed(junit), file: junit)])
      }
    }
    let failed = results.filter { !$0.passed }.count
    if failed > 0 { throw CommandFailure([Diagnostic(.testsFailed(failed), file: nil)]) }
  }
}
