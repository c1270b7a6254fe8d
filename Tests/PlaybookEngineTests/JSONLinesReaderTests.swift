import PlaybookLanguage
import Testing

@testable import PlaybookEngine

@Suite struct JSONLinesReaderTests {
  @Test func keysBecomeColumnsInFirstSeenOrder() throws {
    let (table, setAside) = try readTable(
      """
      {"id": "K-1", "n": 1}
      {"n": 2, "id": "K-2", "extra": true}

      {"id": "K-3"}
      """, format: .jsonLines)
    #expect(setAside.isEmpty)
    #expect(table.names == ["id", "n", "extra"])
    #expect(table.types == [.text, .integer, .boolean])
    #expect(table.cells == [["K-1", "1", nil], ["K-2", "2", "true"], ["K-3", nil, nil]])
    #expect(table.lines == [1, 2, 4])
  }

  @Test func valuesKeepTheirJSONKinds() throws {
    let (table, _) = try readTable(
      #"""
      {"s": "123", "num": 1.5, "t": "2026-11-01T09:30:00Z", "nested": {"a": [1, "}"]}, "z": null, "e": ""}
      {"s": "007", "num": -2, "t": "2026-11-02", "nested": [], "z": null, "e": "x"}
      """#, format: .jsonLines)
    #expect(table.types == [.text, .decimal, .timestamp, .text, .text, .text])
    #expect(table.cells[0] == ["123", "1.5", "2026-11-01T09:30:00Z", #"{"a": [1, "}"]}"#, nil, nil])
    #expect(table.cells[1] == ["007", "-2.0", "2026-11-02T00:00:00Z", "[]", nil, "x"])
  }

  @Test func escapesAreDecoded() throws {
    let (table, _) = try readTable(
      #"{"text": "line\nnext \"q\" \\ \/ \u00e9 \ud83d\ude80 \t", "k\u0065y": 1}"#, format: .jsonLines)
    #expect(table.names == ["text", "key"])
    #expect(table.cells == [["line\nnext \"q\" \\ / é 🚀 \t", "1"]])
  }

  /// A key where the line before had it is read by comparing its bytes: a key written
  /// with an escape, one that is a prefix or an extension of that key, a key holding a
  /// backslash (whose bytes spell another key), and a key with no closing quote are all
  /// read as themselves.
  @Test func keysInTheirUsualPlaceAreReadAsThemselves() throws {
    let (table, setAside) = try readTable(
      #"""
      {"id": 1, "a\\b": 2, "n": 3}
      {"id": 4, "a\\b": 5, "n": 6}
      {"i\u0064": 7, "a\b": 8, "n": 9}
      {"i": 10, "a\\bc": 11, "nn": 12}
      {"idx": 13, "a\\b": 14, "n": 15}
      {"id": 16, "a\\b": 17, "n
      {"id": 18, "n": 19, "a\\b": 20}
      """#, format: .jsonLines)
    #expect(table.names == ["id", "a\\b", "n", "a\u{8}", "i", "a\\bc", "nn", "idx"])
    #expect(
      table.cells == [
        ["1", "2", "3", nil, nil, nil, nil, nil], ["4", "5", "6", nil, nil, nil, nil, nil],
        ["7", nil, "9", "8", nil, nil, nil, nil], [nil, nil, nil, nil, "10", "11", "12", nil],
        [nil, "14", "15", nil, nil, nil, nil, "13"], ["18", "20", "19", nil, nil, nil, nil, nil],
      ])
    #expect(setAside.map(\.line) == [6])
  }

  /// A line that is not UTF-8 refuses the file at its first bad byte, wherever the byte
  /// stands: in a short string or a long one (read sixteen bytes a step), in a key, in a
  /// nested value, where a number should be, after the object; after a good letter that
  /// is not ASCII on an earlier line or the same one.
  @Test(arguments: [
    (#"{"a": "x\#u{FF}y"}"#, 8), (#"{"a": "0123456789abcdef0123\#u{FF}"}"#, 27), (#"{"\#u{FF}": 1}"#, 2),
    (#"{"a": {"b": [1, \#u{FF}]}}"#, 16), (#"{"a": \#u{FF}}"#, 6), (#"{"a": 1} \#u{FF}"#, 9),
    (#"{"a": "é", "b": "\#u{FF}"}"#, 18), (#"{"a": "ab\#u{FF}cdefghijklmnopqrstuvwxyz0123456789"}"#, 9),
  ])
  func aByteThatIsNotUTF8RefusesTheFileWhereverItStands(_ line: String, _ column: Int) throws {
    // `\u{FF}` stands for the byte 0xFF, which no UTF-8 text holds.
    var bytes = Array("{\"a\": \"é\"}\n".utf8)
    let first = bytes.count
    for scalar in line.unicodeScalars {
      if scalar == "\u{FF}" { bytes.append(0xFF) } else { bytes += Array(String(scalar).utf8) }
    }
    bytes += Array("\n{\"a\": \"b\"}\n".utf8)
    let error = #expect(throws: LoadError.self) { try readTable(bytes, format: .jsonLines) }
    #expect(error?.message.hasSuffix("(offset \(first + column) in the file)") == true, "\(error?.message ?? "")")
  }

  /// Strings are read sixteen bytes a step: an escape, a raw control byte (invalid) or a
  /// UTF-8 letter is found at every offset from the string's start.
  @Test func stringsAreReadRightWhereverTheirSpecialBytesFall() throws {
    var lines: [String] = []
    var expected: [[String?]] = []
    for offset in 0..<40 {
      let lead = String(repeating: "a", count: offset)
      lines.append(#"{"s": "\#(lead)\"q\\ é tail of the value", "n": 1}"#)
      expected.append([lead + "\"q\\ é tail of the value", "1"])
      lines.append("{\"s\": \"\(lead)\tx\", \"n\": 2}")
    }
    let (table, setAside) = try readTable(lines.joined(separator: "\n"), format: .jsonLines)
    #expect(table.cells == expected)
    #expect(setAside.map(\.line) == (0..<40).map { 2 * $0 + 2 })
  }

  @Test func linesThatAreNotOneObjectAreSetAside() throws {
    let (table, setAside) = try readTable(
      """
      {"a": 1}
      [1, 2]
      {"a": 2
      {"a": 3} x
      {"a": tru}
      {"a": 4, "a": 5}
      "text"
      {"a": 01}
      {"a": 6}\r
      """, format: .jsonLines)
    #expect(table.cells == [["1"], ["6"]])
    #expect(table.lines == [1, 9])
    #expect(setAside.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
    #expect(
      setAside.map(\.reason) == [
        "line is not a JSON object", "line is not valid JSON", "text after the JSON object",
        "line is not valid JSON", "key \"a\" appears twice", "line is not a JSON object",
        "line is not valid JSON",
      ])
  }

  /// A CSV named `.jsonl` has no line to read: one error with the count and first reason,
  /// not a missing-column error later.
  @Test func aFileWithNoReadableLineIsRefused() throws {
    #expect(
      throws: LoadError(
        .badFormat,
        "no line can be read as JSON Lines: all 3 lines were rejected, the first because: line is not a JSON object",
        file: "t.jsonl", line: 2,
        hint: "a JSON Lines file holds one JSON object per line; is this a CSV file with the wrong extension?")
    ) {
      try readTable("\nid,name\nC-1,x\n{\"a\": 1, \"a\": 2}\n", format: .jsonLines)
    }
    #expect(try readTable("", format: .jsonLines).table.rowCount == 0)
  }

  @Test func keysOnlyOnSetAsideLinesMakeNoColumn() throws {
    let (table, setAside) = try readTable("{\"a\": 1}\n{\"b\": 1, \"b\": 2}\n", format: .jsonLines)
    #expect(table.names == ["a"])
    #expect(setAside.count == 1)
  }

  @Test func declaredTypesApplyToJSONValues() throws {
    let (table, setAside) = try readTable(
      "{\"csat\": 4}\n{\"csat\": \"five\"}\n{\"csat\": 5}\n", format: .jsonLines, declared: ["csat": .integer])
    #expect(table.cells == [["4"], ["5"]])
    #expect(setAside.map(\.reason) == ["value \"five\" in column csat is not an integer"])
  }

  @Test func emptyObjectsAndBlankLinesAreFine() throws {
    let (table, setAside) = try readTable("\n{}\n  \n{\"a\": \"x\"}\n", format: .jsonLines)
    #expect(setAside.isEmpty)
    #expect(table.cells == [[nil], ["x"]])
    #expect(table.lines == [2, 4])
  }
}
