import Dispatch
import PlaybookLanguage

/// One evaluation of a workspace at a clock: candidates, decisions and the summary.
public struct CampaignRun: Sendable {
  /// The compiled playbook the run evaluated (its clock is the run's clock).
  public let plan: Plan
  /// Every candidate, in customer, rule, then trigger row order, before consent, holdout and caps.
  public let candidates: [Candidate]
  /// Every candidate's fate, in the decisions log's order (whatever its status, not only sends).
  /// Changed only by `forImport`, which sets aside what a sending tool cannot take.
  public internal(set) var decisions: [Decision]
  /// The counts and timings, with no run id, export target or export time yet: the
  /// exporter (and the ledger) fill those in.
  public var summary: RunSummary
  /// A warning for each rule, segment, define or channel whose computed times or
  /// durations overflowed and were treated as null.
  public let overflowWarnings: [Diagnostic]
  /// A warning for each offer whose sends `forImport` set aside; empty otherwise.
  public internal(set) var importWarnings: [Diagnostic] = []

  /// Compiles, evaluates and decides. `history` is the ledger, when one is kept;
  /// `progress` is told when evaluating and deciding begin.
  public init(
    workspace: Workspace, clock: Int64, history: (any SendHistory)? = nil,
    interrupted: @escaping @Sendable () -> Bool = { false }, progress: (any ProgressSink)? = nil
  ) {
    let started = DispatchTime.now()
    progress?.begin(.evaluating)
    let plan = Plan(checked: workspace.checked, dataset: workspace.dataset, clock: clock, history: history)
    self.init(
      workspace, plan: plan, candidates: plan.candidates(interrupted: interrupted), history: history,
      started: started, progress: progress)
  }

  /// `init(workspace:clock:history:interrupted:progress:)` with the candidates computed
  /// by `engine` (the decisions are made here, in Swift, whatever the engine). Throws
  /// what the engine throws.
  public init(
    workspace: Workspace, clock: Int64, history: (any SendHistory)? = nil, engine: any CandidateEngine,
    interrupted: @escaping @Sendable () -> Bool = { false }, progress: (any ProgressSink)? = nil
  ) throws(Diagnostic) {
    let started = DispatchTime.now()
    progress?.begin(.evaluating)
    let plan = Plan(checked: workspace.checked, dataset: workspace.dataset, clock: clock, history: history)
    self.init(
      workspace, plan: plan, candidates: try engine.candidates(of: plan, interrupted: interrupted),
      history: history, started: started, progress: progress, beforehand: engine.computedBeforehandMilliseconds)
  }

  /// Decides `candidates`, evaluated since `started`.
  private init(
    _ workspace: Workspace, plan: Plan, candidates: [Candidate], history: (any SendHistory)?,
    started: DispatchTime, progress: (any ProgressSink)?, beforehand: Int = 0
  ) {
    self.plan = plan
    self.candidates = candidates
    let evaluated = DispatchTime.now()
    progress?.begin(.deciding)
    decisions = Decider(plan: plan, history: history).decide(candidates)
    // What evaluating and deciding freed (the outcomes, the rules' working columns) sits
    // in glibc's arenas; handed back, it is not part of the peak beside the export.
    FreedMemory.release()
    let decided = DispatchTime.now()
    overflowWarnings = plan.overflowWarnings()
    summary = Self.summary(
      workspace, clock: plan.clock, decisions: decisions,
      evaluate: beforehand + Self.milliseconds(started, evaluated), decide: Self.milliseconds(evaluated, decided))
  }

  /// The run `:run` already made (`IncrementalRun`), for an export of the same playbook,
  /// data and clock (`IncrementalRun.isCurrent`): nothing is evaluated again.
  public init(workspace: Workspace, reusing run: IncrementalRun) {
    plan = run.plan
    candidates = IncrementalRun.merge(run.ruleCandidates)
    decisions = run.decisions
    overflowWarnings = run.overflowWarnings
    summary = Self.summary(
      workspace, clock: run.plan.clock, decisions: run.decisions, evaluate: run.evaluateMilliseconds,
      decide: run.decideMilliseconds)
  }

  /// The summary of `decisions`: counts by rule, offer and status, and the timings.
  private static func summary(
    _ workspace: Workspace, clock: Int64, decisions: [Decision], evaluate: Int, decide: Int
  ) -> RunSummary {
    let model = workspace.model
    var summary = RunSummary(
      playbook: model.name, clock: clock, window: model.window,
      tables: TableCount.counts(
        of: workspace.dataset, eventTableOrder: model.tables.filter { !$0.isCustomers }.map(\.name)),
      counts: DecisionCounts(
        decisions, rules: model.rules.map(\.rule.name.text), offers: model.offers.map(\.code.text),
        variants: VariantCounts.declared(by: model)),
      timings: PhaseTimings(load: workspace.loadMilliseconds, evaluate: evaluate, decide: decide))
    for offer in model.offers { summary.offerTexts[offer.code.text] = OfferTexts(offer) }
    summary.hasLocalSendTimes = model.timezone != nil
    return summary
  }

  static func milliseconds(_ a: DispatchTime, _ b: DispatchTime) -> Int {
    Int((b.uptimeNanoseconds - a.uptimeNanoseconds) / 1_000_000)
  }
}
