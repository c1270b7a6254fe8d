/// A column of an audience file or the decisions log, named as in the header row.
enum ExportColumn: String, Sendable {
  case customerID = "customer_id"
  case rule
  case offer
  case triggerID = "trigger_id"
  case triggerTime = "trigger_time"
  case sendAt = "send_at"
  case expiresAt = "expires_at"
  case channel
  case address
  case status
  case reason
  case merged
  case priority
  case variant

  /// `<OFFER>.csv|jsonl`: the `send` decisions of one offer.
  static let audience: [ExportColumn] = [
    .customerID, .channel, .address, .offer, .sendAt, .expiresAt, .rule, .triggerID,
  ]

  /// `decisions.csv|jsonl`: every candidate with its status and why.
  static let decisions: [ExportColumn] = [
    .customerID, .rule, .offer, .triggerID, .triggerTime, .sendAt, .expiresAt, .channel, .address,
    .status, .reason, .merged, .priority,
  ]

  /// `decisions`, with a `variant` column after `offer` when the playbook has an A/B split.
  static func decisions(variants: Bool) -> [ExportColumn] {
    guard variants else { return decisions }
    var columns = decisions
    columns.insert(.variant, at: columns.firstIndex(of: .offer).map { $0 + 1 } ?? columns.count)
    return columns
  }
}
