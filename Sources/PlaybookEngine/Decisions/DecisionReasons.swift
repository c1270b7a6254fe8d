import PlaybookLanguage

/// Every reason text a run can give but those made while deciding, made once per run:
/// decisions share these texts (as `Reason` numbers) instead of each building its own (a
/// million customers would otherwise cost a million allocations for a few dozen distinct
/// texts).
struct DecisionReasons: Sendable {
  /// The texts, and those added while deciding.
  let texts: ReasonTexts
  /// By send, in `SendTable`'s order (one flat list: a list of lists cost a reference
  /// count on the inner list for each candidate).
  let channels: [ChannelReasons]
  /// `capped by slow_fix_apology (limit 1 per customer)`, by limit (`model.limits`' order),
  /// then by the index of the rule kept.
  let cappedBy: [[Reason]]
  /// `capped: limit 1 per customer already reached by earlier runs`, by limit.
  let cappedByEarlierRuns: [Reason]
  /// `in holdout (bucket 42 < 500)`, by bucket (only the held-out buckets).
  let holdout: [Reason]
  /// `already sent by an earlier run`.
  let alreadySent: Reason

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

  init(plan: Plan, holdout: Holdout) {
    var fixed: [String] = []
    func add(_ text: String) -> Reason {
      fixed.append(text)
      return Reason(number: Int32(fixed.count - 1))
    }
    channels = plan.rules.flatMap { rule in
      rule.sends.map { send in ChannelReasons(names: send.channels.map { plan.channels[$0].name }, adding: add) }
    }
    cappedBy = plan.model.limits.map { limit in plan.rules.map { add("capped by \($0.name) (\(limit.text))") } }
    cappedByEarlierRuns = plan.model.limits.map { add("capped: \($0.text) already reached by earlier runs") }
    let percent = ValueText.number(holdout.percent * 100)
    self.holdout = (0..<holdout.heldBuckets).map { add("in holdout (bucket \($0) < \(percent))") }
    alreadySent = add("already sent by an earlier run")
    texts = ReasonTexts(fixed: fixed)
  }
}
