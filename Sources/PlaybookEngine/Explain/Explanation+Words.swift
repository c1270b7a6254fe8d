import PlaybookLanguage

extension Explanation {
  /// Why a trigger row made no candidate, as a support agent reads it: `the complaint was
  /// triggered on 27 Jul, more than 30d before the clock (the playbook's window)`; nil
  /// for a candidate, whose decisions say what became of it (`DecisionCause`).
  public func words(_ attempt: TriggerAttempt, row: String?) -> String? {
    let row = row.map { "the \($0)" } ?? "the customer"
    switch attempt.outcome {
    case .conditionFailed:
      guard let failed = attempt.conditions.first(where: { !$0.value.holds })?.firstFailure else { return nil }
      return "`\(failed.text)` \(failed.value == .unknown ? "is unknown (a value is missing)" : "does not hold")"
    case .excepted:
      guard let held = attempt.exceptions.first(where: { $0.value.holds }) else { return nil }
      return "`unless \(held.text)` holds"
    case .outsideWindow(let t):
      let window = self.window.map { "more than \(Self.plain($0)) before the clock" } ?? "before the clock"
      return "\(row) met the rule on \(times.day(t)), \(window): outside the playbook's window"
    case .afterClock(let t):
      return "\(row) triggers on \(times.moment(t)), after the clock: not yet"
    case .candidate:
      return nil
    }
  }

  /// `30 days`, `4 hours`: a duration as a person says it.
  static func plain(_ seconds: Int64) -> String {
    for (unit, size) in [("day", Int64(86_400)), ("hour", 3_600), ("minute", 60)] where seconds % size == 0 {
      let n = seconds / size
      return "\(n) \(unit)\(n == 1 ? "" : "s")"
    }
    return ValueText.duration(seconds)
  }

  /// The cause of `decision` in words (see `DecisionCause.words`); the reason as the run
  /// gives it for a decision that is not this customer's.
  public func words(_ decision: Decision) -> String {
    cause(of: decision)?.words(rule: decision.rule, times: times) ?? decision.reason
  }
}
