import Dispatch
import PlaybookLanguage

/// One evaluation of a workspace at a clock: candidates, decisions and the summary.
public struct CampaignRun: Sendable {
  /// The compiled playbook the run evaluated (its clock is the run's clock).
  public let plan: Plan
  /// Every candidate, in customer, rule, then trigger row order, before consent, holdout and caps.
  public let candidates: [Candidate]
  /// Every candidate's fate, in the decisions log's order (whatever its status, not only sends).
  public let decisions: [Decision]
  /// The counts and timings, with no run id, export target or export time yet: the
  /// exporter (and the ledger) fill those in.
  public var summary: RunSummary
  /// A warning for each rule, segment, define or channel whose computed times or
  /// durations overflowed and were treated as null.
  public let overflowWarnings: [Diagnostic]

  /// Compiles, evaluates and decides. `history` is the ledger, when one is kept.
  public init(
    workspace: Workspace, clock: Int64, history: (any SendHistory)? = nil,
    interrupted: @escaping @Sendable () -> Bool = { false }
  ) {
    let started = DispatchTime.now()
    plan = Plan(checked: workspace.checked, dataset: workspace.dataset, clock: clock)
    candidates = plan.candidates(interrupted: interrupted)
    let evaluated = DispatchTime.now()
    decisions = Decider(plan: plan, history: history).decide(candidates)
    let decided = DispatchTime.now()
    overflowWarnings = plan.overflowWarnings()
    let model = workspace.model
    summary = RunSummary(
      playbook: model.name, clock: clock, window: model.window,
      tables: TableCount.counts(
        of: workspace.dataset, eventTableOrder: model.tables.filter { !$0.isCustomers }.map(\.name)),
      counts: DecisionCounts(
        decisions, rules: model.rules.map(\.rule.name.text), offers: model.offers.map(\.code.text)),
      timings: PhaseTimings(
        load: workspace.loadMilliseconds,
        evaluate: Self.milliseconds(started, evaluated), decide: Self.milliseconds(evaluated, decided)))
  }

  static func milliseconds(_ a: DispatchTime, _ b: DispatchTime) -> Int {
    Int((b.uptimeNanoseconds - a.uptimeNanoseconds) / 1_000_000)
  }
}
