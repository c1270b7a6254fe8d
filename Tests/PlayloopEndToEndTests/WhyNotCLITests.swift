import Foundation
import PlayloopTestSupport
import Testing

/// `playloop explain FILE CUSTOMER --why-not OFFER`: each trigger row's first obstacle, in
/// words, with what would have cleared it — the scripted customers of Examples/README.md.
@Suite struct WhyNotCLITests {
  static let flagship = "Playbooks/service-recovery.playbook"

  func whyNot(_ customer: String, _ offer: String) throws -> String {
    let result = try ChildProcess.playloop(["explain", Self.flagship, customer, "--why-not", offer])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  @Test func aFailedConditionSaysWhatItReadAndWhatItNeeded() throws {
    #expect(
      try whyNot("C-0010", "THANKS10") == """
        Why C-0010 does not get THANKS10:
        quick_fix_thanks
          complaint T-0869: `complaint resolved within 4h` is false: resolved in 4h1s; needs resolved within 4h
        ⇒ C-0010 gets no THANKS10

        """)
    let refer = try whyNot("C-0006", "REFER20")
    #expect(refer.contains("ticket T-0464: `ticket.csat == 5` is false: csat = 3; needs == 5"))
    #expect(
      refer.contains(
        "ticket T-0876: `unless count(complaint in last 90d) > 1` holds: count(complaint in last 90d) = 2"))
  }

  @Test func aCandidateKeptBackSaysByWhat() throws {
    #expect(
      try whyNot("C-0007", "THANKS10").contains(
        "complaint T-0894: a candidate, not sent: another offer won: STAY15 from cancel_risk (priority 20) "
          + "beat quick_fix_thanks (priority 5) under `limit 1 per customer per 7d`"))
    #expect(
      try whyNot("C-0016", "THANKS10").contains(
        "a candidate, not sent: in the control group (5% of customers are held out"))
    let sent = try whyNot("C-0001", "THANKS10")
    #expect(sent.hasPrefix("Why C-0001 gets THANKS10:\n"))
    #expect(sent.contains("⇒ C-0001 gets THANKS10 via email at 2026-11-01T00:00:00Z"))
  }

  @Test func theJSONCarriesEachRowsObstacle() throws {
    let result = try ChildProcess.playloop([
      "explain", Self.flagship, "C-0006", "--why-not", "REFER20", "--format", "json",
    ])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let why = try #require(document["why_not"] as? [String: Any])
    #expect(why["gets"] as? Bool == false)
    let rule = try #require((why["rules"] as? [[String: Any]])?.first)
    let rows = try #require(rule["rows"] as? [[String: Any]])
    #expect(rows.map { $0["obstacle"] as? String } == ["condition", "condition", "unless"])
    #expect(rows[0]["needs"] as? String == "== 5")
    #expect(rows[0]["details"] as? [String] == ["csat = 3"])
  }

  @Test func anOfferNoRuleSendsOrNoneDeclaredIsAUsageError() throws {
    let typo = try ChildProcess.playloop(["explain", Self.flagship, "C-0006", "--why-not", "REFER2"])
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("no offer named 'REFER2'; did you mean 'REFER20'?"))
  }
}
