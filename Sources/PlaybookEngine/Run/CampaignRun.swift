import Dispatch
import PlaybookLanguage

/// One evaluation of a workspace at a clock: candidates, decisions and the summary.
public struct CampaignRun: Sendable {
  public let plan: Plan
  public let candidates: [Candidate]
  public let decisions: [Decision]
  public var summary: RunSummary

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
