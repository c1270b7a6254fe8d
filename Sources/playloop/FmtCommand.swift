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
    var worst: Int32 = 0
    for path in files {
      guard let data = FileManager.default.contents(atPath: path) else {
        FmtCommand.printError("\(path): error: cannot read the file")
        worst = 2
        continue
      }
      let source = SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
      let (playbook, diagnostics) = PlaybookParser.parse(source)
      if diagnostics.contains(where: { $0.severity == .error }) {
        let renderer = DiagnosticRenderer(
          sources: [path: source.text],
          color: DiagnosticRenderer.usesColor(fileDescriptor: 2, environment: ProcessInfo.processInfo.environment))
        FmtCommand.printError(renderer.render(diagnostics))
        worst = max(worst, 1)
        continue
      }
      let formatted = PlaybookFormatter.format(playbook, source: source)
      guard formatted != source.text else { continue }
      if check {
        print(path)
        worst = max(worst, 1)
        continue
      }
      do {
        try formatted.write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        FmtCommand.printError("\(path): error: cannot write the file: \(error.localizedDescription)")
        worst = 2
      }
    }
    if worst != 0 { throw ExitCode(worst) }
  }

  private static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }
}
