import Testing

@testable import PlaybookLanguage

/// Each checker rule, with the exact diagnostic a broken playbook must produce.
@Suite struct CheckerDiagnosticsTests {
  static let schema = DataSchema(tables: [
    "customers": [
      ColumnSchema(name: "id", type: .text), ColumnSchema(name: "email", type: .text),
      ColumnSchema(name: "tier", type: .text), ColumnSchema(name: "lifetime_value", type: .decimal),
      ColumnSchema(name: "email_opt_in", type: .boolean),
    ],
    "tickets": [
      ColumnSchema(name: "id", type: .text), ColumnSchema(name: "customer_id", type: .text),
      ColumnSchema(name: "kind", type: .text), ColumnSchema(name: "csat", type: .integer),
      ColumnSchema(name: "subject", type: .text), ColumnSchema(name: "opened_at", type: .timestamp),
      ColumnSchema(name: "first_response_at", type: .timestamp),
      ColumnSchema(name: "resolved_at", type: .timestamp),
    ],
    "calls": [
      ColumnSchema(name: "id", type: .text), ColumnSchema(name: "customer_id", type: .text),
      ColumnSchema(name: "started_at", type: .timestamp), ColumnSchema(name: "transcript", type: .text),
      ColumnSchema(name: "minutes", type: .integer),
    ],
  ])

  static let header = """
    playbook "x"
    load customers from "c.csv"
    load tickets from "t.csv"
    load calls from "calls.jsonl" with opened = started_at
    define complaint = ticket where ticket.kind == "complaint"
    segment vip = customer.lifetime_value >= 1000
    channel email address customer.email requires customer.email_opt_in
    offer THANKS10 "x" valid 30d

    """
  /// Lines in `header`: a case's line numbers count from the line after it.
  static let headerLines = 8

  struct Case: CustomTestStringConvertible, Sendable {
    var input: String
    var line: Int
    var column: Int
    var message: String
    var hint: String?
    var code: String
    var testDescription: String { message }
  }

