import ArgumentParser
import Dispatch
import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookLedger
import PlaybookReporting

/// `playloop run FILE`: load, evaluate, decide and export a playbook's campaigns.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run a playbook over its data and export the campaigns.")

  @Argument(help: "The playbook file.") var file: String
  @OptionGroup var clock: ClockOption
  @Option(help: "Export to this folder (overrides the playbook's `export to`).") var out: String?
  @Option(help: "Export format: csv or jsonl (overrides the playbook's).") var format: ExportFormat?
  @Flag(help: "Stop on any row that cannot be read, instead of setting it aside.") var strict = false
  @Flag(help: "Print the summary as JSON on stdout.") var json = false
  @Flag(help: "Evaluate and report without exporting or writing the ledger.") var dryRun = false
  @Option(help: "Keep the send ledger in this SQLite file (overrides the playbook's `ledger`).")
  var ledger: String?

  func run() throws {
    let workspace = try Workspace.openForCommand(path: file, strict: strict, json: json)
    let crash = CrashHook.from(environment: ProcessInfo.processInfo.environment)
    try? crash(.loaded)
    let clock = workspace.clock(override: try clock.seconds(), now: Terminal.now())
    if let ledgerPath = workspace.ledgerPath(override: ledger) {
      return try runWithLedger(workspace, clock: clock, ledgerPath: ledgerPath, crash: crash)
    }
    let run = CampaignRun(workspace: workspace, clock: clock)
    var summary = run.summary
    if !dryRun, let target = exportTarget(workspace) {
      let started = DispatchTime.now()
      do {
        let staged = try CampaignExporter.stage(
          run.decisions, summary: summary, to: target,
          exportMilliseconds: { Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000) })
        try staged.commit()
        summary = staged.summary
      } catch {
        throw CommandFailure([error], json: json)
      }
    }
    report(summary, workspace, run)
  }

  private func report(_ summary: RunSummary, _ workspace: Workspace, _ run: CampaignRun) {
    print(json ? summary.json.prettyText : summary.text, terminator: "")
    if !json, !dryRun, summary.export == nil {
      print("Nothing exported: the playbook has no `export to`; use --out DIR.")
    }
    reportSetAside(workspace.dataset)
    Terminal.report(run.overflowWarnings, sources: [])
  }

  /// A run keeping a send ledger (`--ledger` or the playbook's `ledger`): see `LedgeredExport`.
  /// A dry run only reads the ledger, to decide what is already sent.
  private func runWithLedger(
    _ workspace: Workspace, clock: Int64, ledgerPath: String, crash: PhaseHook
  ) throws {
    do throws(Diagnostic) {
      if dryRun {
        let history = try LedgeredExport.history(ledgerPath: ledgerPath, workspace: workspace, clock: clock)
        let run = CampaignRun(workspace: workspace, clock: clock, history: history)
        return report(run.summary, workspace, run)
      }
      guard let target = exportTarget(workspace) else {
        throw Diagnostic(.ledgerWithoutExport, file: workspace.source.path, range: workspace.model.ledger?.range)
      }
      let outcome = try LedgeredExport.run(
        workspace: workspace, clock: clock, target: target, ledgerPath: ledgerPath,
        waiting: { Terminal.report([Diagnostic(.ledgerBusy(ledgerPath), file: nil)], sources: []) }, hook: crash)
      Terminal.report(
        outcome.recovered.map {
          Diagnostic(.ledgerRecovered(runID: $0.runID, committed: $0.committed), file: ledgerPath)
        }, sources: [])
      report(outcome.summary, workspace, outcome.run)
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
    let format = self.format ?? declared?.format.flatMap { ExportFormat(rawValue: $0.text) } ?? .csv
    if let out { return ExportTarget(directory: out, format: format) }
    guard let declared else { return nil }
    return ExportTarget(
      directory: Workspace.resolve(declared.path.value, against: workspace.baseDirectory),
      format: format)
  }

  /// The first rows set aside, on stderr, so bad data is never silent.
  private func reportSetAside(_ dataset: Dataset) {
    Terminal.report(dataset.setAsideWarnings(first: 5, moreNote: "; --strict stops on the first"), sources: [])
  }
}

extension ExportFormat: ExpressibleByArgument {}

/// `--as-of TIME`, shared by the commands that evaluate.
struct ClockOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"), help: "Evaluate as of this ISO 8601 time (default: the playbook's `as of`, else now).")
  var asOf: String?

  func seconds() throws -> Int64? {
    guard let asOf else { return nil }
    guard let parsed = Timestamp.parse(asOf) else {
      throw ValidationError("--as-of: '\(asOf)' is not an ISO 8601 time such as 2026-11-01T00:00:00Z")
    }
    return parsed.seconds
  }
}
