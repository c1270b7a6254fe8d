import Testing

@testable import PlaybookLanguage

/// A type error caused by the data names the value and line that made a column text,
/// with the `nulls` or `types` line that fixes it; no hint ever says to quote a number.
@Suite struct TextReasonTests {
  static func misfit(_ type: ColumnType, _ value: String, _ file: String, line: Int, count: Int = 1) -> TextReason {
    .misfit(wouldBe: type, first: DataValue(value, file: file, line: line), count: count)
  }

  static let schema = DataSchema(tables: [
    "customers": [
      ColumnSchema(name: "id", type: .text), ColumnSchema(name: "email", type: .text),
      ColumnSchema(name: "tier", type: .text), ColumnSchema(name: "lifetime_value", type: .decimal),
      ColumnSchema(name: "score", type: .text, textReason: misfit(.integer, "12,5", "/data/c.csv", line: 9, count: 3)),
      ColumnSchema(name: "opt_in", type: .text, textReason: misfit(.boolean, "maybe", "/data/c.csv", line: 4)),
      ColumnSchema(
        name: "signup", type: .text,
        textReason: .ambiguousDayMonth(
          first: DataValue("03/04/2026", file: "/data/c.csv", line: 3), formats: ["%d/%m/%Y", "%m/%d/%Y"])),
    ],
    "orders": [
      ColumnSchema(name: "id", type: .text), ColumnSchema(name: "customer_id", type: .text),
      ColumnSchema(name: "Total Amount", type: .text, textReason: misfit(.decimal, "n/a", "/data/o.csv", line: 7)),
      ColumnSchema(name: "opened_at", type: .timestamp),
    ],
    "tickets": [
      ColumnSchema(name: "id", type: .text), ColumnSchema(name: "customer_id", type: .text),
      ColumnSchema(name: "opened_at", type: .text, textReason: misfit(.timestamp, "N/A", "/data/t.csv", line: 5)),
      ColumnSchema(
        name: "resolved_at", type: .text, textReason: misfit(.timestamp, "pending", "/data/t.csv", line: 12, count: 2)),
    ],
    "calls": [
      ColumnSchema(name: "id", type: .text), ColumnSchema(name: "customer_id", type: .text),
      ColumnSchema(name: "opened_at", type: .text),
    ],
  ])

  static let header = """
    load customers from "c.csv"
    load orders from "o.csv" with total = "Total Amount"
    load tickets from "t.csv"
    load calls from "calls.csv"
    offer THANKS10 "x" valid 30d
    channel email address customer.email

    """

  struct Case: CustomTestStringConvertible, Sendable {
    var input: String
    var message: String
    var hint: String?
    var testDescription: String { message }
  }

