import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// A CSV column that its first block shows to be text for certain has its text written
/// a block at a time as the file is read (`ColumnTyper.writesText`, `TextPieceWriter`),
/// and its spans are never kept. It loads as the same column that typing each chunk's
/// kept spans makes: the same rows, nulls, reasons, and the same form (each distinct
/// value once, or every row's text), however the file is split and its lines end.
@Suite struct TextAsReadTests {
  /// `rows` rows of text columns that change their minds after the first blocks.
  static func file(lineEnd: String, rows: Int) -> String {
    let kinds = ["complaint", "question", "request", "praise", "réclamation"]
    func row(_ r: Int) -> String {
      // Keys: every value distinct (the dictionary is given up at its first check).
      let id = "T-\(100_000 + r)"
      // Few values throughout: kept as a dictionary.
      let kind = kinds[r * 7 % kinds.count]
      // Few values, then every one distinct: the dictionary is given up at a later check,
      // its rows so far written out from the values it kept.
      let subject = r < 1800 ? "Order \(r % 4) late" : "Order \(r) arrived damaged and box crushed"
      // Quoted, with escaped quotes and commas, some null, repeated.
      let note = r % 11 == 0 ? "" : "\"Said \"\"hi, \(r % 5)\"\" twice\""
      // Text in the first block, numbers after: still text.
      let mixed = r < 1100 ? "x\(r)" : "\(r)"
      // Null through the first block, then text: typed from spans instead.
      let late = r < 1500 ? "" : "L\(r % 3)"
      // Numbers through the first block, then text: typed from spans, read again.
      let code = r < 2500 ? "\(r)" : "C\(r)"
      return [id, kind, subject, note, mixed, late, code].joined(separator: ",")
    }
    return "id,kind,subject,note,mixed,late,code" + lineEnd + (0..<rows).map(row).joined(separator: lineEnd)
      + lineEnd
  }

  /// A value of forty bytes.
  static let repeated = "the same value of forty bytes, repeated."

  static func raw(_ text: String, chunks: Int?, asRead: Bool, declared: [String: ColumnType] = [:]) throws -> RawTable {
    try TableReader.readRaw(
      FileBytes(copying: Array(text.utf8)), format: .csv, file: "t.csv", declaredTypes: declared, chunkCount: chunks,
      typesAsRead: asRead)
  }

  static func load(_ raw: RawTable, declared: [String: ColumnType] = [:]) throws -> Table {
    let typing = TableTyping(raw, name: "t", file: "t.csv", declaredTypes: declared)
    return try TableReader.build(raw, typing, name: "t", file: "t.csv").table
  }

  /// Compares every column of `table` with `reference`'s: cells, nulls, reasons and form.
  static func expectSame(_ table: Table, _ reference: Table) {
    #expect(table.rowCount == reference.rowCount)
    for (column, expected) in zip(table.columns, reference.columns) {
      #expect(column.type == expected.type, "\(column.name)")
      #expect(column.textReason == expected.textReason, "\(column.name)")
      // Compared apart from the expectations: a failing one diffs every value.
      let sameCells = (0..<table.rowCount).map(column.cell) == (0..<reference.rowCount).map(expected.cell)
      let sameNulls =
        (0..<table.rowCount).map(column.nulls.isNull) == (0..<reference.rowCount).map(expected.nulls.isNull)
      #expect(sameCells, "\(column.name)")
      #expect(sameNulls, "\(column.name)")
      guard case .text(let values) = column.values, case .text(let expectedValues) = expected.values else { continue }
      // The same form: each distinct value once or every row's, the same bytes.
      let sameBytes = Array(values.bytes) == Array(expectedValues.bytes)
      let sameEnds = Array(values.ends) == Array(expectedValues.ends)
      #expect((values.codes == nil) == (expectedValues.codes == nil), "\(column.name)")
      #expect(sameBytes, "\(column.name)")
      #expect(sameEnds, "\(column.name)")
    }
  }

  @Test(arguments: ["\n", "\r\n", "\r"], [1, 3, 7])
  func textColumnsWrittenAsReadLoadAsFromSpans(lineEnd: String, chunks: Int) throws {
    let text = Self.file(lineEnd: lineEnd, rows: 20_000)
    let table = try Self.load(try Self.raw(text, chunks: chunks, asRead: true))
    let reference = try Self.load(try Self.raw(text, chunks: chunks, asRead: false))
    #expect(table.columns.map(\.type) == [.text, .text, .text, .text, .text, .text, .text])
    #expect(table.rowCount == 20_000)
    Self.expectSame(table, reference)
    #expect(table.columns[1].cell(2) == "réclamation")
    #expect(table.columns[3].cell(0) == nil)
    #expect(table.columns[3].cell(1) == "Said \"hi, 1\" twice")
  }

  /// Columns declared text are written as read too, nothing in them judged: numbers,
  /// nulls and escapes stay the text they are.
  @Test(arguments: ["\n", "\r\n"], [1, 5])
  func columnsDeclaredTextAreWrittenAsRead(lineEnd: String, chunks: Int) throws {
    let declared: [String: ColumnType] = ["id": .text, "code": .text, "note": .text, "late": .text]
    let text = Self.file(lineEnd: lineEnd, rows: 12_000)
    let table = try Self.load(try Self.raw(text, chunks: chunks, asRead: true, declared: declared), declared: declared)
    let reference = try Self.load(
      try Self.raw(text, chunks: chunks, asRead: false, declared: declared), declared: declared)
    Self.expectSame(table, reference)
    #expect(table.columns[6].cell(7) == "7")  // a number, kept as its text
    #expect(table.columns[5].cell(0) == nil)
  }

