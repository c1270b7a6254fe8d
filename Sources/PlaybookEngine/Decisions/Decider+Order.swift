/// The orders deciding uses: which of two candidates precedes, for collapsing duplicate
/// offers and for `limit`.
extension Decider {
  func offer(_ c: Candidate) -> Int {
    plan.rules[Int(c.rule)].sends[Int(c.send)].offerIndex
  }

  func triggerID(_ c: Candidate) -> String? { plan.triggerID(of: c) }

  /// The order both collapse and `limit` start with: priority (high first), send_at,
  /// rule order; nil on a tie.
  private func precedes(_ a: Candidate, _ b: Candidate) -> Bool? {
    let ra = plan.rules[Int(a.rule)]
    let rb = plan.rules[Int(b.rule)]
    if ra.priority != rb.priority { return ra.priority > rb.priority }
    if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
    if ra.order != rb.order { return ra.order < rb.order }
    return nil
  }

  /// Duplicate collapse order: `precedes`, then the lower trigger id (`ByteOrder`).
  func better(_ a: Candidate, than b: Candidate) -> Bool {
    precedes(a, b) ?? triggerPrecedes(a, b)
  }

  /// Limit order: `precedes`, then the offer code (`ByteOrder`, through its rank).
  func rank(_ a: Candidate, before b: Candidate) -> Bool {
    precedes(a, b) ?? (offerRanks[offer(a)] < offerRanks[offer(b)])
  }

  /// Whether `a`'s trigger id precedes `b`'s in `ByteOrder`; none counts as empty.
  func triggerPrecedes(_ a: Candidate, _ b: Candidate) -> Bool {
    ByteOrder.precedes(triggerID(a) ?? "", triggerID(b) ?? "")
  }
}
