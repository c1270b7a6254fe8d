/// Status counts for one rule or one offer.
public struct NamedCounts: Hashable, Sendable {
  public var name: String
  public var counts: StatusCounts

  public init(name: String, counts: StatusCounts = StatusCounts()) {
    self.name = name
    self.counts = counts
  }
}
