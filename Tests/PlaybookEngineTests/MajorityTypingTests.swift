import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// Type by majority: a column nearly all of whose values are numbers, dates, timestamps
/// or booleans takes that type, and the rows of the few values that are not are set
/// aside, never silently turning the column into text.
@Suite struct MajorityTypingTests {
  /// `id,total` rows `O-1…O-count`, the total of row `n` (1-based) given by `total`.
  static func orders(_ count: Int, _ total: (Int) -> String) -> String {
    "id,total\n" + (1...count).map { "O-\($0),\(total($0))\n" }.joined()
  }

  static func hint(_ column: String) -> String {
    "if \(column) holds text, say so on the load: types \(column) = text"
  }

  @Test func oneBadValueSetsItsRowAsideAndTheColumnKeepsItsType() throws {
    // Line 7 is order 6 (line 1 is the header).
    let (table, setAside) = try readTable(Self.orders(200) { $0 == 6 ? "n/a" : "\($0).5" })
    #expect(table.types == [.text, .decimal])
    #expect(table.rowCount == 199)
    #expect(
      setAside == [
        SetAsideRow(
          table: "t", file: "t.csv", line: 7, reason: "total 'n/a' is not a decimal", hint: Self.hint("total"))
      ])
    // The row leaves every column, and the lines of the rows after it stay right.
    #expect(table.cells[4] == ["O-5", "5.5"])
    #expect(table.cells[5] == ["O-7", "7.5"])
    #expect(table.lines[4] == 6)
    #expect(table.lines[5] == 8)
  }

  @Test func misfitsUpToOnePercentAreSetAsideAndMoreMakeText() throws {
    // 1 of 100 non-null values is 1%: allowed. Nulls do not count.
    let onePercent = try readTable(Self.orders(110) { $0 == 50 ? "x" : ($0 > 100 ? "" : String($0)) })
    #expect(onePercent.table.types == [.text, .integer])
    #expect(onePercent.setAside.map(\.reason) == ["total 'x' is not an integer"])
    #expect(onePercent.setAside.map(\.line) == [51])
    // 1 of 99 is over 1%: text, as before, with every row kept.
    let over = try readTable(Self.orders(99) { $0 == 50 ? "x" : String($0) })
    #expect(over.table.types == [.text, .text])
    #expect(over.setAside.isEmpty)
    #expect(over.table.rowCount == 99)
  }

  @Test(arguments: [1, 4, 13])
  func atMostOneThousandMisfitsWhateverTheShare(_ chunks: Int) throws {
    // 1,000 misfits in 150,000 values (0.67%) are set aside; 1,001 make the column text.
    let thousand = try readTable(Self.orders(150_000) { $0 % 150 == 0 ? "-" : "7" }, chunks: chunks)
    #expect(thousand.table.types == [.text, .integer])
    #expect(thousand.setAside.count == 1000)
    #expect(thousand.setAside.first?.reason == "total '-' is not an integer")
    #expect(thousand.setAside.first?.line == 151)
    let more = try readTable(Self.orders(150_000) { $0 % 150 == 0 || $0 == 1 ? "-" : "7" }, chunks: chunks)
    #expect(more.table.types == [.text, .text])
    #expect(more.setAside.isEmpty)
  }

  @Test func theTypeFewestValuesMisfitWins() throws {
    // Integers with a few decimals are decimals (nothing set aside), not integers
    // with the decimals set aside; a few timestamps among dates make timestamps.
    let decimals = try readTable(Self.orders(300) { $0 % 100 == 0 ? "\($0).25" : String($0) })
    #expect(decimals.table.types == [.text, .decimal])
    #expect(decimals.setAside.isEmpty)
    var text = "id,day\n"
    for row in 1...300 { text += "D-\(row),2026-10-\(10 + row % 20)\(row == 150 ? "T10:00:00Z" : "")\n" }
    let times = try readTable(text)
    #expect(times.table.types == [.text, .timestamp])
    #expect(times.setAside.isEmpty)
  }

  @Test func datesAndBooleansTakeTheirTypeByMajorityToo() throws {
    var text = "id,day,paid\n"
    for row in 1...200 {
      text += "R-\(row),\(row == 10 ? "soon" : "2026-10-\(10 + row % 20)"),\(row == 20 ? "maybe" : "true")\n"
    }
    let (table, setAside) = try readTable(text)
    #expect(table.types == [.text, .date, .boolean])
    #expect(
      setAside == [
        SetAsideRow(table: "t", file: "t.csv", line: 11, reason: "day 'soon' is not a date", hint: Self.hint("day")),
        SetAsideRow(
          table: "t", file: "t.csv", line: 21, reason: "paid 'maybe' is not a boolean", hint: Self.hint("paid")),
      ])
    #expect(table.rowCount == 198)
  }

  @Test func aRowMisfitInTwoColumnsIsSetAsideOnceWithBothReasons() throws {
    var text = "id,n,\"Total Charges\"\n"
    for row in 1...200 { text += "R-\(row),\(row == 3 ? "none" : String(row)),\(row == 3 ? "?" : "\(row).5")\n" }
    let (table, setAside) = try readTable(text)
    #expect(table.types == [.text, .integer, .decimal])
    #expect(
      setAside == [
        SetAsideRow(
          table: "t", file: "t.csv", line: 4,
          reason: "n 'none' is not an integer; \"Total Charges\" '?' is not a decimal", hint: Self.hint("n"))
      ])
  }

  @Test func aDeclaredTextColumnKeepsEveryValue() throws {
    let (table, setAside) = try readTable(Self.orders(200) { $0 == 6 ? "n/a" : "\($0)" }, declared: ["total": .text])
    #expect(table.types == [.text, .text])
    #expect(setAside.isEmpty)
    #expect(table.cells[5] == ["O-6", "n/a"])
  }

  @Test func jsonLinesNumbersWithOneStringTakeTheNumberType() throws {
    var text = ""
    for row in 1...150 {
      text += row == 40 ? "{\"id\": \"K-40\", \"n\": \"lots\"}\n" : "{\"id\": \"K-\(row)\", \"n\": \(row)}\n"
    }
    let (table, setAside) = try readTable(text, format: .jsonLines)
    #expect(table.types == [.text, .integer])
    #expect(
      setAside == [
        SetAsideRow(table: "t", file: "t.jsonl", line: 40, reason: "n 'lots' is not an integer", hint: Self.hint("n"))
      ])
  }

  /// Chunks are tallied apart and combined: every split gives what one chunk gives,
  /// at the 1% and 1,000 edges too, misfits falling in any chunk.
  @Test(arguments: [2, 3, 7, 16, 61])
  func everyChunkingTypesAsOneChunkDoes(_ chunks: Int) throws {
    var text = "id,a,b,c,d,e\n"
    for row in 0..<12_000 {
      let a = row % 1000 == 7 ? "n/a" : String(row)  // 12 misfits: integer
      let b = row % 80 == 0 ? "x" : "\(row).5"  // 150 misfits, 1.25%: text
      let c = row == 11_999 ? "late" : "2026-10-\(10 + row % 20)"  // the very last value: date
      let d = row < 119 ? "early" : (row % 2 == 0 ? "true" : "FALSE")  // 119 at the start, 0.99%: boolean
      let e = row % 3 == 0 ? "" : (row % 997 == 1 ? "?" : "\(row % 50)")  // nulls do not vote: integer
      text += "R-\(row),\(a),\(b),\(c),\(d),\(e)\n"
    }
    let one = try readTable(text, chunks: 1)
    #expect(one.table.types == [.text, .integer, .text, .date, .boolean, .integer])
    // Rows 7 (a and d) and 1 (d and e) misfit twice.
    #expect(one.setAside.count == 12 + 1 + 119 + 9 - 2)
    let split = try readTable(text, chunks: chunks)
    LoaderParallelTests.same(split, one)
  }
}
