/// What became of one candidate (a rule offering an offer to a customer).
public enum DecisionStatus: String, Sendable, CaseIterable, Comparable {
  case send
  case holdout
  case capped
  case unreachable
  case alreadySent = "already_sent"
  /// The offer's message could not be filled in (a null with no `default`, `{% abort %}`),
  /// so it is not sent; it takes no place under `limit`.
  case unrendered

  /// The order of the cases (send, holdout, capped, unreachable, already_sent, unrendered): how
  /// summaries list statuses.
  public static func < (a: DecisionStatus, b: DecisionStatus) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// One candidate after consent, holdout and caps: a row of the decisions log, and of an
/// audience file when its status is `send`.
public struct Decision: Hashable, Sendable {
  /// The customer's key from the customers table.
  public var customerID: String
  /// The name of the rule that made the candidate.
  public var rule: String
  /// The offer's code (`THANKS10`).
  public var offer: String
  /// The trigger row's key; nil for customer-only rules.
  public var triggerID: String?
  /// Seconds since the epoch, UTC.
  public var triggerTime: Int64
  /// When to send, in seconds since 1970-01-01 UTC: the trigger time plus the send's
  /// delay, never before the clock.
  public var sendAt: Int64
  /// When the offer stops being valid, in seconds since 1970-01-01 UTC: `sendAt` plus
  /// the offer's validity.
  public var expiresAt: Int64
  /// The channel chosen; nil when unreachable.
  public var channel: String?
  /// The customer's address on `channel` (an email address, a phone number); nil when no
  /// channel was chosen.
  public var address: String?
  /// What became of the candidate.
  public var status: DecisionStatus
  /// Why, in words: `sent via sms because email has no consent`, `capped by slow_fix_apology`.
  public var reason: String
  /// How many duplicate (customer, offer) candidates collapsed into this one (0 = none).
  public var merged: Int
  /// The rule's priority; higher wins when candidates collapse or a `limit` caps them.
  public var priority: Int
  /// Which variant of an A/B split the offer is (`A` for the first offer written, `B`,
  /// …); nil when the rule's send line does not split. A held-out or capped customer keeps
  /// its variant, so a test's arms can be compared with their control group.
  public var variant: String?
  /// The offer's `subject` and `message` for the channel, filled in; nil when it has
  /// none or the decision is not sent or held out. Boxed: most decisions have none, and
  /// a pointer keeps every decision as small as before messages.
  var texts: MessageTexts? = nil
  /// The send time on the customer's clock, and any move into the channel's window
  /// (`LocalSendTime`); nil without either.
  var localTime: LocalSendTime? = nil

  /// The offer's `subject` for the channel, filled in; nil when it has none or the
  /// decision is not sent or held out.
  public var subject: String? { texts?.subject }
  /// The offer's `message` for the channel, filled in; nil likewise.
  public var message: String? { texts?.message }

  /// A decision with these fields; times are seconds since 1970-01-01 UTC.
  public init(
    customerID: String, rule: String, offer: String, triggerID: String?, triggerTime: Int64,
    sendAt: Int64, expiresAt: Int64, channel: String?, address: String?, status: DecisionStatus,
    reason: String, merged: Int, priority: Int, variant: String? = nil
  ) {
    self.init(
      customerID: customerID, rule: rule, offer: offer, triggerID: triggerID, triggerTime: triggerTime,
      sendAt: sendAt, expiresAt: expiresAt, channel: channel, address: address, status: status, reason: reason,
      merged: merged, priority: priority, variant: variant, localTime: nil)
  }

  /// A decision with its local time (`Decider` spelling out an outcome).
  init(
    customerID: String, rule: String, offer: String, triggerID: String?, triggerTime: Int64,
    sendAt: Int64, expiresAt: Int64, channel: String?, address: String?, status: DecisionStatus,
    reason: String, merged: Int, priority: Int, variant: String?, localTime: LocalSendTime?
  ) {
    self.localTime = localTime
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
    self.variant = variant
  }
}

/// A decision's filled-in subject and message (see `Decision.subject`).
final class MessageTexts: Hashable, Sendable {
  let subject: String?
  let message: String?

  init(subject: String?, message: String?) {
    self.subject = subject
    self.message = message
  }

  static func == (a: MessageTexts, b: MessageTexts) -> Bool { a.subject == b.subject && a.message == b.message }

  func hash(into hasher: inout Hasher) {
    hasher.combine(subject)
    hasher.combine(message)
  }
}
