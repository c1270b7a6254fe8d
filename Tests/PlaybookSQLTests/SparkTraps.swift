import PlaybookEngine
import PlayloopTestSupport

/// The ways Spark SQL in particular drifts from the engine, in a playbook and its data:
/// every rule fires for some rows the naive Spark SQL would get wrong (named in comments).
enum SparkTraps {
  static let playbook = #"""
    playbook "Spark traps"
    as of 2026-11-04T00:00:00Z
    window 30d

    load customers from "customers.csv"
    load tickets from "tickets.csv" link customer_id

    # As UTF-8 bytes U+FF61 sorts before U+1F600; as UTF-16 (Java's String order) after it.
    segment high = customer.name > "｡"
    # A non-ASCII literal, read from the script as UTF-8.
    segment zoe = customer.name == "Zoë"
    # unix_date(d) * 86400 overflows INT after 2038 (ANSI: an error; otherwise a wrapped number).
    segment late = customer.joined > 2038-06-01
    # Spark's / divides BIGINT as floats already; days_between must round toward zero.
    segment odd = customer.visits / 2 > 1

    channel email address customer.email

    offer A "a"
    offer B "b"

    rule customers_only priority 2
      when customer in high or customer in zoe or customer in late or customer in odd
      send A via email

    # hour(), month() and dayofweek() read the session's time zone; the engine reads UTC.
    rule late_evening priority 3
      when hour(ticket.opened) >= 22 and month(ticket.opened) == 11 and day_of_week(ticket.opened) == 1
      send B via email

    # Negative whole days round toward zero (floor would say -2).
    rule backwards priority 1
      when days_between(ticket.opened, ticket.due_at) == -1
      send A via email

    # Spark's trim() strips spaces only; the engine strips ASCII white space (here a vertical tab).
    rule trimmed priority 1
      when trim(ticket.subject) == "hi"
      send B via email

    # Keys differ only in case (C-1, c-1; T-b, t-b): joined as bytes whatever the columns' collation.
    # NUL bytes are text like any other: kept, searched, compared as bytes.
    rule nul priority 1
      when ticket.note contains "x" and ticket.note < "x"
      send A via email
    """#

  static let customers = """
    id,name,email,visits,joined
    C-1,😀 smile,s@example.com,3,2040-01-01
    C-2,｡ dot,d@example.com,1,2026-01-01
    C-3,Zoë,z@example.com,2,1969-12-31
    C-4,Zoe,z2@example.com,,2038-06-02
    c-1,low,l@example.com,1,2026-01-01
    """

  static let tickets = """
    id,customer_id,subject,note,opened_at,resolved_at,due_at
    T-😀,C-1,hi,\u{0}x,2026-11-02T23:30:00Z,2026-11-03T00:00:00Z,2026-11-01T11:00:00Z
    T-｡,C-1,\u{0B} hi\t,x\u{0},2026-11-02T22:10:00-05:00,,2026-11-04T00:00:00Z
    T-a,C-2,hi ,ab,2026-11-02T01:00:00Z,2026-11-02T02:00:00Z,
    T-b,C-3,x,\u{0}y,2026-10-20T12:00:00Z,2026-10-20T13:00:00Z,2026-10-19T00:00:00Z
    t-b,c-1,hi,,2026-10-21T12:00:00Z,,
    """

  static func workspace() throws -> Workspace {
    let folder = try ScratchFolder(
      "spark-traps", files: ["traps.playbook": playbook, "customers.csv": customers, "tickets.csv": tickets])
    defer { folder.remove() }
    return try Workspace.open(path: folder.path + "/traps.playbook")
  }
}
