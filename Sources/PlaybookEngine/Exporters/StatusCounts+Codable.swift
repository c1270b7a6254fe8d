extension DecisionStatus: Codable {}

/// Encoded as an object from status to count (`{"send": 12, "capped": 3, …}`), every
/// status present.
extension StatusCounts: Codable {
  /// Reads the counts of an object from status to count; a status missing counts zero.
  public init(from decoder: any Decoder) throws {
    self.init()
    let values = try decoder.singleValueContainer().decode([String: Int].self)
    for status in DecisionStatus.allCases { self[status] = values[status.rawValue] ?? 0 }
  }

  /// Writes the counts as an object from status to count.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(
      Dictionary(uniqueKeysWithValues: DecisionStatus.allCases.map { ($0.rawValue, self[$0]) }))
  }
}
