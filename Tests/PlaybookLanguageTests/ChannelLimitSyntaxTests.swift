import Testing

@testable import PlaybookLanguage

/// `limit N per customer [per D] via CHANNEL`: parsing, formatting and checking.
@Suite struct ChannelLimitSyntaxTests {
  @Test func aChannelLimitParsesAndFormats() {
    #expect(astDump("limit 1 per customer per 7d via sms") == "(limit 1 (per 7d) (via sms))")
    #expect(astDump("limit 2 per customer via email") == "(limit 2 (via email))")
    #expect(format("limit   1 per customer  per 7d via sms\n") == "limit 1 per customer per 7d via sms\n")
  }

  @Test func anUnknownChannelGetsADidYouMean() throws {
    let (playbook, syntax) = parse(CheckerDiagnosticsTests.header + "limit 1 per customer via emial")
    #expect(syntax.isEmpty)
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "t", schema: CheckerDiagnosticsTests.schema)
    let d = try #require(diagnostics.first)
    #expect(d.message == "unknown channel 'emial'")
    #expect(d.hint == "did you mean 'email'?")
    #expect(d.range?.start.column == 26)
  }

  @Test func aPerRunChannelLimitWithALedgerKeepsItsChannelInTheFixIt() throws {
    let (playbook, _) = parse(
      CheckerDiagnosticsTests.header + "ledger \"x.ledger\"\nlimit 1 per customer\nlimit 1 per customer via email")
    let warnings = PlaybookChecker.declarations(of: playbook, file: "t").1.filter { $0.code == .limitPerRun }
    #expect(
      warnings.flatMap(\.fixIts).map(\.replacement) == [
        "limit 1 per customer per 7d", "limit 1 per customer per 7d via email",
      ])
  }
}
