/// Why decisions were not sent, grouped: a status and its reason, with how many
/// decisions gave it. Reasons that differ only in detail are one group: every held-out
/// decision is `in the holdout`, whatever its bucket, and every `every D` rule's
/// `eligible again on …` is one.
public struct NotSentReason: Hashable, Sendable {
  /// The decisions' status (never `send`).
  public var status: DecisionStatus
  /// The reason, as decisions give it, details grouped away.
  public var reason: String
  /// How many decisions gave it.
  public var count: Int

  /// A group of `count` decisions.
  public init(status: DecisionStatus, reason: String, count: Int) {
    self.status = status
    self.reason = reason
    self.count = count
  }

  /// The group a decision not sent belongs to.
  static func grouped(_ decision: Decision) -> String {
    switch decision.status {
    case .holdout: "in the holdout (the control group)"
    case .alreadySent where decision.reason.hasPrefix("eligible again"):
      "not yet eligible again (the rule's every)"
    default: decision.reason
    }
  }

  /// The groups of `decisions` not sent, most decisions first (then by status and reason).
  static func tally(_ decisions: [Decision]) -> [NotSentReason] {
    var index: [GroupKey: Int] = [:]
    var groups: [NotSentReason] = []
    for i in decisions.indices where decisions[i].status != .send {
      let key = GroupKey(status: decisions[i].status, reason: grouped(decisions[i]))
      if let g = index[key] {
        groups[g].count += 1
      } else {
        index[key] = groups.count
        groups.append(NotSentReason(status: key.status, reason: key.reason, count: 1))
      }
    }
    return groups.sorted {
      ($0.count, $1.status, $1.reason) > ($1.count, $0.status, $0.reason)
    }
  }

  private struct GroupKey: Hashable {
    var status: DecisionStatus
    var reason: String
  }
}
