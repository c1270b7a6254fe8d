import PlaybookReporting
import Testing

@Suite struct TextWrapTests {
  @Test func wrappingKeepsLongWordsWhole() {
    #expect(TextWrap.lines("a bb ccc dddddddd e", width: 5) == ["a bb", "ccc", "dddddddd", "e"])
    #expect(TextWrap.lines("", width: 5) == [""])
  }
}
