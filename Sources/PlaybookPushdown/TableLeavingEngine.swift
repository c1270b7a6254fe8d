public import PlaybookEngine

/// An engine whose run may leave `from postgres` event tables in the database
/// (`LeftTable`): `playloop run --engine postgres` or `spark`. Such a run prepares its
/// workspace before deciding.
public protocol TableLeavingEngine: CandidateEngine {
  /// Runs the candidate query, the held-back tables surveyed and left or read whole,
  /// and returns the workspace the run decides on. `strict` and `maxSetAside` are the
  /// run's load options.
  func prepare(strict: Bool, maxSetAside: Double) throws(Workspace.Failure) -> Workspace
  /// The rows of the tables held back while loading, as reading them would have
  /// counted them (every row, set aside or not), once `prepare` has run: loading read
  /// none of them, and `prepare` counted or read them without a progress line.
  var heldBackRows: Int { get }
  /// The loads left in the database, of which only the rows the candidates name were read.
  var leftInPlace: [String] { get }
}
