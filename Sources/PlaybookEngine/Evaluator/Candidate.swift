/// A rule's offer for a customer, before consent, caps and holdout: numbers only, so
/// millions of them cost no allocations.
public struct Candidate: Hashable, Sendable {
  /// The customer number (row in the customers table; see `Dataset.customerNumber`).
  public var customer: Int32
  /// Index into `Plan.rules`.
  public var rule: Int32
  /// Index into that rule's sends.
  public var send: Int32
  /// The trigger row in the rule's trigger table; -1 for a customer-only rule.
  public var triggerRow: Int32
  /// When the trigger happened, in seconds since 1970-01-01 UTC (for a customer-only rule, the clock).
  public var triggerTime: Int64
  /// When to send, in seconds since 1970-01-01 UTC: the trigger time plus the send's delay,
  /// but never before the clock.
  public var sendAt: Int64

  /// A candidate of these numbers (an engine computing candidates elsewhere maps its
  /// rows to these: `CandidateLookup`).
  public init(customer: Int32, rule: Int32, send: Int32, triggerRow: Int32, triggerTime: Int64, sendAt: Int64) {
    self.customer = customer
    self.rule = rule
    self.send = send
    self.triggerRow = triggerRow
    self.triggerTime = triggerTime
    self.sendAt = sendAt
  }
}
