import Testing

@testable import PlaybookEngine

@Suite struct ChannelReasonsTests {
  /// The texts of `names`' reasons, as a run numbers them (`ReasonTexts`).
  struct Reasons {
    let reasons: ChannelReasons
    let texts: ReasonTexts

    init(_ names: [String]) {
      var fixed: [String] = []
      reasons = ChannelReasons(names: names) { text in
        fixed.append(text)
        return Reason(number: Int32(fixed.count - 1))
      }
      texts = ReasonTexts(fixed: fixed)
    }

    func text(chosen: Int, obstacles: ArraySlice<ChannelObstacle>) -> String {
      texts.text(reasons.reason(chosen: chosen, obstacles: obstacles, texts: texts))
    }
  }

  @Test func tabulatedReasonsSayWhichChannelWasUsedAndWhyOthersWereNot() {
    let reasons = Reasons(["email", "sms", "push"])
    #expect(reasons.text(chosen: 0, obstacles: []) == "sent via email")
    #expect(reasons.text(chosen: 1, obstacles: [.noConsent]) == "sent via sms because email has no consent")
    #expect(
      reasons.text(chosen: 2, obstacles: [.noAddress, .noConsent])
        == "sent via push because email has no address, sms has no consent")
    #expect(
      reasons.text(chosen: 3, obstacles: [.noConsent, .noAddress, .noAddress])
        == "no reachable channel: email has no consent, sms has no address, push has no address")
    #expect(reasons.texts.fixed.count == 15, "2^(n+1) - 1 texts for 3 channels, made once")
  }

  /// Lists too long to tabulate compose the same texts when asked.
  @Test func longListsComposeTheSameTexts() {
    let names = (0...ChannelReasons.tabulatedChannels).map { "c\($0)" }
    let reasons = Reasons(names)
    #expect(reasons.texts.fixed.isEmpty)
    let obstacles = names.indices.map { $0 % 2 == 0 ? ChannelObstacle.noConsent : .noAddress }
    #expect(reasons.text(chosen: 0, obstacles: []) == "sent via c0")
    #expect(
      reasons.text(chosen: 2, obstacles: obstacles[..<2]) == "sent via c2 because c0 has no consent, c1 has no address")
    let why = names.indices.map { "c\($0) has no \($0 % 2 == 0 ? "consent" : "address")" }.joined(separator: ", ")
    #expect(reasons.text(chosen: names.count, obstacles: obstacles[...]) == "no reachable channel: " + why)
  }
}
