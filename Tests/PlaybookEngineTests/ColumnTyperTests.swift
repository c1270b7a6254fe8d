import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Columns are converted while each chunk is read (`ColumnTyper`), so a table must come
/// out the same however the chunks split it: a chunk whose values all look like
/// numbers while another holds text, a change of kept values inside a chunk, nulls
/// before the first value.
@Suite struct ColumnTyperTests {
  /// `rows` CSV rows of a column `v`, the value of row `r` given by `value`, then a
  /// column `row` (so an empty value is not a blank line).
  static func csv(_ rows: Int, _ value: (Int) -> String) -> [UInt8] {
    Array(("v,row\n" + (0..<rows).map { "\(value($0)),\($0)\n" }.joined()).utf8)
  }

  static func cells(_ bytes: [UInt8], format: TableFormat = .csv, chunks: Int, declared: [String: ColumnType] = [:])
    throws -> (types: [ColumnType], cells: [[String?]])
  {
    let table = try readTable(bytes, format: format, declared: declared, chunks: chunks).table
    return (table.types, table.cells)
  }

  /// Past the first thousand values of a chunk a column of times is read a faster way
  /// while its values are written `YYYY-MM-DDTHH:MM:SSZ` (`appendCanonicalTimes`); read
  /// in nine chunks of 334 rows it never is. Both read every value, null, time in
  /// another form, padded, quoted and impossible time alike.
  @Test func timesWrittenOneWayAreReadAsEveryOtherTimeIs() throws {
    func written(_ row: Int) -> String {
      switch row {
      case 1500: "2026-07-04 10:00:00+02:00"
      case 2000: " 2026-07-04T10:00:00Z"
      case 2500: "2026-02-30T00:00:00Z"
      case 2600: "\"2026-07-04T11:00:00Z\""
      case 2700: "2026-07-04T25:00:00Z"
      default:
        row % 7 == 3
          ? "" : Timestamp.format(Int64(1_780_000_000 + row * 3_607))
      }
    }
    let bytes = Self.csv(3000, written)
    let one = try readTable(bytes, chunks: 1)
    let nine = try readTable(bytes, chunks: 9)
    #expect(one.table.types == [.timestamp, .integer])
    #expect(one.table.cells == nine.table.cells)
    #expect(one.setAside.map(\.line) == [2502, 2702])
    #expect(one.setAside == nine.setAside)
    let cells = one.table.cells.map { $0[0] }
    #expect(cells[0] == written(0))
    #expect(cells[cells.count - 2] == written(2998))
    #expect(cells[3] == nil && cells.last == .some(nil))
  }

  /// Past the first thousand values of a chunk a column of integers is read a faster
  /// way while its values are plain integers (`appendPlainIntegers`); read in nine chunks
  /// of 334 rows it never is. Both read every value alike: null, padded, quoted, `-0`,
  /// a leading zero or plus, one too long for 64 bits, and a decimal that makes the
  /// column decimal (`withDecimal`).
  @Test(arguments: [false, true])
  func integersWrittenPlainlyAreReadAsEveryOtherIntegerIs(_ withDecimal: Bool) throws {
    func written(_ row: Int) -> String {
      // The odd values before the first misfit, which ends the faster way for the chunk
      // (as a misfit does for times).
      switch row {
      case 1200: " 42 "
      case 1300: "\"77\""
      case 1400: "-0"
      case 1500: "-9223372036854775808"
      case 1600 where withDecimal: "2.5"
      case 1700: "007"
      case 1800: "+5"
      case 1900: "123456789012345678901"
      default: row % 7 == 3 ? "" : String(row % 11 == 0 ? -row : row * 1_000_003)
      }
    }
    let bytes = Self.csv(3000, written)
    let one = try readTable(bytes, chunks: 1)
    let nine = try readTable(bytes, chunks: 9)
    #expect(one.table.types == [withDecimal ? .decimal : .integer, .integer])
    #expect(one.table.cells == nine.table.cells)
    #expect(one.setAside.map(\.line) == [1702, 1802, 1902])
    #expect(one.setAside == nine.setAside)
    let cells = one.table.cells.map { $0[0] }
    let rows = (0..<3000).filter { ![1700, 1800, 1900].contains($0) }
    func shown(_ row: Int) -> String? { cells[rows.firstIndex(of: row)!] }
    #expect(shown(1200) == (withDecimal ? "42.0" : "42"))
    #expect(shown(1300) == (withDecimal ? "77.0" : "77"))
    #expect(shown(1400) == (withDecimal ? "-0.0" : "0"))
    #expect(shown(1500) == (withDecimal ? "-9.223372036854776e+18" : "-9223372036854775808"))
    #expect(shown(2998) == (withDecimal ? "2998008994.0" : "2998008994"))
    #expect(shown(2981) == (withDecimal ? "-2981.0" : "-2981"))
    #expect(shown(3) == nil)
  }

