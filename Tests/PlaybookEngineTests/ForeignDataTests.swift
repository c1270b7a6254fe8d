import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Other people's bytes: the hand-made files in `ForeignData/` (delimiters, encodings,
/// gzip, odd headers), each read to its exact values or refused with its exact message.
@Suite struct ForeignDataTests {
  static func path(_ name: String) -> String { Repository.path("Tests/PlaybookEngineTests/ForeignData/\(name)") }

  static func read(
    _ name: String, declared: [String: ColumnType] = [:], delimiter: FieldDelimiter? = nil,
    encoding: TextEncoding = .utf8
  ) throws(LoadError) -> Table {
    let read = try TableReader.read(
      name: "t", path: path(name), declaredTypes: declared, delimiter: delimiter, encoding: encoding)
    #expect(read.setAside.isEmpty)
    return read.table
  }

  static func refusal(_ name: String, encoding: TextEncoding = .utf8) -> LoadError? {
    #expect(throws: LoadError.self) { try TableReader.read(name: "t", path: path(name), encoding: encoding) }
  }

  // MARK: Delimiters

  @Test func semicolonIsDetectedFromTheHeader() throws {
    let table = try Self.read("semicolon.csv")
    #expect(table.names == ["id", "name", "visits"])
    #expect(table.cells == [["C-1", "Smith; J, Jr", "3"], ["C-2", "Ann", "4"]])
    #expect(table.types == [.text, .text, .integer])
  }

  @Test func tabIsDetectedAndCommasStayInFields() throws {
    let table = try Self.read("tab.tsv")
    #expect(table.names == ["id", "name", "visits"])
    #expect(table.cells == [["C-1", "Smith, J", "3"], ["C-2", "Ann\tB", "4"]])
  }

  @Test func pipeIsDetected() throws {
    let table = try Self.read("pipe.csv")
    #expect(table.cells == [["C-1", "Smith, J", "3"], ["C-2", "Ann;B", "4"]])
  }

  @Test func aStatedDelimiterWinsOverDetection() throws {
    // Read by commas, the pipe file has one column, and a row with a comma is ragged.
    let read = try TableReader.read(name: "t", path: Self.path("pipe.csv"), delimiter: .comma)
    #expect(read.table.names == ["id|name|visits"])
    #expect(read.table.cells == [["C-2|Ann;B|4"]])
    #expect(read.setAside.map(\.line) == [2])
  }

  @Test(arguments: [
    ("id,name\n", FieldDelimiter.comma), ("id;name;x\n", .semicolon), ("id\tname\n", .tab), ("id|name\n", .pipe),
    ("id\n", .comma), ("\"a;b\",c\n", .comma), ("a,b;c;d\n", .semicolon),
    // The semicolon splits the header into more fields, but not the rows: comma wins.
    ("a;b;c,d\n1;2,3\n", .comma), ("a,b|c\n1,2|3\n", .comma),
  ])
  func delimiterDetection(_ text: String, _ expected: FieldDelimiter) {
    let bytes = Array(text.utf8)
    let found = bytes.withUnsafeBufferPointer { CSVScanner(bytes: $0).detectedDelimiter(from: 0) }
    #expect(found == expected)
  }

  /// Every delimiter reads the same records as the comma does: quotes, doubled quotes,
  /// line ends inside quotes, empty fields, long fields read a word at a time.
  @Test(arguments: FieldDelimiter.allCases)
  func everyDelimiterReadsLikeTheComma(_ delimiter: FieldDelimiter) throws {
    let rows = [
      ["id", "text", "n"], ["A", "a \"\"quoted\"\" word", "1"], ["B", "", "22"],
      ["C", "a much longer field of ordinary text, digits 0123456789", "333"], ["D", "two\nlines", ""],
    ]
    func csv(_ separator: String) -> String {
      rows.map { row in
        row.map { $0.contains("\"") || $0.contains("\n") || $0.contains(",") ? "\"\($0)\"" : $0 }
          .joined(separator: separator)
      }.joined(separator: "\n") + "\n"
    }
    let expected = try readTable(csv(","))
    let bytes = Array(csv(delimiter.character).utf8)
    let read = try TableReader.read(
      FileBytes(copying: bytes), format: .csv, name: "t", file: "t.csv", delimiter: delimiter)
    #expect(read.table.cells == expected.table.cells)
    #expect(read.setAside.isEmpty)
  }

