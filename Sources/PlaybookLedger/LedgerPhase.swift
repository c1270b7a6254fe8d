public import PlaybookLanguage

/// The points a ledgered run passes, in order. A `PhaseHook` is called at each; the
/// `playloop` binary's test hook (`PLAYLOOP_CRASH_AT=<raw value>`) kills the process there,
/// and unit tests throw there, to prove that every point is safe to die at.
public enum LedgerPhase: String, Sendable, CaseIterable {
  /// The workspace is loaded; nothing is locked yet.
  case loaded
  /// The ledger's lock is held.
  case locked
  /// Runs left pending by a killed process have been settled.
  case recovered
  /// Candidates are evaluated and decided against the ledger's history.
  case evaluated
  /// The export is written to its hidden staging folder, not yet in place.
  case staged
  /// Inside the transaction recording the run as pending, its sends inserted.
  case pendingWrite = "pending-write"
  /// The pending run is committed to the ledger.
  case pending
  /// The staged export has replaced the previous one.
  case exported
  /// Inside the transaction marking the run committed.
  case commitWrite = "commit-write"
  /// The run is committed: its sends count as history from now on.
  case committed
}

/// Called at each `LedgerPhase`; throwing stops the run there as a crash would (the
/// current transaction rolls back, nothing after it happens).
public typealias PhaseHook = (LedgerPhase) throws(Diagnostic) -> Void
