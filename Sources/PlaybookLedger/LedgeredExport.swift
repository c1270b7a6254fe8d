import Dispatch
import Foundation
public import PlaybookEngine
public import PlaybookLanguage

/// A run that keeps a send ledger: evaluate against what earlier runs sent, export, and
/// record the sends, so that the export and the ledger move together whatever point the
/// process dies at. The order (docs/LEDGER.md has the reasoning):
///
/// 1. lock the ledger (`LEDGER.lock`); a second run is refused here, or waits (`--wait`);
/// 2. recover: settle runs left `pending` by a killed process — committed if their export
///    is in place (its `summary.json` is the one staged), else removed;
/// 3. evaluate against the history of committed runs;
/// 4. stage the export in a hidden folder;
/// 5. record the run as `pending` with all its sends (one transaction);
/// 6. put the export in place (renames);
/// 7. mark the run `committed` (one transaction).
///
/// A run of the same playbook text at the clock of an earlier committed run that decides
/// exactly the sends that run recorded is a replay of it: it keeps its run id, rewrites
/// the same export and leaves the ledger as it is. So running again after a crash, or
/// twice, ends as one run would.
public enum LedgeredExport {
  /// What a ledgered run did.
  public struct Outcome: Sendable {
    /// The evaluation, as `CampaignRun` made it (its summary without run id or export).
    public var run: CampaignRun
    /// The summary written to `summary.json`, with the run id and the export.
    public var summary: RunSummary
    /// True when this run replayed an earlier run and recorded nothing new.
    public var isReplay: Bool
    /// Sends recorded by this run (0 for a replay).
    public var recorded: Int
    /// Runs left pending by killed processes, settled before this one.
    public var recovered: [Recovery]
  }

  /// How an interrupted run was settled.
  public struct Recovery: Sendable, Hashable {
    /// The settled run's id (`<seq>-<clock>`).
    public var runID: String
    /// True when its export was in place, so its sends were recorded; false when it was dropped.
    public var committed: Bool
  }

  /// What a run may do to its ledger beyond recording its sends.
  public struct Options: Sendable {
    /// `--new-ledger`: start a new ledger where an empty file stands (never over a ledger).
    public var newLedger = false
    /// `--new-holdout`: the playbook's holdout replaces the one the ledger recorded.
    public var newHoldout = false
    /// `run --wait SECONDS`: how long to wait for another run's lock before refusing; 0
    /// refuses at once.
    public var lockWait = 0

    /// Options for a run; the defaults create nothing unasked and refuse a held lock at once.
    public init(newLedger: Bool = false, newHoldout: Bool = false, lockWait: Int = 0) {
      self.newLedger = newLedger
      self.newHoldout = newHoldout
      self.lockWait = lockWait
    }
  }

