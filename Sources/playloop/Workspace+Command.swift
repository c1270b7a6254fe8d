import ArgumentParser
import PlaybookEngine

extension Workspace {
  /// Opens a playbook for a command, reporting failures on stderr with the right exit code.
  static func openForCommand(path: String, strict: Bool = false) throws -> Workspace {
    do {
      return try Workspace.open(path: path, strict: strict)
    } catch {
      Terminal.report(error.diagnostics, sources: error.source.map { [$0] } ?? [])
      throw ExitCode(error.exitCode)
    }
  }
}
