extension Plan {
  /// Whether the customer numbered `customer` is in segment `name`; nil when the
  /// playbook has no such segment.
  public func isInSegment(_ name: String, customer: Int) -> Bool? {
    segments[name].map { Truth(rawValue: $0.value(customer)) == .yes }
  }
}
