/// Status counts for one rule or one offer.
public struct NamedCounts: Hashable, Sendable {
  /// The rule's name or the offer's code.
  public var name: String
  /// How many of its decisions ended in each status.
  public var counts: StatusCounts

  /// Counts for `name`, zero in every status by default.
  public init(name: String, counts: StatusCounts = StatusCounts()) {
    self.name = name
    self.counts = counts
  }
}
