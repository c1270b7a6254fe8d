import Testing

@testable import PlaybookLanguage

/// `sent(OFFER|any [via CHANNEL] [in last D])`: parsing, formatting and checking.
@Suite struct SentSyntaxTests {
  private func rule(_ condition: String) -> String {
    "rule r\n  when customer.tier == \"gold\"\n  unless \(condition)\n  send THANKS10 via email\n"
  }

  @Test(arguments: [
    ("sent(THANKS10)", "(sent THANKS10)"),
    ("sent(any)", "(sent any)"),
    ("sent(THANKS10 via email)", "(sent THANKS10 (via email))"),
    ("sent(any in last 14d)", "(sent any (in-last 14d))"),
    ("sent(any via sms in last 14d)", "(sent any (via sms) (in-last 14d))"),
  ])
  func eachFormParses(_ text: String, _ dump: String) throws {
    let ast = try #require(astDump(rule(text)))
    #expect(ast.contains("(unless \(dump))"), "\(ast)")
  }

  @Test func itFormatsCanonicallyAndRoundTrips() {
    let text = rule("not   sent( any  via email   in last 14d )")
    #expect(format(text) == rule("not sent(any via email in last 14d)"))
    #expect(format(format(text)) == format(text))
    #expect(
      format(rule("sent(THANKS10) and customer.tier == \"x\"")) == rule("sent(THANKS10) and customer.tier == \"x\""))
  }

  @Test func aMissingCloseIsAParseError() throws {
    let (_, syntax) = parse(rule("sent(any in last 14d"))
    #expect(!syntax.isEmpty)
    let (_, noDuration) = parse(rule("sent(any in last 14)"))
    #expect(noDuration.first?.message.contains("duration") == true)
  }

  private func check(_ text: String, ledger: Bool = true) -> [Diagnostic] {
    let source = CheckerDiagnosticsTests.header + (ledger ? "ledger \"x.ledger\"\n" : "") + text
    let (playbook, syntax) = parse(source)
    #expect(syntax.isEmpty)
    return PlaybookChecker.check(playbook, file: "t", schema: CheckerDiagnosticsTests.schema).1
  }

  /// Line 3 of the rule (after the header and the ledger line).
  private var unlessLine: Int { CheckerDiagnosticsTests.headerLines + 4 }

  @Test func aMisspeltOfferGetsADidYouMeanAtItsName() throws {
    let d = try #require(check(rule("sent(THANKS1 in last 7d)")).first)
    #expect(d.message == "unknown offer 'THANKS1'")
    #expect(d.hint == "did you mean 'THANKS10'?")
    #expect(d.range?.start.line == unlessLine && d.range?.start.column == 15)
  }

  @Test func aMisspeltChannelGetsADidYouMeanAtItsName() throws {
    let d = try #require(check(rule("sent(any via emial)")).first)
    #expect(d.message == "unknown channel 'emial'")
    #expect(d.hint == "did you mean 'email'?")
    #expect(d.range?.start.line == unlessLine && d.range?.start.column == 23)
  }

  @Test func aZeroPeriodIsAnError() throws {
    #expect(check(rule("sent(any in last 0d)")).map(\.message) == ["sent(… in last D) needs a period longer than zero"])
  }

  @Test func withALedgerEveryFormChecksClean() {
    #expect(check(rule("sent(THANKS10 via email in last 14d) or sent(any)")).isEmpty)
  }

  @Test func withoutALedgerItIsAWarningUnderTheWholeCondition() throws {
    let text = rule("sent(any in last 14d)")
    let diagnostics = check(text, ledger: false)
    let d = try #require(diagnostics.first)
    #expect(diagnostics.count == 1 && d.code == .ledgerRequired && d.severity == .warning)
    #expect(d.message == "sent(any in last 14d) reads the send ledger, and the playbook names none")
    let rendered = DiagnosticRenderer(sources: ["t": CheckerDiagnosticsTests.header + text]).render(d)
    #expect(rendered.contains("  unless sent(any in last 14d)\n"))
    #expect(rendered.contains("|          ^~~~~~~~~~~~~~~~~~~~~ add `ledger"))
  }

  @Test func itIsACustomerConditionAndBindsNoTrigger() throws {
    let (playbook, _) = parse(CheckerDiagnosticsTests.header + "ledger \"x\"\n" + rule("sent(any)"))
    let (checked, diagnostics) = PlaybookChecker.check(playbook, file: "t", schema: CheckerDiagnosticsTests.schema)
    #expect(diagnostics.isEmpty)
    let rules = try #require(checked).rules
    #expect(rules.first?.trigger == nil)
    #expect(try #require(checked).sentConditions.map(\.text) == ["sent(any)"])
  }
}
