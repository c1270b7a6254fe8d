/// The order of rows in every export file: by offer, then customer id, then rule, then
/// trigger id (none first), comparing text by its UTF-8 bytes so the order never depends
/// on a locale. Trigger time, send time, channel and status break any remaining tie.
enum DecisionOrder {
  static func precedes(_ a: Decision, _ b: Decision) -> Bool {
    if let order = compare(a.offer, b.offer) { return order }
    if let order = compare(a.customerID, b.customerID) { return order }
    if let order = compare(a.rule, b.rule) { return order }
    if a.triggerID != b.triggerID {
      guard let x = a.triggerID else { return true }
      guard let y = b.triggerID else { return false }
      return x.utf8.lexicographicallyPrecedes(y.utf8)
    }
    if a.triggerTime != b.triggerTime { return a.triggerTime < b.triggerTime }
    if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
    if let order = compare(a.channel ?? "", b.channel ?? "") { return order }
    return a.status < b.status
  }

  /// `decisions` in export order; already ordered input (the usual case) is not re-sorted.
  static func sorted(_ decisions: [Decision]) -> [Decision] {
    let ordered = zip(decisions, decisions.dropFirst()).allSatisfy { !precedes($1, $0) }
    return ordered ? decisions : decisions.sorted(by: precedes)
  }

  private static func compare(_ a: String, _ b: String) -> Bool? {
    a == b ? nil : a.utf8.lexicographicallyPrecedes(b.utf8)
  }
}
