/// Wall time per phase of a run, in milliseconds. The only part of a summary that
/// differs between runs over the same inputs; tests leave it zero.
public struct PhaseTimings: Hashable, Sendable {
  /// Reading, typing and linking the data files.
  public var load: Int
  /// Compiling the plan and finding every candidate.
  public var evaluate: Int
  /// Consent, holdout and caps: turning candidates into decisions.
  public var decide: Int
  /// Writing the export files (0 when nothing was exported).
  public var export: Int

  /// Timings in milliseconds; each phase defaults to 0.
  public init(load: Int = 0, evaluate: Int = 0, decide: Int = 0, export: Int = 0) {
    self.load = load
    self.evaluate = evaluate
    self.decide = decide
    self.export = export
  }

  /// The four phases added up, in milliseconds.
  public var total: Int { load + evaluate + decide + export }
}
