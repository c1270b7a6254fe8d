/// How long each step of the work took, and what loading read: what
/// `ProgressLine.summary` tells when the work is done.
public struct WorkTimes: Sendable, Equatable {
  /// Tables loaded.
  public var tables = 0
  /// Rows the loaders read, over every table.
  public var rows = 0
  /// Bytes of the tables' files (inflated, for `.gz`).
  public var bytes = 0
  /// Nanoseconds spent loading, over every table.
  public var load: UInt64 = 0
  /// Nanoseconds spent evaluating.
  public var evaluate: UInt64 = 0
  /// Nanoseconds spent deciding.
  public var decide: UInt64 = 0
  /// Nanoseconds spent exporting.
  public var export: UInt64 = 0

  /// Nothing done yet.
  public init() {}
}
