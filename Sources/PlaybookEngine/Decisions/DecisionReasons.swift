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
