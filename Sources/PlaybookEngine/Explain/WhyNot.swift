import PlaybookLanguage

/// "Why does this customer not get OFFER?": for each rule that sends it, each trigger
/// row's first obstacle — the first condition that failed with the value it read and what
/// would have made it hold, an `unless` that held, the window, or the decision that kept
/// the candidate back. Made from an `Explanation` (`explain --why-not OFFER`).
public struct WhyNot: Sendable {
  /// The offer asked about.
  public var offer: String
  /// The customer's decisions for the offer (a send, when the customer does get it).
  public var decisions: [Decision]
  /// Each rule that sends the offer, in the playbook's order.
  public var rules: [RuleObstacles]

  /// One rule's trigger rows and what stopped each.
  public struct RuleObstacles: Sendable {
    /// The rule's name.
    public var rule: String
    /// The trigger row name (`complaint`), nil for a customer-only rule.
    public var triggerRow: String?
    /// One per trigger row (none when the customer has no such row).
    public var rows: [(triggerID: String?, obstacle: Obstacle)]
  }

  /// What stopped one trigger row.
  public enum Obstacle: Sendable {
    /// A condition did not hold (false, or null when a value it read was null).
    case condition(ConditionValue)
    /// An `unless` held.
    case unless(ConditionValue)
    /// Triggered before the window (seconds since 1970-01-01 UTC).
    case outsideWindow(triggerTime: Int64)
    /// Triggers after the clock.
    case afterClock(triggerTime: Int64)
    /// A candidate; the decision says what became of it (a send, or why not), `why` in plain words.
    case decided(Decision, why: String)
    /// A candidate for another offer of the rule (the other variant of a split).
    case otherOffer
  }
}

extension Explanation {
  /// Why the customer does (not) get `offer`, rule by rule; nil when no rule sends it.
  public func whyNot(_ offer: String) -> WhyNot? {
    let sending = rules.filter { $0.sends(offer) }
    guard !sending.isEmpty else { return nil }
    return WhyNot(
      offer: offer, decisions: decisions.filter { $0.offer == offer },
      rules: sending.map { rule in
        WhyNot.RuleObstacles(
          rule: rule.rule, triggerRow: rule.triggerRow,
          rows: rule.attempts.map { ($0.triggerID, $0.obstacle(offer, in: self)) })
      })
  }
}

extension RuleExplanation {
  /// Whether the rule sends `offer` (every variant of a split counts).
  func sends(_ offer: String) -> Bool { offers.contains(offer) }
}

extension TriggerAttempt {
  func obstacle(_ offer: String, in explanation: Explanation) -> WhyNot.Obstacle {
    switch outcome {
    case .conditionFailed:
      // `conditionFailed` means some condition did not hold.
      return .condition(conditions.first { !$0.value.holds }.map(\.firstFailure) ?? conditions[0])
    case .excepted:
      return .unless(exceptions.first { $0.value.holds } ?? exceptions[0])
    case .outsideWindow(let t): return .outsideWindow(triggerTime: t)
    case .afterClock(let t): return .afterClock(triggerTime: t)
    case .candidate(_, let decisions):
      return decisions.first { $0.offer == offer }.map { .decided($0, why: explanation.words($0)) } ?? .otherOffer
    }
  }
}

extension ConditionValue {
  /// The innermost part that made this failed condition fail: of an `and`, its first part
  /// that did not hold (evaluation stops there); of an `or` or a `not`, the whole.
  var firstFailure: ConditionValue {
    guard isConjunction, let failed = parts.first(where: { !$0.value.holds }) else { return self }
    return failed.firstFailure
  }
}

extension BinaryOperator {
  /// The comparison read from the other side (`4 <= x` is `x >= 4`); nil for operators
  /// that are no comparison.
  var flipped: BinaryOperator? {
    switch self {
    case .equal: .equal
    case .notEqual: .notEqual
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    case .and, .or, .add, .subtract, .multiply, .divide: nil
    }
  }
}

extension Expr {
  /// Whether the expression is a value written out (`4`, `"gold"`, `4h`, `[1, 2]`).
  var isConstant: Bool {
    switch kind {
    case .number, .string, .bool, .duration, .timestamp, .percent: true
    case .list(let items): items.allSatisfy(\.isConstant)
    default: false
    }
  }
}
