import PlaybookReporting
import Testing

@Suite struct TextWrapTests {
  @Test func wrappingKeepsLongWordsWhole() {
    #expect(TextWrap.lines("a bb ccc dddddddd e", width: 5) == ["a bb", "ccc", "dddddddd", "e"])
    #expect(TextWrap.lines("", width: 5) == [""])
  }

  @Test func longLinesBreakAtWordsIndentedAndShortOnesKeepTheirSpacing() {
    let text = "C-0042 as of now\n  complaint resolved within 4h   false  (resolved in 2d16h)"
    #expect(
      TextWrap.wrappingLongLines(text, width: 40) == """
        C-0042 as of now
          complaint resolved within 4h   false
            (resolved in 2d16h)
        """)
    #expect(TextWrap.wrappingLongLines("abcdefghijklmnopqrstuvwxyz", width: 12) == "abcdefghijkl\n  mnopqrstuv\n  wxyz")
  }
}
