/// A column of an audience file or the decisions log: its header name and how to read
/// its value off a decision.
struct ExportColumn: Sendable {
  /// A value in an export row. Times are seconds since the epoch, written ISO 8601 UTC.
  enum Cell {
    case text(String?)
    case integer(Int)
    case time(Int64)
  }

  let name: String
  let value: @Sendable (Decision) -> Cell

  /// `<OFFER>.csv|jsonl`: the `send` decisions of one offer.
  static let audience: [ExportColumn] = [
    ExportColumn(name: "customer_id") { .text($0.customerID) },
    ExportColumn(name: "channel") { .text($0.channel) },
    ExportColumn(name: "address") { .text($0.address) },
    ExportColumn(name: "offer") { .text($0.offer) },
    ExportColumn(name: "send_at") { .time($0.sendAt) },
    ExportColumn(name: "expires_at") { .time($0.expiresAt) },
    ExportColumn(name: "rule") { .text($0.rule) },
    ExportColumn(name: "trigger_id") { .text($0.triggerID) },
  ]

  /// `decisions.csv|jsonl`: every candidate with its status and why.
  static let decisions: [ExportColumn] = [
    ExportColumn(name: "customer_id") { .text($0.customerID) },
    ExportColumn(name: "rule") { .text($0.rule) },
    ExportColumn(name: "offer") { .text($0.offer) },
    ExportColumn(name: "trigger_id") { .text($0.triggerID) },
    ExportColumn(name: "trigger_time") { .time($0.triggerTime) },
    ExportColumn(name: "send_at") { .time($0.sendAt) },
    ExportColumn(name: "expires_at") { .time($0.expiresAt) },
    ExportColumn(name: "channel") { .text($0.channel) },
    ExportColumn(name: "address") { .text($0.address) },
    ExportColumn(name: "status") { .text($0.status.rawValue) },
    ExportColumn(name: "reason") { .text($0.reason) },
    ExportColumn(name: "merged") { .integer($0.merged) },
    ExportColumn(name: "priority") { .integer($0.priority) },
  ]
}
