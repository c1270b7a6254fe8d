import ArgumentParser
import PlaybookEngine

extension Workspace {
  /// The send ledger to use: `--ledger` over the playbook's `ledger` (relative to it).
  func ledgerPath(override: String?) -> String? {
    override ?? model.ledger.map { Workspace.resolve($0.value, against: baseDirectory) }
  }

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
