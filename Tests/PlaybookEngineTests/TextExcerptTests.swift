import Testing

@testable import PlaybookEngine

/// The sentence around the word a `contains` found, the word marked, for explain.
@Suite struct TextExcerptTests {
  @Test func theSentenceAroundTheWholeWordIsMarked() {
    let transcript =
      "Customer called about order #10007.\nCustomer: \"I'm thinking of switching to another shop.\" Agent apologised."
    #expect(
      TextExcerpt.around(["competitor", "SWITCH"], in: transcript)
        == "…Customer: \"I'm thinking of «switching» to another shop.\"…")
  }

  @Test func theEarliestNeedleWinsAndNoneFoundIsNil() {
    #expect(TextExcerpt.around(["shop", "cancel"], in: "Please cancel. The shop is slow.") == "Please «cancel».…")
    #expect(TextExcerpt.around(["refund"], in: "Please cancel.") == nil)
    #expect(TextExcerpt.around([""], in: "Please cancel.") == nil)
  }

  @Test func aLongSentenceIsCutAroundTheWord() {
    let long = String(repeating: "blah ", count: 60) + "cancel " + String(repeating: "more ", count: 60)
    let excerpt = try! #require(TextExcerpt.around(["cancel"], in: long))
    #expect(excerpt.contains("«cancel»"))
    #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"))
    #expect(excerpt.count <= TextExcerpt.width + 10)
  }
}
