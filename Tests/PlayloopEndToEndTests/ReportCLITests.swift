import Foundation
import PlayloopTestSupport
import Testing

/// `playloop report` and the shell's `:report` with the real binary: one self-contained
/// page, the same bytes each time, both playbooks when comparing.
@Suite struct ReportCLITests {
  static let offers = ["THANKS10", "SORRY25", "REFER20", "STAY15"]

  @Test func reportWritesOnePageWithEveryOfferAndTheSameBytesEachTime() throws {
    try ScratchFolder.with("report") { folder in
      let out = folder.path + "/report.html"
      let result = try ChildProcess.playloop(["report", Repository.serviceRecovery, "--out", out])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.hasPrefix("Wrote \(out): 69 decisions, 44 to send."), "\(result.stdout)")
      let html = try String(contentsOfFile: out, encoding: .utf8)
      #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
      #expect(html.contains("<h1>Service recovery loop</h1>"))
      for offer in Self.offers { #expect(html.contains(">\(offer)</h3>"), "\(offer)") }
      for section in ["funnel", "audience", "tests", "not-sent", "sends-per-day", "data", "playbook"] {
        #expect(html.contains("<section id=\"\(section)\">"), "\(section)")
      }
      #expect(html.contains("As of 2026-11-01T00:00:00Z"))
      #expect(!html.contains("src=") && !html.contains("href="), "nothing is loaded from elsewhere")
      // Standard output gets the same bytes.
      let again = try ChildProcess.playloop(["report", Repository.serviceRecovery, "--out", "-"])
      #expect(again.status == 0)
      #expect(again.stdout == html)
    }
  }

  @Test func compareShowsBothPlaybooksAndTheChangePerOffer() throws {
    let result = try ChildProcess.playloop([
      "report", Repository.serviceRecovery, "--compare", Repository.path("Playbooks/campaigns.playbook"), "--out", "-",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("<section id=\"compare\">\n<h2>Compared with Campaigns</h2>"))
    #expect(result.stdout.contains("customers gain an offer"))
    // An offer only the other playbook has is listed with its sends there.
    #expect(result.stdout.contains("<td>WINBACK20</td>"))
  }

  @Test func aFileThatCannotBeWrittenFails() throws {
    let result = try ChildProcess.playloop(["report", Repository.serviceRecovery, "--out", "/nonexistent/r.html"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("error: cannot write /nonexistent/r.html"), "\(result.stderr)")
  }

  @Test func theShellsReportWritesThePageOfThePlaybookAsEdited() throws {
    try ScratchFolder.with("report-shell") { folder in
      let script = "offer EXTRA9 \"<b>new</b>\" valid 1d\n:report \(folder.path)/shell.html\n"
      let result = try ChildProcess.playloopScript(script, arguments: [Repository.serviceRecovery])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("wrote \(folder.path)/shell.html: 69 decisions, 44 to send"), "\(result.stdout)")
      let html = try String(contentsOfFile: folder.path + "/shell.html", encoding: .utf8)
      #expect(html.contains("<td>EXTRA9</td>") && html.contains("&lt;b&gt;new&lt;/b&gt;"))
    }
  }
}
