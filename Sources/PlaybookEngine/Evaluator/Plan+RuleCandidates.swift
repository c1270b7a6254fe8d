extension Plan {
  /// The candidates of the one rule at `ruleIndex` (in `model.rules`) for every customer,
  /// in customer order, evaluated on all cores. Concatenating each rule's candidates
  /// customer by customer, in rule order, gives exactly `candidates()`.
  public func candidates(
    ofRule ruleIndex: Int, interrupted: @escaping @Sendable () -> Bool = { false }
  ) -> [Candidate] {
    Partitions.map(count: customerCount) { range in
      var out: [Candidate] = []
      for customer in range {
        if customer & 1023 == 0, interrupted() { break }
        self.appendCandidates(customer: customer, rules: ruleIndex..<(ruleIndex + 1), to: &out)
      }
      return out
    }
  }

  /// Whether the customer numbered `customer` is in segment `name`; nil when the
  /// playbook has no such segment.
  public func isInSegment(_ name: String, customer: Int) -> Bool? {
    segments[name].map { Truth(rawValue: $0[customer]) == .yes }
  }
}
