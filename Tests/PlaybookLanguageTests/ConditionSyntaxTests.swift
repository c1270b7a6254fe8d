import Testing

@testable import PlaybookLanguage

/// `between`, `starts with`, `ends with`, `matches`, function calls, `x.opened in last D`
/// and `is "gold"`: how they parse, print back, and what `check` says when they are wrong.
@Suite struct ConditionSyntaxTests {
  @Test(arguments: [
    ("ticket.csat between 1 and 3", "(between ticket.csat 1 3)"),
    ("ticket.csat not between 1 and 3", "(not-between ticket.csat 1 3)"),
    ("ticket.csat between 1 and 3 and customer.x", "(and (between ticket.csat 1 3) customer.x)"),
    ("ticket.opened between now - 7d and now", "(between ticket.opened (- now 7d) now)"),
    ("ticket.subject starts with \"re\"", #"(starts-with ticket.subject "re")"#),
    ("ticket.subject ends with \"!\" or a.b", #"(or (ends-with ticket.subject "!") a.b)"#),
    ("ticket.subject matches \"^re(fund)?\"", #"(matches ticket.subject "^re(fund)?")"#),
    ("lower(customer.tier) == \"gold\"", #"(== (call lower [customer.tier]) "gold")"#),
    ("coalesce(customer.a, customer.b, \"x\")", #"(call coalesce [customer.a customer.b "x"])"#),
    ("days_between(\n  ticket.opened, now) > 3", "(> (call days_between [ticket.opened now]) 3)"),
    ("ticket.opened in last 7d", "(phrase ticket in-last 7d)"),
    ("count(order where order.opened in last 7d) > 1", "(> (count order (where (phrase order in-last 7d))) 1)"),
  ])
  func parses(text: String, expected: String) {
    #expect(dumpExpression(text) == expected)
  }

  @Test(arguments: [
    "a.x between 1 and 2", "a.x not between (1 + 2) and -3", "(a.x between 1 and 2) == true",
    "(a.x == 1) between 1 and 2", "a.x starts with \"a\" and a.y ends with (\"b\")", "a.x matches \"\\\\d+\"",
    "lower(upper(a.x)) == \"a\"", "coalesce(a.x, 1 + 2) between hour(now) and 5", "not (a.x starts with \"q\")",
    "(a.x between 1 and 2) between 1 and 2", "f()",
  ])
  func formatsAndReadsBack(expression: String) throws {
    let text = "segment s = " + expression + "\n"
    let original = try #require(astDump(text), "does not parse: \(text)")
    let formatted = format(text)
    #expect(astDump(formatted) == original)
    #expect(format(formatted) == formatted)
  }

  @Test func openedInLastIsWrittenAsThePhrase() {
    #expect(format("segment s = ticket.opened in last 7d\n") == "segment s = ticket in last 7d\n")
  }

  struct SyntaxCase: CustomTestStringConvertible, Sendable {
    var input: String
    var column: Int
    var width: Int
    var message: String
    var hint: String?
    var testDescription: String { input }
  }

  /// Mistakes the parser reports, each with its caret (column and width on the line).
  static let syntaxCases: [SyntaxCase] = [
    SyntaxCase(
      input: "customer.tier is \"gold\"", column: 27, width: 2, message: "'is' is not a comparison",
      hint: "use '==' to compare; 'is' only tests for null"),
    SyntaxCase(
      input: "customer.tier is not \"gold\"", column: 27, width: 6, message: "'is not' is not a comparison",
      hint: "use '!=' to compare; 'is' only tests for null"),
    SyntaxCase(
      input: "customer.tier is nil", column: 30, width: 3, message: "expected 'null', found 'nil'",
      hint: "write: is null, or is not null"),
    SyntaxCase(
      input: "customer.tier is", column: 29, width: 1, message: "expected 'null', found end of line",
      hint: "write: is null, or is not null"),
    // The caret goes inside the string, under what breaks the pattern.
    SyntaxCase(
      input: "ticket.subject matches \"re(fund\"", column: 39, width: 1,
      message: "not a valid pattern: expected ')'", hint: nil),
    SyntaxCase(
      input: "ticket.subject matches \"ab**\"", column: 40, width: 1,
      message: "not a valid pattern: quantifier '*' must appear after expression", hint: nil),
    SyntaxCase(
      input: "ticket.subject matches \"\\\\d{3,1}x\"", column: 44, width: 1,
      message: "not a valid pattern: range lower bound '3' must be less than or equal to upper bound '1'",
      hint: nil),
    SyntaxCase(
      input: "ticket.subject matches customer.x", column: 36, width: 8,
      message: "expected a pattern in quotes after 'matches', found 'customer'", hint: "write: matches \"^sms\""),
    SyntaxCase(
      input: "ticket.resolved in last 7d", column: 20, width: 16,
      message: "'in last' reads when a row was opened, not 'resolved'",
      hint: "write: ticket in last D, or ticket.resolved >= now - D"),
    SyntaxCase(
      input: "ticket.csat between 1 or 3", column: 35, width: 2, message: "expected 'and', found 'or'",
      hint: "write: between 1 and 5"),
    SyntaxCase(
      input: "ticket.csat betwen 1 and 3", column: 25, width: 6, message: "unknown word 'betwen'",
      hint: "did you mean 'between'?"),
  ]

  @Test(arguments: syntaxCases)
  func syntaxError(_ c: SyntaxCase) throws {
    let (_, diagnostics) = parse("segment s = " + c.input)
    let d = try #require(diagnostics.first)
    #expect(d.message == c.message)
    #expect(d.hint == c.hint)
    let range = try #require(d.range)
    #expect(range.start.column == c.column)
    #expect(range.end.offset - range.start.offset == c.width)
  }

  static let schema = CheckerDiagnosticsTests.schema

  /// Check errors, with the column of the caret on the condition's line.
  @Test(arguments: [
    (
      "lowr(customer.tier) == \"x\"", 8, "unknown function 'lowr'",
      "did you mean 'lower'? functions: avg, coalesce, count, day_of_week, days_between, hour, length, lower, max, min, month, sum, trim, upper"
    ),
    (
      "frobnicate(customer) == 1", 8, "unknown function 'frobnicate'",
      "functions: avg, coalesce, count, day_of_week, days_between, hour, length, lower, max, min, month, sum, trim, upper"
    ),
    ("lower(ticket.csat) == \"x\"", 14, "lower needs text, but this is integer", nil),
    ("lower(ticket.kind, 2) == \"x\"", 8, "lower takes 1 argument, not 2", "write: lower(TEXT)"),
    ("coalesce(ticket.kind) == \"x\"", 8, "coalesce takes at least 2 arguments, not 1", "write: coalesce(A, B, …)"),
    ("coalesce(ticket.kind, ticket.csat) == \"x\"", 30, "coalesce mixes text and integer", nil),
    ("days_between(ticket.opened, \"x\") > 1", 36, "days_between needs a time, but this is text", nil),
    ("hour(ticket.csat) > 1", 13, "hour needs a time, but this is integer", nil),
    ("ticket.kind between 1 and 3", 8, "between needs a number, a time or a duration, but this is text", nil),
    ("ticket.csat between \"a\" and 3", 28, "cannot compare integer with text", nil),
    ("ticket.csat between 5 and 1", 28, "between 5 and 1 is never true", "put the lower bound first"),
    ("ticket.opened between now and 1d", 38, "cannot compare timestamp with duration", nil),
    ("ticket.csat between null and 1", 8, "nothing is between null", "use 'is null'"),
    ("ticket.csat starts with \"1\"", 8, "'starts with' needs text, but this is integer", nil),
    ("ticket.kind ends with 1", 30, "'ends with' needs text, but this is integer", nil),
    (
      "count(call where call.opened > complaint.resolved or call.minutes > 5) == 0", 25,
      "count(call …) compares with the trigger row only with <, <=, > or >=, joined to the rest with 'and'",
      "e.g. call.opened > complaint.opened + 1d"
    ),
    (
      "count(call where call.opened > ticket.resolved and call.minutes < ticket.csat) == 0", 59,
      "count(call …) compares with the trigger row more than once",
      "keep one comparison with the trigger, or use two aggregates"
    ),
    (
      "count(call where call.opened - ticket.opened > 1d) == 0", 25,
      "compare a value of call on one side with a value of ticket on the other", "e.g. call.opened > ticket.opened + 1d"
    ),
    (
      "count(call where call.transcript < ticket.kind) == 0", 25,
      "count(call …) compares with the trigger row only with <, <=, > or >=, joined to the rest with 'and'",
      "e.g. call.opened > ticket.opened + 1d"
    ),
  ])
  func checkError(condition: String, column: Int, message: String, hint: String?) throws {
    let text = CheckerDiagnosticsTests.header + "rule r\n  when \(condition)\n  send THANKS10 via email\n"
    let (playbook, syntax) = parse(text)
    #expect(syntax.isEmpty, "\(syntax.map(\.message))")
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "test.playbook", schema: Self.schema)
    let d = try #require(diagnostics.first)
    #expect(d.message == message)
    #expect(d.hint == hint)
    #expect(d.range?.start.line == CheckerDiagnosticsTests.headerLines + 2)
    #expect(d.range?.start.column == column)
  }

  @Test func wellTypedConditionsCheckClean() {
    let text =
      CheckerDiagnosticsTests.header + """
        rule r
          when ticket.csat between 1 and 3 and ticket.opened between now - 7d and now
          and lower(ticket.subject) starts with "re" and upper(customer.tier) ends with "LD"
          and ticket.subject matches "^(re|fwd):" and length(coalesce(ticket.kind, customer.tier)) > 0
          and days_between(ticket.opened, now) between 0 and 3 and month(ticket.opened) == 11
          and day_of_week(ticket.opened) >= 6 and hour(now) < 9 and coalesce(ticket.csat, 2.5) > 1
          and count(ticket where ticket.opened in last 7d) > 1
          and count(call where call.opened > ticket.resolved and call.minutes > 3) == 0
          send THANKS10 via email

        rule correlated
          when max(ticket.csat where ticket.kind == "x" and complaint.opened > ticket.opened) >= 4
          send THANKS10 via email

        """
    let (playbook, syntax) = parse(text)
    #expect(syntax.isEmpty)
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "test.playbook", schema: Self.schema)
    #expect(diagnostics.map(\.message) == [])
    // A row named only inside an aggregate's filter is the rule's trigger.
    let (checked, _) = PlaybookChecker.check(playbook, file: "test.playbook", schema: Self.schema)
    #expect(checked?.rules.map(\.trigger) == ["ticket", "complaint"])
  }
}
