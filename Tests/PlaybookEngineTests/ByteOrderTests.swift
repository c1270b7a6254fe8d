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

  /// Texts of one width from 8 to 16 bytes are compared a word or two at a time: the
  /// sign is the byte-by-byte one for differences at every position, high bytes among them.
  @Test func textsOfOneWidthOrderByTheirFirstDifferentByte() {
    var generator = SystemRandomNumberGenerator()
    var pairs = 0
    for width in [7, 8, 9, 12, 15, 16, 17] {
      for position in 0..<width {
        for _ in 0..<20 {
          let a = (0..<width).map { _ in UInt8.random(in: 0...255, using: &generator) }
          var b = a
          b[position] = UInt8.random(in: 0...255, using: &generator)
          if Bool.random(using: &generator), position + 1 < width {
            b[(position + 1)...] = ArraySlice(
              (position + 1..<width).map { _ in UInt8.random(in: 0...255, using: &generator) })
          }
          let expected = a.lexicographicallyPrecedes(b) ? -1 : a == b ? 0 : 1
          let sign = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { ByteOrder.sign(x, $0).signum() } }
          if sign != expected { Issue.record("\(a) against \(b): \(sign), not \(expected)") }
          pairs += 1
        }
      }
    }
    #expect(pairs == 20 * (7 + 8 + 9 + 12 + 15 + 16 + 17))
  }
}
