import Foundation
import Testing

@testable import PlaybookLanguage

/// `rule NAME [priority N] every D`: parsing, formatting and checking.
@Suite struct EverySyntaxTests {
  static let winback = """
    rule winback priority 2 every 90d
      when customer.tier == "gold"
      send THANKS10 via email

    """

  @Test func everyParsesAfterThePriorityOrAlone() {
    #expect(
      astDump("rule r priority 2 every 90d\n  when customer.tier == \"gold\"\n  send A via email")?.hasPrefix(
        "(rule r (priority 2) (every 90d) (when") == true)
    #expect(
      astDump("rule r every 12w\n  when customer.tier == \"gold\"\n  send A via email")?.hasPrefix(
        "(rule r (every 12w) (when") == true)
  }

  @Test func everyFormatsAsWritten() {
    let text = "rule  winback  priority 2   every 90d\n  when customer.tier == \"gold\"\n  send A via email\n"
    #expect(format(text) == "rule winback priority 2 every 90d\n  when customer.tier == \"gold\"\n  send A via email\n")
    #expect(format(format(text)) == format(text))
  }

  @Test func everyWithoutADurationIsAParseErrorAtTheWordAfterIt() throws {
    let (_, syntax) = parse("rule r every 90\n  when customer.tier == \"gold\"\n  send A via email\n")
    let d = try #require(syntax.first)
    #expect(d.message.contains("duration"))
    #expect(d.range?.start.line == 1 && d.range?.start.column == 14)
  }

  @Test func aMisspeltEveryIsAnUnknownWordNotAOneWordNameError() throws {
    let (_, syntax) = parse("rule r evry 90d\n  when customer.tier == \"gold\"\n  send A via email\n")
    let d = try #require(syntax.first)
    #expect(d.message.contains("evry"))
    #expect(d.hint?.contains("every") == true)
  }

  private func check(_ text: String) -> [Diagnostic] {
    let (playbook, syntax) = parse(CheckerDiagnosticsTests.header + text)
    #expect(syntax.isEmpty)
    return PlaybookChecker.check(playbook, file: "t", schema: CheckerDiagnosticsTests.schema).1
  }

  @Test func everyOnATriggeredRuleIsAnErrorAtTheDuration() throws {
    let diagnostics = check(
      "ledger \"x.ledger\"\nrule apology every 30d\n  when complaint.csat < 3\n  send THANKS10 via email\n")
    let d = try #require(diagnostics.first { $0.code == .everyWithTrigger })
    #expect(d.message == "rule 'apology' sends once per complaint already; 'every' is for a rule about the customer")
    #expect(d.hint == "remove `every 30d`, or space a customer's offers out with `limit 1 per customer per 30d`")
    #expect(d.range?.start.line == CheckerDiagnosticsTests.headerLines + 2)
    #expect(d.range?.start.column == 20)
    #expect(d.severity == .error)
  }

  @Test func everyOfZeroIsAnError() throws {
    let diagnostics = check("ledger \"x.ledger\"\n" + Self.winback.replacingOccurrences(of: "90d", with: "0d"))
    #expect(diagnostics.map(\.message) == ["every must be longer than zero"])
  }

  @Test func everyWithoutALedgerIsAWarningWithACaret() throws {
    let diagnostics = check(Self.winback)
    let d = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(d.code == .ledgerRequired && d.severity == .warning)
    #expect(d.message == "every 90d reads the send ledger, and the playbook names none")
    #expect(
      d.hint
        == "add `ledger \"state/sends.ledger\"` or run with --ledger FILE; without one rule 'winback' sends again on every run"
    )
    let rendered = DiagnosticRenderer(sources: ["t": CheckerDiagnosticsTests.header + Self.winback]).render(d)
    #expect(rendered.contains("rule winback priority 2 every 90d\n"))
    #expect(rendered.contains("|                               ^~~"))
  }

  @Test func everyWithALedgerChecksClean() {
    #expect(check("ledger \"x.ledger\"\n" + Self.winback).isEmpty)
  }
}