  @Test(arguments: [1, 2, 4, 9])
  func numbersInEveryChunkButTheLastKeepTheirText(_ chunks: Int) throws {
    // 10 of 400 values (2.5%) are text: too many to set aside, so the column is text.
    let bytes = Self.csv(400) { $0 >= 390 ? "n/a" : String($0 * 7) }
    let read = try Self.cells(bytes, chunks: chunks)
    #expect(read.types == [.text, .integer])
    let values: [String?] = read.cells.map { $0[0] }
    let expected: [String?] = (0..<400).map { $0 >= 390 ? "n/a" : String($0 * 7) }
    #expect(values == expected)
  }

  @Test(arguments: [1, 2, 5])
  func integersThenDecimalsAreDecimals(_ chunks: Int) throws {
    func written(_ row: Int) -> String {
      if row % 100 == 99 { return "\(row).25" }
      return row % 10 == 0 ? "" : String(row)
    }
    func expected(_ row: Int) -> String? {
      if row % 100 == 99 { return "\(row).25" }
      return row % 10 == 0 ? nil : "\(row).0"
    }
    let read = try Self.cells(Self.csv(300, written), chunks: chunks)
    #expect(read.types == [.decimal, .integer])
    let values: [String?] = read.cells.map { $0[0] }
    #expect(values == (0..<300).map(expected))
  }

  @Test(arguments: [1, 3])
  func minusZeroKeepsItsSignInADecimalColumn(_ chunks: Int) throws {
    let bytes = Self.csv(90) { $0 == 10 ? "-0" : ($0 == 80 ? "0.5" : String($0)) }
    let table = try readTable(bytes, chunks: chunks).table
    guard case .decimal(let values) = table.columns[0].values else {
      Issue.record("expected decimals, got \(table.types)")
      return
    }
    #expect(values[10] == 0 && values[10].sign == .minus)
    #expect(values[11] == 11 && values[80] == 0.5)
  }

  @Test(arguments: [1, 2, 6])
  func nullsBeforeTheFirstValueHoldPlaceholders(_ chunks: Int) throws {
    let bytes = Self.csv(240) { $0 < 150 || $0 % 2 == 0 ? "" : "2026-11-\(String(format2: $0 % 28 + 1))" }
    let read = try Self.cells(bytes, chunks: chunks)
    #expect(read.types == [.date, .integer])
    #expect(read.cells.filter { $0[0] != nil }.count == 45)
    #expect(read.cells[151][0] == "2026-11-12")
    #expect(read.cells[0][0] == nil)
  }

  @Test(arguments: [1, 2, 4])
  func datesInOneChunkAndTimestampsInAnotherAreTimestamps(_ chunks: Int) throws {
    let bytes = Self.csv(200) { $0 < 100 ? "2026-11-01" : "2026-11-01T10:00:0\($0 % 10)Z" }
    let read = try Self.cells(bytes, chunks: chunks)
    #expect(read.types == [.timestamp, .integer])
    #expect(read.cells[0][0] == "2026-11-01T00:00:00Z")
    #expect(read.cells[105][0] == "2026-11-01T10:00:05Z")
  }

