import ArgumentParser
import Dispatch
import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

/// `playloop test FILE…`: run the playbooks' `test` blocks. Finding no test to run is a
/// failure (exit 1): a CI job whose tests were all filtered away or never written must
/// not pass.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test", abstract: "Run the test blocks of playbooks (exit 1 when one fails, or there are none).")

  @Argument(help: "Playbook files.") var files: [String]
  @Option(help: "Also write the results as JUnit XML to this file.") var junit: String?
  @Option(
    name: .customLong("run"),
    help: ArgumentHelp(
      "Run only the tests whose name matches this regular expression (anywhere in the name, as go test -run).",
      valueName: "pattern"))
  var pattern: String?
  @OptionGroup var output: OutputOption
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption
  @OptionGroup var progress: ProgressOption

  func run() throws {
    let json = output.isJSON
    let selected = try selection(json: json)
    let now = Terminal.now()
    var results: [TestResult] = []
    var names: [String] = []
    for file in files {
      let maxSetAside = try setAside.share()
      let workspace = try progress.loading(json: json) { (sink) throws(CommandFailure) in
        try Workspace.openForCommand(
          path: file, maxSetAside: maxSetAside, json: json, progress: sink, cache: snapshots.cache)
      }
      Terminal.report(workspace.dataset.setAsideShareWarnings, sources: [])
      names += workspace.model.tests.map(\.name.value)
      results += TestRunner.run(workspace, now: now, selected: selected)
    }
    if let junit {
      guard FileManager.default.createFile(atPath: junit, contents: Data(TestReport.junit(results).utf8)) else {
        throw CommandFailure([Diagnostic(.writeFailed(junit), file: junit)], json: json)
      }
    }
    let failed = results.filter { !$0.passed }.count
    var diagnostics: [Diagnostic] = []
    if results.isEmpty {
      let message: DiagnosticMessage =
        names.isEmpty || pattern == nil ? .noTests(in: files) : .noTestMatches(pattern ?? "", names: names)
      diagnostics.append(Diagnostic(message, file: nil))
    } else if failed > 0 {
      diagnostics.append(Diagnostic(.testsFailed(failed), file: nil))
    }
    if json {
      Terminal.printJSON(TestReport.json(results), diagnostics: diagnostics)
    } else {
      Terminal.printText(TestReport.text(results))
      Terminal.report(diagnostics, sources: [])
    }
    let status = ExitStatus.status(for: diagnostics)
    if status != ExitStatus.success { throw ExitCode(status) }
  }

  /// Which test names `--run` picks: an unanchored regular expression, as `go test -run`
  /// and `opa test --run` take, so a plain word picks every test whose name holds it.
  private func selection(json: Bool) throws(CommandFailure) -> (String) -> Bool {
    guard let pattern else { return { _ in true } }
    do {
      let regex = try Regex(pattern)
      return { $0.contains(regex) }
    } catch {
      throw CommandFailure([Diagnostic(.invalidTestPattern(pattern), file: nil)], json: json)
    }
  }
}