  /// A typer writes a column's text as it is read only when its first block shows it
  /// text for certain, with the misfits' tally given up within the block: otherwise its
  /// spans are kept (numbers; too many nulls to tell; year-last dates, which say why).
  @Test func textIsWrittenAsReadOnlyWhenTheFirstBlockIsSure() {
    func writes(_ values: [String]) -> (writes: Bool, typed: TypedValues?) {
      var bytes: [UInt8] = []
      var spans: [FieldSpan] = []
      for value in values {
        spans.append(FieldSpan(start: bytes.count, length: value.utf8.count, kind: .bare, escaped: false))
        bytes += value.utf8
      }
      return bytes.withUnsafeBufferPointer { bytes in
        spans.withUnsafeBufferPointer { spans in
          var typer = ColumnTyper(capacity: spans.count, reading: ColumnReading())
          typer.type(spans, bytes: bytes)
          let writes = typer.writesText(first: spans, bytes: bytes)
          return (writes, typer.typedAsRead.typed)
        }
      }
    }
    let keys = (0..<1024).map { "T-\($0)" }
    let written = writes(keys)
    #expect(written.writes)
    #expect(written.typed.map { text in (0..<1024).map { text.text.string($0) } } == keys)
    #expect(!writes((0..<1024).map { "\($0)" }).writes)
    #expect(!writes((0..<1024).map { $0 < 100 ? "" : "T-\($0)" }).writes)  // 924 texts: no type is out yet
    // Every type out, but 14 integers keep the misfits' tally from giving up yet.
    #expect(!writes((0..<1024).map { $0 < 14 ? "\($0 + 2)" : "T-\($0)" }).writes)
    #expect(!writes((0..<1024).map { "0\($0 % 9 + 1)/1\($0 % 2)/2026" }).writes)
  }

  /// The writer alone: rows given a block at a time make the column that all of them at
  /// once make, and each distinct value is kept once exactly when that pays at every
  /// power of two rows from 1,024 and at the end.
  static let writerCases: [(values: [String], coded: Bool)] = {
    func rows(_ count: Int, _ value: (Int) -> String) -> [String] { (0..<count).map(value) }
    var cases: [(values: [String], coded: Bool)] = [(rows(5000) { "k\($0 % 3)" }, true)]
    // Given up at 2,048 rows, and at the end.
    cases.append((rows(5000) { $0 < 1500 ? "k\($0 % 3)" : "distinct value number \($0)" }, false))
    cases.append((rows(5000) { $0 < 4096 ? "k\($0 % 3)" : "a long distinct value, number \($0), never seen" }, false))
    // Given up at 1,024 rows, though it would pay at the end: a check failed at the last
    // row given gives it up too.
    cases.append((rows(5000) { $0 < 1500 ? "distinct value \(100_000 + $0) of forty bytes" : repeated }, false))
    // Too few rows for a dictionary.
    cases.append((rows(700) { "k\($0 % 3)" }, false))
    // 2,400 distinct values from row 672 to 3,071: more than pays at 3,072 rows, which
    // is no check, and few enough at 4,096 and at the end.
    let distinct = 672..<3072
    cases.append(
      (rows(5000) { distinct.contains($0) ? "distinct value \(100_000 + $0) of forty bytes" : repeated }, true))
    // Null and one value; every row null.
    cases.append((rows(3000) { $0 % 2 == 0 ? "" : "v" }, true))
    cases.append((rows(3000) { _ in "" }, false))
    return cases
  }()

  @Test(arguments: writerCases)
  func blocksMakeTheColumnAllRowsMake(values: [String], coded: Bool) {
    var bytes: [UInt8] = []
    var spans: [FieldSpan] = []
    for value in values {
      spans.append(FieldSpan(start: bytes.count, length: value.utf8.count, kind: .bare, escaped: false))
      bytes += value.utf8
    }
    bytes.withUnsafeBufferPointer { bytes in
      let whole = ColumnBuilder.textPiece(spans, bytes: bytes).text
      // A small guess of rows, so the writer must make more room as it goes.
      var writer = TextPieceWriter(rows: 10)
      spans.withUnsafeBufferPointer { spans in
        var start = 0
        while start < spans.count {
          let end = min(start + 1024, spans.count)
          writer.append(UnsafeBufferPointer(rebasing: spans[start..<end]), bytes: bytes)
          start = end
        }
      }
      let blocks = writer.finished().text
      let (sameBytes, sameEnds) = (Array(blocks.bytes) == Array(whole.bytes), Array(blocks.ends) == Array(whole.ends))
      let (blocksRead, wholeRead) = (
        (0..<values.count).map(blocks.string) == values, (0..<values.count).map(whole.string) == values
      )
      #expect((blocks.codes != nil) == coded)
      #expect((whole.codes != nil) == coded)
      #expect(sameBytes)
      #expect(sameEnds)
      #expect(blocksRead)
      #expect(wholeRead)
    }
  }
}
