import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookShell

/// A typed statement reports all its errors in one round: the syntax errors, and what
/// checking finds in the lines that did parse.
@Suite struct TypedErrorsTests {
  func errors(_ text: String) -> [String] {
    let session = EngineSession(now: { Fixtures.clock })
    #expect(!session.run(.load(Repository.serviceRecovery)).failed)
    let output = session.add(TypedStatement(text: text, firstLine: 1), sourceName: "<shell>")
    return output.blocks.compactMap { block -> String? in
      guard case .error(let text, _) = block else { return nil }
      return text.split(separator: "\n").first.map(String.init)
    }
  }

  @Test func aPhraseTypoAndAnUnknownOfferAndChannelTogether() {
    #expect(
      errors("rule r\n  when complaint resolvd within 4h\n  send NOPE via smoke") == [
        "<shell>:2:18: error: unknown phrase 'resolvd'",
        "<shell>:3:8: error: unknown offer 'NOPE'",
        "<shell>:3:17: error: unknown channel 'smoke'",
      ])
  }

  /// What the broken line leaves missing is not reported again: no `has no send` for a
  /// rule whose send line is the misspelt one.
  @Test func whatTheBrokenLineLeavesOutIsNotAnotherError() {
    #expect(
      errors("rule r\n  when complaint resolved within 4h and custmer.x == 1\n  sen THANKS10 via email") == [
        "<shell>:2:41: error: unknown row 'custmer'",
        "<shell>:3:3: error: unknown rule line 'sen'",
      ])
  }

  @Test func aTestsBrokenLineAndItsUnknownOfferTogether() {
    #expect(
      errors("test \"t\"\n  expect customer C-0001 gts THANKS10\n  expect audience NOPE >= 1") == [
        "<shell>:2:26: error: expected 'gets', found 'gts'",
        "<shell>:3:19: error: unknown offer 'NOPE'",
      ])
  }

  @Test func aSoundTypedRuleStillAddsAndABrokenOneChangesNothing() {
    let session = EngineSession(now: { Fixtures.clock })
    #expect(!session.run(.load(Repository.serviceRecovery)).failed)
    let broken = session.add(
      TypedStatement(text: "rule r\n  when complaint resolvd within 4h\n  send NOPE via smoke", firstLine: 1),
      sourceName: "<shell>")
    #expect(broken.failed)
    #expect(!session.hasUnsavedChanges)
    #expect(session.vocabulary.rules.count == 4)
  }
}
