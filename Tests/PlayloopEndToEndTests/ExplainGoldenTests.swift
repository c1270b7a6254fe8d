import Foundation
import PlayloopTestSupport
import Testing

/// `playloop explain` of one customer for each status and reason, in plain words and with
/// `--detail`, compared with reviewed answers in Expected/explain/ (read as a support agent
/// would: does the answer say why without a marketer?). Set RECORD_EXPECTED=1 to rewrite
/// them after a reviewed change.
@Suite struct ExplainGoldenTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    /// Run the campaigns playbook once at its clock into a fresh ledger first.
    var ledgered = false
    var testDescription: String { name }
  }

  static let flagship = "Playbooks/service-recovery.playbook"
  static let campaigns = "Playbooks/campaigns.playbook"
  static let fourDaysLater = ["--as-of", "2026-11-05T00:00:00Z"]

  static let cases = [
    Case(name: "sent-by-email", arguments: [flagship, "C-0001"]),
    Case(name: "sent-by-the-second-channel", arguments: [flagship, "C-0003"]),
    Case(name: "in-the-control-group", arguments: [flagship, "C-0016"]),
    Case(name: "another-offer-won", arguments: [flagship, "C-0007"]),
    Case(name: "unreachable", arguments: [flagship, "C-0004"]),
    Case(name: "outside-the-window", arguments: [flagship, "C-0020"]),
    Case(name: "a-condition-failed", arguments: [flagship, "C-0042", "--rule", "quick_fix_thanks"]),
    Case(name: "an-unless-held", arguments: [flagship, "C-0006", "--rule", "evangelist"]),
    Case(name: "nothing-came-close", arguments: [flagship, "C-0010"]),
    Case(name: "variant-and-message", arguments: [campaigns, "C-0001"]),
    Case(name: "moved-into-the-window", arguments: [campaigns, "C-0002"]),
    Case(name: "already-sent", arguments: [campaigns, "C-0001"] + fourDaysLater, ledgered: true),
    Case(name: "limit-used-up-by-earlier-runs", arguments: [campaigns, "C-0109"] + fourDaysLater, ledgered: true),
    Case(name: "not-yet-eligible-again", arguments: [campaigns, "C-0038"] + fourDaysLater, ledgered: true),
    // C-0077 has no first name, which this message needs and has no `default` for.
    Case(
      name: "message-could-not-be-filled-in",
      arguments: [
        campaigns, "C-0077", "--rule", "slow_fix_apology", "--what-if",
        "offer SORRY25 \"25% off, and our apologies\" valid 14d\n"
          + "  message sms \"Sorry {{ customer.first_name }}: SORRY25 gives 25% off\"",
      ]),
  ]

  static let expected = URL(fileURLWithPath: Repository.path("Tests/PlayloopEndToEndTests/Expected/explain"))

  @Test(arguments: cases)
  func explainSaysWhy(_ c: Case) throws {
    try ScratchFolder.with("explain") { folder in
      // Every case names its ledger, so none reads one left in out/ by another run.
      let ledger = ["--ledger", folder.url.appendingPathComponent("ledger.sqlite").path]
      if c.ledgered {
        let run = try ChildProcess.playloop(
          ["run", Self.campaigns, "--out", folder.url.appendingPathComponent("out").path] + ledger)
        #expect(run.status == 0, "\(run.stderr)")
      }
      for (suffix, extra) in [("txt", [String]()), ("detail.txt", ["--detail"])] {
        let result = try ChildProcess.playloop(["explain"] + c.arguments + ledger + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let file = Self.expected.appendingPathComponent("\(c.name).\(suffix)")
        if ProcessInfo.processInfo.environment["RECORD_EXPECTED"] != nil {
          try FileManager.default.createDirectory(at: Self.expected, withIntermediateDirectories: true)
          try Data(result.stdout.utf8).write(to: file)
        }
        let want = try String(contentsOf: file, encoding: .utf8)
        #expect(result.stdout == want, "explain \(c.name) differs from Expected/explain/\(c.name).\(suffix)")
      }
    }
  }

  /// The JSON answer carries the same plain words: who the customer is, why each decision.
  @Test func jsonCarriesTheCustomerAndTheWhy() throws {
    let result = try ChildProcess.playloop(["explain", Self.flagship, "C-0007", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let customer = try #require(object["customer"] as? [String: Any])
    #expect(customer["name"] as? String == "Łukasz Nowak")
    #expect((customer["fields"] as? [String: String])?["tier"] == "bronze")
    let decisions = try #require(object["decisions"] as? [[String: Any]])
    #expect(
      decisions.compactMap { $0["why"] as? String }.contains {
        $0.hasPrefix("another offer won: STAY15 from cancel_risk (priority 20)")
      })
    #expect(result.stdout.contains(#""excerpt": "…Customer: \"I'm thinking of «switching» to another shop.\"…""#))
  }
}
