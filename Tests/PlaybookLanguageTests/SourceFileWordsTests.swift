import Testing

@testable import PlaybookLanguage

@Suite struct SourceFileWordsTests {
  @Test func wordsAreTheLexersWordsWhereverTheyStand() {
    let source = SourceFile(
      path: "p.playbook", text: "rule r  # mentions tier\n  when customer.prénom == \"{customer.first_name}\"")
    #expect(
      source.words == ["rule", "r", "mentions", "tier", "when", "customer", "prénom", "first_name"])
  }
}
