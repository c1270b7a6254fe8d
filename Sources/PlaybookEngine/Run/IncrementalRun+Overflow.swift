import PlaybookLanguage

extension IncrementalRun {
  /// One warning per rule, segment, define or channel whose computed times or durations
  /// overflowed and were treated as null, as `CampaignRun.overflowWarnings` says for a
  /// full run.
  public var overflowWarnings: [Diagnostic] {
    overflows.map { Diagnostic(.valuesOverflowed($0.count, in: $0.owner), file: nil) }
  }

  /// What overflowed in this run: what `plan` counted as it evaluated, and, from
  /// `previous` (a run over the same data, clock and definitions), what this run reused
  /// without evaluating: its segments and defines, and the rules whose candidates were
  /// kept. Channels count what was decided again.
  static func overflows(
    _ plan: Plan, previous: IncrementalRun?, evaluatedRules: [String], ruleNames: [String]
  ) -> [(owner: String, count: Int)] {
    let counted = plan.overflowLog.overflows
    guard let previous else { return counted }
    // The same plan again: nothing was evaluated, all is as the previous run counted it.
    if plan.overflowLog === previous.plan.overflowLog { return previous.overflows }
    let recounted = Set(counted.map(\.owner) + evaluatedRules.map { "rule '\($0)'" })
    let rules = Set(ruleNames.map { "rule '\($0)'" })
    let kept = previous.overflows.filter {
      !recounted.contains($0.owner) && (!$0.owner.hasPrefix("rule '") || rules.contains($0.owner))
    }
    return kept + counted
  }
}
