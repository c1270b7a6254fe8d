import Testing

@testable import PlaybookEngine

/// `ByteOrder`: text compared by its UTF-8 bytes, never by canonical equivalence.
@Suite struct ByteOrderTests {
  /// `é` as one code point (C3 A9) and as `e` with a combining accent (65 CC 81).
  static let composed = "T-\u{E9}"
  static let decomposed = "T-e\u{301}"

  @Test func canonicallyEquivalentTextsAreTwoTexts() {
    #expect(Self.composed == Self.decomposed, "String's == is canonical equivalence")
    #expect(!ByteOrder.same(Self.composed, Self.decomposed))
    #expect(ByteOrder.compare(Self.decomposed, Self.composed) == true)
    #expect(ByteOrder.compare(Self.composed, Self.decomposed) == false)
    #expect(ByteOrder.compare(Self.composed, "T-\u{E9}") == nil)
  }

  @Test func bytesOrderWhereStringsOrderOtherwise() {
    #expect(Self.decomposed > "T-f", "String's < orders the composed form")
    #expect(ByteOrder.precedes(Self.decomposed, "T-f"))
    #expect(ByteOrder.precedes("T-f", Self.composed))
    #expect(ByteOrder.precedes("T", "T-"), "a prefix comes first")
    #expect(!ByteOrder.precedes("", ""))
    #expect(
      ["b", Self.composed, "T-f", Self.decomposed, "T"].sorted(by: ByteOrder.precedes)
        == ["T", Self.decomposed, "T-f", Self.composed, "b"])
  }
}
