/// The line of each row a chunk keeps (counted from the chunk's first line), as the
/// chunk is read: the first row's line and a count while each row starts on the line
/// after the one before's (as in most files), one line per row from the first that does
/// not. Writing every row's line, to find them consecutive when the table is built
/// (`RowLines`), cost 36 MB at 1M customers and a pass over them on one core.
struct ChunkLines: Sendable, RandomAccessCollection, Equatable {
  /// The first row's line (while `each` is nil); not `first`, which a collection's
  /// `first` (an optional) shadows where an optional is wanted.
  private var firstLine: Int32 = 0
  /// Every row's line, once they stopped following one another.
  private var each: [Int32]?
  /// The number of rows.
  private(set) var count = 0

  init() {}

  /// These lines, one per row.
  init(_ lines: [Int32]) {
    for line in lines { append(line) }
  }

  /// Adds the next row's line.
  @inline(__always) mutating func append(_ line: Int32) {
    if each == nil {
      if count == 0 { firstLine = line }
      if line == firstLine &+ Int32(truncatingIfNeeded: count) {
        count += 1
        return
      }
      each = (0..<count).map { firstLine &+ Int32(truncatingIfNeeded: $0) }
    }
    each!.append(line)
    count += 1
  }

  /// The first row's line, when every row starts on the line after the one before's.
  var consecutiveFrom: Int32? { each == nil ? firstLine : nil }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  subscript(row: Int) -> Int32 {
    if let each { return each[row] }
    return firstLine &+ Int32(truncatingIfNeeded: row)
  }

  static func == (a: ChunkLines, b: ChunkLines) -> Bool { a.elementsEqual(b) }
}
