import Dispatch
public import PlaybookEngine
public import PlaybookLanguage

/// The one way a playbook's campaigns leave Playloop: `playloop run` and the shell's
/// `:export` both export through here, so a playbook with a ledger records its sends
/// whichever is used, and a preview never passes for a run.
///
/// - With a ledger: `LedgeredExport.run` (decided against the ledger, recorded, run id).
/// - Without: the run exported as it is.
/// - A preview (`:export --preview`): decided against the ledger if there is one (read
///   only, as `--dry-run` does, refused as a run is when the holdout changed), exported with `"preview": true` in `summary.json`, and
///   never recorded. `CampaignExporter` refuses to let it replace a ledgered export.
public enum CampaignExport {
  /// What an export did.
  public struct Outcome: Sendable {
    /// The evaluation the export holds.
    public var run: CampaignRun
    /// The summary written to `summary.json`.
    public var summary: RunSummary
    /// What the ledger did; nil when none was written (no ledger, or a preview).
    public var ledgered: LedgeredExport.Outcome?
  }

  /// Evaluates `workspace` at `clock` and exports it to `target`, through the ledger at
  /// `ledgerPath` when there is one.
  ///
  /// - Parameters:
  ///   - preview: export a look at the run, marked `"preview": true`, recording nothing.
  ///   - options: how the ledger may be changed, and how long to wait for its lock.
  ///   - waiting: called when another run holds the ledger, before waiting for it.
  ///   - hook: called at each `LedgerPhase` of a ledgered run.
  ///   - decided: the shell's last `:run`, exported as it is when it is current (same
  ///     playbook, data and clock) and no ledger is read; nil evaluates.
  ///   - interrupted: polled while evaluating and before the export is put in place;
  ///     once true the export stops, leaving no folder and the ledger as it was.
  ///   - progress: told when evaluating, deciding and exporting begin.
  ///   - engine: computes the candidates when the run evaluates (in memory unless given).
  /// - Throws: a `Diagnostic` when the ledger refuses the run, the engine fails, or the
  ///   export or the ledger cannot be written, or `interrupted` stopped it (`exportInterrupted`).
  public static func export(
    workspace: Workspace, clock: Int64, target: ExportTarget, ledgerPath: String?, preview: Bool = false,
    options: LedgeredExport.Options = LedgeredExport.Options(), waiting: () -> Void = {},
    hook: PhaseHook = { _ in }, decided: CampaignRun? = nil,
    interrupted: @escaping @Sendable () -> Bool = { false }, progress: (any ProgressSink)? = nil,
    engine: any CandidateEngine = MemoryEngine()
  ) throws(Diagnostic) -> Outcome {
    if let ledgerPath, !preview {
      let outcome = try LedgeredExport.run(
        workspace: workspace, clock: clock, target: target, ledgerPath: ledgerPath, options: options,
        waiting: waiting, hook: hook, interrupted: interrupted, progress: progress, engine: engine)
      return Outcome(run: outcome.run, summary: outcome.summary, ledgered: outcome)
    }
    let history = try ledgerPath.flatMap { (path) throws(Diagnostic) in
      try LedgeredExport.history(
        ledgerPath: path, workspace: workspace, clock: clock, newHoldout: options.newHoldout)
    }
    // What the shell's `:run` decided holds only when no ledger history changes it.
    let run =
      if history == nil, let decided { decided.forImport(target.format) } else {
        try CampaignRun(
          workspace: workspace, clock: clock, history: history, engine: engine, interrupted: interrupted,
          progress: progress
        )
        .forImport(target.format)
      }
    try stopIfInterrupted(interrupted)
    var summary = run.summary
    summary.isPreview = preview
    progress?.begin(.exporting)
    let started = DispatchTime.now()
    let staged = try CampaignExporter.stage(
      run, summary: summary, to: target,
      exportMilliseconds: { Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000) })
    do {
      try stopIfInterrupted(interrupted)
      try staged.commit()
    } catch {
      staged.discard()
      throw error
    }
    return Outcome(run: run, summary: staged.summary, ledgered: nil)
  }

  /// Throws `exportInterrupted` once `interrupted` is true.
  static func stopIfInterrupted(_ interrupted: () -> Bool) throws(Diagnostic) {
    if interrupted() { throw Diagnostic(.exportInterrupted, file: nil) }
  }
}
