import ArgumentParser
import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookLedger
import PlaybookReporting

/// `playloop report FILE [--out report.html] [--compare OTHER|FOLDER]`: the campaign report as
/// one self-contained HTML page, from a dry run of the playbook (nothing exported, sent
/// or recorded; a ledger is only read, for what earlier runs sent).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a campaign report: one HTML page with the funnel, audience and sends per day as charts.")

  @Argument(help: "The playbook file.") var file: String
  @Option(help: "Write the page to this file (`-`: standard output).") var out = ReportPage.defaultFile
  @Option(
    help: ArgumentHelp(
      "Show another playbook's figures (evaluated on the same clock) or a previous run's export folder beside FILE's, and the change per offer.",
      valueName: "playbook-or-folder"))
  var compare: String?
  @OptionGroup var clock: ClockOption
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption
  @OptionGroup var progress: ProgressOption

  func run() throws {
    let maxSetAside = try setAside.share()
    let workspace = try progress.loading(json: false) { (sink) throws(CommandFailure) in
      try Workspace.openForCommand(path: file, maxSetAside: maxSetAside, progress: sink, cache: snapshots.cache)
    }
    let now = Terminal.now()
    let clock = workspace.clock(override: try clock.seconds(now: now), now: now)
    Terminal.report(workspace.warnings, sources: [workspace.source])
    let (run, ledger) = try dryRun(workspace, clock: clock)
    var comparison: CampaignComparison?
    var isDirectory: ObjCBool = false
    if let compare, FileManager.default.fileExists(atPath: compare, isDirectory: &isDirectory), isDirectory.boolValue {
      do throws(Diagnostic) {
        comparison = CampaignComparison(workspace: workspace, run: run, exported: try ExportedRun.read(folder: compare))
      } catch {
        throw CommandFailure([error])
      }
    } else if let compare {
      let other = try progress.loading(json: false) { (sink) throws(CommandFailure) in
        try Workspace.openForCommand(
          path: compare, maxSetAside: maxSetAside, progress: sink, cache: snapshots.cache)
      }
      comparison = CampaignComparison(
        workspace: workspace, run: run, other: other, otherRun: try dryRun(other, clock: clock).run)
    }
    var report = CampaignReport(workspace: workspace, run: run, ledger: ledger)
    report.lastRunID = try ledger.flatMap(lastRunID)
    let page = ReportPage(report: report, comparison: comparison)
    let bytes = Data(page.html.utf8)
    if out == "-" {
      FileHandle.standardOutput.write(bytes)
    } else {
      do {
        try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        throw CommandFailure([Diagnostic(.writeFailed(out, reason: error.localizedDescription), file: nil)])
      }
      let counts = run.summary.counts.byStatus
      print("Wrote \(out): \(counts.total.grouped) decisions, \(counts[.send].grouped) to send.")
    }
    Terminal.report(workspace.dataset.setAsideWarnings(first: 5), sources: [])
  }

  /// The ledger's last committed run; nil before its first.
  private func lastRunID(_ path: String) throws -> String? {
    do throws(Diagnostic) {
      return try SendLedger.openForReading(path: path)?.runs().last { $0.state == .committed }?.runID
    } catch {
      throw CommandFailure([error])
    }
  }

  /// `workspace` evaluated at `clock` against its ledger, read only; and the ledger's path.
  private func dryRun(_ workspace: Workspace, clock: Int64) throws -> (run: CampaignRun, ledger: String?) {
    let ledgerPath = workspace.ledgerPath(override: nil)
    do throws(Diagnostic) {
      let history = try ledgerPath.flatMap { (path) throws(Diagnostic) in
        try LedgeredExport.history(ledgerPath: path, workspace: workspace, clock: clock)
      }
      return (CampaignRun(workspace: workspace, clock: clock, history: history), ledgerPath)
    } catch {
      throw CommandFailure([error], sources: [workspace.source])
    }
  }
}
