import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension EngineSession {
  /// `:report [FILE]`: the campaign report of the playbook as it is now (the run `:run`
  /// shows, reused when nothing changed), written as one HTML page.
  func report(to file: String?) -> ShellOutput {
    guard let workspace else { return failure(.noData) }
    Interrupt.clear()  // a Ctrl-C at the prompt is not meant for this
    guard let run = upToDateRun() else { return .message("stopped; no report written") }
    let campaign = CampaignRun(workspace: workspace, reusing: run)
    let path = file ?? ReportPage.defaultFile
    let page = ReportPage(report: CampaignReport(workspace: workspace, run: campaign)).html
    do {
      try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      return failure(.writeFailed(path, reason: error.localizedDescription))
    }
    let counts = run.counts.byStatus
    return .message("wrote \(path): \(plural(counts.total, "decision")), \(counts[.send].grouped) to send")
  }
}
