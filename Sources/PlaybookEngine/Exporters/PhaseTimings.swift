/// Wall time per phase of a run, in milliseconds. The only part of a summary that
/// differs between runs over the same inputs; tests leave it zero.
public struct PhaseTimings: Hashable, Sendable {
  public var load: Int
  public var evaluate: Int
  public var decide: Int
  public var export: Int

  public init(load: Int = 0, evaluate: Int = 0, decide: Int = 0, export: Int = 0) {
    self.load = load
    self.evaluate = evaluate
    self.decide = decide
    self.export = export
  }

  public var total: Int { load + evaluate + decide + export }
}
