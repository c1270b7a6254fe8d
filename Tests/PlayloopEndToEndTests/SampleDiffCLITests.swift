import Foundation
import PlayloopTestSupport
import Testing

/// `playloop sample` and `playloop diff`, the shell's `:sample` and an edit's impact on
/// the command line, with the real binary on the flagship playbook.
@Suite struct SampleDiffCLITests {
  static let flagship = Repository.serviceRecovery

  @Test func aSampleIsSeededAndFilteredByStatus() throws {
    let result = try ChildProcess.playloop(["sample", Self.flagship, "THANKS10", "--status", "send", "--count", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("C-") }
    #expect(rows.count == 3 && rows.allSatisfy { $0.contains(" send ") }, "\(result.stdout)")
    #expect(
      result.stdout.hasSuffix("3 of 7 decisions of offer THANKS10 with status send, seed 1; --seed 2 picks others\n"))
    let again = try ChildProcess.playloop(["sample", Self.flagship, "THANKS10", "--status", "send", "--count", "3"])
    #expect(again.stdout == result.stdout)
    let other = try ChildProcess.playloop(
      ["sample", Self.flagship, "THANKS10", "--status", "send", "--count", "3", "--seed", "2"])
    #expect(other.stdout != result.stdout)
  }

  @Test func aSegmentSamplesCustomersWithTheirDecisions() throws {
    let result = try ChildProcess.playloop(["sample", Self.flagship, "vip", "--count", "5", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["of"] as? String == "customers in segment vip")
    #expect(object["picked"] as? Int == 5)
    #expect(object["total"] as? Int == 64)
  }

  @Test func unknownNamesAndStatusesAreUsageErrors() throws {
    let name = try ChildProcess.playloop(["sample", Self.flagship, "THANKS1"], environment: ["NO_COLOR": "1"])
    #expect(name.status == 2)
    #expect(name.stderr.contains("no rule, segment or offer named 'THANKS1'; did you mean 'THANKS10'?"))
    let status = try ChildProcess.playloop(
      ["sample", Self.flagship, "--status", "snd"], environment: ["NO_COLOR": "1"])
    #expect(status.status == 2)
    #expect(status.stderr.contains("no status named 'snd'; did you mean 'send'?"))
  }

  @Test func diffShowsAStatementsImpactAndChangesNothing() throws {
    let before = try String(contentsOfFile: Self.flagship, encoding: .utf8)
    let result = try ChildProcess.playloop(["diff", Self.flagship, "--what-if", "limit 2 per customer per 7d"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("What if: replaced limit. Clock 2026-11-01T00:00:00Z.\nTHANKS10  send 7 → 9 (+2)"))
    #expect(result.stdout.contains("5 customers gain an offer, 0 lose one"))
    #expect(result.stdout.contains("\nC-0007    THANKS10  capped  send   sent via email\n"), "\(result.stdout)")
    #expect(try String(contentsOfFile: Self.flagship, encoding: .utf8) == before)
  }

  @Test func diffWritesEveryChangeAndAnswersInJSON() throws {
    try ScratchFolder.with("diff") { folder in
      let csv = folder.url.appendingPathComponent("changes.csv").path
      let rule = #"rule cancel_risk priority 1 when call.transcript contains "switch" send STAY15 via sms"#
      let result = try ChildProcess.playloop(
        ["diff", Self.flagship, "--what-if", rule, "--out", csv, "--format", "json", "--limit", "1"])
      #expect(result.status == 0, "\(result.stderr)")
      let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      #expect(object["what_if"] as? [String] == ["replaced rule cancel_risk"])
      let total = try #require(object["changes_total"] as? Int)
      #expect(total > 1)
      #expect((object["changes"] as? [Any])?.count == 1)
      let lines = try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
      #expect(
        lines.first
          == "customer_id,offer,old_status,new_status,old_rule,new_rule,old_channel,new_channel,old_reason,new_reason")
      #expect(lines.count == total + 1)
    }
  }

  @Test func aMistakeInTheStatementsIsShownOnItsOwnLine() throws {
    let result = try ChildProcess.playloop(
      ["diff", Self.flagship, "--what-if", "limit 2 per custmer"], environment: ["NO_COLOR": "1"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("limit 2 per custmer"), "\(result.stderr)")
  }
}
