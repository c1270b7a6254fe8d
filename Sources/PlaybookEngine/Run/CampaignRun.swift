import Dispatch
import PlaybookLanguage
import Synchronization

/// One evaluation of a workspace at a clock: candidates, decisions and the summary.
public struct CampaignRun: Sendable {
  /// The compiled playbook the run evaluated (its clock is the run's clock).
  public let plan: Plan
  /// Every candidate, in customer, rule, then trigger row order, before consent, holdout and caps.
  public let candidates: [Candidate]
  /// Every candidate's fate, in the decisions log's order (whatever its status, not only sends).
  /// Changed only by `forImport`, which sets aside what a sending tool cannot take.
  /// Spelled out the first time it is asked for: a run that only exports never is
  /// (`CampaignExporter.stage(_:summary:to:exportMilliseconds:)`).
  public internal(set) var decisions: [Decision] {
    get { decided.decisions }
    set { decided = DecisionStore(newValue) }
  }
  private var decided: DecisionStore
  /// The decisions as the decider left them; nil once they were changed or came spelled out.
  var unspelled: DecisionRows? { decided.rows }
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
    let rows = Decider(plan: plan, history: history).decideRows(candidates)
    decided = DecisionStore(rows)
    // What loading left free and what evaluating and deciding freed (the rules' working
    // columns) sit in the allocator's arenas; handed back, they are not part of the peak
    // beside the export.
    FreedMemory.release()
    let finished = DispatchTime.now()
    overflowWarnings = plan.overflowWarnings()
    summary = Self.summary(
      workspace, clock: plan.clock, counts: Self.counted(workspace.model, by: rows.counts),
      evaluate: beforehand + Self.milliseconds(started, evaluated), decide: Self.milliseconds(evaluated, finished))
  }

  /// The run `:run` already made (`IncrementalRun`), for an export of the same playbook,
  /// data and clock (`IncrementalRun.isCurrent`): nothing is evaluated again.
  public init(workspace: Workspace, reusing run: IncrementalRun) {
    plan = run.plan
    candidates = IncrementalRun.merge(run.ruleCandidates)
    decided = DecisionStore(run.decisions)
    overflowWarnings = run.overflowWarnings
    summary = Self.summary(
      workspace, clock: run.plan.clock,
      counts: Self.counted(workspace.model) { DecisionCounts(run.decisions, rules: $0, offers: $1, variants: $2) },
      evaluate: run.evaluateMilliseconds, decide: run.decideMilliseconds)
  }

  /// One warning per offer whose `sms` message is longer than one text for some
  /// customers (`SMSLength`); a playbook without message lines has none, and its
  /// decisions are not spelled out to tell.
  public var longSMSWarnings: [Diagnostic] {
    guard plan.rules.contains(where: { $0.sends.contains { !$0.messages.isEmpty } }) else { return [] }
    return SMSLength.warnings(decisions)
  }

  /// Decisions counted by `count`, listing the playbook's rules, offers and split variants
  /// (those with no decisions too).
  private static func counted(
    _ model: PlaybookModel,
    by count: (_ rules: [String], _ offers: [String], _ variants: [VariantCounts]) -> DecisionCounts
  ) -> DecisionCounts {
    count(model.rules.map(\.rule.name.text), model.offers.map(\.code.text), VariantCounts.declared(by: model))
  }

  /// The summary of decisions counted `counts`: with the tables' counts and the timings.
  private static func summary(
    _ workspace: Workspace, clock: Int64, counts: DecisionCounts, evaluate: Int, decide: Int
  ) -> RunSummary {
    let model = workspace.model
    var summary = RunSummary(
      playbook: model.name, clock: clock, window: model.window,
      tables: TableCount.counts(
        of: workspace.dataset, eventTableOrder: model.tables.filter { !$0.isCustomers }.map(\.name)),
      counts: counts, timings: PhaseTimings(load: workspace.loadMilliseconds, evaluate: evaluate, decide: decide))
    for offer in model.offers { summary.offerTexts[offer.code.text] = OfferTexts(offer) }
    summary.hasLocalSendTimes = model.timezone != nil
    return summary
  }

  static func milliseconds(_ a: DispatchTime, _ b: DispatchTime) -> Int {
    Int((b.uptimeNanoseconds - a.uptimeNanoseconds) / 1_000_000)
  }
}

/// A run's decisions: as the decider left them, spelled out once when first asked for
/// (runs are values shared between threads, so under a lock), or given spelled out.
private final class DecisionStore: Sendable {
  let rows: DecisionRows?
  private let spelledOut: Mutex<[Decision]?>

  init(_ rows: DecisionRows) {
    self.rows = rows
    spelledOut = Mutex(nil)
  }

  init(_ decisions: [Decision]) {
    rows = nil
    spelledOut = Mutex(decisions)
  }

  var decisions: [Decision] {
    spelledOut.withLock { spelled in
      if let spelled { return spelled }
      let decisions = rows?.spelled() ?? []
      spelled = decisions
      return decisions
    }
  }
}
