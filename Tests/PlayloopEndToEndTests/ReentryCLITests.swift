import Foundation
import PlayloopTestSupport
import Testing

/// `rule … every 90d` and `unless sent(any in last 14d)` through the real binary: nightly
/// `run`s with a ledger and an advancing `--as-of`, `explain`, and `check` without a ledger.
@Suite struct ReentryCLITests {
  static let customers = """
    id,email,email_opt_in,tier
    C-1,c1@example.com,true,gold
    C-2,c2@example.com,true,silver
    C-3,c3@example.com,true,gold

    """

  /// C-1's complaint is open before the first night; C-2's and C-3's on the second.
  static let tickets = """
    id,customer_id,kind,opened_at
    T-1,C-1,complaint,2026-11-30T00:00:00Z
    T-2,C-2,complaint,2026-12-10T00:00:00Z
    T-3,C-3,complaint,2026-12-10T00:00:00Z

    """

  static let playbook = """
    playbook "Reentry"
    window 30d
    load customers from "customers.csv"
    load tickets from "tickets.csv" link customer_id
    channel email address customer.email requires customer.email_opt_in
    offer SORRY "sorry" valid 14d
    offer COMEBACK "come back" valid 14d

    rule winback priority 2 every 90d
      when customer.tier == "gold"
      send COMEBACK via email

    rule apology
      when ticket.kind == "complaint"
      unless sent(any in last 14d)
      send SORRY via email

    ledger "state/re.ledger"
    export to "out" as csv

    """

  private func run(_ folder: ScratchFolder, at clock: String) throws -> String {
    let result = try ChildProcess.playloop(["run", "re.playbook", "--as-of", clock], in: folder.path)
    #expect(result.status == 0, "\(result.stderr)")
    return try String(contentsOfFile: folder.path + "/out/decisions.csv", encoding: .utf8)
  }

  @Test func winbackComesBackAfterNinetyDaysAndRecentSendsHoldTheApology() throws {
    try ScratchFolder.with("reentry") { folder in
      _ = try folder.write(Self.customers, to: "customers.csv")
      _ = try folder.write(Self.tickets, to: "tickets.csv")
      _ = try folder.write(Self.playbook, to: "re.playbook")

      // Night 1: winback to the gold customers, the apology to C-1.
      let night1 = try run(folder, at: "2026-12-01T00:00:00Z")
      #expect(night1.contains("C-1,winback,COMEBACK,,"))
      #expect(night1.contains("C-3,winback,COMEBACK,,"))
      #expect(night1.contains("C-1,apology,SORRY,T-1,"))

      // Night 2, ten days on: winback is not due; C-3's COMEBACK holds its apology, C-2 gets one.
      let night2 = try run(folder, at: "2026-12-11T00:00:00Z")
      #expect(
        night2.contains(
          "C-3,winback,COMEBACK,,2026-12-11T00:00:00Z,2026-12-11T00:00:00Z,2026-12-25T00:00:00Z,,,already_sent,"
            + "\"eligible again on 2027-03-01 (every 90d since the last send on 2026-12-01, run 1)\""))
      #expect(night2.contains("C-2,apology,SORRY,T-2,"))
      #expect(!night2.contains("C-3,apology"))

      let explained = try ChildProcess.playloop(
        ["explain", "--detail", "re.playbook", "C-3", "--as-of", "2026-12-11T00:00:00Z"], in: folder.path)
      #expect(explained.status == 0, "\(explained.stderr)")
      #expect(
        explained.stdout.contains(
          "  unless sent(any in last 14d)  true   (last: COMEBACK via email at 2026-12-01T00:00:00Z (run 1))"),
        "\(explained.stdout)")
      #expect(
        explained.stdout.contains(
          "COMEBACK: already_sent — eligible again on 2027-03-01 (every 90d since the last send on 2026-12-01, run 1)"))

      // One second before 90 days, still not due; at exactly 90 days, winback again.
      let early = try run(folder, at: "2027-02-28T23:59:59Z")
      #expect(
        early.contains(
          "C-1,winback,COMEBACK,,2027-02-28T23:59:59Z,2027-02-28T23:59:59Z,2027-03-14T23:59:59Z,,,already_sent,"))
      let due = try run(folder, at: "2027-03-01T00:00:00Z")
      #expect(
        due.contains("C-1,winback,COMEBACK,,2027-03-01T00:00:00Z,2027-03-01T00:00:00Z,2027-03-15T00:00:00Z,email,"))
      #expect(
        due.contains("C-3,winback,COMEBACK,,2027-03-01T00:00:00Z,2027-03-01T00:00:00Z,2027-03-15T00:00:00Z,email,"))

      let listing = try ChildProcess.playloop(["ledger", "state/re.ledger", "--customer", "C-1"], in: folder.path)
      #expect(listing.stdout.components(separatedBy: "COMEBACK").count - 1 == 2, "\(listing.stdout)")
    }
  }

  @Test func checkWarnsWhenNoLedgerIsNamedAndRunWithLedgerDoesNot() throws {
    try ScratchFolder.with("reentry") { folder in
      _ = try folder.write(Self.customers, to: "customers.csv")
      _ = try folder.write(Self.tickets, to: "tickets.csv")
      _ = try folder.write(
        Self.playbook.replacingOccurrences(of: "ledger \"state/re.ledger\"\n", with: ""), to: "re.playbook")
      let check = try ChildProcess.playloop(["check", "re.playbook"], in: folder.path)
      #expect(check.status == 0)
      #expect(
        check.stderr.contains("re.playbook:9:31: warning: every 90d reads the send ledger, and the playbook names none")
      )
      #expect(check.stderr.contains("re.playbook:15:10: warning: sent(any in last 14d) reads the send ledger"))
      let run = try ChildProcess.playloop(
        ["run", "re.playbook", "--as-of", "2026-12-01T00:00:00Z", "--ledger", "x.ledger"], in: folder.path)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(!run.stderr.contains("ledger_required") && !run.stderr.contains("reads the send ledger"))
    }
  }
}