  @Test(arguments: [1, 3])
  func booleansAndDeclaredColumnsAreConverted(_ chunks: Int) throws {
    var text = "b,n,when\n"
    for row in 0..<120 { text += "\(row % 2 == 0 ? "TRUE" : "false"),\(row),2026-11-01T00:00:\(10 + row % 50)Z\n" }
    let read = try Self.cells(Array(text.utf8), chunks: chunks, declared: ["n": .decimal, "when": .timestamp])
    #expect(read.types == [.boolean, .decimal, .timestamp])
    #expect(read.cells[3] == ["false", "3.0", "2026-11-01T00:00:13Z"])
  }

  @Test(arguments: [1, 2, 5])
  func jsonNumbersInOneChunkAndTextInAnother(_ chunks: Int) throws {
    var text = ""
    for row in 0..<300 {
      text += row < 280 ? "{\"v\": \(row), \"s\": \"2026-11-02\"}\n" : "{\"v\": \"\(row)\", \"late\": true}\n"
    }
    let read = try Self.cells(Array(text.utf8), format: .jsonLines, chunks: chunks)
    #expect(read.types == [.text, .date, .boolean])
    #expect(read.cells[0] == ["0", "2026-11-02", nil])
    #expect(read.cells[290] == ["290", nil, "true"])
  }

  /// A key column whose ids look like numbers is read as text: each chunk copies its
  /// text out while reading, so the key needs no second read.
  @Test func numericKeysStayText() throws {
    let bytes = Self.csv(500) { String(1000 + $0) }
    let raw = try TableReader.readRaw(
      FileBytes(copying: bytes), format: .csv, file: "t.csv", declaredTypes: [:], textColumns: ["v", "absent"],
      chunkCount: 4)
    #expect(raw.chunks.count > 1)
    #expect(raw.chunks.allSatisfy { if case .text? = $0.typed[0]?.values { true } else { false } })
    let plain = try TableReader.readRaw(
      FileBytes(copying: bytes), format: .csv, file: "t.csv", declaredTypes: [:], chunkCount: 4)
    #expect(
      plain.chunks.allSatisfy { if case .integer? = $0.typed[0]?.values { $0.columns[0].isEmpty } else { false } })
    #expect(try ColumnBuilder.text(plain, column: 0, file: "t.csv").string(499) == "1499")
  }

  /// A mapped file's chunks let their pages go once read; a column that needs its
  /// text after all (numbers in every chunk but the last) reads them again.
  @Test func textIsReadAgainAfterTheFileLetItsPagesGo() throws {
    let rows = 20_000
    let folder = try ScratchFolder("typer")
    defer { folder.remove() }
    let path = folder.path("t.csv")
    // The last 300 values (1.5%) are words: too many to set aside, so the column is text.
    try Data(Self.csv(rows) { $0 >= rows - 300 ? "w\($0)" : String($0 * 3) }).write(to: URL(fileURLWithPath: path))
    let file = try FileBytes.read(path)
    let raw = try TableReader.readRaw(file, format: .csv, file: path, declaredTypes: [:], chunkCount: 8)
    #expect(raw.chunks.count > 1)
    #expect(raw.chunks.dropLast().allSatisfy { !$0.needsBytes })
    let typing = TableTyping(raw, name: "t", file: path, declaredTypes: [:])
    let table = try TableReader.build(raw, typing, name: "t", file: path).table
    #expect(table.types == [.text, .integer])
    #expect(table.cells[0] == ["0", "0"])
    #expect(table.cells[12_345] == ["37035", "12345"])
    #expect(table.cells[rows - 1] == ["w\(rows - 1)", "\(rows - 1)"])
  }
}

extension String {
  /// Two digits, zero-padded.
  fileprivate init(format2 value: Int) {
    self = value < 10 ? "0\(value)" : String(value)
  }
}
