/// The orders deciding uses: which of two candidates precedes, for collapsing duplicate
/// offers and for `limit`.
extension Decider {
  @inline(__always) func offer(_ c: Candidate) -> Int { sends.offer(c) }

  func triggerID(_ c: Candidate) -> String? { plan.triggerID(of: c) }

  /// The order both collapse and `limit` start with: priority (high first), send_at,
  /// rule order; nil on a tie.
  private func precedes(_ a: Candidate, _ b: Candidate) -> Bool? {
    let (pa, pb) = (sends.priorities[Int(a.rule)], sends.priorities[Int(b.rule)])
    if pa != pb { return pa > pb }
    if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
    let (oa, ob) = (sends.orders[Int(a.rule)], sends.orders[Int(b.rule)])
    if oa != ob { return oa < ob }
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
