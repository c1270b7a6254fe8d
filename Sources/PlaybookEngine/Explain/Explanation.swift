/// "What would this customer get, and why?": every rule tried for one customer, each
/// trigger row with its conditions' values, and the final decisions.
public struct Explanation: Sendable {
  /// The customer's key, as asked for.
  public var customerID: String
  /// The evaluation clock, in seconds since 1970-01-01 UTC.
  public var clock: Int64
  /// Each rule tried, in the playbook's rule order (only the one asked for, when one was).
  public var rules: [RuleExplanation]
  /// The customer's decisions, as the run would make them.
  public var decisions: [Decision]
  /// The customer's rows set aside while loading (their value misfit its column's type,
  /// their times ran backwards), in load order: the rules never saw them.
  public var setAside: [SetAsideRow] = []
  /// Who the customer is: name, the fields the playbook reads, channels, segments, zone.
  public var customer: CustomerFacts
  /// Why each of `decisions` is what it is, in step with them.
  public var causes: [DecisionCause]
  /// The playbook's window, in seconds; nil for `window all`.
  public var window: Int64?

  /// How this customer reads times: on their clock, near the evaluation clock.
  public var times: TimeWords { TimeWords(clock: clock, facts: customer) }

  /// The cause of `decision`, one of `decisions`.
  public func cause(of decision: Decision) -> DecisionCause? {
    decisions.firstIndex(of: decision).map { causes[$0] }
  }
}

/// One rule tried for the customer.
public struct RuleExplanation: Sendable {
  /// The rule's name.
  public var rule: String
  /// The trigger row name (`complaint`), nil for a customer-only rule.
  public var triggerRow: String?
  /// The offers the rule sends.
  public var offers: [String]
  /// One attempt per trigger row (one for a customer-only rule).
  public var attempts: [TriggerAttempt]
  /// The customer's variant of each of the rule's A/B splits; empty when no line splits.
  public var variants: [VariantChoice] = []

  /// Whether any attempt got past its first condition: rules that never did are folded
  /// into one line unless asked for.
  public var cameClose: Bool {
    attempts.contains { $0.conditions.first?.value == .yes || $0.conditions.isEmpty }
  }
}

/// One trigger row (or the customer) tried against a rule.
public struct TriggerAttempt: Sendable {
  /// The trigger row's id; nil for a customer-only rule.
  public var triggerID: String?
  /// The row's lifecycle times (`opened`, `responded`, `resolved`) that are set.
  public var times: [(field: String, value: Int64)]
  /// The rule's conditions (`when`), in written order, with their values.
  public var conditions: [ConditionValue]
  /// The rule's `unless` clauses, in written order, with their values.
  public var exceptions: [ConditionValue]
  /// What the attempt came to.
  public var outcome: Outcome

  /// How a trigger attempt ended. Trigger times are seconds since 1970-01-01 UTC.
  public enum Outcome: Sendable {
    /// A condition did not hold.
    case conditionFailed
    /// An `unless` held.
    case excepted
    /// The trigger time fell before clock − window.
    case outsideWindow(triggerTime: Int64)
    /// The trigger time is after the clock.
    case afterClock(triggerTime: Int64)
    /// A candidate was made; the decisions say what became of it.
    case candidate(triggerTime: Int64, decisions: [Decision])
  }
}

/// A condition (or part of one) and its value for this customer and row, with the values
/// that made it so (`csat = 3`, `resolved − opened = 1h28m`).
public struct ConditionValue: Sendable {
  /// The condition as written in the playbook.
  public var text: String
  /// Its value; `.unknown` when a value it read was null.
  public var value: Truth
  /// The values it read, as `name = value` texts, in reading order.
  public var details: [String]
  /// The parts of an `and`, `or` or `not`.
  public var parts: [ConditionValue]
  /// For a condition without parts: what would make it hold, as written (`>= 4` for
  /// `complaint.csat >= 4`, else the condition itself); nil for `and`, `or`, `not`.
  public var needs: String? = nil
  /// Whether the parts are an `and`'s, so the condition fails where a part fails.
  public var isConjunction = false
  /// For a `contains` on a long text: the sentence around what it found, the word marked
  /// «…» (`TextExcerpt`); nil otherwise.
  public var excerpt: String? = nil
}

/// A customer's variant of an A/B split, and why: the customer's bucket and the buckets
/// the variant has (`VariantSplit`).
public struct VariantChoice: Sendable {
  /// The variant's name: `A` for the first offer written, `B`, ….
  public var variant: String
  /// The variant's offer.
  public var offer: String
  /// The customer's bucket, 0 to 9999.
  public var bucket: Int
  /// The variant's buckets: from `start` up to but not including `end`.
  public var start: Int
  /// The first bucket past the variant's.
  public var end: Int
}
