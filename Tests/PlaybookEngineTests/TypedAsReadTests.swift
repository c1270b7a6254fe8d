import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// Columns typed a block of rows at a time as a CSV file is read, their values written
/// into the column's slots (`ColumnTyper`, `ValueSlots`), load what typing each chunk's
/// kept spans did: the same types, values, rows set aside and reasons, whatever turns up
/// after the first block, however the file is split and its lines end.
@Suite struct TypedAsReadTests {
  /// 5,000 rows whose columns change their minds after the first blocks.
  static func file(lineEnd: String, rows: Int = 5000) -> String {
    func row(_ r: Int) -> String {
      let count = "\(r * 7)"
      // Integers, then a decimal past the second block: the kept integers become decimals.
      let amount = r == 2300 ? "12.5" : r % 13 == 0 ? "" : "\(r % 400)"
      // Canonical times, nulls, then one in another form (the general path takes over).
      let at =
        r == 1700 ? "2026-07-04 10:00:00+02:00" : r % 9 == 0 ? "" : Timestamp.format(Int64(1_780_000_000 + r * 61))
      // Null in the first chunks, numbers later.
      let late = r < 3000 ? "" : "\(r)"
      // An integer column with a `-0` past the first block: conversion stops there.
      let signed = r == 1500 ? "-0" : "\(r % 50 - 25)"
      // Minority misfits past the first block: every value's type runs out there.
      let score = r % 997 == 0 && r > 0 ? "n/a" : "\(r % 10)"
      // Numbers, then 1,500 texts: a text column for too many misfits, which a chunk of
      // the whole file finds after its third block, its values then read again.
      let code = r < 3500 ? "\(r)" : "X\(r)"
      let flag = r % 3 == 0 ? "yes" : "no"
      let day = r == 4000 ? "" : "0\(r % 9 + 1)/1\(r % 2)/2026"
      return [count, amount, at, late, signed, score, code, flag, day].joined(separator: ",")
    }
    return "count,amount,at,late,signed,score,code,flag,day" + lineEnd
      + (0..<rows).map(row).joined(separator: lineEnd) + lineEnd
  }

  static func load(_ text: String, chunks: Int?, asRead: Bool) throws -> (table: Table, setAside: [SetAsideRow]) {
    let raw = try TableReader.readRaw(
      FileBytes(copying: Array(text.utf8)), format: .csv, file: "t.csv", declaredTypes: [:], chunkCount: chunks,
      typesAsRead: asRead)
    let typing = TableTyping(raw, name: "t", file: "t.csv", declaredTypes: [:])
    return try TableReader.build(raw, typing, name: "t", file: "t.csv")
  }

