import Dispatch
import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// A JSON Lines file whose lines keep adding keys used to cost lines × keys in time and
/// memory (20,000 lines each adding a key: 58 s and 6.5 GB). Keys are now found by hash,
/// a repeated key in O(1), and a file has at most `JSONLinesReader.maxColumns` columns.
@Suite struct JSONLinesKeyLimitTests {
  /// `count` lines, line k with keys `id` and `kK`.
  static func addingKeys(_ count: Int) -> String {
    (0..<count).map { #"{"id": "K-\#($0)", "k\#($0)": \#($0)}"# }.joined(separator: "\n")
  }

  @Test(arguments: [1, 3])
  func moreDistinctKeysThanTheLimitIsAnErrorAtTheLine(chunks: Int) throws {
    let bytes = Array(Self.addingKeys(12).utf8)
    let error = #expect(throws: LoadError.self) {
      try JSONLinesReader.read(
        FileBytes(copying: bytes), file: "wide.jsonl", declared: [:], chunkCount: chunks, maxColumns: 8)
    }
    #expect(error?.kind == .badFormat)
    #expect(error?.message == "more than 8 distinct keys: a JSON Lines file has at most 8 columns")
    // Line 8 brings the ninth key (`id` and k0…k7 are 9): in one chunk it is named.
    if chunks == 1 { #expect(error?.line == 8) }
  }

  @Test func atTheLimitTheFileReads() throws {
    let bytes = Array(Self.addingKeys(7).utf8)
    let raw = try JSONLinesReader.read(FileBytes(copying: bytes), file: "w.jsonl", declared: [:], maxColumns: 8)
    #expect(raw.names == ["id"] + (0..<7).map { "k\($0)" })
  }

  @Test func keysOnASetAsideLineDoNotCountOrStay() throws {
    let (table, setAside) = try readTable(
      """
      {"id": "a", "x": 1}
      {"id": "b", "new": 1, "new": 2}
      {"y": 2, "id": "c", "x": 3}
      {"new": 5, "id": "d"}
      """, format: .jsonLines)
    #expect(setAside.map(\.reason) == [#"key "new" appears twice"#])
    #expect(table.names == ["id", "x", "y", "new"])
    #expect(table.cells == [["a", "1", nil, nil], ["c", "3", "2", nil], ["d", nil, nil, "5"]])
  }

  @Test func manyKeysInShuffledOrderReadTheSameAsInOrder() throws {
    let keys = (0..<40).map { "key\($0)" }
    var ordered: [String] = []
    var shuffled: [String] = []
    for row in 0..<30 {
      let pairs = keys.enumerated().map { "\"\($1)\": \(row * 100 + $0)" }
      ordered.append("{" + pairs.joined(separator: ", ") + "}")
      // A fixed rotation per row: every key moves, none is at its column's position.
      shuffled.append("{" + (pairs[(row % 39 + 1)...] + pairs[..<(row % 39 + 1)]).joined(separator: ", ") + "}")
    }
    let a = try readTable(ordered.joined(separator: "\n"), format: .jsonLines).table
    let b = try readTable(shuffled.joined(separator: "\n"), format: .jsonLines).table
    #expect(a.names == keys)
    #expect(b.names.sorted() == keys.sorted())
    let columnsOfB = Dictionary(uniqueKeysWithValues: b.names.enumerated().map { ($1, $0) })
    for row in 0..<30 {
      #expect(a.cells[row] == keys.map { b.cells[row][columnsOfB[$0]!] })
    }
  }
}

/// Line numbers are kept in 32 bits, and a file may hold 64 GB: one with more line ends
/// than that (2.5 GB of them) used to crash the loader. It is now refused with a message;
/// `maxLines` stands in for 2^31 − 1 here.
@Suite struct LineLimitTests {
  @Test(arguments: [TableFormat.csv, .jsonLines])
  func aFileWithMoreLinesThanTheLimitIsRefused(format: TableFormat) throws {
    let text =
      format == .csv
      ? "id,n\na,1\n\n\nb,2\n\n\n" : "{\"id\": \"a\"}\n\n\n{\"id\": \"b\"}\n\n\n"
    let bytes = Array(text.utf8)
    let error = #expect(throws: LoadError.self) {
      try TableReader.readRaw(
        FileBytes(copying: bytes), format: format, file: "many", declaredTypes: [:], maxLines: 5)
    }
    #expect(error?.kind == .badFormat)
    #expect(
      error?.message.hasPrefix("the file has \(format == .csv ? 7 : 6) lines; Playloop loads at most 5 lines") == true)
    let raw = try TableReader.readRaw(
      FileBytes(copying: bytes), format: format, file: "many", declaredTypes: [:], maxLines: 7)
    #expect(raw.chunks.reduce(0) { $0 + $1.rowCount } == 2)
  }
}
