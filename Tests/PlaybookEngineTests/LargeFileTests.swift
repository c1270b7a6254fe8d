import Testing

@testable import PlaybookEngine

/// Files over 4 GB (tickets at 10M customers are 6.3 GB): spans address 64 GB, chunks
/// stay at most 1 GB, and a text column past its 32-bit row ends is refused, not cut.
@Suite struct LargeFileTests {
  @Test(arguments: [0, 1 << 32 - 1, 1 << 32, 6_307_977_162, (1 << 36) - 1])
  func aSpanKeepsStartsPastFourGigabytes(start: Int) {
    for kind in [FieldSpan.Kind.bare, .string, .nested] {
      for escaped in [false, true] {
        let span = FieldSpan(start: start, length: FieldSpan.maxLength, kind: kind, escaped: escaped)
        #expect(span.start == start)
        #expect(span.length == FieldSpan.maxLength)
        #expect(span.end == start + FieldSpan.maxLength)
        #expect(span.kind == kind)
        #expect(span.escaped == escaped)
        #expect(!span.isNull)
      }
    }
    #expect(FieldSpan(start: start, length: 0, kind: .bare, escaped: false).isNull)
  }

  @Test func aLargeFileIsReadInChunksOfAtMostOneGigabyte() {
    let bytes = 6_307_977_162
    let count = CSVChunkReader.chunkCount(bytes: bytes, requested: nil)
    #expect(bytes / count <= CSVChunkReader.maximumChunkBytes)
    #expect(CSVChunkReader.chunkCount(bytes: 1000, requested: nil) == 1)
    #expect(CSVChunkReader.chunkCount(bytes: bytes, requested: 3) == 3)
  }

  @Test func aTextColumnPastItsLimitIsRefusedWithItsName() throws {
    let pieces = [
      TextColumn(bytes: ColumnArray(Array("abc".utf8)), ends: [1, 3]),
      TextColumn(bytes: ColumnArray(Array("de".utf8)), ends: [2]),
    ]
    let joined = try ColumnBuilder.joined(pieces, column: "note", file: "t.csv", limit: 5)
    #expect(joined.count == 3)
    #expect(joined.ends == [1, 3, 5])
    let error = #expect(throws: LoadError.self) {
      try ColumnBuilder.joined(pieces, column: "note", file: "t.csv", limit: 4)
    }
    #expect(error?.message.contains("\"note\" holds more than 4 GB of text") == true)
    #expect(error?.file == "t.csv")
  }
}
