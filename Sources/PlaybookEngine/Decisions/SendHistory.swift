/// What earlier runs sent, as the decider needs it (the ledger provides one; a run
/// without a ledger has none).
public protocol SendHistory: Sendable {
  /// Whether this trigger (or, for a customer-only rule, this customer and offer) was
  /// already sent by this rule.
  func alreadySent(rule: String, triggerID: String?, customerID: String, offer: String) -> Bool
  /// How many offers the customer was sent at or after `since`: on `channel`, or on any
  /// channel when it is nil.
  func sentCount(customerID: String, since: Int64, channel: String?) -> Int
}
