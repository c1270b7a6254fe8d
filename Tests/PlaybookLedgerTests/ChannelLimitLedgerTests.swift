import Foundation
import PlaybookEngine
import Testing

@testable import PlaybookLedger

/// `limit 1 per customer per 7d via sms` across ledgered runs: earlier runs' sends on
/// that channel fill its slot; sends on other channels do not.
@Suite struct ChannelLimitLedgerTests {
  /// The ledger fixture's playbook with the apology sent by sms (an address the
  /// fixture's customers have) and a weekly sms cap.
  static let playbook = LedgerFixture.playbook(limit: "limit 1 per customer per 7d via sms")
    .replacingOccurrences(of: "send SORRY via email", with: "send SORRY via sms")
    .replacingOccurrences(
      of: "channel email address customer.email requires customer.email_opt_in",
      with: "channel email address customer.email requires customer.email_opt_in\nchannel sms address customer.email")

  @Test func earlierSmsSendsFillTheSmsCapAndEmailIsNotCapped() throws {
    try LedgerFixture.with(playbook: Self.playbook) { f in
      try f.run(LedgerFixture.day(1))
      // The sms cap leaves email alone: C-1 gets the sms apology and the email greeting.
      #expect(try f.audience("SORRY") == ["C-1 apology T-1", "C-2 apology T-2"])
      #expect(try f.audience("HELLO") == ["C-1 greet -", "C-2 greet -"])

      // Day 2: C-1's day-1 sms fills the week's sms slot.
      try f.run(LedgerFixture.day(2))
      #expect(try f.audience("SORRY") == [])
      #expect(try f.statuses()["C-1 apology T-3"] == "capped")
      #expect(
        try f.export()["decisions.csv"]?.contains(
          "capped: limit 1 per customer per 7d via sms already reached by earlier runs") == true)

      // Day 9: the day-1 sms is more than 7 days before the clock.
      try f.run(LedgerFixture.day(9))
      #expect(try f.audience("SORRY") == ["C-1 apology T-3"])
    }
  }

  /// The weekly sms cap beside `limit 2 per customer` (per run) and a third offer by email.
  static let withOverall = playbook.replacingOccurrences(
    of: "limit 1 per customer per 7d via sms",
    with: """
      limit 1 per customer per 7d via sms
      limit 2 per customer
      offer NUDGE "nudge" valid 7d
      rule extra
        when customer.email_opt_in == true
        send NUDGE via email
      """)

  @Test func theSmsCapSpansRunsWhileTheOverallLimitCountsEachRun() throws {
    try LedgerFixture.with(playbook: Self.withOverall) { f in
      try f.run(LedgerFixture.day(1))
      // Day 1: the sms apology and the greeting take C-1's two slots; the nudge is capped.
      let day1 = try f.statuses()
      #expect(day1["C-1 apology T-1"] == "send" && day1["C-1 greet -"] == "send")
      #expect(day1["C-1 extra -"] == "capped")
      #expect(try f.export()["decisions.csv"]?.contains("capped by greet (limit 2 per customer)") == true)

      // Day 2: day 1's sms fills the week's sms slot; the per-run limit starts again.
      try f.run(LedgerFixture.day(2))
      let day2 = try f.statuses()
      #expect(day2["C-1 apology T-3"] == "capped")
      #expect(day2["C-1 extra -"] == "send")
    }
  }
}
