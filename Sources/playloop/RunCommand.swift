import ArgumentParser
import Dispatch
import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookLedger
import PlaybookPostgres
import PlaybookPushdown
import PlaybookReporting
import PlaybookSQL

/// `playloop run FILE`: load, evaluate, decide and export a playbook's campaigns.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run a playbook over its data and export the campaigns.")

  @Argument(help: "The playbook file.") var file: String
  @OptionGroup var clock: ClockOption
  @Option(help: "Export to this folder (overrides the playbook's `export to`).") var out: String?
  @Option(
    help: ArgumentHelp(
      "Export file format: csv, jsonl, or a sending tool's import: braze, customerio, hubspot, mailchimp, iterable "
        + "(overrides the playbook's `as`).", valueName: "format"),
    transform: ExportFormat.parse)
  var exportFormat: ExportFormat?
  @Flag(help: "Stop on any row that cannot be read, instead of setting it aside.") var strict = false
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption
  @OptionGroup var output: OutputOption
  @OptionGroup var progress: ProgressOption
  @Flag(help: "Evaluate and report without exporting or writing the ledger.") var dryRun = false
  @Option(help: "Keep the send ledger in this SQLite file (overrides the playbook's `ledger`).")
  var ledger: String?
  @Flag(help: "Start a new ledger where an empty file stands (a missing file always starts one).")
  var newLedger = false
  @Flag(help: "Start a new control group: the playbook's holdout replaces the one the ledger recorded.")
  var newHoldout = false
  @Option(
    help: ArgumentHelp(
      "Wait up to this many seconds for another run holding the ledger, then refuse (exit 3); 0 refuses at once.",
      valueName: "seconds"))
  var wait = 0
  @Option(
    help: ArgumentHelp(
      "Where the candidates are computed: memory; postgres (the playbook compiled to SQL and run in the "
        + "database PGHOST/PGDATABASE/… or PLAYLOOP_POSTGRES_URL name, `from postgres` loads read where they are, "
        + "others copied into temporary tables); or spark (compiled to Spark SQL and run by spark-sql in "
        + "PLAYLOOP_SPARK_HOME or SPARK_HOME, on PLAYLOOP_SPARK_MASTER or local[2], the loaded tables staged in "
        + "PLAYLOOP_SPARK_STAGING or the temporary folder); decisions and exports are the same either way.",
      valueName: "engine"))
  var engine: EngineChoice = .memory

  private var json: Bool { output.isJSON }
  /// The longest `--wait`: a run still waiting a day later is stuck, not busy.
  static let longestWait = 86_400

  func run() throws {
    // An export is a folder of files; `-` would be a folder named `-`, not stdout.
    if out == "-" { throw CommandFailure([Diagnostic(.exportToStandardOutput, file: nil)], json: json) }
    guard wait >= 0, wait <= Self.longestWait else {
      throw ValidationError("--wait: give seconds from 0 to \(Self.longestWait) (a day)")
    }
    // Loading keeps what it frees for its next pieces, in one arena; a run's decisions stay
    // numbers until the export, so its threads seldom allocate at once (`FreedMemory`).
    FreedMemory.shareOneArena()
    // The line runs from loading to the export; it is cleared before anything is printed.
    let display = progress.display(json: json)
    defer { display?.finish() }
    // With the postgres engine, the loads and the candidate query share one transaction.
    // So does Spark's survey and its copy of a table left there, when the playbook may leave one.
    let session =
      engine == .postgres || (engine == .spark && SparkEngine.leavesTables(playbookAt: file))
      ? PostgresSession.shared() : nil
    defer { session?.end() }
    if let session {
      // Connected before the data is read: an unreachable server is known at once.
      do {
        try session.connect()
      } catch {
        throw CommandFailure([error.diagnostic(loadedAt: file, nil)], json: json)
      }
      DatabaseReaders.register(PostgresReader(sharing: session), for: .postgres)
      // The event tables the run can leave in the database are loaded without their rows.
      PostgresEngine.holdBack(playbookAt: file, in: session)
    }
    let maxSetAside = try setAside.share()
    // Without snapshots to keep, the tables keep only the columns the playbook can read
    // (the database engines copy the tables they are given, so they are given all).
    var workspace = try Workspace.openForCommand(
      path: file, strict: strict, maxSetAside: maxSetAside, json: json, progress: display, cache: snapshots.cache,
      usedColumnsOnly: engine == .memory)
    let crash = CrashHook.from(environment: ProcessInfo.processInfo.environment)
    try? crash(.loaded)
    let now = Terminal.now()
    let override = try clock.seconds(now: now)
    let clock = workspace.clock(override: override, now: now)
    let candidates = try candidateEngine(workspace, clock: clock, session: session)
    // Spark without tables held back runs when the candidates are asked for.
    if let leaving = candidates as? any TableLeavingEngine, session != nil {
      display?.begin(.evaluating)
      do {
        workspace = try leaving.prepare(strict: strict, maxSetAside: maxSetAside)
        display?.addLoaded(rows: leaving.heldBackRows)
      } catch {
        throw CommandFailure(error, json: json)
      }
    }
    let ledgerPath = workspace.ledgerPath(override: ledger)
    display?.hide()
    Terminal.report(warnings(workspace, ledgered: ledgerPath != nil), sources: [workspace.source])
    if let ledgerPath, !dryRun {
      return try runWithLedger(
        workspace, clock: clock, pinned: override == nil, ledgerPath: ledgerPath, crash: crash, display: display,
        engine: candidates)
    }
    let run: CampaignRun
    let summary: RunSummary
    do throws(Diagnostic) {
      if !dryRun, let target = exportTarget(workspace) {
        let exported = try CampaignExport.export(
          workspace: workspace, clock: clock, target: target, ledgerPath: nil, progress: display, engine: candidates)
        run = exported.run
        summary = exported.summary
      } else {
        // A dry run only reads the ledger, to decide what is already sent.
        let history = try ledgerPath.flatMap { (path) throws(Diagnostic) in
          try LedgeredExport.history(ledgerPath: path, workspace: workspace, clock: clock, newHoldout: newHoldout)
        }
        // Decided as the export would hold it, so a look before a run counts what it would send.
        run = try CampaignRun(
          workspace: workspace, clock: clock, history: history, engine: candidates, progress: display
        )
        .forImport(exportTarget(workspace)?.format ?? exportFormat ?? .csv)
        summary = run.summary
      }
    } catch {
      throw CommandFailure([error], sources: [workspace.source], json: json)
    }
    display?.finish()
    report(summary, workspace, run, engine: candidates)
    LeftToExit.keep(workspace, run)
  }

  /// The engine `--engine` names; for postgres and spark, the playbook compiled at `clock` (its
  /// refusals end the run: no quiet fall back to memory).
  private func candidateEngine(_ workspace: Workspace, clock: Int64, session: PostgresSession?) throws
    -> any CandidateEngine
  {
    do {
      switch engine {
      case .memory: return MemoryEngine()
      case .postgres: return try PostgresEngine(workspace: workspace, clock: clock, session: session!)
      case .spark: return try SparkEngine(workspace: workspace, clock: clock, session: session)
      }
    } catch {
      throw CommandFailure(error.diagnostics, sources: [workspace.source], json: json)
    }
  }

  /// The checker's warnings, and with a ledger given by `--ledger` alone the per-run
  /// limit warning the checker gives a playbook that names its ledger (and not the
  /// warning that a ledger is required).
  private func warnings(_ workspace: Workspace, ledgered: Bool) -> [Diagnostic] {
    var warnings = workspace.warnings
    guard ledgered, workspace.model.ledger == nil else { return warnings }
    warnings.removeAll { $0.code == .ledgerRequired }
    for statement in workspace.model.playbook.statements {
      guard case .limit(let limit) = statement.kind, limit.period == nil else { continue }
      warnings.append(Diagnostic(.limitPerRun(limit), file: workspace.source.path, range: statement.range))
    }
    return warnings
  }

  /// `run`'s overflow warnings follow the rows set aside.
  /// With `--format json`, the summary names the engine, and for postgres the loads it
  /// copied into temporary tables (`engine_copied`; the others were read where they are)
  /// and, for postgres and spark, those it left in the database, reading only the rows
  /// the candidates name (`engine_left`).
  private func report(_ summary: RunSummary, _ workspace: Workspace, _ run: CampaignRun, engine: any CandidateEngine) {
    let warnings =
      workspace.dataset.setAsideWarnings(first: 5, moreNote: "; --strict stops on the first") + run.overflowWarnings
      + run.longSMSWarnings + run.importWarnings
    if json {
      guard case .object(var members) = summary.json else { preconditionFailure("a summary is an object") }
      members.append(JSONMember("engine", .string(engine.name)))
      if let postgres = engine as? PostgresEngine {
        members.append(JSONMember("engine_copied", .array(postgres.copied.map { .string($0) })))
      }
      if let leaving = engine as? any TableLeavingEngine {
        members.append(JSONMember("engine_left", .array(leaving.leftInPlace.map { .string($0) })))
      }
      return Terminal.printJSON(.object(members), diagnostics: warnings)
    }
    Terminal.printText(summary.text)
    if !dryRun, summary.export == nil {
      print("Nothing exported: the playbook has no `export to`; use --out DIR.")
    }
    // The first rows set aside, on stderr, so bad data is never silent.
    Terminal.report(warnings, sources: [])
  }

  /// A run keeping a send ledger (`--ledger` or the playbook's `ledger`): see `LedgeredExport`.
  /// `pinned`: the clock is the playbook's `as of`, which a nightly job replays forever.
  private func runWithLedger(
    _ workspace: Workspace, clock: Int64, pinned: Bool, ledgerPath: String, crash: @escaping PhaseHook,
    display: ProgressDisplay?, engine: any CandidateEngine
  ) throws {
    do throws(Diagnostic) {
      guard let target = exportTarget(workspace) else {
        throw Diagnostic(.ledgerWithoutExport, file: workspace.source.path, range: workspace.model.ledger?.range)
      }
      let exported = try CampaignExport.export(
        workspace: workspace, clock: clock, target: target, ledgerPath: ledgerPath,
        options: LedgeredExport.Options(newLedger: newLedger, newHoldout: newHoldout, lockWait: wait),
        waiting: {
          display?.hide()
          Terminal.report([Diagnostic(.ledgerBusy(ledgerPath, seconds: wait), file: nil)], sources: [])
        },
        hook: crash, progress: display, engine: engine)
      display?.finish()
      guard let outcome = exported.ledgered else { preconditionFailure("a ledgered export records a ledger outcome") }
      Terminal.report(
        outcome.recovered.map {
          Diagnostic(.ledgerRecovered(runID: $0.runID, committed: $0.committed), file: ledgerPath)
        }, sources: [])
      if pinned,
        let asOf = workspace.model.playbook.statements.first(where: {
          if case .asOf = $0.kind { true } else { false }
        })
      {
        Terminal.report(
          [
            Diagnostic(
              .ledgerReplay(line: asOf.range.start.line, runID: outcome.isReplay ? outcome.summary.runID : nil),
              file: workspace.source.path, range: asOf.range)
          ], sources: [workspace.source])
      }
      report(outcome.summary, workspace, exported.run, engine: engine)
      if !json, let runID = outcome.summary.runID {
        print(
          outcome.isReplay
            ? "Run \(runID) replayed: the same sends as when it first ran; \(ledgerPath) unchanged."
            : "Run \(runID): recorded \(outcome.recorded) sends in \(ledgerPath).")
      }
    } catch {
      throw CommandFailure([error], sources: [workspace.source], json: json)
    }
  }

  /// The ledger: `--ledger` (relative to the current folder) over the playbook's `ledger`
  /// (relative to the playbook).
  /// Where to export: `--out` over the playbook's `export to` (relative to the playbook).
  private func exportTarget(_ workspace: Workspace) -> ExportTarget? {
    let declared = workspace.model.export
    let format = exportFormat ?? declared?.format.flatMap { ExportFormat(rawValue: $0.text) } ?? .csv
    if let out { return ExportTarget(directory: out, format: format) }
    guard let declared else { return nil }
    return ExportTarget(
      directory: Workspace.resolve(declared.path.value, against: workspace.baseDirectory),
      format: format)
  }
}

/// `--engine`: where a run's candidates are computed.
enum EngineChoice: String, CaseIterable, ExpressibleByArgument {
  case memory
  case postgres
  case spark
}

extension ExportFormat: ExpressibleByArgument {
  /// The format named by `--export-format`, or a usage error naming the formats and
  /// the nearest one.
  static func parse(_ argument: String) throws -> ExportFormat {
    guard let format = ExportFormat(rawValue: argument) else { throw ValidationError(unknown(argument)) }
    return format
  }
}

/// `--as-of TIME`, shared by the commands that evaluate.
struct ClockOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: "Evaluate as of this ISO 8601 time, or `now` (default: the playbook's `as of`, else now).")
  var asOf: String?

  /// The time given, `now` being `now`; nil when none was given.
  func seconds(now: Int64) throws -> Int64? {
    guard let asOf else { return nil }
    if asOf == "now" { return now }
    guard let parsed = Timestamp.parse(asOf) else {
      throw ValidationError("--as-of: '\(asOf)' is not `now` or an ISO 8601 time such as 2026-11-01T00:00:00Z")
    }
    return parsed.seconds
  }
}
