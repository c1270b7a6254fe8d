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
    // The campaigns playbook keeps a ledger in `out/`: its copy here keeps one of its own,
    // empty, whatever a person's runs left there.
    let folder = try ScratchFolder("report-compare")
    defer { folder.remove() }
    let campaigns = try folder.write(
      try Fixtures.playbook(
        Repository.path("Playbooks/campaigns.playbook"),
        replacing: [("\"../out/campaigns.ledger\"", "\"\(folder.path)/campaigns.ledger\"")]),
      to: "campaigns.playbook")
    let result = try ChildProcess.playloop([
      "report", Repository.serviceRecovery, "--compare", campaigns, "--out", "-",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("<section id=\"compare\">\n<h2>Compared with Campaigns</h2>"))
    #expect(result.stdout.contains("customers gain an offer"))
    // An offer only the other playbook has is listed with its sends there, and has its funnel.
    #expect(result.stdout.contains("<td>WINBACK20</td>"))
    #expect(result.stdout.contains("<h3>WINBACK20</h3>\n<p class=\"meta\">20% off to welcome you back</p>"))
    #expect(result.stdout.contains("aria-label=\"sent: Campaigns (compared) 19\""))
  }

  /// A previous run's export folder, read back: against its own playbook nothing moved,
  /// and each funnel stage of the export is this run's.
  @Test(arguments: ["csv", "jsonl"]) func compareWithAnExportFolderReadsItsDecisionsLog(format: String) throws {
    try ScratchFolder.with("report-export") { folder in
      let previous = folder.path + "/previous"
      let run = try ChildProcess.playloop([
        "run", Repository.serviceRecovery, "--out", previous, "--export-format", format,
      ])
      #expect(run.status == 0, "\(run.stderr)")
      let result = try ChildProcess.playloop([
        "report", Repository.serviceRecovery, "--compare", previous, "--out", "-",
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("<h2>Compared with Service recovery loop</h2>"))
      #expect(result.stdout.contains("0 customers gain an offer, 0 lose one."))
      #expect(result.stdout.contains("aria-label=\"triggers: this playbook 26, Service recovery loop (compared) 26\""))
      #expect(result.stdout.contains("aria-label=\"sent: this playbook 21, Service recovery loop (compared) 21\""))
      // A folder that is no export says which file it lacks.
      let empty = try ChildProcess.playloop(["report", Repository.serviceRecovery, "--compare", folder.path])
      #expect(empty.status == 2)
      #expect(empty.stderr.contains("error: cannot read \(folder.path)/summary.json"), "\(empty.stderr)")
    }
  }

  /// With a ledger, the report decides as the next run would (reading, never writing it)
  /// and says which run it follows.
  @Test func aLedgeredPlaybooksReportFollowsItsLastRun() throws {
    try ScratchFolder.with("report-ledger") { folder in
      let text = try String(contentsOfFile: Repository.path("Playbooks/campaigns.playbook"), encoding: .utf8)
        .replacingOccurrences(of: "\"../Examples/data/", with: "\"\(Repository.exampleData)/")
        .replacingOccurrences(of: "\"../out/campaigns.ledger\"", with: "\"state.ledger\"")
        .replacingOccurrences(of: "\"../out/campaigns\"", with: "\"out\"")
      let playbook = try folder.write(text, to: "campaigns.playbook")
      #expect(try ChildProcess.playloop(["run", playbook], in: folder.path).status == 0)
      let ledger = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/state.ledger"))
      let result = try ChildProcess.playloop(["report", playbook, "--out", "-"], in: folder.path)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("after the ledger&#39;s last run, 1-20261101T000000Z"))
      #expect(result.stdout.contains("already sent by an earlier run"))
      #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/state.ledger")) == ledger)
    }
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
