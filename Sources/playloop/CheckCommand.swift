import ArgumentParser
import PlaybookEngine
import PlaybookLanguage

/// `playloop check FILE…`: parse and check each playbook against its data's columns.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check playbooks for mistakes (exit 1 when one is wrong).")

  @OptionGroup var output: OutputOption
  @Argument(help: "Playbook files.") var files: [String]
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption
  @OptionGroup var progress: ProgressOption

  func run() throws {
    var diagnostics: [Diagnostic] = []
    let maxSetAside = try setAside.share()
    var sources: [SourceFile] = []
    for file in files {
      do {
        let workspace = try progress.loading(json: output.isJSON) { (sink) throws(Workspace.Failure) in
          try Workspace.open(path: file, maxSetAside: maxSetAside, progress: sink, cache: snapshots.cache)
        }
        // Columns named by position, and rows set aside: never silent, even when the
        // playbook is fine.
        diagnostics += workspace.dataset.setAsideWarnings(first: 5) + workspace.warnings
        sources.append(workspace.source)
        if !output.isJSON {
          print(
            "\(file): ok (\(workspace.model.rules.count) rules, \(workspace.model.offers.count) offers)"
              .escapingControlCharacters)
        }
      } catch {
        diagnostics += error.diagnostics
        sources += error.source.map { [$0] } ?? []
      }
    }
    if output.isJSON {
      Terminal.printJSON(diagnostics)
    } else {
      Terminal.report(diagnostics, sources: sources)
    }
    let status = ExitStatus.status(for: diagnostics)
    if status != ExitStatus.success { throw ExitCode(status) }
  }
}
