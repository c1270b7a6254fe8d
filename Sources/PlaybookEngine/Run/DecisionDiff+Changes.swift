extension DecisionDiff {
  /// A change spelled out: the customer, the offer, and what was decided before and after.
  public struct ChangedDecision: Sendable, Hashable, Codable {
    /// What one side decided for the customer and offer.
    public struct Side: Sendable, Hashable, Codable {
      /// The rule whose candidate it was.
      public var rule: String
      /// What became of it.
      public var status: DecisionStatus
      /// The channel chosen; nil when none was.
      public var channel: String?
      /// Why, in words.
      public var reason: String

      /// What `decision` says.
      public init(_ decision: Decision) {
        rule = decision.rule
        status = decision.status
        channel = decision.channel
        reason = decision.reason
      }
    }

    /// The customer's key.
    public var customerID: String
    /// The offer's code.
    public var offer: String
    /// The decision before; nil when there was none.
    public var before: Side?
    /// The decision after; nil when there is none.
    public var after: Side?
  }

  /// `change` spelled out from the lists this diff compared.
  public func spelledOut(_ change: Change, before: DecisionList, after: DecisionList) -> ChangedDecision {
    let old = change.before >= 0 ? before.decisions[Int(change.before)] : nil
    let new = change.after >= 0 ? after.decisions[Int(change.after)] : nil
    return ChangedDecision(
      customerID: (new ?? old)?.customerID ?? "", offer: offers[Int(change.offer)].offer,
      before: old.map(ChangedDecision.Side.init), after: new.map(ChangedDecision.Side.init))
  }

  /// The header of `csv(before:after:)`.
  public static let csvColumns = [
    "customer_id", "offer", "old_status", "new_status", "old_rule", "new_rule", "old_channel", "new_channel",
    "old_reason", "new_reason",
  ]

  /// Every change as CSV (`csvColumns`), in customer then offer order; an empty status
  /// means no decision.
  public func csv(before: DecisionList, after: DecisionList) -> [UInt8] {
    var writer = CSVWriter()
    writer.writeRow(Self.csvColumns)
    for change in changes {
      let row = spelledOut(change, before: before, after: after)
      writer.writeRow([
        row.customerID, row.offer, row.before?.status.rawValue, row.after?.status.rawValue, row.before?.rule,
        row.after?.rule, row.before?.channel, row.after?.channel, row.before?.reason, row.after?.reason,
      ])
    }
    return writer.bytes
  }
}
