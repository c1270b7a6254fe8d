import Testing

@testable import PlaybookLanguage

/// Offers' `subject` and `message` lines: how templates lex, parse, check (with the caret
/// inside the string) and format.
@Suite struct MessageTemplateTests {
  /// The template of the first message line of `text`'s first offer.
  func template(_ line: String) throws -> MessageTemplate {
    let (playbook, diagnostics) = parse("offer A\n  message email \(line)\n")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    guard case .offer(let offer)? = playbook.statements.first?.kind else { throw Failure() }
    return try #require(offer.messages.first).template
  }

  struct Failure: Error {}

  @Test func quotesInsideATagBelongToTheTag() throws {
    let t = try template(#""Sorry, {{ customer.first_name | default: "there" }}!""#)
    guard case .output(let output) = t.nodes[1] else { throw Failure() }
    #expect(t.nodes.count == 3)
    #expect(MessageChecker.spelling(output.value) == "customer.first_name")
    #expect(output.filters.map(\.name.text) == ["default"])
    guard case .string(let there)? = output.filters.first?.argument else { throw Failure() }
    #expect(there.value == "there")
    guard case .text(let bang) = t.nodes[2] else { throw Failure() }
    #expect(bang == "!")
  }

  @Test func escapedAndSingleQuotesReadTheSame() throws {
    for line in [#""{{ x | default: \"a b\" }}""#, #""{{ x | default: 'a b' }}""#] {
      guard case .output(let output) = try template(line).nodes[0],
        case .string(let s)? = output.filters.first?.argument
      else { throw Failure() }
      #expect(s.value == "a b")
    }
  }

  /// A plain string that opens `{{` and never closes it still ends at its quote.
  @Test func anUnclosedTagDoesNotSwallowTheLine() {
    let lexed = tokens(#"offer A "50% {{ off" valid 7d"#)
    #expect(lexed.map(\.kind).prefix(5) == [.word, .word, .string, .word, .duration])
  }

  @Test func ifElseAndAbortNest() throws {
    let t = try template(
      #""{% if customer.tier == "gold" %}Dear {{ customer.name }}{% else %}Hi{% abort %}{% endif %}.""#)
    guard case .conditional(let condition, let then, let otherwise) = t.nodes[0] else { throw Failure() }
    #expect(condition.comparison?.op == .equal)
    #expect(then.count == 2)
    #expect(otherwise.count == 2)
    if case .abort = otherwise[1] {} else { Issue.record("no abort in the else branch") }
  }

  /// `and` and `or` join tests right to left, as Liquid reads them: the rest of the
  /// condition after the first `and`/`or` is one condition.
  @Test func andOrReadRightToLeft() throws {
    let t = try template(#""{% if a == 1 or b and c != "x" %}y{% endif %}""#)
    guard case .conditional(let condition, _, _) = t.nodes[0], case .or(let rest)? = condition.rest,
      case .and(let last)? = rest.rest
    else { throw Failure() }
    #expect(condition.comparison?.op == .equal)
    #expect(MessageChecker.spelling(rest.value) == "b" && rest.comparison == nil)
    #expect(MessageChecker.spelling(last.value) == "c" && last.comparison?.op == .notEqual && last.rest == nil)
    // A word that only starts like `and` is not one: the tag is not closed.
    let (_, diagnostics) = parse("offer A\n  message email \"{% if a andy b %}{% endif %}\"\n")
    #expect(diagnostics.first?.message == "expected '%}' to close '{%', found 'a'")
  }

  @Test func formatKeepsAndOrAsWritten() {
    let text = """
      offer M
        message email "{% if customer.tier == "gold"   or customer.vip and trigger.csat >= 4 %}Dear{% endif %}"

      """
    #expect(format(text) == text)
  }

  /// Each syntax error points inside the string: line 2, the column of the problem.
  @Test(arguments: [
    (#""Hi {{ customer.name ""#, 38, "expected '}}' to close '{{', found the end of the string"),
    (#""Hi {% iff x %}""#, 24, "unknown tag 'iff'"),
    (#""Hi {% if x %}yes""#, 21, "'if' without '{% endif %}'"),
    (#""{% else %}""#, 18, "'else' without an open 'if'"),
    (#""{{ | upcase }}""#, 21, "expected a value such as customer.first_name, found '|'"),
    (#""{% if x and %}{% endif %}""#, 30, "expected a value to test after 'and'"),
    (#""{% if x && y %}{% endif %}""#, 26, "'&&' is not Liquid"),
    (#""{% if x or (y) %}{% endif %}""#, 29, "Liquid conditions have no parentheses"),
  ])
  func syntaxErrorsPointInsideTheString(line: String, column: Int, message: String) throws {
    let (_, diagnostics) = parse("offer A\n  message email \(line)\n")
    let d = try #require(diagnostics.first)
    #expect(d.message == message)
    #expect(d.code == .templateSyntax)
    #expect(d.range?.start.line == 2)
    #expect(d.range?.start.column == column)
  }

  @Test func aMessageLineOutsideAnOfferSaysWhere() throws {
    let (_, diagnostics) = parse("message email \"Hi\"\n")
    #expect(diagnostics.first?.message == "'message' must follow an 'offer' line")
  }

  @Test func formatKeepsTemplatesAsWritten() {
    let text = """
      offer SORRY25 "25% off, and our apologies" valid 14d
        subject email "Sorry for the wait, {{ customer.first_name | default: "there" }}"
        message email "Ticket {{ trigger.id }}: {% if trigger.csat >= 4 %}thanks{% else %}sorry{% endif %}\\n"
        message sms   "Until {{ expires_at | date: '%b %-d' }}"  # short
      offer B

      """
    let formatted = format(text)
    #expect(formatted.contains("  message sms \"Until {{ expires_at | date: '%b %-d' }}\"  # short\n"))
    #expect(formatted.contains(#"{{ customer.first_name | default: "there" }}"#))
    #expect(format(formatted) == formatted)
    #expect(astDump(formatted) == astDump(text))
  }

  // MARK: Checking

  /// The checker tests' header, another channel, and offer M, whose lines follow.
  static let header =
    CheckerDiagnosticsTests.header + """
      channel sms address customer.email
      offer M "Money off" valid 14d

      """

  /// The diagnostics of `header` with message lines under offer M and `rules`.
  func check(_ lines: String, rules: String = "rule r\n  when complaint resolved\n  send M via email\n")
    -> [Diagnostic]
  {
    let text = Self.header + lines + "\n" + rules
    let (playbook, syntax) = parse(text)
    #expect(syntax.isEmpty, "\(syntax.map(\.message))")
    return PlaybookChecker.check(playbook, file: "t", schema: CheckerDiagnosticsTests.schema).1
  }

  /// Line and column in the message line (the header's lines not counted), message, hint.
  func first(_ diagnostics: [Diagnostic]) -> (Int, Int, String, String?)? {
    diagnostics.first.map {
      (
        ($0.range?.start.line ?? 0) - CheckerDiagnosticsTests.headerLines - 2, $0.range?.start.column ?? 0, $0.message,
        $0.hint
      )
    }
  }

  @Test func unknownFieldsFiltersAndVariablesArePointedAtInsideTheString() throws {
    let unknownField = try #require(first(check("  subject email \"Hi {{ customer.frist }}\"\n")))
    #expect(unknownField.1 == 33)
    #expect(unknownField.2 == "unknown field 'frist' on customer")

    let filter = try #require(first(check("  message email \"Hi {{ customer.tier | upper }}\"\n")))
    #expect(filter.1 == 40)
    #expect(filter.2 == "unknown filter 'upper'")
    #expect(filter.3 == "did you mean 'upcase'?")

    let variable = try #require(first(check("  message email \"Hi {{ custmer.tier }}\"\n")))
    #expect(variable.1 == 24)
    #expect(variable.2 == "unknown variable 'custmer' in a message")
    #expect(variable.3 == "did you mean 'customer'?")

    let trigger = try #require(first(check("  message email \"{{ trigger.cst }}\"\n")))
    #expect(trigger.1 == 29)
    #expect(trigger.2 == "unknown field 'cst' on complaint")
    #expect(trigger.3 == "did you mean 'csat'?")

    let channel = try #require(first(check("  message emial \"Hi\"\n")))
    #expect(channel.1 == 11)
    #expect(channel.3 == "did you mean 'email'?")

    let directive = try #require(first(check("  message email \"{{ send_at | date: \"%b %Q\" }}\"\n")))
    #expect(directive.1 == 41)
    #expect(directive.2 == "'%Q' is not a date format this template knows")
  }

  @Test func aFieldAfterAndOrIsCheckedInsideTheString() throws {
    let unknown = try #require(
      first(check("  message email \"{% if customer.tier == \"gold\" or customer.frist %}x{% endif %}\"\n")))
    #expect(unknown.1 == 60)
    #expect(unknown.2 == "unknown field 'frist' on customer")
    #expect(
      check(
        "  message email \"{% if customer.tier == \"gold\" and trigger.csat >= 4 or customer.email %}x{% endif %}\"\n"
      )
      .isEmpty)
  }

  /// An offer with message lines sent by a channel it has no `message` line for: a
  /// warning at that channel in the rule's `via`, naming the offer and the fix.
  @Test func aChannelWithoutAMessageLineIsWarnedAtTheRulesVia() throws {
    let rules = "rule r\n  when complaint resolved\n  send M via email, sms\n"
    let diagnostics = check("  subject sms \"Hi\"\n  message email \"Body\"\n", rules: rules)
    let warning = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(warning.severity == .warning && warning.code == .missingMessage)
    #expect(warning.message == "offer M has no 'message sms' line, so its sends by sms go without a message")
    #expect(warning.hint == "add `message sms \"…\"` under offer M, or send it only by channels it has a message for")
    let lines = (Self.header + "  subject sms \"Hi\"\n  message email \"Body\"\n\n" + rules).split(
      separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(warning.range?.start.line)
    #expect(lines[line - 1] == "  send M via email, sms")
    #expect(warning.range?.start.column == 21)
    // Every channel with a message line, or an offer with no message lines at all: quiet.
    #expect(check("  message email \"Body\"\n  message sms \"Text\"\n", rules: rules).isEmpty)
    #expect(check("", rules: rules).isEmpty)
  }

  @Test func filtersMustFitTheirValue() throws {
    #expect(
      first(check("  message email \"{{ customer.tier | date: \"%Y\" }}\"\n"))?.2 == "'date' formats a time, not text")
    #expect(first(check("  message email \"{{ customer.tier | round }}\"\n"))?.2 == "'round' rounds a number, not text")
    #expect(
      first(check("  message email \"{{ customer.tier | truncate: \"x\" }}\"\n"))?.2
        == "'truncate' takes a whole number, e.g. truncate: 20")
    #expect(check("  message email \"{{ customer.lifetime_value | round: 1 }} {{ trigger.resolution }}\"\n").isEmpty)
  }

  @Test func triggerFieldsNeedARuleWithATriggerRow() throws {
    let diagnostics = check(
      "  message email \"{{ trigger.id }}\"\n", rules: "rule r\n  when customer.tier == \"gold\"\n  send M via email\n")
    let d = try #require(first(diagnostics))
    #expect(d.2 == "rule 'r' sends this offer but triggers on no row, so there is no 'trigger'")
    #expect(d.1 == 21)
  }

  @Test func aTemplateErrorIsReportedOnceForManyRules() {
    let rules =
      "rule r\n  when complaint resolved\n  send M via email\nrule s\n  when complaint resolved\n  send M via email\n"
    #expect(check("  message email \"{{ customer.frist }}\"\n", rules: rules).count == 1)
  }

  // MARK: Dates

  @Test func dateFormatsAreTheDocumentedStrftimeSubset() {
    let t: Int64 = 1_793_783_400  // 2026-11-04T09:10:00Z, a Wednesday
    #expect(TemplateDateFormat.format(t, "%b %-d") == "Nov 4")
    #expect(TemplateDateFormat.format(t, "%A %e %B %Y, %-I:%M %p") == "Wednesday  4 November 2026, 9:10 AM")
    #expect(TemplateDateFormat.format(t, "%d/%m/%y %H:%M:%S %Z %j %%") == "04/11/26 09:10:00 UTC 308 %")
    #expect(TemplateDateFormat.format(0, "%a %Y-%m-%d") == "Thu 1970-01-01")
    #expect(TemplateDateFormat.format(-1, "%Y-%m-%d %H:%M:%S") == "1969-12-31 23:59:59")
    #expect(TemplateDateFormat.unknownDirective(in: "%b %-d %Q") == "%Q")
    #expect(TemplateDateFormat.unknownDirective(in: "%-x") == "%-x")
    #expect(TemplateDateFormat.unknownDirective(in: "100%% sure") == nil)
  }
}
