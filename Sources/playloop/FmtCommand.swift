import ArgumentParser
import Foundation
import PlaybookLanguage

/// `playloop fmt [--check] FILE…`: rewrite playbooks in the canonical layout, or with
/// `--check` list the files that differ from it. A file with syntax errors is reported
/// and left untouched. Exit 0 when all is well, 1 when a file differs (`--check`) or has
/// errors, 2 when a file cannot be read or written.
struct FmtCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt", abstract: "Format playbooks in the one canonical layout (comments kept).")

  @Flag(help: "Change nothing; list the files that are not formatted and exit 1 if any.")
  var check = false

  @Argument(help: "Playbook files.") var files: [String]

  func run() throws {
    var problems: [Diagnostic] = []
    var unformatted = false
    for path in files {
      guard let data = FileManager.default.contents(atPath: path) else {
        problems.append(Diagnostic(.unreadableFile(path), file: path))
        Terminal.report([problems[problems.count - 1]], sources: [])
        continue
      }
      let source = SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
      let (playbook, diagnostics) = PlaybookParser.parse(source)
      if diagnostics.contains(where: { $0.severity == .error }) {
        Terminal.report(diagnostics, sources: [source])
        problems += diagnostics
        continue
      }
      let formatted = PlaybookFormatter.format(playbook, source: source)
      guard formatted != source.text else { continue }
      if check {
        print(path)
        unformatted = true
        continue
      }
      do {
        try formatted.write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        problems.append(Diagnostic(.writeFailed(path, reason: error.localizedDescription), file: path))
        Terminal.report([problems[problems.count - 1]], sources: [])
      }
    }
    let status = max(ExitStatus.status(for: problems), unformatted ? ExitStatus.checkFailed : ExitStatus.success)
    if status != ExitStatus.success { throw ExitCode(status) }
  }
}
