import Foundation
import PlaybookEngine
import PlaybookLanguage

extension Explanation {
  /// The explanation in the engine's terms (`explain --detail`): every condition's value,
  /// times in UTC, the decider's reasons. Rules that never came close are folded into one
  /// line unless `all` is set (or only one rule was asked for).
  ///
  /// ```
  /// quick_fix_thanks, trigger T-0311 (opened 2026-10-30T09:12:00Z, resolved 2026-10-30T10:40:00Z)
  ///   complaint resolved within 4h   true   (resolved in 1h28m)
  ///   complaint.csat >= 4            false  (csat = 3)
  ///   → no candidate
  /// ```
  public func detailText(all: Bool = false) -> String {
    var lines = ["\(customerID) as of \(Timestamp.format(clock))"]
    let (shown, folded) = shownRules(all: all)
    for rule in shown { lines += rule.lines }
    if !folded.isEmpty {
      lines.append("not close: \(folded.joined(separator: ", ")) (name a rule to see why)")
    }
    for row in setAside {
      lines.append("set aside: \(row.file) line \(row.line) (\(row.table)): \(row.reason)")
    }
    lines.append(decisionsLine)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The rules to show in full, and the names of those folded into one line: rules that
  /// never came close, unless `all` is set or only one rule was asked for.
  func shownRules(all: Bool) -> (shown: [RuleExplanation], folded: [String]) {
    var shown: [RuleExplanation] = []
    var folded: [String] = []
    for rule in rules {
      if !all, rules.count > 1, !rule.cameClose {
        folded.append(rule.attempts.isEmpty ? "\(rule.rule) (no \(rule.triggerRow ?? "row"))" : rule.rule)
      } else {
        shown.append(rule)
      }
    }
    return (shown, folded)
  }

  /// One line per decision the customer gets, or `gets nothing`.
  var decisionsLine: String {
    let sent = decisions.filter { $0.status == .send }
    if sent.isEmpty { return "⇒ \(customerID) gets nothing" }
    return "⇒ \(customerID) gets "
      + sent.map { "\($0.offer) via \($0.channel ?? "?") at \(Timestamp.format($0.sendAt))" }
      .joined(separator: ", ")
  }
}

extension RuleExplanation {
  var lines: [String] {
    if attempts.isEmpty {
      return ["\(rule): \(customerHasNo)"]
    }
    var lines: [String] = []
    for attempt in attempts {
      var head = rule
      if let id = attempt.triggerID {
        let times = attempt.times.map { "\($0.field) \(Timestamp.format($0.value))" }
        head += ", trigger \(id)" + (times.isEmpty ? "" : " (\(times.joined(separator: ", ")))")
      }
      lines.append(head)
      let conditions = attempt.conditions.map { ($0, "") } + attempt.exceptions.map { ($0, "unless ") }
      let rows = conditions.flatMap { $0.0.rows(prefix: $0.1, depth: 1) }
      let width = rows.map(\.0.count).max() ?? 0
      for (text, rest) in rows {
        lines.append(text.padding(toLength: width + 2, withPad: " ", startingAt: 0) + rest)
      }
      lines.append("  → " + attempt.outcome.text(variants: variants))
    }
    return lines
  }

  private var customerHasNo: String {
    "no \(triggerRow ?? "row") for this customer"
  }
}

extension ConditionValue {
  /// Indented rows: the condition text, then its value and details.
  func rows(prefix: String, depth: Int) -> [(String, String)] {
    let indent = String(repeating: "  ", count: depth)
    let value = Explainer.word(self.value)
    let rest =
      details.isEmpty
      ? value
      : value.padding(toLength: 6, withPad: " ", startingAt: 0)
        + " (\(details.joined(separator: ", ")))"
    return [(indent + prefix + text, rest)] + parts.flatMap { $0.rows(prefix: "", depth: depth + 1) }
  }
}

extension VariantChoice {
  /// `variant B: THANKS15 (bucket 8123 of 10000 ≥ 7000)`: the customer's bucket against
  /// the variant's buckets.
  var text: String {
    let buckets =
      start == 0
      ? "< \(end)" : end == VariantSplit.buckets ? "≥ \(start)" : "in \(start)–\(end - 1)"
    return "variant \(variant): \(offer) (bucket \(bucket) of \(VariantSplit.buckets) \(buckets))"
  }
}

extension TriggerAttempt.Outcome {
  /// The outcome; a candidate's lists the customer's `variants` before its decisions.
  func text(variants: [VariantChoice]) -> String {
    switch self {
    case .conditionFailed: return "no candidate"
    case .excepted: return "no candidate: an unless holds"
    case .outsideWindow(let t): return "no candidate: triggered \(Timestamp.format(t)), before the window"
    case .afterClock(let t): return "no candidate: triggers \(Timestamp.format(t)), after the clock"
    case .candidate(let t, let decisions):
      let head = "candidate, triggered \(Timestamp.format(t))"
      let lines = variants.map { "    \($0.text)" } + decisions.flatMap(\.explainedLines)
      return ([head] + lines).joined(separator: "\n")
    }
  }
}

extension Decision {
  /// `SORRY25: send — sent via email`, then its subject and message as the customer
  /// would read them (line breaks shown as `\n`, so each stays on its line).
  fileprivate var explainedLines: [String] {
    var lines = ["    \(offer): \(status.rawValue) — \(reason)"]
    if let move { lines.append("      " + move.text(to: sendAt)) }
    for (part, text) in [("subject", subject), ("message", message)] {
      guard let text else { continue }
      let shown = text.replacingOccurrences(of: "\n", with: "\\n")
      lines.append("      \(part): \"\(shown)\"")
    }
    return lines
  }
}