  @Test(arguments: ["\n", "\r\n", "\r"], [1, 3, 7])
  func columnsTypedAsReadLoadAsTypedFromSpans(lineEnd: String, chunks: Int) throws {
    let text = Self.file(lineEnd: lineEnd)
    let asRead = try Self.load(text, chunks: chunks, asRead: true)
    let fromSpans = try Self.load(text, chunks: chunks, asRead: false)
    #expect(
      asRead.table.columns.map(\.type) == [
        .integer, .decimal, .timestamp, .integer, .integer, .integer, .text, .boolean, .text,
      ])
    #expect(asRead.setAside == fromSpans.setAside)
    #expect(asRead.setAside.count == 5)  // the scores `n/a`
    #expect(asRead.table.rowCount == fromSpans.table.rowCount)
    for (column, reference) in zip(asRead.table.columns, fromSpans.table.columns) {
      #expect(column.type == reference.type, "\(column.name)")
      #expect(column.textReason == reference.textReason, "\(column.name)")
      #expect(
        (0..<asRead.table.rowCount).map(column.cell) == (0..<fromSpans.table.rowCount).map(reference.cell),
        "\(column.name)")
    }
    // `code`: mostly numbers, its first text on line 3,502. (Split, a chunk of nearly all
    // texts gives up on a reason, typed either way.)
    guard chunks == 1 else { return }
    guard case .misfit(.integer, let first, 1500)? = asRead.table.columns[6].textReason else {
      Issue.record("code is text for its misfits: \(String(describing: asRead.table.columns[6].textReason))")
      return
    }
    #expect(first.line == 3502)
  }

  /// Lines ending every way in one file (LF, CR and CRLF) load as typed from spans.
  @Test func linesEndingEveryWayLoad() throws {
    let text = Self.file(lineEnd: "\n").split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .map { $0.element + ["\r", "\n", "\r\n"][$0.offset % 3] }.joined()
    let asRead = try Self.load(text, chunks: 4, asRead: true)
    let fromSpans = try Self.load(text, chunks: 4, asRead: false)
    #expect(asRead.table.rowCount == 4995)  // five scores `n/a` set aside
    #expect(asRead.setAside == fromSpans.setAside)
    for (column, reference) in zip(asRead.table.columns, fromSpans.table.columns) {
      #expect(column.type == reference.type, "\(column.name)")
      #expect(
        (0..<asRead.table.rowCount).map(column.cell) == (0..<fromSpans.table.rowCount).map(reference.cell),
        "\(column.name)")
    }
  }

  /// A column whose every chunk kept its values in the slots is the slots themselves:
  /// written once, never copied into a column of its own. (A chunk with a row set aside
  /// copies its values without that row, as before.)
  @Test func aColumnTypedAsReadIsItsSlots() throws {
    let text =
      "count,at\n"
      + (0..<5000).map { "\($0 * 7),\(Timestamp.format(Int64(1_780_000_000 + $0 * 61)))" }
      .joined(separator: "\n") + "\n"
    let loaded = try Self.load(text, chunks: 5, asRead: true)
    guard case .integer(let counts) = loaded.table.columns[0].values,
      case .timestamp(let times) = loaded.table.columns[1].values
    else {
      Issue.record("count is integers, at is times")
      return
    }
    #expect(counts.owner is ValueSlots)
    #expect(times.owner is ValueSlots)
    #expect(counts[4999] == 4999 * 7)
  }

  /// A chunk whose rows outnumber its run of slots stops converting at the run's end:
  /// its values are then typed from its spans, read again (`RawTable.spans`).
  @Test(arguments: [["1", "2", "3", "4", "5", "6"], (0..<6).map { Timestamp.format(Int64(1_780_000_000 + $0)) }])
  func aFullRunStopsConversion(values: [String]) {
    let text = Array(values.joined().utf8)
    var spans: [FieldSpan] = []
    var at = 0
    for value in values {
      spans.append(FieldSpan(start: at, length: value.utf8.count, kind: .bare, escaped: false))
      at += value.utf8.count
    }
    text.withUnsafeBufferPointer { bytes in
      func typed(_ count: Int, room: Int) -> TypedValues? {
        let slots = ValueSlots(capacity: room)
        var typer = ColumnTyper(capacity: room, reading: ColumnReading(), slots: slots.run(from: 0, count: room))
        spans.prefix(count).withUnsafeBufferPointer { typer.type($0, bytes: bytes) }
        return typer.typedAsRead.typed
      }
      #expect(typed(4, room: 4) != nil)
      #expect(typed(6, room: 4) == nil)
      #expect(typed(6, room: 6) != nil)
    }
  }

  @Test func marksCountQuotesAndLineEnds() {
    let text = Array("a,\"b\"\r\nc\rd\ne\r\n\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 40) + [10]
    text.withUnsafeBufferPointer { bytes in
      let scanner = CSVScanner(bytes: bytes)
      func marks(_ range: Range<Int>) -> [Int] {
        let found = scanner.marks(range)
        return [found.oddQuotes ? 1 : 0, found.lineEnds]
      }
      // `\r\n`, `\r`, `\n`, `\r\n`, and the last `\n`: five line ends.
      #expect(marks(0..<bytes.count) == [1, 5])
      #expect(marks(0..<5) == [0, 0])
      #expect(marks(0..<6) == [0, 1])  // a return before a feed past the range still ends a line
      #expect(marks(5..<7) == [0, 1])
      #expect(marks(7..<9) == [0, 1])
      #expect(marks(bytes.count..<bytes.count) == [0, 0])
      // Returns before feeds, more than a vector's worth.
      let lines = Array(String(repeating: "ab\r\n", count: 100).utf8) + Array("x\ry\n".utf8)
      lines.withUnsafeBufferPointer { bytes in
        let found = CSVScanner(bytes: bytes).marks(0..<bytes.count)
        #expect(found.lineEnds == 102)
      }
    }
  }

  @Test func joiningMovesEachPieceDownToItsRows() {
    let slots = ValueSlots(capacity: 24)
    func piece(from start: Int, _ values: [Int64]) -> ColumnArray<Int64> {
      var run = slots.run(from: start, count: 8)
      for v in values {
        let appended = run.append(UInt64(bitPattern: v))
        #expect(appended)
      }
      return run.values(as: Int64.self)
    }
    // Runs at 0, 8 and 16; the middle piece typed apart (a copy of its own).
    let pieces = [piece(from: 0, [1, 2, 3]), ColumnArray<Int64>([4, 5]), piece(from: 16, [6, 7, 8, 9])]
    let joined = ValueSlots.joined(pieces)
    #expect(joined.map(Array.init) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
    #expect(joined?.owner === slots)
    // A piece lying before its rows' place would be written over: not joined here.
    let early = [ColumnArray<Int64>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), piece(from: 8, [1])]
    #expect(ValueSlots.joined(early) == nil)
    var full = slots.run(from: 0, count: 1)
    let (first, second) = (full.append(1), full.append(2))
    #expect(first && !second)
  }
}
