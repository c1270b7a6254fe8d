import Testing

@testable import PlaybookLanguage

/// Broken inputs and the exact first diagnostic each must produce.
@Suite struct DiagnosticTableTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var input: String
    var line: Int
    var column: Int
    var message: String
    var hint: String?
    var severity: Diagnostic.Severity = .error
    var testDescription: String { message }
  }

  static let cases: [Case] = [
    Case(
      input: "playbook \"Service recovery loop\nwindow 30d", line: 1, column: 10, message: "unterminated string",
      hint: "add the closing '\"' on the same line"),
    Case(
      input: "rule quick_fix_thanks priority 5\n  when complaint resolved withn 4h\n  send THANKS10 via email\n",
      line: 2, column: 27, message: "unknown phrase 'withn'", hint: "did you mean 'within'?"),
    Case(
      input: "rule r\n  when complaint resolvd within 4h\n", line: 2, column: 18,
      message: "unknown phrase 'resolvd'", hint: "did you mean 'resolved'?"),
    Case(
      input: "rul quick_fix\n  when ticket.csat == 5\n  send X via email\n", line: 1, column: 1,
      message: "unknown statement 'rul'", hint: "did you mean 'rule'?"),
    Case(
      input: "segmnt vip = customer.tier == \"gold\"", line: 1, column: 1, message: "unknown statement 'segmnt'",
      hint: "did you mean 'segment'?"),
    Case(
      input: "window 4x", line: 1, column: 8, message: "bad duration '4x'",
      hint: "use a number and a unit (w, d, h, m, s): 30m, 4h, 2d, 1w, or sums like 1d12h"),
    Case(
      input: "rule r\n  when ticket open for 3days\n", line: 2, column: 24, message: "bad duration '3days'",
      hint: "use a number and a unit (w, d, h, m, s): 30m, 4h, 2d, 1w, or sums like 1d12h"),
    Case(
      input: "rule r\n \twhen ticket.csat == 5\n  send X via email\n", line: 2, column: 1,
      message: "indentation mixes tabs and spaces", hint: "indent with spaces only", severity: .warning),
    Case(
      input: "rule r\n  when ticket.csat == 5\n\tsend X via email\n", line: 3, column: 1,
      message: "indentation mixes tabs and spaces", hint: "indent with spaces only", severity: .warning),
    Case(
      input: "rule r\n  when call.transcript contains any [\"cancel\", \"switch\"\n  send X via email\n", line: 2,
      column: 37, message: "unterminated list", hint: "close it with ']'"),
    Case(
      input: "segment s = customer.tier in [\"a\", \"b\"", line: 1, column: 30, message: "unterminated list",
      hint: "close it with ']'"),
    Case(
      input: "segment s = (customer.x > 1\nlimit 1 per customer", line: 1, column: 13,
      message: "unterminated '('", hint: "close it with ')'"),
    Case(
      input: "segment s = customer.tier in [\"a\" \"b\"]", line: 1, column: 35,
      message: "expected ',' or ']', found string \"b\""),
    Case(
      input: "segment vip = customer.tier == \"gold\" \"x\"", line: 1, column: 39,
      message: "expected end of line, found string \"x\""),
    Case(
      input: "rule r\n  when ticket.csat == 5\n  send THANKS10 email\n", line: 3, column: 17,
      message: "expected 'via' and a channel, found 'email'", hint: "write: send THANKS10 via email"),
    Case(
      input: "rule r\n  send THANKS10\n", line: 2, column: 16,
      message: "expected 'via' and a channel, found end of line", hint: "write: send THANKS10 via email"),
    Case(
      input: "segment gold = customer.tier = \"gold\"", line: 1, column: 30, message: "'=' is not a comparison",
      hint: "use '==' to compare"),
    Case(
      input: "rule r\n  and ticket.csat == 5\n", line: 2, column: 3,
      message: "'and' must follow a 'when' or 'unless' line", hint: "start the conditions with: when CONDITION"),
    Case(
      input: "when ticket.csat == 5", line: 1, column: 1, message: "'when' must follow a 'rule' line",
      hint: "start the rule with: rule NAME"),
    Case(
      input: "rule r\n  whn ticket.csat == 5\n", line: 2, column: 3, message: "unknown rule line 'whn'",
      hint: "did you mean 'when'?"),
    Case(
      input: "test \"t\"\n  expet customer C-1 gets X\n", line: 2, column: 3, message: "unknown test line 'expet'",
      hint: "did you mean 'expect'?"),
    Case(
      input: "expect customer C-1 gets X", line: 1, column: 1, message: "'expect' must be inside a 'test' block",
      hint: "start the block with: test \"name\""),
    Case(input: "holdout 5", line: 1, column: 9, message: "expected a percent such as 5%, found number 5"),
    Case(
      input: "rule r\n  when complaint resolved within 4\n", line: 2, column: 34,
      message: "expected a duration after 'within', found number 4", hint: "add a unit: 4d, 4h, 4m …"),
    Case(
      input: "export to \"out\" as cvs", line: 1, column: 20, message: "unknown export format 'cvs'",
      hint: "did you mean 'csv'?"),
    Case(
      input: "load tickets from \"t.csv\" types csat = integr", line: 1, column: 40,
      message: "unknown column type 'integr'", hint: "did you mean 'integer'?"),
    Case(
      input: "load tickets link customer_id", line: 1, column: 1, message: "'load' needs a file: from \"path\"",
      hint: "write: load tickets from \"tickets.csv\""),
    Case(
      input: "load tickets \"t.csv\"", line: 1, column: 14,
      message: "expected 'from' and a file path in quotes, found string \"t.csv\""),
    Case(
      input: "load tickets from \"t.csv\" lnk customer_id", line: 1, column: 27,
      message: "unknown load clause 'lnk'", hint: "did you mean 'link'?"),
    Case(input: "load t from \"a\" link x link y", line: 1, column: 24, message: "duplicate 'link' clause"),
    Case(
      input: "as of 2026-13-01", line: 1, column: 7, message: "bad timestamp '2026-13-01'",
      hint: "use ISO 8601: 2026-11-01, 2026-11-01T09:30:00Z or 2026-11-01T09:30:00+02:00"),
    Case(
      input: "segment s = count(ticket.csat) > 1", line: 1, column: 19, message: "count takes a row, not a field",
      hint: "write: count(ticket)"),
    Case(
      input: "segment s = sum(order) > 1", line: 1, column: 17, message: "'sum' needs a field",
      hint: "write: sum(order.FIELD)"),
    Case(
      input: "segment s = 1 < 2 < 3", line: 1, column: 19, message: "comparisons cannot be chained",
      hint: "join them with 'and'"),
    Case(
      input: "playbook “Loop”", line: 1, column: 10, message: "unexpected curly quote '“'",
      hint: "use straight quotes: \"…\""),
    Case(
      input: "playbook 'Loop'", line: 1, column: 10, message: "unexpected character \"'\"",
      hint: "strings use double quotes: \"…\""),
    Case(
      input: "rule r\n  when ticket responded\n", line: 2, column: 24,
      message: "expected 'within' or 'after' after 'responded', found end of line"),
    Case(
      input: "test \"t\"\n  expect C-1 gets X\n", line: 2, column: 10,
      message: "expected 'customer' or 'audience' after 'expect', found 'C'"),
    Case(
      input: "test \"t\"\n  expect audience X = 3\n", line: 2, column: 21,
      message: "expected a comparison (==, !=, <, <=, >, >=), found '='"),
    Case(
      input: "limit 1 per", line: 1, column: 12, message: "expected 'customer', found end of line",
      hint: "write: limit 1 per customer"),
    Case(
      input: "define complaint = ticket ticket.kind == \"complaint\"", line: 1, column: 27,
      message: "expected 'where', found 'ticket'", hint: "write: define complaint = ticket where CONDITION"),
    Case(
      input: "channel email customer.email", line: 1, column: 15, message: "expected 'address', found 'customer'",
      hint: "write: channel email address customer.FIELD"),
    Case(
      input: "segment s = customer.x != ", line: 1, column: 27, message: "expected an expression, found end of line"),
    Case(
      input: "segment s = customer.x ! 1", line: 1, column: 24, message: "unexpected character '!'",
      hint: "write 'not' or '!='"),
    Case(
      input: "segment s = ticket.x is nul", line: 1, column: 25, message: "expected 'null', found 'nul'",
      hint: "write: is null, or is not null"),
    Case(input: "42 rules", line: 1, column: 1, message: "expected a statement, found number 42"),
    Case(
      input: "segment s = customer.x => 4", line: 1, column: 24, message: "'=>' is not a comparison",
      hint: "write '>='"),
    Case(
      input: "segment s = customer.x && customer.y", line: 1, column: 24, message: "unexpected character '&'",
      hint: "write 'and'"),
    Case(
      input: "holdout 5%;", line: 1, column: 11, message: "unexpected character ';'",
      hint: "a statement ends at the end of its line; drop the ';'"),
    Case(
      input: "rule quick fix\n  send A via e", line: 1, column: 12, message: "a rule's name is one word",
      hint: "write: rule quick_fix"),
    Case(
      input: "rule r priorty 5\n  send A via e", line: 1, column: 8, message: "unknown word 'priorty'",
      hint: "did you mean 'priority'?"),
    Case(
      input: "offer X \"d\" vaild 3d", line: 1, column: 13, message: "unknown word 'vaild'",
      hint: "did you mean 'valid'?"),
    Case(
      input: "segment s = ticket.x contians \"a\"", line: 1, column: 22, message: "unknown word 'contians'",
      hint: "did you mean 'contains'?"),
    Case(
      input: "channel email address customer.email requries customer.x", line: 1, column: 38,
      message: "unknown word 'requries'", hint: "did you mean 'requires'?"),
    Case(
      input: "rule r\n  send A via email aftr 1d", line: 2, column: 20, message: "unknown word 'aftr'",
      hint: "did you mean 'after'?"),
    Case(
      input: "rule r\n  when complaint.resolved within 4h", line: 2, column: 18,
      message: "a lifecycle phrase follows the row name, not a field", hint: "write: complaint resolved within …"),
  ]

  /// The code each kind of message must carry, from the message's words.
  static func expectedCode(_ message: String) -> DiagnosticCode {
    let codes: [(String, DiagnosticCode)] = [
      ("indentation", .mixedIndentation), ("unknown phrase", .unknownPhrase), ("unknown statement", .unknownStatement),
      ("bad duration", .invalidToken), ("bad timestamp", .invalidToken), ("unterminated string", .invalidToken),
      ("unexpected character", .invalidToken), ("unexpected curly", .invalidToken), ("unknown word", .unknownWord),
      ("unknown load clause", .unknownWord), ("must follow", .misplacedLine), ("must be inside", .misplacedLine),
      ("is not a comparison", .invalidComparison), ("chained", .invalidComparison), ("unterminated", .unclosedBracket),
      ("unknown column type", .unknownType), ("unknown export format", .unknownFormat),
      ("nested too deeply", .nestingTooDeep), ("duplicate '", .duplicateClause),
    ]
    if message.hasPrefix("unknown "), message.contains(" line '") { return .unknownWord }
    return codes.first { message.contains($0.0) }?.1 ?? .parseError
  }

  @Test(arguments: cases)
  func firstDiagnostic(_ c: Case) throws {
    let (_, diagnostics) = parse(c.input)
    let d = try #require(diagnostics.first)
    #expect(d.message == c.message)
    #expect(d.range?.start.line == c.line)
    #expect(d.range?.start.column == c.column)
    #expect(d.hint == c.hint)
    #expect(d.severity == c.severity)
    #expect(d.code == Self.expectedCode(c.message))
    #expect(d.file == "test.playbook")
  }

  @Test func everyBrokenLineIsReported() {
    let text = """
      playbook "x"
      window 4x
      rule a
        when complaint resolved withn 4h
        and customer.tier = "gold"
        send A email
      segment ok = customer.tier == "gold"
      rul b
        when x.y
      holdout 5%
      """
    let (playbook, diagnostics) = parse(text)
    #expect(diagnostics.map(\.range?.start.line) == [2, 4, 5, 6, 8])
    // Broken statements are left out; the rest are kept.
    #expect(
      ASTDump.dump(playbook) == #"(playbook "x")"# + "\n" + #"(segment ok (== customer.tier "gold"))"#
        + "\n(holdout 5%)")
  }

  @Test func aWarningDoesNotDropTheStatement() {
    let (playbook, diagnostics) = parse("rule r\n \twhen x.y\n  send A via e\n")
    #expect(diagnostics.map(\.severity) == [.warning])
    #expect(playbook.statements.count == 1)
  }
}