  /// Evaluates `workspace` at `clock`, exports to `target` and records the sends in the
  /// ledger at `ledgerPath`.
  ///
  /// - Parameters:
  ///   - options: `--new-ledger`, `--new-holdout`, and how long to wait for the lock.
  ///   - waiting: called when another run holds the ledger, before waiting for it.
  ///   - hook: called at each `LedgerPhase` from `.locked` on.
  ///   - interrupted: polled while evaluating and before the sends are recorded; once
  ///     true the run stops with `exportInterrupted`, nothing exported or recorded.
  ///   - progress: told when evaluating, deciding and exporting begin.
  ///   - engine: computes the candidates (in memory unless given).
  /// - Throws: a `Diagnostic` when the ledger is refused or unreadable, the engine
  ///   fails, or the export or the ledger cannot be written; whatever was done is then finished or undone by the
  ///   next run's recovery.
  public static func run(
    workspace: Workspace, clock: Int64, target: ExportTarget, ledgerPath: String,
    options: Options = Options(), waiting: () -> Void = {}, hook: PhaseHook = { _ in },
    interrupted: @escaping @Sendable () -> Bool = { false }, progress: (any ProgressSink)? = nil,
    engine: any CandidateEngine = MemoryEngine()
  ) throws(Diagnostic) -> Outcome {
    let lock = try LedgerLock.acquire(ledger: ledgerPath, wait: options.lockWait, waiting: waiting)
    defer { withExtendedLifetime(lock) {} }
    try hook(.locked)
    let holdout = Holdout(workspace.model)
    let ledger = try SendLedger.openForRun(
      path: ledgerPath, playbook: workspace.model.name, holdout: holdout, newLedger: options.newLedger)
    try ledger.settleHoldout(holdout, renew: options.newHoldout)
    let recovered = try recover(ledger)
    try hook(.recovered)

    let playbookHash = Fingerprint.of(workspace.source.text.utf8)
    let runs = try ledger.runs()
    let (run, replayed) = try decide(
      workspace, clock: clock, ledger: ledger,
      earlier: runs.last { $0.clock == clock && $0.playbookHash == playbookHash }, format: target.format,
      interrupted: interrupted, progress: progress, engine: engine)
    try CampaignExport.stopIfInterrupted(interrupted)
    try hook(.evaluated)
    progress?.begin(.exporting)

    let seq = replayed?.seq ?? (runs.map(\.seq).max() ?? 0) + 1
    var summary = run.summary
    summary.runID = LedgerRun.id(seq: seq, clock: clock)
    let started = DispatchTime.now()
    let staged = try CampaignExporter.stage(
      run.decisions, summary: summary, to: target,
      exportMilliseconds: { Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000) })
    var record: (run: LedgerRun, sends: Int)?
    do throws(Diagnostic) {
      try hook(.staged)
      try CampaignExport.stopIfInterrupted(interrupted)
      if replayed == nil {
        let summaryPath = staged.stagingDirectory + "/summary.json"
        guard let fingerprint = Fingerprint.ofFile(summaryPath) else {
          throw LedgerFormat.failure(ledgerPath, "cannot read the staged \(summaryPath)")
        }
        let entry = LedgerRun(
          runID: summary.runID ?? "", seq: seq, clock: clock, state: .pending,
          exportDirectory: absolute(staged.directory), sendCount: 0, playbookHash: playbookHash,
          exportFingerprint: fingerprint)
        let entrySends = sends(run.decisions, run: entry)
        try ledger.recordPending(entry, sends: entrySends, hook: hook)
        record = (entry, entrySends.count)
        try hook(.pending)
      }
      try staged.commit()
    } catch {
      staged.discard()
      throw error
    }
    try hook(.exported)
    if let record {
      try ledger.markCommitted(record.run.seq, hook: hook)
      try hook(.committed)
    }
    return Outcome(
      run: run, summary: staged.summary, isReplay: replayed != nil, recorded: record?.sends ?? 0,
      recovered: recovered)
  }

  /// Decides against the ledger. When `earlier` ran the same playbook text at this clock,
  /// first decide as it did (against every other run's sends, counting only earlier runs'
  /// towards limits): the same sends make this a replay of it. Otherwise decide against
  /// the whole history. Either way as an export in `format` holds it (`forImport`), so
  /// the ledger records only what the files hold.
  private static func decide(
    _ workspace: Workspace, clock: Int64, ledger: SendLedger, earlier: LedgerRun?, format: ExportFormat,
    interrupted: @escaping @Sendable () -> Bool, progress: (any ProgressSink)?, engine: any CandidateEngine
  ) throws(Diagnostic) -> (CampaignRun, replayed: LedgerRun?) {
    if let earlier {
      let history = try Self.history(ledger, for: workspace, clock: clock, before: earlier.seq)
      let replay = try CampaignRun(
        workspace: workspace, clock: clock, history: history, engine: engine, interrupted: interrupted,
        progress: progress
      )
      .forImport(format)
      let recorded = Set(try ledger.sends(ofRun: earlier.seq).map(\.decisionKey))
      if Set(sends(replay.decisions, run: earlier).map(\.decisionKey)) == recorded { return (replay, earlier) }
    }
    let history = try Self.history(ledger, for: workspace, clock: clock)
    return (
      try CampaignRun(
        workspace: workspace, clock: clock, history: history, engine: engine, interrupted: interrupted,
        progress: progress
      )
      .forImport(format),
      nil
    )
  }

  /// The ledger's sends as `workspace`'s playbook reads them at `clock`: those its limits
  /// count, the latest of its `every` rules, and what its `sent(…)` conditions ask.
  /// `before`: the run being replayed, left out, and only the runs before it counted.
  private static func history(
    _ ledger: SendLedger, for workspace: Workspace, clock: Int64, before: Int64? = nil, alsoRuns: [Int64] = []
  ) throws(Diagnostic) -> LedgerHistory {
    try ledger.history(
      excluding: before, countedBefore: before, countedSince: workspace.model.countedSince(clock: clock),
      sentQueries: workspace.checked.sentQueries,
      everyRules: Set(workspace.model.rules.map(\.rule).filter { $0.every != nil }.map(\.name.text)),
      alsoRuns: alsoRuns)
  }

  /// The history a dry run decides against: the committed runs, and pending ones whose
  /// export is in place (which the next real run will commit). Reads only; nil when
  /// there is no ledger yet. A holdout that differs from the ledger's is refused as a
  /// run refuses it, unless `newHoldout` (what a run with `--new-holdout` would do).
  public static func history(
    ledgerPath: String, workspace: Workspace, clock: Int64, newHoldout: Bool = false
  ) throws(Diagnostic) -> LedgerHistory? {
    guard let ledger = try SendLedger.openForReading(path: ledgerPath) else { return nil }
    try ledger.checkBelongs(to: workspace.model.name)
    _ = try ledger.checkHoldout(Holdout(workspace.model), renew: newHoldout)
    let exported = try ledger.runs().filter { $0.state == .pending && isExported($0) }.map(\.seq)
    return try Self.history(ledger, for: workspace, clock: clock, alsoRuns: exported)
  }

  /// Settles each pending run: its export is put back in order (a run killed between the
  /// renames of its commit gets the previous export back), then the run is committed when
  /// the export in place is the one it staged, else removed with its sends.
  static func recover(_ ledger: SendLedger) throws(Diagnostic) -> [Recovery] {
    var recovered: [Recovery] = []
    for run in try ledger.runs() where run.state == .pending {
      try CampaignExporter.recover(run.exportDirectory)
      let exported = isExported(run)
      if exported {
        try ledger.markCommitted(run.seq)
      } else {
        try ledger.discard(run.seq)
      }
      recovered.append(Recovery(runID: run.runID, committed: exported))
    }
    return recovered
  }

  private static func isExported(_ run: LedgerRun) -> Bool {
    Fingerprint.ofFile(run.exportDirectory + "/summary.json") == run.exportFingerprint
  }

  /// The decisions exported as `send`, as the ledger records them for `run`.
  private static func sends(_ decisions: [Decision], run: LedgerRun) -> [LedgerSend] {
    decisions.compactMap { d in
      guard d.status == .send, let channel = d.channel else { return nil }
      return LedgerSend(
        runID: run.runID, clock: run.clock, rule: d.rule, offer: d.offer, customerID: d.customerID,
        triggerID: d.triggerID, channel: channel, sendAt: d.sendAt, expiresAt: d.expiresAt,
        runSeq: run.seq)
    }
  }

  private static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }
}
