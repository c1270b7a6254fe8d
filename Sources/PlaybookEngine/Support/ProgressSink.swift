/// Where long work says how far it got: the command line and the shell pass one in to
/// draw a progress line; the engine knows nothing of terminals or time.
///
/// The loaders call `advance` once per block of rows (never per row), from the threads
/// reading a file's chunks at once, so a sink must be cheap and safe to call from any
/// thread.
public protocol ProgressSink: Sendable {
  /// A step of the work begins; the step before it is done.
  func begin(_ step: WorkStep)
  /// `bytes` more of the file being loaded were read, holding `rows` more rows.
  func advance(bytes: Int, rows: Int)
  /// True once the work should stop (Ctrl-C in the shell): the loaders stop reading and
  /// throw `LoadError.Kind.interrupted`.
  var stopRequested: Bool { get }
  /// The file being loaded is read whole; what is left of its load is building its table
  /// (joining chunks, checking rows), on fewer cores.
  func fileRead()
}

extension ProgressSink {
  /// Nothing to do by default: only the loader's reading ahead waits for this.
  public func fileRead() {}
}

/// The steps of a run, in the order they come.
public enum WorkStep: Sendable, Equatable {
  /// Reading a table's file: `bytes` is its size (inflated, for a `.gz` file).
  case loading(table: String, file: String, bytes: Int)
  /// Compiling the rules and finding every candidate.
  case evaluating
  /// Consent, holdout, limits and variants: each candidate's fate.
  case deciding
  /// Writing the audience files.
  case exporting
}
