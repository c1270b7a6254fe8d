import Testing

@testable import PlaybookLanguage

/// Where a new statement goes, and how comments follow the statements they were written
/// before when statements are not in source order.
@Suite struct StatementSectionTests {
  static let text = """
    offer A valid 1d
    rule r
      when customer.v > 1
      send A via email

    test "t"
      expect audience A >= 0

    """

  @Test func aNewStatementFollowsTheLastOfItsSectionOrOfAnEarlierOne() {
    let (playbook, _) = PlaybookParser.parse(SourceFile(path: "p", text: Self.text))
    #expect(playbook.insertionIndex(for: .rules) == 2)
    #expect(playbook.insertionIndex(for: .offers) == 1)
    #expect(playbook.insertionIndex(for: .policies) == 2)
    #expect(playbook.insertionIndex(for: .tests) == 3)
    #expect(playbook.insertionIndex(for: .header) == 0)
  }

  @Test func aCommentStaysBeforeTheStatementThatFollowedItInTheSource() {
    // A rule and its comment written last, placed before the test: the comment goes with it.
    let text = Self.text + "# the second rule\nrule s\n  when customer.v > 2\n  send A via email\n"
    var (playbook, diagnostics) = PlaybookParser.parse(SourceFile(path: "p", text: text))
    #expect(diagnostics.isEmpty)
    let last = playbook.statements.removeLast()
    playbook.statements.insert(last, at: playbook.insertionIndex(for: last.kind.section))
    let formatted = PlaybookFormatter.format(playbook, source: SourceFile(path: "p", text: text))
    #expect(formatted.contains("  send A via email\n\n# the second rule\nrule s\n"))
    #expect(formatted.hasSuffix("test \"t\"\n  expect audience A >= 0\n"))
  }
}
