import Testing

@testable import PlaybookLanguage

@Suite struct ParserTests {
  @Test func briefPlaybookParsesAsTheBriefMeansIt() throws {
    let (playbook, diagnostics) = parse(BriefExamples.playbook)
    #expect(diagnostics.isEmpty)
    let lines = ASTDump.dump(playbook).split(separator: "\n").map(String.init)
    #expect(playbook.statements.count == 22)
    #expect(lines.contains(#"(load calls "../Examples/data/calls.jsonl" (link customer_id) (with opened started_at))"#))
    #expect(lines.contains(#"(define complaint ticket (== ticket.kind "complaint"))"#))
    #expect(lines.contains(#"(segment vip (or (>= customer.lifetime_value 1000) (== customer.tier "gold")))"#))
    #expect(lines.contains("(channel sms customer.phone (requires customer.sms_opt_in))"))
    #expect(
      lines.contains(
        "(rule quick_fix_thanks (priority 5) (when (and (phrase complaint resolved-within 4h) (>= complaint.csat 4)))"
          + " (send THANKS10 (via email) (after 1d)))"))
    #expect(
      lines.contains(
        "(rule slow_fix_apology (priority 10) (when (or (phrase complaint resolved-after 72h) (phrase complaint open-for 72h)))"
          + " (send SORRY25 (via email sms) (after 2h)))"))
    #expect(
      lines.contains(
        "(rule evangelist (when (and (== ticket.csat 5) (in customer vip))) (unless (> (count complaint (in-last 90d)) 1))"
          + " (send REFER20 (via email) (after 3d)))"))
    #expect(
      lines.contains(
        #"(rule cancel_risk (priority 20) (when (contains-any call.transcript ["cancel" "switch" "competitor"])) (send STAY15 (via sms email)))"#
      ))
    #expect(lines.contains("(limit 1)"))
    #expect(lines.contains("(holdout 5%)"))
    #expect(lines.contains(#"(export "../out" (as csv))"#))
    #expect(playbook.comments.count == 7)
    #expect(playbook.comments.allSatisfy { $0.trailing })
  }

  @Test func briefTestBlockParses() {
    #expect(
      astDump(BriefExamples.test)
        == #"(test "fast fixes are thanked" (expect (customer C-1001) gets THANKS10 (via email))"#
        + " (expect (customer C-1002) gets-nothing) (expect (customer C-1003) gets-no SORRY25)"
        + " (expect-audience THANKS10 >= 10))")
  }

  @Test func literalValues() throws {
    let (playbook, _) = parse(
      "as of 2026-11-01T09:30:00+02:00\nwindow 1d12h\nholdout 12.5%\nlimit 2 per customer per 1w\noffer X valid 45s")
    guard case .asOf(let clock) = playbook.statements[0].kind, case .window(let window?) = playbook.statements[1].kind,
      case .holdout(let holdout) = playbook.statements[2].kind, case .limit(let limit) = playbook.statements[3].kind,
      case .offer(let offer) = playbook.statements[4].kind
    else {
      Issue.record("unexpected statements")
      return
    }
    #expect(clock.secondsSinceEpoch == Timestamp.parse("2026-11-01T07:30:00Z")?.seconds)
    #expect(window.seconds == 129_600)
    #expect(holdout.percent.value == 12.5 && holdout.seed == nil)
    #expect(limit.count.value == 2 && limit.count.isInteger && limit.period?.seconds == 604_800)
    #expect(offer.valid?.seconds == 45 && offer.description == nil)
    #expect(astDump("window all") == "(window all)")
  }

  @Test(arguments: [
    ("not customer in vip", "(not (in customer vip))"),
    ("customer not in vip", "(not-in customer vip)"),
    ("customer.tier in [\"gold\", \"silver\"]", #"(in customer.tier ["gold" "silver"])"#),
    ("customer.tier not in [\"a\",]", #"(not-in customer.tier ["a"])"#),
    ("ticket.subject contains \"refund\"", #"(contains ticket.subject "refund")"#),
    ("ticket.csat is null", "(is-null ticket.csat)"),
    ("ticket.csat is not null", "(is-not-null ticket.csat)"),
    ("1 + 2 * 3", "(+ 1 (* 2 3))"),
    ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
    ("-order.total - 1 / 2", "(- (- order.total) (/ 1 2))"),
    ("a.x or b.y and not c.z", "(or a.x (and b.y (not c.z)))"),
    ("not not a.x", "(not (not a.x))"),
    ("a.x == b.y or a.x != 3 and a.x < 1", "(or (== a.x b.y) (and (!= a.x 3) (< a.x 1)))"),
    ("complaint in last 90d", "(phrase complaint in-last 90d)"),
    ("complaint resolved", "(phrase complaint resolved)"),
    ("complaint resolved and complaint.csat > 3", "(and (phrase complaint resolved) (> complaint.csat 3))"),
    ("ticket responded within 1h", "(phrase ticket responded-within 1h)"),
    ("ticket responded after 2h", "(phrase ticket responded-after 2h)"),
    ("ticket open for 3d", "(phrase ticket open-for 3d)"),
    ("count(ticket) > 1", "(> (count ticket) 1)"),
    (
      "count(ticket where ticket.csat < 3 in last 30d) >= 2",
      "(>= (count ticket (where (< ticket.csat 3)) (in-last 30d)) 2)"
    ),
    (
      "sum(order.total where order.total > 10 in last 30d) >= 100",
      "(>= (sum order.total (where (> order.total 10)) (in-last 30d)) 100)"
    ),
    (
      "avg(ticket.csat) + min(order.total) - max(order.total)",
      "(- (+ (avg ticket.csat) (min order.total)) (max order.total))"
    ),
    ("now - 1d12h > customer.created_at", "(> (- now 1d12h) customer.created_at)"),
    ("ticket.opened_at >= 2026-11-01T09:30:00+02:00", "(>= ticket.opened_at 2026-11-01T09:30:00+02:00)"),
    (
      "customer.discount == 5% and customer.vip == true or customer.x != null",
      "(or (and (== customer.discount 5%) (== customer.vip true)) (!= customer.x null))"
    ),
    ("call.transcript contains any [\"a\",\n    \"b\"]", #"(contains-any call.transcript ["a" "b"])"#),
    ("(a.x\n  or b.y)", "(or a.x b.y)"),
    ("customer.name == \"Zoë \\\"Z\\\" \\\\ \\t\"", #"(== customer.name "Zoë \"Z\" \\ \t")"#),
  ])
  func expressions(text: String, expected: String) {
    #expect(dumpExpression(text) == expected)
  }

  @Test func stringEscapesResolve() throws {
    let (playbook, _) = parse(#"playbook "a\"b\\c\nd\te\q""#)
    guard case .playbook(let name)? = playbook.statements.first?.kind else {
      Issue.record("no playbook statement")
      return
    }
    #expect(name.value == "a\"b\\c\nd\te\\q")
  }

  @Test func ruleLinesJoinConditionsAndExceptions() {
    let text = """
      rule r priority 3
        when ticket.csat == 5
        and customer in vip
        unless customer in staff
        and customer.age < 18
        unless customer.blocked
        send A via email
        send B via sms, email after 1h
      """
    #expect(
      astDump(text)
        == "(rule r (priority 3) (when (== ticket.csat 5)) (when (in customer vip))"
        + " (unless (and (in customer staff) (< customer.age 18))) (unless customer.blocked)"
        + " (send A (via email)) (send B (via sms email) (after 1h)))")
  }

  @Test func ruleEndsAtBlankLineOrNextStatement() {
    let (playbook, diagnostics) = parse(
      "rule a\n  when x.y\n  send A via e\nrule b\n  send B via e\n\nlimit 1 per customer")
    #expect(diagnostics.isEmpty)
    #expect(playbook.statements.count == 3)
    let (_, afterBlank) = parse("rule a\n  when x.y\n\n  send A via e\n")
    #expect(afterBlank.map(\.message) == ["'send' must follow a 'rule' line"])
  }

  @Test func loadClausesOnContinuationLines() {
    let text = """
      load calls as call from "calls.jsonl" key call_id
        link customer_id
        with opened = started_at, resolved = ended_at
        types duration = integer, agent = text
      """
    #expect(
      astDump(text)
        == #"(load calls (as call) "calls.jsonl" (key call_id) (link customer_id) (with opened started_at) (with resolved ended_at)"#
        + " (type duration integer) (type agent text))")
  }

  @Test func testBlockWithClockAndFixtures() {
    let text = """
      test "fixtures"
        as of 2026-11-01
        load tickets from "fixtures/tickets.csv"
          link customer_id
        expect customer "C 1001" gets THANKS10
        expect customer cust_1.a-b gets no X
        expect audience X != 0
      as of 2026-12-01
      """
    #expect(
      astDump(text)
        == #"(test "fixtures" (as-of 2026-11-01) (load tickets "fixtures/tickets.csv" (link customer_id))"#
        + #" (expect (customer "C 1001") gets THANKS10) (expect (customer cust_1.a-b) gets-no X)"#
        + " (expect-audience X != 0))\n(as-of 2026-12-01)")
  }

  @Test func everyNodeKeepsItsRange() throws {
    let text = "rule r\n  when complaint resolved within 4h and complaint.csat >= 4\n  send T via email after 1d\n"
    let (playbook, _) = parse(text)
    let statement = try #require(playbook.statements.first)
    #expect(statement.range.start.line == 1 && statement.range.end.line == 3 && statement.range.end.column == 28)
    guard case .rule(let rule) = statement.kind,
      case .binary(.and, let phrase, let comparison) = rule.conditions[0].kind
    else {
      Issue.record("unexpected rule shape")
      return
    }
    #expect(rule.conditions[0].range.start.column == 8 && rule.conditions[0].range.end.column == 60)
    #expect(phrase.range.start.column == 8 && phrase.range.end.column == 36)
    #expect(comparison.range.start.column == 41)
    #expect(rule.sends[0].range.start == SourceLocation(offset: 69, line: 3, column: 3))
    #expect(rule.sends[0].after?.range.start.column == 26)
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let (_, diagnostics) = parse("segment café = customer.näme == \"é\" withn")
    let d = try #require(diagnostics.first)
    #expect(d.range?.start.column == 37)
  }

  @Test func commentsAreKept() {
    let (playbook, _) = parse("# header\nlimit 1 per customer  # one\n  # indented\n")
    #expect(playbook.comments.map(\.text) == [" header", " one", " indented"])
    #expect(playbook.comments.map(\.trailing) == [false, true, false])
    #expect(playbook.comments[1].range.start.column == 23)
  }

  @Test func crlfLineEndings() {
    #expect(astDump("limit 1 per customer\r\nholdout 5%\r\n") == "(limit 1)\n(holdout 5%)")
  }
}
