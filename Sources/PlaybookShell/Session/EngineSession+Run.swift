import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension EngineSession {
  /// Evaluates the playbook as it is now, re-using the last run's candidates for every
  /// rule that did not change. Nil when there is no data or Ctrl-C stopped it.
  func currentRun() -> IncrementalRun? {
    guard let workspace else { return nil }
    let run = IncrementalRun.evaluate(
      workspace, clock: clock, dataVersion: dataVersion, previous: lastRun,
      interrupted: { Interrupt.requested }, progress: progress)
    if let run { lastRun = run }
    return run
  }

  /// `:run`: candidates and decisions per rule, per offer and per variant of an A/B
  /// split, and the time taken.
  func runCommand() -> ShellOutput {
    guard workspace != nil else { return failure(.noData) }
    guard let run = currentRun() else { return .message("stopped; the last results are kept") }
    let milliseconds = run.evaluateMilliseconds + run.decideMilliseconds
    let reused = model.rules.count - run.evaluatedRules.count
    let note =
      reused == 0
      ? ""
      : run.evaluatedRules.isEmpty
        ? " (no rule changed)"
        : " (\(plural(run.evaluatedRules.count, "rule")) re-evaluated, \(reused) unchanged)"
    // The bars need colour to read at a glance; without it the table says the same.
    let bars: [ShellOutput.Block] = color ? [.chart(StatusBar.text(run.counts.byOffer))] : []
    var output = ShellOutput(
      [.table(Self.countsTable("rule", run.counts.byRule)), .table(Self.countsTable("offer", run.counts.byOffer))]
        + (run.counts.byVariant.isEmpty ? [] : [.table(Self.countsTable("variant", run.counts.byVariant.map(\.named)))])
        + bars
        + [.message("evaluated in \(milliseconds) ms\(note); clock \(Timestamp.format(run.plan.clock))")])
    // Values that overflowed read as null: never silent, as `playloop run` warns.
    output.blocks += rendered(run.overflowWarnings + SMSLength.warnings(run.decisions), pending: nil).blocks
    return output
  }

  static let shownStatuses: [DecisionStatus] = [.send, .holdout, .capped, .unreachable]

  static func countsTable(_ kind: String, _ counts: [NamedCounts]) -> TextTable {
    // `unrendered` only when a message could not be filled in.
    let shown = shownStatuses + (counts.contains { $0.counts[.unrendered] > 0 } ? [.unrendered] : [])
    return TextTable(
      headers: [kind, "candidates"] + shown.map(\.rawValue),
      rows: counts.map { named in
        [named.name, named.counts.total.grouped] + shown.map { named.counts[$0].grouped }
      },
      alignments: [.left] + Array(repeating: .right, count: shown.count + 1))
  }

  /// `:test`: the playbook's `test` blocks; failures make a script stop.
  func test() -> ShellOutput {
    guard let workspace else { return failure(.noData) }
    // A test run that checks nothing fails, as `playloop test` does.
    guard !workspace.model.tests.isEmpty else { return failure(.noTests(in: [displayName])) }
    // Tests name the input they were typed in or loaded from, not the session document.
    let results = TestRunner.run(workspace, now: now()).map { result in
      var result = result
      guard let place = document.place(ofLine: result.line) else { return result }
      result.file = place.sourceName
      result.line = place.line
      for index in result.failures.indices {
        result.failures[index].line = document.place(ofLine: result.failures[index].line)?.line ?? 0
      }
      return result
    }
    var output = ShellOutput.message(TestReport.text(results))
    let failed = results.filter { !$0.passed }.count
    if failed > 0 { output.blocks += failure(.testsFailed(failed)).blocks }
    return output
  }

  /// A plan at the current clock, compiled afresh unless the last run's still fits.
  func currentPlan(_ workspace: Workspace) -> Plan {
    if let lastRun, lastRun.plan.clock == clock,
      lastRun.plan.checked.structure == workspace.checked.structure
    {
      return lastRun.plan
    }
    return Plan(checked: workspace.checked, dataset: workspace.dataset, clock: clock)
  }
}
