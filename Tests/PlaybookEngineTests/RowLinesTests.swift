import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Row lines are kept as the first alone when every row starts on the line after the one
/// before's, and read the same either way, through loading in chunks and snapshots.
@Suite struct RowLinesTests {
  @Test func linesThatFollowOneAnotherKeepTheFirstAlone() {
    let following = RowLines(ColumnArray([2, 3, 4]))
    #expect(Array(following) == [2, 3, 4])
    #expect(following.stored == [2])
    let gapped = RowLines(ColumnArray([2, 4, 5]))
    #expect(Array(gapped) == [2, 4, 5])
    #expect(gapped.stored == [2, 4, 5])
    #expect(RowLines(stored: [7], count: 3).map(Array.init) == [7, 8, 9])
    #expect(RowLines(stored: [7, 9], count: 3) == nil)
    #expect(RowLines(stored: [], count: 0).map(Array.init) == [])
    #expect(RowLines(stored: [], count: 2) == nil)
    #expect(RowLines(first: 2, count: 3) == [2, 3, 4])
  }

  /// A chunk's lines, added one by one, keep the first alone while each follows the one
  /// before, and every line from the first gap on.
  @Test func aChunksLinesKeepTheFirstAloneUntilAGap() {
    var lines = ChunkLines()
    #expect(lines.isEmpty && lines.consecutiveFrom == 0)
    for line: Int32 in [3, 4, 5] { lines.append(line) }
    #expect(Array(lines) == [3, 4, 5])
    #expect(lines.consecutiveFrom == 3)
    lines.append(7)
    lines.append(8)
    #expect(Array(lines) == [3, 4, 5, 7, 8])
    #expect(lines.consecutiveFrom == nil)
    #expect(ChunkLines([0, 1, 2]).consecutiveFrom == 0)
    #expect(ChunkLines([1, 1]).consecutiveFrom == nil)
    #expect(ChunkLines([1, 1]) == ChunkLines([1, 1]))
  }

  /// A file read in four chunks: plain rows keep one line for all; a blank line, a quoted
  /// line break or a row set aside anywhere make every row keep its own, and every row
  /// reads the line it starts on.
  @Test(arguments: ["", "\n", "T-x,\"two\nlines\"\n", "T-y,too,many\n"])
  func aLoadedTableKeepsOneLineOnlyWhenRowsFollowOneAnother(oddity: String) throws {
    var csv = "id,note\n"
    var line: Int32 = 2
    var expected: [Int32] = []
    for n in 0..<3000 {
      if n == 1700 {
        csv += oddity
        if oddity.hasPrefix("T-x") { expected.append(line) }  // a row of its own
        line += Int32(oddity.filter { $0 == "\n" }.count)
      }
      csv += "T-\(n),note \(n % 5)\n"
      expected.append(line)
      line += 1
    }
    let (table, _) = try readTable(csv, chunks: 4)
    #expect(Array(table.lines) == expected)
    #expect(table.lines.stored.count == (oddity.isEmpty ? 1 : expected.count))
  }
}
