import Foundation
import PlayloopTestSupport
import Testing

/// `playloop explain FILE CUSTOMER --what-if STATEMENTS`: the customer's answer as if the
/// statements were in the playbook, the file left as it was.
@Suite struct WhatIfCLITests {
  static let flagship = "Playbooks/service-recovery.playbook"
  static let cancelRiskLast = """
    rule cancel_risk priority 1
      when call.transcript contains any ["cancel", "switch", "competitor"]
      send STAY15 via sms, email
    """

  @Test func aReplacedRuleChangesTheAnswerAndNotTheFile() throws {
    let before = try String(contentsOfFile: Repository.path(Self.flagship), encoding: .utf8)
    let plain = try ChildProcess.playloop(["explain", "--detail", Self.flagship, "C-0007"])
    #expect(plain.stdout.contains("⇒ C-0007 gets STAY15 via sms"))
    let result = try ChildProcess.playloop([
      "explain", "--detail", Self.flagship, "C-0007", "--what-if", Self.cancelRiskLast,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("What if: replaced rule cancel_risk.\n\n"))
    #expect(result.stdout.contains("STAY15: capped — capped by quick_fix_thanks"))
    #expect(result.stdout.contains("⇒ C-0007 gets THANKS10 via email"))
    #expect(try String(contentsOfFile: Repository.path(Self.flagship), encoding: .utf8) == before)
  }

  @Test func anAddedStatementIsNamedInTheJSON() throws {
    let rule = """
      rule everyone_thanks priority 50
        when complaint resolved within 48h
        send THANKS10 via email
      """
    let result = try ChildProcess.playloop([
      "explain", "--detail", Self.flagship, "C-0007", "--what-if", rule, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(document["what_if"] as? [String] == ["added rule everyone_thanks"])
    let decisions = try #require(document["decisions"] as? [[String: Any]])
    #expect(decisions.contains { $0["rule"] as? String == "everyone_thanks" && $0["status"] as? String == "send" })
  }

  @Test func aMistakeInTheStatementsIsShownOnItsLine() throws {
    let result = try ChildProcess.playloop([
      "explain", "--detail", Self.flagship, "C-0007", "--what-if",
      "rule x\n  when complaint resolved withn 4h\n  send THANKS10",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("error: unknown phrase 'withn'"))
    #expect(result.stderr.contains("|   when complaint resolved withn 4h"))
    #expect(result.stderr.contains("did you mean 'within'?"))
  }
}
