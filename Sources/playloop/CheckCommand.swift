import ArgumentParser
import PlaybookEngine
import PlaybookLanguage

/// `playloop check FILE…`: parse and check each playbook against its data's columns.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check playbooks for mistakes (exit 1 when one is wrong).")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(help: "text (diagnostics on stderr) or json (every file's diagnostics on stdout).")
  var format: Format = .text
  @Argument(help: "Playbook files.") var files: [String]
  @OptionGroup var setAside: SetAsideOption

  func run() throws {
    var diagnostics: [Diagnostic] = []
    let maxSetAside = try setAside.share()
    for file in files {
      do {
        let workspace = try Workspace.open(path: file, maxSetAside: maxSetAside)
        // Rows set aside are never silent, even when the playbook is fine.
        let warnings = workspace.dataset.setAsideWarnings(first: 5)
        diagnostics += warnings
        if format == .text {
          Terminal.report(warnings, sources: [])
          print("\(file): ok (\(workspace.model.rules.count) rules, \(workspace.model.offers.count) offers)")
        }
      } catch {
        if format == .text { Terminal.report(error.diagnostics, sources: error.source.map { [$0] } ?? []) }
        diagnostics += error.diagnostics
      }
    }
    if format == .json { Terminal.printJSON(diagnostics) }
    let status = ExitStatus.status(for: diagnostics)
    if status != ExitStatus.success { throw ExitCode(status) }
  }
}
