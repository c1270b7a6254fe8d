import Foundation
import PlaybookEngine
import PlaybookLanguage
import Testing

@testable import PlaybookLedger

/// `sent(OFFER|any [via CHANNEL] [in last D])` against a ledger of earlier nightly runs:
/// day 1 sends HELLO (rule greet) to C-1 and C-2 by email, and SORRY for their tickets;
/// rule `nudge` sends NUDGE to whoever the condition under test holds for (`every 1d`,
/// so a NUDGE sent on day 1 does not make it `already_sent` later).
@Suite struct SentLedgerTests {
  static func playbook(_ condition: String) -> String {
    LedgerFixture.playbook() + """
      channel sms address customer.email
      offer NUDGE "nudge" valid 7d

      rule nudge every 1d
        when customer.email_opt_in == true
        and \(condition)
        send NUDGE via email

      """
  }

  static let day: Int64 = 86_400

  struct Case: CustomTestStringConvertible, Sendable {
    var condition: String
    /// Seconds after the day-1 clock of the second run.
    var after: Int64
    var nudged: [String]
    var testDescription: String { "\(condition) at day 1 + \(after)s" }
  }

  static let cases: [Case] = [
    // The offer form, with and without a channel.
    Case(condition: "sent(HELLO)", after: day, nudged: ["C-1 nudge -", "C-2 nudge -"]),
    Case(condition: "sent(SORRY)", after: day, nudged: ["C-1 nudge -", "C-2 nudge -"]),
    Case(condition: "sent(NUDGE)", after: day, nudged: []),
    Case(condition: "sent(HELLO via email)", after: day, nudged: ["C-1 nudge -", "C-2 nudge -"]),
    Case(condition: "sent(HELLO via sms)", after: day, nudged: []),
    // `in last D`: a send exactly D before the clock counts, one a second older does not.
    Case(condition: "sent(HELLO in last 7d)", after: 7 * day, nudged: ["C-1 nudge -", "C-2 nudge -"]),
    Case(condition: "sent(HELLO in last 7d)", after: 7 * day + 1, nudged: []),
    Case(condition: "sent(any in last 7d)", after: 7 * day, nudged: ["C-1 nudge -", "C-2 nudge -"]),
    Case(condition: "sent(any in last 7d)", after: 7 * day + 1, nudged: []),
    Case(condition: "sent(any via email in last 14d)", after: 14 * day, nudged: ["C-1 nudge -", "C-2 nudge -"]),
    Case(condition: "sent(any via sms in last 14d)", after: 1 * day, nudged: []),
    Case(condition: "not sent(any in last 14d)", after: 1 * day, nudged: []),
    Case(condition: "not sent(any in last 14d)", after: 14 * day + 1, nudged: ["C-1 nudge -", "C-2 nudge -"]),
  ]

  @Test(arguments: cases)
  func aConditionReadsEarlierRunsSends(_ c: Case) throws {
    try LedgerFixture.with(playbook: Self.playbook(c.condition)) { f in
      try f.run(LedgerFixture.day(1))
      try f.run(LedgerFixture.day(1) + c.after)
      #expect(try f.audience("NUDGE") == c.nudged)
    }
  }

  /// What this run decides is not in the ledger yet: day 1's HELLO does not make
  /// `sent(HELLO)` true on day 1.
  @Test func thisRunsOwnSendsDoNotCount() throws {
    try LedgerFixture.with(playbook: Self.playbook("sent(any)")) { f in
      try f.run(LedgerFixture.day(1))
      #expect(try f.audience("HELLO") == ["C-1 greet -", "C-2 greet -"])
      #expect(try f.audience("NUDGE") == [])
    }
  }

  /// A replay of day 1 (same text, same clock) decides as day 1 did, though a later
  /// run's sends are in the ledger by then.
  @Test func aReplayAtAnEarlierClockSeesOnlyTheRunsBeforeIt() throws {
    try LedgerFixture.with(playbook: Self.playbook("sent(any)")) { f in
      try f.run(LedgerFixture.day(1))
      try f.run(LedgerFixture.day(2))
      #expect(try f.audience("NUDGE") == ["C-1 nudge -", "C-2 nudge -"])
      let replay = try f.run(LedgerFixture.day(1))
      #expect(replay.isReplay)
      #expect(try f.audience("NUDGE") == [])
    }
  }

  /// explain shows the condition's value and the ledger send behind it.
  @Test func explainShowsTheSendThatMadeItTrue() throws {
    try LedgerFixture.with(playbook: Self.playbook("sent(any in last 7d)")) { f in
      try f.run(LedgerFixture.day(1))
      let workspace = try f.workspace()
      let clock = LedgerFixture.day(3)
      let history = try #require(
        try LedgeredExport.history(ledgerPath: f.ledgerPath, workspace: workspace, clock: clock))
      let plan = Plan(checked: workspace.checked, dataset: workspace.dataset, clock: clock, history: history)
      let explainer = Explainer(plan: plan, history: history)
      func sentCondition(_ customer: String) throws -> ConditionValue {
        let rule = try #require(try explainer.explain(customerID: customer).rules.first { $0.rule == "nudge" })
        return try #require(rule.attempts.first?.conditions.last)
      }
      let c1 = try sentCondition("C-1")
      #expect(c1.text == "sent(any in last 7d)" && c1.value == .yes)
      // C-1's HELLO and SORRY of day 1 share their time and run: the tie goes to the later code.
      #expect(c1.details == ["last: SORRY via email at 2026-11-01T00:00:00Z (run 1)"])
      let c3 = try sentCondition("C-3")
      #expect(c3.value == .no && c3.details == ["no such send in the ledger"])
      let noLedger = Explainer(plan: Plan(checked: workspace.checked, dataset: workspace.dataset, clock: clock))
      let rule = try #require(try noLedger.explain(customerID: "C-1").rules.first { $0.rule == "nudge" })
      #expect(rule.attempts.first?.conditions.last?.details == ["no ledger: never true"])
    }
  }
}
