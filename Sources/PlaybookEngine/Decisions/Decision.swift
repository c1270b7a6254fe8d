/// What became of one candidate (a rule offering an offer to a customer).
public enum DecisionStatus: String, Sendable, CaseIterable, Comparable {
  case send
  case holdout
  case capped
  case unreachable
  case alreadySent = "already_sent"

  public static func < (a: DecisionStatus, b: DecisionStatus) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// One candidate after consent, holdout and caps: a row of the decisions log, and of an
/// audience file when its status is `send`.
public struct Decision: Hashable, Sendable {
  public var customerID: String
  public var rule: String
  public var offer: String
  /// The trigger row's key; nil for customer-only rules.
  public var triggerID: String?
  /// Seconds since the epoch, UTC.
  public var triggerTime: Int64
  public var sendAt: Int64
  public var expiresAt: Int64
  /// The channel chosen; nil when unreachable.
  public var channel: String?
  public var address: String?
  public var status: DecisionStatus
  /// Why, in words: `sent via sms because email has no consent`, `capped by slow_fix_apology`.
  public var reason: String
  /// How many duplicate (customer, offer) candidates collapsed into this one (0 = none).
  public var merged: Int
  public var priority: Int

  public init(
    customerID: String, rule: String, offer: String, triggerID: String?, triggerTime: Int64,
    sendAt: Int64, expiresAt: Int64, channel: String?, address: String?, status: DecisionStatus,
    reason: String, merged: Int, priority: Int
  ) {
    self.customerID = customerID
    self.rule = rule
    self.offer = offer
    self.triggerID = triggerID
    self.triggerTime = triggerTime
    self.sendAt = sendAt
    self.expiresAt = expiresAt
    self.channel = channel
    self.address = address
    self.status = status
    self.reason = reason
    self.merged = merged
    self.priority = priority
  }
}
