/// What earlier runs sent, as the decider needs it (the ledger provides one; a run
/// without a ledger has none).
public protocol SendHistory: Sendable {
  /// Whether this trigger (or, for a customer-only rule, this customer and offer) was
  /// already sent by this rule.
  func alreadySent(rule: String, triggerID: String?, customerID: String, offer: String) -> Bool
  /// How many offers the customer was sent at or after `since`: on `channel`, or on any
  /// channel when it is nil.
  func sentCount(customerID: String, since: Int64, channel: String?) -> Int
  /// The latest send of a customer-only rule to the customer (any offer), which `every D`
  /// counts from; nil when the rule never sent to them.
  func lastSend(rule: String, customerID: String) -> LastSend?
  /// Customer id → their latest send that `query` matches, for `sent(…)`; the history
  /// answers only the queries it was loaded for (`CheckedPlaybook.sentQueries`).
  func lastSends(_ query: SentQuery) -> [String: LastSend]
}

/// A send as `every D` and `sent(…)` report it: when, what, and by which run.
public struct LastSend: Hashable, Sendable {
  /// The send's `send_at`, in seconds since the epoch.
  public var sendAt: Int64
  /// The run that recorded it: its position in the ledger (`LedgerRun.seq`).
  public var run: Int64
  /// The offer sent.
  public var offer: String
  /// The channel it was sent on.
  public var channel: String

  /// A send of `offer` on `channel` at `sendAt`, recorded by run `run`.
  public init(sendAt: Int64, run: Int64, offer: String, channel: String) {
    self.sendAt = sendAt
    self.run = run
    self.offer = offer
    self.channel = channel
  }
}