  static let cases: [Case] = [
    Case(
      input: "segment big = count(order where order.total >= 5000) > 0",
      message: "cannot compare text with integer: order.total is text because o.csv line 7 holds 'n/a'",
      hint:
        "if 'n/a' means no value, add `nulls \"n/a\"` to the load of orders; `types \"Total Amount\" = decimal` instead sets such rows aside"
    ),
    Case(
      input: "segment s = customer.score > 10",
      message:
        "cannot compare text with integer: customer.score is text because c.csv line 9 holds '12,5' (and 2 more values not numbers)",
      hint: "add `types score = integer` to the load of customers to set such rows aside"),
    Case(
      input: "segment s = sum(order.total) > 100",
      message: "sum needs a number, but order.total is text because o.csv line 7 holds 'n/a'",
      hint:
        "if 'n/a' means no value, add `nulls \"n/a\"` to the load of orders; `types \"Total Amount\" = decimal` instead sets such rows aside"
    ),
    Case(
      input: "segment s = avg(order.total) > 100",
      message: "avg needs a number, but order.total is text because o.csv line 7 holds 'n/a'",
      hint:
        "if 'n/a' means no value, add `nulls \"n/a\"` to the load of orders; `types \"Total Amount\" = decimal` instead sets such rows aside"
    ),
    Case(
      input: "segment s = customer.score + 1 > 3",
      message:
        "cannot add text and integer: customer.score is text because c.csv line 9 holds '12,5' (and 2 more values not numbers)",
      hint: "add `types score = integer` to the load of customers to set such rows aside"),
    Case(
      input: "segment s = customer.score in [1, 2]",
      message:
        "cannot compare text with integer: customer.score is text because c.csv line 9 holds '12,5' (and 2 more values not numbers)",
      hint: "add `types score = integer` to the load of customers to set such rows aside"),
    Case(
      input: "segment s = customer.opt_in",
      message:
        "a condition needs a true/false condition, but this is text: customer.opt_in is text because c.csv line 4 holds 'maybe'",
      hint: "add `types opt_in = boolean` to the load of customers to set such rows aside"),
    Case(
      input: "segment s = customer.signup < now - 30d",
      message:
        "cannot compare text with timestamp: customer.signup is text because c.csv line 3 holds '03/04/2026', which reads day first or month first",
      hint:
        "say which on the load of customers: `types signup = timestamp \"%d/%m/%Y\"` or `types signup = timestamp \"%m/%d/%Y\"`"
    ),
    // A timestamp column made text by one value gets the data's reason, not a `with` hint.
    Case(
      input: "rule r\n  when ticket resolved within 4h\n  send THANKS10 via email",
      message: "'resolved within' needs a time, but tickets.opened_at is text because t.csv line 5 holds 'N/A'",
      hint:
        "if 'N/A' means no value, add `nulls \"N/A\"` to the load of tickets; `types opened_at = timestamp` instead sets such rows aside"
    ),
    // An aggregate's `in last` is checked like the phrase: an error, never a silent 0.
    Case(
      input: "segment s = count(ticket in last 90d) > 2",
      message: "'in last' needs a time, but tickets.opened_at is text because t.csv line 5 holds 'N/A'",
      hint:
        "if 'N/A' means no value, add `nulls \"N/A\"` to the load of tickets; `types opened_at = timestamp` instead sets such rows aside"
    ),
    Case(
      input: "segment s = sum(order.total in last 90d) > 2",
      message: "sum needs a number, but order.total is text because o.csv line 7 holds 'n/a'",
      hint:
        "if 'n/a' means no value, add `nulls \"n/a\"` to the load of orders; `types \"Total Amount\" = decimal` instead sets such rows aside"
    ),
    Case(
      input: "segment s = count(call in last 90d) > 2",
      message: "'in last' needs a time, but calls.opened_at is text",
      hint: "map 'opened' to a timestamp column with `with opened = COLUMN`"),
    Case(
      input: "segment s = count(call where call resolved) > 2",
      message: "'resolved' needs a time, but calls.opened_at is text",
      hint: "map 'opened' to a timestamp column with `with opened = COLUMN`"),
    // Quoting a number is never the advice.
    Case(
      input: "segment s = customer.lifetime_value >= \"5000\"",
      message: "cannot compare number with text", hint: "write the number without quotes: 5000"),
    Case(
      input: "segment s = customer.tier >= 5000",
      message: "cannot compare text with integer", hint: "customer.tier holds text, not numbers"),
    Case(
      input: "segment s = customer.tier in [1, 2]",
      message: "cannot compare text with integer", hint: "customer.tier holds text, not numbers"),
    Case(
      input: "segment s = customer.lifetime_value == \"gold\"", message: "cannot compare number with text", hint: nil),
  ]

  @Test(arguments: cases)
  func firstDiagnostic(_ c: Case) throws {
    let (playbook, syntax) = parse(Self.header + c.input)
    #expect(syntax.isEmpty, "\(syntax.map(\.message))")
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "test.playbook", schema: Self.schema)
    let d = try #require(diagnostics.first)
    #expect(d.message == c.message)
    #expect(d.hint == c.hint)
    #expect(d.code.id == "type_error")
    #expect(d.hint?.contains("double quotes") != true)
  }

  @Test func theHeaderAloneChecksClean() {
    let (playbook, _) = parse(Self.header)
    let (checked, diagnostics) = PlaybookChecker.check(playbook, file: "t", schema: Self.schema)
    #expect(diagnostics.isEmpty)
    #expect(checked != nil)
  }
}
