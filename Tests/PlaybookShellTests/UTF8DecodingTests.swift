import Testing

@testable import PlaybookShell

@Suite struct UTF8DecodingTests {
  @Test(arguments: ["a", "é", "✓", "日", "😀"])
  func decodesEachCharacterOnceComplete(text: String) {
    let bytes = Array(text.utf8)
    for count in 1..<bytes.count {
      #expect(UTF8Decoding.decode(Array(bytes.prefix(count))) == .incomplete)
    }
    #expect(UTF8Decoding.decode(bytes) == .scalar(text.unicodeScalars.first!.value))
  }

  @Test func rejectsBadSequences() {
    #expect(UTF8Decoding.decode([0x80]) == .invalid)
    #expect(UTF8Decoding.decode([0xC3, 0x41]) == .invalid)
    #expect(UTF8Decoding.decode([0xC0, 0x80]) == .invalid)  // overlong
    #expect(UTF8Decoding.decode([0xED, 0xA0, 0x80]) == .invalid)  // surrogate
    #expect(
      UTF8Decoding.isLeadByte(0x41) && UTF8Decoding.isLeadByte(0xE2)
        && !UTF8Decoding.isLeadByte(0xBF))
  }
}
