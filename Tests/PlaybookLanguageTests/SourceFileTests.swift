import PlaybookLanguage
import Testing

@Suite struct SourceFileTests {
  @Test func linesSplitOnLFAndCRLF() {
    let file = SourceFile(path: "x", text: "one\r\ntwo\nthree")
    #expect(file.line(1) == "one")
    #expect(file.line(2) == "two")
    #expect(file.line(3) == "three")
    #expect(file.line(4) == "")
  }
}
