import Foundation
import PlayloopTestSupport
import Testing

/// Rows set aside with the real binary: type by majority, the share warning and its
/// limit, every row set aside, lifecycle order, `check` ordering, `explain`; exit codes.
@Suite struct SetAsideCLITests {
  static let customers = "id,email\nC-1,one@example.com\nC-2,two@example.com\n"

  /// 200 orders, order 6 (line 7) with total `n/a`.
  static let orders =
    "id,customer_id,total\n"
    + (1...200).map { "O-\($0),C-\($0 % 2 + 1),\($0 == 6 ? "n/a" : "\($0).5")\n" }.joined()

  /// `tickets.csv` rows: `bad` of 20 name a customer that does not exist.
  static func tickets(bad: Int) -> String {
    "id,customer_id,opened_at,resolved_at\n"
      + (1...20).map {
        "T-\($0),\($0 <= bad ? "C-9" : "C-1"),2026-10-30T12:00:00Z,2026-10-30T13:00:00Z\n"
      }.joined()
  }

  static func playbook(rule: String = "when order.total > 100") -> String {
    """
    playbook "Set aside"
    as of 2026-11-01T00:00:00Z
    window all
    load customers from "customers.csv"
    load orders from "orders.csv" link customer_id
    load tickets from "tickets.csv" link customer_id
    channel email address customer.email
    offer THANKS "Thanks"
    rule big
      \(rule)
      send THANKS via email

    """
  }

  func folder(tickets: String, playbook: String = Self.playbook()) throws -> ScratchFolder {
    try ScratchFolder(
      "setaside",
      files: [
        "customers.csv": Self.customers, "orders.csv": Self.orders, "tickets.csv": tickets,
        "p.playbook": playbook,
      ])
  }

  func playloop(_ arguments: [String], in folder: ScratchFolder) throws -> ChildProcess {
    try ChildProcess.playloop(arguments, in: folder.path, environment: ["NO_COLOR": "1"])
  }

  @Test func oneBadNumberIsARowSetAsideNotATextColumn() throws {
    let folder = try folder(tickets: Self.tickets(bad: 0))
    let run = try playloop(["run", "p.playbook", "--dry-run"], in: folder)
    #expect(run.status == 0)
    #expect(
      run.stderr == """
        orders.csv:7: warning: row set aside: total 'n/a' is not a decimal
          hint: if total holds text, say so on the load: types total = text

        """)
    #expect(run.stdout.contains("1 row set aside (orders.csv: 1)"))
    let check = try playloop(["check", "p.playbook"], in: folder)
    #expect(check.status == 0)
    #expect(check.stdout == "p.playbook: ok (1 rules, 1 offers)\n")
    #expect(check.stderr.hasPrefix("orders.csv:7: warning: row set aside: total 'n/a' is not a decimal\n"))
  }

  @Test func moreThanTheShareSetAsideWarnsAndStrictStops() throws {
    let folder = try folder(tickets: Self.tickets(bad: 2))
    let run = try playloop(["run", "p.playbook", "--dry-run"], in: folder)
    #expect(run.status == 0)
    #expect(
      run.stderr.hasPrefix(
        """
        tickets.csv: warning: 2 of 20 rows (10%) set aside, more than the 5% allowed
          hint: fix the rows below, or allow more with --max-set-aside; --strict stops at the first

        """))
    let allowed = try playloop(["run", "p.playbook", "--dry-run", "--max-set-aside", "10%"], in: folder)
    #expect(allowed.status == 0)
    #expect(!allowed.stderr.contains("set_aside_share") && !allowed.stderr.contains("allowed"))
    for command in [["check"], ["test"], ["explain", "--detail", "p.playbook", "C-1"]] {
      let arguments = command.count == 1 ? command + ["p.playbook"] : command
      let result = try playloop(arguments, in: folder)
      #expect(result.stderr.contains("2 of 20 rows (10%) set aside, more than the 5% allowed"), "\(command)")
    }
    // The orders are read first: their one row set aside stops a strict run.
    let strict = try playloop(["run", "p.playbook", "--dry-run", "--strict"], in: folder)
    #expect(strict.status == 2)
    #expect(strict.stderr.hasPrefix("orders.csv:7: error: total 'n/a' is not a decimal\n"))
    let usage = try playloop(["run", "p.playbook", "--max-set-aside", "lots"], in: folder)
    #expect(usage.status == 2)
    #expect(usage.stderr.hasPrefix("error: --max-set-aside: 'lots' is not a percent such as 5%"))
  }

  @Test func everyRowSetAsideIsAnInputError() throws {
    let folder = try folder(tickets: Self.tickets(bad: 20))
    for command in ["check", "run"] {
      let result = try playloop([command, "p.playbook"], in: folder)
      #expect(result.status == 2, "\(command)")
      #expect(
        result.stderr.hasPrefix(
          "tickets.csv:2: error: every row was set aside (20 rows): line 2: customer \"C-9\" does not exist; "
            + "line 3: customer \"C-9\" does not exist; line 4: customer \"C-9\" does not exist; and 17 more\n"),
        "\(command)")
    }
  }

  @Test func checkShowsTheRowSetAsideBeforeTheTypeError() throws {
    let folder = try folder(
      tickets: Self.tickets(bad: 0), playbook: Self.playbook(rule: "when order.total contains \"x\""))
    let check = try playloop(["check", "p.playbook"], in: folder)
    #expect(check.status == 1)
    #expect(check.stderr.hasPrefix("orders.csv:7: warning: row set aside: total 'n/a' is not a decimal\n"))
    #expect(check.stderr.contains("p.playbook:10:"))
  }

  @Test func aResolutionBeforeTheOpeningIsSetAsideAndExplained() throws {
    var tickets = Self.tickets(bad: 0)
    tickets += "T-21,C-2,2026-10-30T12:00:00Z,2026-10-30T09:00:00Z\n"
    let folder = try folder(
      tickets: tickets, playbook: Self.playbook(rule: "when ticket resolved within 4h"))
    let run = try playloop(["run", "p.playbook", "--dry-run", "--max-set-aside", "50%"], in: folder)
    #expect(run.status == 0)
    #expect(
      run.stderr.contains(
        "tickets.csv:22: warning: row set aside: resolved 2026-10-30T09:00:00Z is before opened 2026-10-30T12:00:00Z\n")
    )
    let explain = try playloop(["explain", "--detail", "p.playbook", "C-2"], in: folder)
    #expect(explain.status == 0)
    #expect(
      explain.stdout.contains(
        "set aside: tickets.csv line 22 (tickets): resolved 2026-10-30T09:00:00Z is before opened 2026-10-30T12:00:00Z\n"
      ))
    #expect(explain.stdout.contains("⇒ C-2 gets nothing"))
    let json = try playloop(["explain", "--detail", "p.playbook", "C-2", "--json"], in: folder)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let rows = try #require(object?["set_aside"] as? [[String: Any]])
    #expect(rows.compactMap { $0["line"] as? Int } == [22])
    #expect(rows.compactMap { $0["file"] as? String } == ["tickets.csv"])
  }
}
