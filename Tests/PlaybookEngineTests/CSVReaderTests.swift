import PlaybookLanguage
import Testing

@testable import PlaybookEngine

@Suite struct CSVReaderTests {
  @Test func quotedFieldsHoldCommasQuotesAndLineEnds() throws {
    let (table, setAside) = try readTable("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"cr\r\nlf\"\n")
    #expect(setAside.isEmpty)
    #expect(table.cells == [["x, y", "say \"hi\""], ["two\nlines", "cr\r\nlf"]])
  }

  @Test func rowLinesCountLineEndsInsideQuotes() throws {
    let (table, _) = try readTable("a,b\n1,\"x\ny\nz\"\n2,w\n")
    #expect(table.lines == [2, 5])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let (table, _) = try readTable([0xEF, 0xBB, 0xBF] + Array("id,n\nA,1\n".utf8))
    #expect(table.names == ["id", "n"])
    #expect(table.cells == [["A", "1"]])
  }

  @Test(arguments: ["id,n\r\nA,1\r\nB,2\r\n", "id,n\nA,1\nB,2", "id,n\rA,1\rB,2\r", "id,n\r\nA,1\nB,2\r"])
  func lineEndsMayBeCRLFOrLFOrCR(_ text: String) throws {
    let (table, setAside) = try readTable(text)
    #expect(setAside.isEmpty)
    #expect(table.cells == [["A", "1"], ["B", "2"]])
    #expect(table.lines == [2, 3])
  }

  @Test func emptyFieldsQuotedOrNotAreNull() throws {
    let (table, _) = try readTable("a,b,c\n,\"\",x\n1,2,\n")
    #expect(table.cells == [[nil, nil, "x"], ["1", "2", nil]])
  }

  @Test func blankLinesAreSkippedButCounted() throws {
    let (table, setAside) = try readTable("a\n1\n\n2\r\n\r\n3\n")
    #expect(setAside.isEmpty)
    #expect(table.cells == [["1"], ["2"], ["3"]])
    #expect(table.lines == [2, 4, 6])
  }

  @Test func wrongFieldCountIsSetAsideWithItsLine() throws {
    let (table, setAside) = try readTable("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n")
    #expect(table.cells == [["1", "2", "3"], ["10", "11", "12"]])
    #expect(table.lines == [2, 5])
    #expect(
      setAside == [
        SetAsideRow(table: "t", file: "t.csv", line: 3, reason: "expected 3 fields, found 2"),
        SetAsideRow(table: "t", file: "t.csv", line: 4, reason: "expected 3 fields, found 4"),
      ])
  }

  @Test func unterminatedQuoteCostsOnlyItsLine() throws {
    let (table, setAside) = try readTable("a,b\n1,x\n2,\"open\n3,y\n")
    #expect(setAside.map(\.line) == [3])
    #expect(setAside.first?.reason.hasPrefix("unterminated quote") == true)
    #expect(table.cells == [["1", "x"], ["3", "y"]])
    #expect(table.lines == [2, 4])
  }

  @Test func strayQuotesAreSetAside() throws {
    let (table, setAside) = try readTable("a,b\n1,ab\"c\n2,\"x\"y\n3,z\n")
    #expect(setAside.map(\.line) == [2, 3])
    #expect(
      setAside.map(\.reason) == [
        "a quote inside an unquoted field (quote the whole field and double the quote)",
        "text after the closing quote of a field",
      ])
    #expect(table.cells == [["3", "z"]])
  }

  @Test func nonASCIITextIsKept() throws {
    let (table, setAside) = try readTable("name,city\nZoë,Zürich\n李雷,東京 🚀\n")
    #expect(setAside.isEmpty)
    #expect(table.cells == [["Zoë", "Zürich"], ["李雷", "東京 🚀"]])
  }

  @Test func invalidUTF8RefusesTheFileAtItsFirstBadByte() throws {
    let error = #expect(throws: LoadError.self) {
      try readTable(
        Array("a,b\n1,caf".utf8) + [0xE9] + Array("\n3,a long field before the bad byte ".utf8) + [0xE9]
          + Array(" and after\n2,ok\n".utf8))
    }
    #expect(error?.kind == .badFormat)
    #expect(error?.file == "t.csv")
    #expect(error?.line == 2)
    #expect(error?.message == "the file is not UTF-8: byte 0xE9 at column 6 of this line (offset 9 in the file)")
  }

  @Test func aOneMegabyteFieldIsRead() throws {
    let big = String(repeating: "ab,\"c\n", count: 1 << 18)
    let quoted = "\"" + String(repeating: "ab,\"\"c\n", count: 1 << 18) + "\""
    let (table, setAside) = try readTable("id,text\n1,\(quoted)\n2,short\n")
    #expect(setAside.isEmpty)
    #expect(table.cells.map { $0[1] } == [big, "short"])
    #expect(table.lines == [2, 2 + (1 << 18) + 1])
  }

  @Test func headerOnlyGivesAnEmptyTable() throws {
    let (table, _) = try readTable("a,b\n")
    #expect(table.rowCount == 0)
    #expect(table.names == ["a", "b"])
    #expect(table.types == [.text, .text])
  }

  /// Empty and repeated names are read as `column_N` (ForeignDataTests); an empty file,
  /// a header that never closes its quote or UTF-16 cut mid-character still stop it.
  @Test func badHeadersAreErrors() {
    let empty = #expect(throws: LoadError.self) { try readTable("") }
    #expect(empty?.message == "the file is empty: a CSV file needs a header row")
    let quote = #expect(throws: LoadError.self) { try readTable("a,\"b\n1,2\n") }
    #expect(quote?.message == "the header row cannot be read: a quote that never closes")
    let half = #expect(throws: LoadError.self) { try readTable([0xFF, 0xFE, 0x61, 0, 0x62]) }
    #expect(half?.message == "the UTF-16 file ends with half a character (an odd number of bytes)")
  }
}
