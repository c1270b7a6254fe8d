import Testing

@testable import PlaybookLanguage

/// A rule left out for a syntax error comes back from `parseRecovering` with its sound
/// lines, so that what else is wrong with it can be checked in the same round.
@Suite struct ParserRecoveryTests {
  @Test func aBrokenRuleIsRebuiltFromItsSoundLines() throws {
    let text = "rule r priority 2\n  when complaint resolvd within 4h\n  and ticket.csat >= 4\n  send NOPE via smoke"
    let (playbook, recovered, diagnostics) = PlaybookParser.parseRecovering(SourceFile(path: "x", text: text))
    #expect(playbook.statements.isEmpty)
    #expect(diagnostics.map(\.message) == ["unknown phrase 'resolvd'"])
    let statement = try #require(recovered.first)
    guard case .rule(let rule) = statement.kind else {
      Issue.record("not a rule")
      return
    }
    #expect(rule.name.text == "r")
    #expect(rule.priority?.value == 2)
    #expect(rule.conditions.count == 1)
    #expect(rule.sends.map(\.variantsText) == ["NOPE"])
    #expect(rule.sends.first?.channels.map(\.text) == ["smoke"])
  }

  @Test func aSoundPlaybookRecoversNothingAndParseIsUnchanged() {
    let source = SourceFile(path: "x", text: "rule r\n  send A via email\nrul y")
    let recovering = PlaybookParser.parseRecovering(source)
    let (playbook, diagnostics) = PlaybookParser.parse(source)
    #expect(recovering.recovered.isEmpty)
    #expect(recovering.playbook.statements.count == playbook.statements.count)
    #expect(recovering.diagnostics == diagnostics)
  }
}
