import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension EngineSession {
  /// The run of the playbook as it is now: the last run when nothing changed since,
  /// else a new one (re-evaluating only what changed). Nil without data or after Ctrl-C.
  func upToDateRun() -> IncrementalRun? {
    guard let workspace else { return nil }
    if let lastRun, lastRun.isCurrent(for: workspace, clock: clock, dataVersion: dataVersion) { return lastRun }
    return currentRun()
  }

  /// How the decisions moved from the state `before` (whose run, when still current for
  /// it, is `run`) to now, per offer and status; nothing when either has no data.
  ///
  /// Both states are evaluated incrementally (each reuses the other's candidates), so an
  /// edit costs its changed rules and a comparison in customer order. Across a change of
  /// data the earlier decisions are matched by customer id.
  func impact(since before: EditHistory.State, run: IncrementalRun?) -> [ShellOutput.Block] {
    guard let oldWorkspace = before.workspace, let workspace else { return [] }
    Interrupt.clear()  // a Ctrl-C at the prompt is not meant for this
    let beforeClock = before.clockOverride ?? before.model.clock ?? run?.plan.clock ?? now()
    let stopped = ShellOutput.Block.message("stopped; the impact is not known")
    let old: IncrementalRun
    if let run, run.isCurrent(for: oldWorkspace, clock: beforeClock, dataVersion: before.dataVersion) {
      old = run
    } else {
      guard
        let evaluated = IncrementalRun.evaluate(
          oldWorkspace, clock: beforeClock, dataVersion: before.dataVersion, previous: run ?? lastRun,
          interrupted: { Interrupt.requested })
      else { return [stopped] }
      old = evaluated
    }
    if lastRun.map({ !$0.isCurrent(for: workspace, clock: clock, dataVersion: dataVersion) }) ?? true {
      lastRun = old  // the base the new run reuses
    }
    guard let new = currentRun() else { return [stopped] }
    let diff = DecisionDiff(
      before: comparable(old, from: before.dataVersion, offers: before.model.offers.map(\.code.text)),
      after: new.decisionList)
    return [.message(diff.impactText)]
  }

  /// `run`'s decisions numbered as the session's data numbers customers: as they are
  /// when `run` evaluated the same data, else matched by customer id.
  func comparable(_ run: IncrementalRun, from version: Int, offers: [String]) -> DecisionList {
    guard version != dataVersion, let workspace else { return run.decisionList }
    return DecisionList(numbering: run.decisions, in: workspace.dataset, offers: offers)
  }
}
