import PlaybookLanguage

/// Who the customer is, as a support agent needs it at the top of an explanation: their
/// name, the fields the playbook reads, how each channel reaches them, their segments and
/// the clock they live by.
public struct CustomerFacts: Sendable {
  /// The customer's key.
  public var id: String
  /// The `name` field (else `first_name` and `last_name` joined); nil when there is none.
  public var name: String?
  /// The customer fields the playbook reads (not the key, name, channel addresses,
  /// consents or zone, shown elsewhere), in the table's column order; empty text for null.
  public var fields: [(name: String, value: String)]
  /// Each channel of the playbook, in its order.
  public var channels: [ChannelReach]
  /// Each segment and whether the customer is in it, by name.
  public var segments: [(name: String, member: Truth)]
  /// The customer's time zone (`Europe/Rome`) when the playbook has a `timezone` statement;
  /// nil when times are UTC.
  public var zone: String?
  /// What earlier runs sent the customer (the ledger), oldest first; empty without one.
  public var earlierSends: [PastSend]
  /// The customer's clock; UTC without a `timezone` statement.
  let offsets: ZoneOffsets?

  /// The customer's offset from UTC at `instant`, in seconds (0 without a zone).
  public func offset(at instant: Int64) -> Int64 { offsets?.offset(atInstant: instant) ?? 0 }

  /// No one in particular, on UTC: for times read without a customer's zone.
  static let utc = CustomerFacts(
    id: "", name: nil, fields: [], channels: [], segments: [], zone: nil, earlierSends: [], offsets: nil)
}

/// Whether a channel reaches the customer, and if not why.
public struct ChannelReach: Sendable {
  /// The channel's name.
  public var channel: String
  /// The customer's address on it; nil when they have none.
  public var address: String?
  /// Why it cannot be used; nil when it can.
  public var obstacle: ChannelObstacle?
}
