import Foundation
import PlayloopTestSupport
import Testing

/// Playbooks/campaigns.playbook run nightly with its ledger, as a marketer would from
/// cron: SMS waits for the customer's weekday morning, a customer written to in the
/// last 14 days gets no apology, and the win-back comes again exactly 90 days on.
@Suite struct CampaignsPlaybookTests {
  static let playbook = "Playbooks/campaigns.playbook"

  /// One night's run; the decisions log's rows of `customer`, as `rule,offer,status,reason…`.
  func night(_ clock: String, _ folder: ScratchFolder) throws -> (String, (String) -> [String]) {
    let out = folder.url.appendingPathComponent("out-\(clock)").path
    let result = try ChildProcess.playloop([
      "run", Self.playbook, "--as-of", clock, "--out", out,
      "--ledger", folder.url.appendingPathComponent("ledger.sqlite").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let log = try String(contentsOfFile: out + "/decisions.csv", encoding: .utf8)
    let rows = log.split(whereSeparator: \.isNewline).map(String.init)  // CSV lines end in CRLF
    return (result.stdout, { customer in rows.filter { $0.hasPrefix(customer + ",") } })
  }

  @Test func nightlyRunsKeepQuietHoursTheFourteenDayRestAndTheNinetyDayWinBack() throws {
    try ScratchFolder.with("campaigns") { folder in
      // Sunday 1 November: C-0002 (Madrid) gets the apology by text on Monday at 08:00 her time.
      let (_, first) = try night("2026-11-01T00:00:00Z", folder)
      let apology = try #require(first("C-0002").first { $0.contains(",SORRY25,") })
      #expect(apology.contains(",2026-11-02T07:00:00Z,2026-11-02T08:00:00+01:00,"))
      #expect(apology.contains(",sms,+34600000002,send,sent via sms,"))
      #expect(first("C-0038").contains { $0.hasPrefix("C-0038,winback,WINBACK20,,,") && $0.contains(",send,") })

      // A week later her complaint still qualifies, but she was written to within 14 days.
      let (_, week) = try night("2026-11-08T00:00:00Z", folder)
      #expect(!week("C-0002").contains { $0.contains(",SORRY25,") })
      #expect(
        week("C-0038").contains {
          $0.contains(",already_sent,\"eligible again on 2027-01-30 (every 90d since the last send on 2026-11-01")
        })
      let explained = try ChildProcess.playloop([
        "explain", "--detail", Self.playbook, "C-0002", "--rule", "slow_fix_apology", "--as-of", "2026-11-08T00:00:00Z",
        "--ledger", folder.url.appendingPathComponent("ledger.sqlite").path,
      ])
      #expect(
        explained.stdout.contains(
          "unless sent(any in last 14d)                            true   (last: SORRY25 via sms at 2026-11-02T07:00:00Z (run 1))"
        ))

      // The win-back again: not a second before 90 days, then at once.
      let (_, early) = try night("2027-01-29T23:59:59Z", folder)
      #expect(early("C-0038").contains { $0.contains(",WINBACK20,") && $0.contains(",already_sent,") })
      let (summary, due) = try night("2027-01-30T00:00:00Z", folder)
      #expect(due("C-0038").contains { $0.contains(",WINBACK20,") && $0.contains(",send,sent via email,") })
      #expect(summary.contains("WINBACK20    19        0       0           17             7"))
    }
  }

  /// The shell tells of customers whose zone this machine does not know when the playbook
  /// loads and at `:check`, as `check` and `run` do.
  @Test func theShellWarnsOfUnknownZonesOnLoadAndCheck() throws {
    let result = try ChildProcess.playloop(["repl", Self.playbook, "--no-rc", "-c", ":check"])
    #expect(result.status == 0, "\(result.stderr)")
    let warning = "warning: 1 customer has a time zone in customer.tz this machine does not know (e.g. 'Mars/Base')"
    #expect(result.stderr.components(separatedBy: warning).count == 3, "\(result.stderr)")
    #expect(result.stdout.contains("the playbook checks: 4 rules, 5 offers, 4 tests"))
  }
}
