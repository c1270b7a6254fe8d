/// How many decisions ended in each status.
public struct StatusCounts: Hashable, Sendable {
  private var counts = [Int](repeating: 0, count: DecisionStatus.allCases.count)

  /// Zero decisions in every status.
  public init() {}

  /// How many decisions ended in `status`.
  public subscript(status: DecisionStatus) -> Int {
    get { counts[Self.index(status)] }
    set { counts[Self.index(status)] = newValue }
  }

  /// `count` sends and nothing else.
  public init(sends count: Int) {
    self[.send] = count
  }

  /// All decisions, whatever their status: the candidates.
  public var total: Int { counts.reduce(0, +) }

  /// `status`'s place among the counts.
  static func index(_ status: DecisionStatus) -> Int {
    switch status {
    case .send: 0
    case .holdout: 1
    case .capped: 2
    case .unreachable: 3
    case .alreadySent: 4
    case .unrendered: 5
    }
  }
}