  static let cases: [Case] = [
    Case(
      input: "offer thanks10 \"y\"", line: 1, column: 7,
      message: "offer 'thanks10' differs from offer 'THANKS10' (line 8) only in case",
      hint: "rename one: each offer's audience file is named for its code, and disks may ignore case",
      code: "offer_name_clash"),
    Case(
      input: "offer Decisions \"y\"", line: 1, column: 7,
      message: "offer 'Decisions' would export over the export's own decisions file",
      hint: "rename the offer: 'decisions' and 'summary' are taken", code: "offer_name_clash"),
    Case(
      input: "rule r\n  when tickt.csat >= 4\n  send THANKS10 via email", line: 2, column: 8,
      message: "unknown row 'tickt'", hint: "did you mean 'ticket'?", code: "unknown_row"),
    Case(
      input: "rule r\n  when tickets.csat >= 4\n  send THANKS10 via email", line: 2, column: 8,
      message: "unknown row 'tickets'", hint: "did you mean 'ticket'? rows are named in the singular",
      code: "unknown_row"),
    Case(
      input: "segment big = customer.lifetime_valu > 5", line: 1, column: 24,
      message: "unknown field 'lifetime_valu' on customer", hint: "did you mean 'lifetime_value'?",
      code: "unknown_field"),
    Case(
      input: "rule r\n  when customer in vpi\n  send THANKS10 via email", line: 2, column: 20,
      message: "unknown segment 'vpi'", hint: "did you mean 'vip'?", code: "unknown_segment"),
    Case(
      input: "rule r\n  when complaint resolved\n  send THANKS1 via email", line: 3, column: 8,
      message: "unknown offer 'THANKS1'", hint: "did you mean 'THANKS10'?", code: "unknown_offer"),
    Case(
      input: "rule r\n  when complaint resolved\n  send THANKS10 via emial", line: 3, column: 21,
      message: "unknown channel 'emial'", hint: "did you mean 'email'?", code: "unknown_channel"),
    Case(
      input: "test \"t\"\n  load tikets from \"f.csv\"\n  expect audience THANKS10 > 1", line: 2, column: 8,
      message: "unknown table 'tikets'", hint: "did you mean 'tickets'?", code: "unknown_table"),
    Case(
      input: "segment gold = customer.tier == 3", line: 1, column: 16,
      message: "cannot compare text with integer", hint: "customer.tier holds text, not numbers",
      code: "type_error"),
    Case(
      input:
        "load orders from \"o.csv\" with opened = customer_id, resolved = customer_id\nrule r\n  when order resolved within 4h\n  send THANKS10 via email",
      line: 3, column: 8,
      message: "'resolved within' needs a time, but orders.customer_id is text",
      hint: "map 'opened' to a timestamp column with `with opened = COLUMN`", code: "type_error"),
    Case(
      input: "segment s = sum(ticket.subject) > 3", line: 1, column: 24,
      message: "sum needs a number, but ticket.subject is text", hint: nil, code: "type_error"),
    Case(
      input: "rule r\n  when complaint resolved and call.transcript contains \"cancel\"\n  send THANKS10 via email",
      line: 2, column: 31,
      message: "rule 'r' names two event rows, 'complaint' and 'call'",
      hint: "a rule triggers on one row; test the other with count(call where …)", code: "two_triggers"),
    Case(
      input: "segment vip = customer.tier == \"gold\"", line: 1, column: 9,
      message: "duplicate segment 'vip'", hint: "first declared on line 6", code: "duplicate_name"),
    Case(
      input: "holdout 120%", line: 1, column: 9, message: "holdout 120% is outside 0–100%",
      hint: "a holdout is a share of customers, from 0% to 100%", code: "invalid_value"),
    Case(
      input: "rule lonely\n  when complaint resolved", line: 1, column: 6,
      message: "rule 'lonely' has no send", hint: "add a line such as `send OFFER via email`",
      code: "missing_send"),
    Case(
      input: "segment s = ticket.csat > 3", line: 1, column: 13, message: "'ticket' cannot be used here",
      hint: "a segment describes a customer; use count(…) or sum(…) for their rows", code: "invalid_row"),
    Case(
      input: "segment s = customer.tier contains 3", line: 1, column: 36,
      message: "contains needs text, but this is integer", hint: nil, code: "type_error"),
    Case(
      input: "segment s = customer.email == null", line: 1, column: 13, message: "nothing equals null",
      hint: "use 'is null'", code: "type_error"),
    Case(
      input: "load orders from \"o.csv\" key order_no", line: 1, column: 30,
      message: "o.csv has no column 'order_no' for the key", hint: "its columns: id, customer_id",
      code: "unknown_column"),
  ]

  static let ordersSchema = [
    ColumnSchema(name: "id", type: .text), ColumnSchema(name: "customer_id", type: .text),
  ]

  @Test(arguments: cases)
  func firstDiagnostic(_ c: Case) throws {
    let text = Self.header + c.input
    let (playbook, syntax) = parse(text)
    #expect(syntax.isEmpty, "\(syntax.map(\.message))")
    var schema = Self.schema
    schema.tables["orders"] = Self.ordersSchema
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "test.playbook", schema: schema)
    let d = try #require(diagnostics.first)
    #expect(d.message == c.message)
    #expect(d.range.map { $0.start.line - Self.headerLines } == c.line)
    #expect(d.range?.start.column == c.column)
    #expect(d.hint == c.hint)
    #expect(d.code.id == c.code)
  }

  @Test func theHeaderAloneChecksClean() throws {
    let (playbook, _) = parse(Self.header)
    let (checked, diagnostics) = PlaybookChecker.check(playbook, file: "t", schema: Self.schema)
    #expect(diagnostics.isEmpty)
    let model = try #require(checked).model
    #expect(model.rows["complaint"]?.table == "tickets")
    #expect(model.table(ofRow: "call")?.column(forField: "opened") == "started_at")
  }

  @Test func rulesLearnTheirTriggerRow() throws {
    let (playbook, _) = parse(
      Self.header + """
        rule a
          when complaint resolved within 4h
          unless count(call) > 2
          send THANKS10 via email
        rule b
          when customer in vip
          send THANKS10 via email
        """)
    let (checked, diagnostics) = PlaybookChecker.check(playbook, file: "t", schema: Self.schema)
    #expect(diagnostics.isEmpty)
    #expect(try #require(checked).rules.map(\.trigger) == ["complaint", nil])
  }
}
