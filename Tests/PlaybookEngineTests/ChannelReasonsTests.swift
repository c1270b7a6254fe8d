import Testing

@testable import PlaybookEngine

@Suite struct ChannelReasonsTests {
  @Test func tabulatedReasonsSayWhichChannelWasUsedAndWhyOthersWereNot() {
    let reasons = ChannelReasons(names: ["email", "sms", "push"])
    #expect(reasons.text(chosen: 0, obstacles: []) == "sent via email")
    #expect(reasons.text(chosen: 1, obstacles: [.noConsent]) == "sent via sms because email has no consent")
    #expect(
      reasons.text(chosen: 2, obstacles: [.noAddress, .noConsent])
        == "sent via push because email has no address, sms has no consent")
    #expect(
      reasons.text(chosen: 3, obstacles: [.noConsent, .noAddress, .noAddress])
        == "no reachable channel: email has no consent, sms has no address, push has no address")
  }

  /// Lists too long to tabulate compose the same texts when asked.
  @Test func longListsComposeTheSameTexts() {
    let names = (0...ChannelReasons.tabulatedChannels).map { "c\($0)" }
    let reasons = ChannelReasons(names: names)
    let obstacles = names.indices.map { $0 % 2 == 0 ? ChannelObstacle.noConsent : .noAddress }
    #expect(reasons.text(chosen: 0, obstacles: []) == "sent via c0")
    #expect(
      reasons.text(chosen: 2, obstacles: obstacles[..<2]) == "sent via c2 because c0 has no consent, c1 has no address")
    let why = names.indices.map { "c\($0) has no \($0 % 2 == 0 ? "consent" : "address")" }.joined(separator: ", ")
    #expect(reasons.text(chosen: names.count, obstacles: obstacles[...]) == "no reachable channel: " + why)
  }
}
