/// The shell's `:diff`, `:undo` and `:redo` asked for what is not there.
extension DiagnosticMessage {
  /// `nothing to undo` (usageError).
  public static let nothingToUndo = Self(.usageError, "nothing to undo")

  /// `nothing to redo` (usageError).
  public static let nothingToRedo = Self(.usageError, "nothing to redo")

  /// `no saved file to compare with: :load a playbook, or :diff FILE` (usageError).
  public static let noSavedFile = Self(
    .usageError, "no saved file to compare with: :load a playbook, or :diff FILE")

  /// `no ledger to compare with: the playbook names no `ledger "FILE"`` (usageError).
  public static let noLedger = Self(
    .usageError, "no ledger to compare with: the playbook names no `ledger \"FILE\"`")

  /// `the ledger PATH has no committed run yet` (usageError).
  public static func noLedgerRun(_ path: String) -> Self {
    Self(.usageError, "the ledger \(path) has no committed run yet")
  }
}
