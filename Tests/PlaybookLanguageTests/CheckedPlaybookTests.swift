import Testing

@testable import PlaybookLanguage

/// What `PlaybookChecker.check` hands the engine: typed expressions, trigger rows,
/// resolved sends and row filters; and nothing when the playbook has an error.
@Suite struct CheckedPlaybookTests {
  func checked(_ body: String) throws -> CheckedPlaybook {
    let (playbook, syntax) = parse(CheckerDiagnosticsTests.header + body)
    try #require(syntax.isEmpty, "\(syntax.map(\.message))")
    let (checked, diagnostics) = PlaybookChecker.check(
      playbook, file: "t", schema: CheckerDiagnosticsTests.schema)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    return try #require(checked)
  }

  @Test func everyExpressionIsTyped() throws {
    let playbook = try checked(
      """
      rule a
        when complaint.csat >= 4 and customer in vip
        unless sum(call.minutes where call.minutes > 2) > 30
        send THANKS10 via email
      """)
    let rule = try #require(playbook.rules.first)
    let when = try #require(rule.conditions.first)
    #expect(when.type == .boolean)
    #expect(when.operands.map(\.type) == [.boolean, .boolean])
    let comparison = when.operands[0]
    #expect(comparison.operands.map(\.type) == [.number(integer: true), .number(integer: true)])
    #expect(comparison.operands[0].expr.text == "complaint.csat")
    let unless = try #require(rule.exceptions.first)
    let sum = unless.operands[0]
    #expect(sum.type == .number(integer: true))
    // An aggregate's one operand is its filter.
    #expect(sum.operands.map(\.expr.text) == ["call.minutes > 2"])
    #expect(playbook.segments["vip"]?.operands.map(\.type) == [.number(integer: false), .number(integer: true)])
    #expect(playbook.channels.map(\.address.type) == [.text])
    #expect(playbook.channels.first?.requires?.type == .boolean)
  }

  @Test func rulesKnowTheirTriggerAndSends() throws {
    let playbook = try checked(
      """
      channel sms address customer.email
      offer SORRY25 "y" valid 14d
      rule a
        when complaint resolved
        send SORRY25 via sms, email
      rule b
        when customer in vip
        unless call.minutes > 60
        send THANKS10 via email
      rule c
        when customer in vip
        send THANKS10 via sms
      """)
    #expect(playbook.rules.map(\.trigger) == ["complaint", "call", nil])
    let sends = playbook.rules.flatMap(\.sends)
    #expect(sends.map(\.offers) == [[1], [0], [0]])
    #expect(sends.map(\.channels) == [[1, 0], [0], [1]])
  }

  @Test func definedRowsKeepTheirFiltersInChainOrder() throws {
    let playbook = try checked(
      """
      define angry = complaint where complaint.csat <= 2
      """)
    let filters = try #require(playbook.rowFilters["angry"])
    #expect(filters.map(\.row) == ["ticket", "complaint"])
    #expect(filters.map(\.condition.expr.text) == ["ticket.kind == \"complaint\"", "complaint.csat <= 2"])
    #expect(playbook.rowFilters["complaint"]?.count == 1)
    #expect(playbook.rowFilters["ticket"] == nil)
  }

  @Test(arguments: [
    "rule a\n  when complaint.csat >= \"4\"\n  send THANKS10 via email",
    "segment vip = customer.tier == \"gold\"",
  ])
  func aPlaybookWithAnErrorIsNotChecked(body: String) throws {
    let (playbook, syntax) = parse(CheckerDiagnosticsTests.header + body)
    try #require(syntax.isEmpty)
    let (checked, diagnostics) = PlaybookChecker.check(
      playbook, file: "t", schema: CheckerDiagnosticsTests.schema)
    #expect(diagnostics.contains { $0.severity == .error })
    #expect(checked == nil)
  }

  @Test func declarationErrorsAloneKeepTheCheckedPlaybookAway() throws {
    let (playbook, _) = parse(CheckerDiagnosticsTests.header + "holdout 150%")
    let (model, declared) = PlaybookChecker.declarations(of: playbook, file: "t")
    #expect(declared.contains { $0.severity == .error })
    let (checked, found) = PlaybookChecker.check(model, schema: CheckerDiagnosticsTests.schema)
    #expect(found.isEmpty)
    #expect(checked == nil)
  }
}
