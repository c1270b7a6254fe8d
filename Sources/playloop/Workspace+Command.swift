import PlaybookEngine
import PlaybookLanguage

extension Workspace {
  /// The send ledger to use: `--ledger` over the playbook's `ledger` (relative to it).
  func ledgerPath(override: String?) -> String? {
    override ?? model.ledger.map { Workspace.resolve($0.value, against: baseDirectory) }
  }

  /// Opens a playbook for a command; a failure ends the command with its diagnostics.
  static func openForCommand(
    path: String, strict: Bool = false, maxSetAside: Double = SetAsideLimit.standard, json: Bool = false,
    progress: (any ProgressSink)? = nil, cache: SnapshotCache?, usedColumnsOnly: Bool = false
  ) throws(CommandFailure) -> Workspace {
    do {
      return try Workspace.open(
        path: path, strict: strict, maxSetAside: maxSetAside, progress: progress, cache: cache,
        usedColumnsOnly: usedColumnsOnly)
    } catch {
      throw CommandFailure(error, json: json)
    }
  }
}

extension CommandFailure {
  /// A playbook that could not be opened, its diagnostics shown against its text.
  init(_ failure: Workspace.Failure, json: Bool) {
    self.init(failure.diagnostics, sources: failure.source.map { [$0] } ?? [], json: json)
  }
}
