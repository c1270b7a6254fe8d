import ArgumentParser
import Dispatch
import PlaybookEngine
import PlaybookLanguage

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
  @Flag(help: "Evaluate and report without exporting.") var dryRun = false

  func run() throws {
    let workspace = try Workspace.openForCommand(path: file, strict: strict)
    let now = Terminal.now()
    let run = CampaignRun(workspace: workspace, clock: workspace.clock(override: try clock.seconds(), now: now))
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
        Terminal.report([error], sources: [])
        throw ExitCode(2)
      }
    }
    print(json ? summary.json.prettyText : summary.text, terminator: "")
    if !json, !dryRun, summary.export == nil {
      print("Nothing exported: the playbook has no `export to`; use --out DIR.")
    }
    reportSetAside(workspace.dataset)
  }

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
    guard !dataset.setAside.isEmpty else { return }
    for row in dataset.setAside.prefix(5) {
      Terminal.printError("\(row.file):\(row.line): warning: row set aside: \(row.reason)")
    }
    if dataset.setAside.count > 5 {
      Terminal.printError("… and \(dataset.setAside.count - 5) more rows set aside; --strict stops on the first.")
    }
  }
}

extension ExportFormat: ExpressibleByArgument {}

/// `--as-of TIME`, shared by the commands that evaluate.
struct ClockOption: ParsableArguments {
  @Option(name: .customLong("as-of"), help: "Evaluate as of this ISO 8601 time (default: the playbook's `as of`, else now).")
  var asOf: String?

  func seconds() throws -> Int64? {
    guard let asOf else { return nil }
    guard let parsed = Timestamp.parse(asOf) else {
      throw ValidationError("--as-of: '\(asOf)' is not an ISO 8601 time such as 2026-11-01T00:00:00Z")
    }
    return parsed.seconds
  }
}
