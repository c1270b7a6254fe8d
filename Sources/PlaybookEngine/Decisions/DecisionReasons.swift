import PlaybookLanguage

/// Every reason text a run can give, made once per run: decisions share these strings
/// instead of each building its own (a million customers would otherwise cost a million
/// allocations for a few dozen distinct texts).
struct DecisionReasons: Sendable {
  /// By rule index, then send index.
  let channels: [[ChannelReasons]]
  /// `capped by slow_fix_apology (limit 1 per customer)`, by limit (`model.limits`' order),
  /// then by the index of the rule kept.
  let cappedBy: [[String]]
  /// `capped: limit 1 per customer already reached by earlier runs`, by limit.
  let cappedByEarlierRuns: [String]
  /// `in holdout (bucket 42 < 500)`, by bucket (only the held-out buckets).
  let holdout: [String]
  let alreadySent = "already sent by an earlier run"

  /// `eligible again on 2027-03-02 (every 90d since the last send on 2026-12-02, run 7)`:
  /// a rule with `every D` that sent to the customer less than D ago. Dates are UTC, with
  /// the time when it is not midnight.
  static func notYetEligible(_ last: LastSend, every: Int64, spelling: String) -> String {
    "eligible again on \(day(last.sendAt + every)) (every \(spelling) since the last send on \(day(last.sendAt)), "
      + "run \(last.run))"
  }

  private static func day(_ seconds: Int64) -> String {
    seconds % 86_400 == 0 ? Timestamp.formatDate(seconds) : Timestamp.format(seconds)
  }

  /// The same reasons, each in storage of its own (`Decider.ownTexts()`).
  func owned() -> DecisionReasons {
    DecisionReasons(
      channels: channels.map { $0.map { $0.owned() } }, cappedBy: cappedBy.map { $0.map(DecisionSpeller.own) },
      cappedByEarlierRuns: cappedByEarlierRuns.map(DecisionSpeller.own), holdout: holdout.map(DecisionSpeller.own))
  }

  private init(channels: [[ChannelReasons]], cappedBy: [[String]], cappedByEarlierRuns: [String], holdout: [String]) {
    self.channels = channels
    self.cappedBy = cappedBy
    self.cappedByEarlierRuns = cappedByEarlierRuns
    self.holdout = holdout
  }

  init(plan: Plan, holdout: Holdout) {
    channels = plan.rules.map { rule in
      rule.sends.map { send in ChannelReasons(names: send.channels.map { plan.channels[$0].name }) }
    }
    cappedBy = plan.model.limits.map { limit in plan.rules.map { "capped by \($0.name) (\(limit.text))" } }
    cappedByEarlierRuns = plan.model.limits.map { "capped: \($0.text) already reached by earlier runs" }
    let percent = ValueText.number(holdout.percent * 100)
    self.holdout = (0..<holdout.heldBuckets).map { "in holdout (bucket \($0) < \(percent))" }
  }
}
