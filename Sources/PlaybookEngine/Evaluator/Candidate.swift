/// A rule's offer for a customer, before consent, caps and holdout: numbers only, so
/// millions of them cost no allocations.
public struct Candidate: Hashable, Sendable {
  public var customer: Int32
  /// Index into `Plan.rules`.
  public var rule: Int32
  /// Index into that rule's sends.
  public var send: Int32
  /// The trigger row in the rule's trigger table; -1 for a customer-only rule.
  public var triggerRow: Int32
  public var triggerTime: Int64
  public var sendAt: Int64
}
