/// An offer an earlier run sent the customer, as the ledger recorded it: what explain
/// shows as the customer's history and names behind `already_sent` and a used-up `limit`.
public struct PastSend: Hashable, Sendable {
  /// The rule that sent it.
  public var rule: String
  /// The offer's code.
  public var offer: String
  /// The trigger row's key; nil for a customer-only rule.
  public var triggerID: String?
  /// The channel it went out on.
  public var channel: String
  /// Its `send_at`, in seconds since 1970-01-01 UTC.
  public var sendAt: Int64
  /// The run that recorded it: its position in the ledger (1 for the first run).
  public var run: Int64

  /// A send of `offer` by `rule` on `channel` at `sendAt`, recorded by run `run`.
  public init(rule: String, offer: String, triggerID: String?, channel: String, sendAt: Int64, run: Int64) {
    self.rule = rule
    self.offer = offer
    self.triggerID = triggerID
    self.channel = channel
    self.sendAt = sendAt
    self.run = run
  }
}
