import Foundation
import PlayloopTestSupport
import Testing

/// `limit … via sms` alongside the overall limit, through the real binary: `run`'s
/// decisions and the shell, where a channel's limit is a line of its own.
@Suite struct ChannelLimitCLITests {
  static let limits = "limit 2 per customer per 7d\nlimit 1 per customer per 7d via sms"

  @Test func anSmsCapCapsTheSecondTextAndLeavesEmailToTheOverallLimit() throws {
    try ScratchFolder.with("channel-limit") { folder in
      let text = try Fixtures.serviceRecovery(replacing: [
        ("limit 1 per customer per 7d  # at most one offer per customer a week (per run without a ledger)", Self.limits)
      ])
      let file = try folder.write(text, to: "caps.playbook")
      let out = folder.url.appendingPathComponent("out").path
      let result = try ChildProcess.playloop(["run", file, "--out", out])
      #expect(result.status == 0, "\(result.stderr)")
      let decisions = try #require(try Fixtures.exportFiles(in: out)["decisions.csv"])
      // C-0056 was kept by sms (STAY15): its apology by sms is capped by the sms limit.
      #expect(decisions.contains("C-0056,slow_fix_apology,SORRY25,T-0641,"))
      #expect(
        decisions.contains(",sms,+15551266267,capped,capped by cancel_risk (limit 1 per customer per 7d via sms),"))
      // C-0012 got STAY15 by sms too; its apology goes by email, within the overall two.
      #expect(
        decisions.contains(
          "C-0012,slow_fix_apology,SORRY25,T-0871,2026-10-29T00:00:00Z,2026-11-01T00:00:00Z,2026-11-15T00:00:00Z,email,nuno.garcia@example.com,send,"
        ))
    }
  }

  @Test func theShellKeepsAChannelsLimitBesideTheOverallOne() throws {
    try ScratchFolder.with("channel-limit") { folder in
      let saved = folder.url.appendingPathComponent("saved.playbook").path
      let result = try ChildProcess.playloopScript(
        "limit 1 per customer per 7d via sms\nlimit 2 per customer per 7d\n:save \(saved)\n",
        arguments: [Repository.serviceRecovery], in: folder.path)
      #expect(result.status == 0, "\(result.stderr)")
      let text = try String(contentsOfFile: saved, encoding: .utf8)
      let limits = text.split(separator: "\n").filter { $0.hasPrefix("limit ") }
      #expect(limits == ["limit 2 per customer per 7d", "limit 1 per customer per 7d via sms"])
    }
  }
}
