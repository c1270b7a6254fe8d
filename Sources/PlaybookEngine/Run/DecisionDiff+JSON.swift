import PlaybookLanguage

extension DecisionDiff {
  /// The comparison for programs (`playloop diff --format json`): per offer the counts
  /// before and after with who gained and lost it, then the changed (customer, offer)
  /// pairs, the first `limit` of them (all when nil), and how many there are.
  public func json(before: DecisionList, after: DecisionList, limit: Int? = nil) -> JSONValue {
    func side(_ s: ChangedDecision.Side?) -> JSONValue {
      guard let s else { return .null }
      return .object([
        JSONMember("rule", .string(s.rule)), JSONMember("status", .string(s.status.rawValue)),
        JSONMember("channel", s.channel.map(JSONValue.string) ?? .null), JSONMember("reason", .string(s.reason)),
      ])
    }
    return .object([
      JSONMember(
        "offers",
        .array(
          offers.map {
            .object([
              JSONMember("offer", .string($0.offer)),
              JSONMember("before", RunSummary.statusJSON($0.before)),
              JSONMember("after", RunSummary.statusJSON($0.after)),
              JSONMember("gained", .integer(Int64($0.gained))), JSONMember("lost", .integer(Int64($0.lost))),
              JSONMember("changed", .integer(Int64($0.changed))),
            ])
          })),
      JSONMember("customers_gaining", .integer(Int64(customersGaining))),
      JSONMember("customers_losing", .integer(Int64(customersLosing))),
      JSONMember("changes_total", .integer(Int64(changes.count))),
      JSONMember(
        "changes",
        .array(
          changes.prefix(limit ?? changes.count).map { change in
            let row = spelledOut(change, before: before, after: after)
            return .object([
              JSONMember("customer_id", .string(row.customerID)), JSONMember("offer", .string(row.offer)),
              JSONMember("before", side(row.before)), JSONMember("after", side(row.after)),
            ])
          })),
    ])
  }
}