  // MARK: Encodings

  @Test(arguments: ["utf16le.csv", "utf16be.csv"])
  func utf16WithAByteOrderMarkIsTranscoded(_ name: String) throws {
    let table = try Self.read(name)
    #expect(table.names == ["id", "city"])
    #expect(table.cells == [["C-1", "Liège"], ["C-2", "Zürich ✓"]])
  }

  @Test func utf8ByteOrderMarkIsSkipped() throws {
    #expect(try Self.read("utf8-bom.csv").cells == [["C-1", "Liège"]])
  }

  @Test(arguments: [TextEncoding.latin1, .windows1252])
  func latin1IsTranscodedWhenStated(_ encoding: TextEncoding) throws {
    let table = try Self.read("latin1.csv", encoding: encoding)
    #expect(table.cells == [["C-1", "Paris"], ["C-2", "Liège"], ["C-3", "São Paulo"]])
  }

  @Test func windows1252HasItsOwnPunctuation() throws {
    #expect(try Self.read("windows1252.csv", encoding: .windows1252).cells == [["C-1", "it’s “fine” – 5 €"]])
    #expect(
      try Self.read("windows1252.csv", encoding: .latin1).cells == [
        ["C-1", "it\u{92}s \u{93}fine\u{94} \u{96} 5 \u{80}"]
      ])
  }

  @Test func aLatin1FileWithoutItsEncodingIsRefusedAtItsFirstBadByte() {
    let error = Self.refusal("latin1.csv")
    #expect(error?.kind == .badFormat)
    #expect(error?.line == 3)
    #expect(error?.message == "the file is not UTF-8: byte 0xE8 at column 7 of this line (offset 24 in the file)")
    #expect(error?.hint == "0xE8 is 'è' in Latin-1: if the file is Latin-1, add encoding \"latin1\" to its load")
  }

  @Test func windows1252BytesGetTheirOwnHint() {
    let error = Self.refusal("windows1252.csv")
    #expect(error?.line == 2)
    #expect(
      error?.hint
        == "0x92 is '’' in Windows-1252: if the file is Windows-1252, add encoding \"windows-1252\" to its load")
  }

  @Test func aBadByteInsideAQuotedLineEndIsPlacedOnItsOwnLine() {
    let error = Self.refusal("bad-utf8.csv")
    #expect(error?.line == 4)
    #expect(error?.message == "the file is not UTF-8: byte 0x81 at column 8 of this line (offset 31 in the file)")
    #expect(
      error?.hint == "Playloop reads UTF-8, UTF-16 with a byte-order mark, and encoding \"latin1\" or \"windows-1252\"")
  }

  @Test func jsonLinesIsRefusedTheSameWay() {
    let error = Self.refusal("bad-utf8.jsonl")
    #expect(error?.line == 2)
    #expect(error?.message == "the file is not UTF-8: byte 0xE8 at column 26 of this line (offset 56 in the file)")
    #expect(error?.hint?.hasSuffix("add encoding \"latin1\" to its load") == true)
  }

  @Test func jsonLinesInLatin1ReadsWithTheClause() throws {
    #expect(try Self.read("bad-utf8.jsonl", encoding: .latin1).cells == [["C-1", "Paris"], ["C-2", "Liège"]])
  }

  /// The first bad byte is found in whichever chunk holds it, and reported by its line
  /// in the whole file.
  @Test func theFirstBadByteIsFoundAcrossChunks() {
    var bytes = Array("id,n\n".utf8)
    for k in 0..<400 { bytes += Array("C-\(k),\(k)\n".utf8) }
    bytes += Array("C-x,caf".utf8) + [0xE9] + Array("\nC-y,caf".utf8) + [0xE9, 0x0A]
    for chunks in [1, 3, 7] {
      let error = #expect(throws: LoadError.self) { try readTable(bytes, chunks: chunks) }
      #expect(error?.line == 402)
      #expect(error?.message.hasPrefix("the file is not UTF-8: byte 0xE9 at column 8 of this line") == true)
    }
  }

  @Test func aLoneUTF16SurrogateIsRefusedWithItsLine() {
    let bytes: [UInt8] =
      [0xFF, 0xFE] + Array("a\nb\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xD8]
    let error = #expect(throws: LoadError.self) { try readTable(bytes) }
    #expect(error?.message == "the UTF-16 file holds a lone surrogate 0xD800")
    #expect(error?.line == 3)
  }

  // MARK: Gzip

  @Test func gzipFilesAreReadAsTheyAre() throws {
    #expect(try Self.read("customers.csv.gz").cells == [["C-1", "Ann"], ["C-2", "Bob"]])
    #expect(TableFormat(path: "events.JSONL.gz") == .jsonLines)
    let events = try Self.read("events.jsonl.gz")
    #expect(events.names == ["id", "customer_id", "kind"])
    #expect(events.cells == [["E-1", "C-2", "call"]])
  }

  @Test func aDamagedGzipFileIsRefused() throws {
    let folder = try ScratchFolder("gzip", files: [:])
    let compressed = try Data(contentsOf: URL(fileURLWithPath: Self.path("customers.csv.gz")))
    let cut = folder.path("cut.csv.gz")
    try compressed.prefix(20).write(to: URL(fileURLWithPath: cut))
    let error = #expect(throws: LoadError.self) { try TableReader.read(name: "t", path: cut) }
    #expect(error?.message == "the gzip file is cut short (truncated?)")
    let plain = try folder.write("id\nC-1\n", to: "plain.csv.gz")
    let notGzip = #expect(throws: LoadError.self) { try TableReader.read(name: "t", path: plain) }
    #expect(notGzip?.message == "the file is not valid gzip: incorrect header check")
  }

  // MARK: Headers

  @Test func emptyAndRepeatedNamesAreNamedByPositionWithOneWarning() throws {
    let bytes = try FileBytes.read(Self.path("renamed-columns.csv"))
    let raw = try TableReader.readRaw(bytes, format: .csv, file: "r.csv", declaredTypes: [:])
    #expect(raw.names == ["id", "column_2", "column_3", "column_4", "score"])
    #expect(
      raw.warnings == [
        LoadError(
          .renamedColumns,
          "column 4 has no name; 'name' names columns 2 and 3: read as column_2, column_3 and column_4",
          file: "r.csv", line: 1, hint: "use it by that name, or give it one: with name = column_2")
      ])
    #expect(raw.warnings.first?.diagnostic(loadedAt: "p.playbook", nil).severity == .warning)
  }

  @Test func aHeaderNamingAColumnTwiceByPositionIsStillRefused() {
    let error = #expect(throws: LoadError.self) { try readTable("column_2,a,a\n1,2,3\n") }
    #expect(error?.message == "the header names column column_2 twice")
  }

  @Test func invisibleCharactersInTheHeaderAreShownEscaped() {
    let error = #expect(throws: LoadError.self) {
      try TableReader.read(name: "t", path: Self.path("invisible-header.csv"), declaredTypes: ["id": .text])
    }
    #expect(error?.message == "the header has no column 'id'")
    #expect(error?.hint == "the header's '\\u{FEFF}id' holds invisible characters; remove them from the file's header")
    #expect(HeaderName.visible("na\u{200B}me\u{0}") == "na\\u{200B}me\\u{0}")
  }

  @Test func aHeaderWithTooManyColumnsSaysSo() {
    let header = (1...10_001).map { "c\($0)" }.joined(separator: ",")
    let error = #expect(throws: LoadError.self) { try readTable(header + "\n") }
    #expect(error?.message == "the header has 10001 columns; Playloop reads at most 10000")
    #expect(error?.line == 1)
  }

  @Test func aHeaderThatIsNotUTF8NamesItsByte() {
    let error = #expect(throws: LoadError.self) { try readTable(Array("id,caf".utf8) + [0xE9] + Array("\n".utf8)) }
    #expect(error?.line == 1)
    #expect(error?.message == "the file is not UTF-8: byte 0xE9 at column 7 of this line (offset 6 in the file)")
  }
}
