/// The 1-based line in a table's file where each row starts, for messages about a row.
/// Kept as the first row's line alone when every row starts on the line after the one
/// before's (a file with no blank lines, no quoted line breaks and no rows set aside, as
/// most are); otherwise one line per row. At 10M customers the lines of such files were
/// 360 MB that said nothing the row numbers did not.
public struct RowLines: Sendable, ExpressibleByArrayLiteral {
  /// The first row's line (when `each` is nil).
  @usableFromInline let first: Int32
  /// Every row's line, when they do not follow one another.
  @usableFromInline let each: ColumnArray<Int32>?
  /// The number of rows.
  public let count: Int

  /// The lines of `count` rows, the first on `first` and each on the next line.
  public init(first: Int32, count: Int) {
    self.first = first
    self.each = nil
    self.count = count
  }

  /// These lines, one per row; kept as the first alone when they follow one another.
  public init(_ lines: ColumnArray<Int32>) {
    let first = lines.first ?? 1
    let consecutive = lines.withUnsafeBufferPointer { lines in
      lines.indices.allSatisfy { lines[$0] == first &+ Int32(truncatingIfNeeded: $0) }
    }
    self.first = first
    self.each = consecutive ? nil : lines
    self.count = lines.count
  }

  /// These lines, one per row (tests write them so).
  public init(arrayLiteral lines: Int32...) { self.init(ColumnArray(lines)) }

  /// The line where `row` starts.
  @inlinable public subscript(row: Int) -> Int32 {
    if let each { return each[row] }
    return first &+ Int32(truncatingIfNeeded: row)
  }

  /// What a snapshot keeps: every row's line, or the first alone when they follow one
  /// another (none for no rows). `init(stored:count:)` reads it back.
  var stored: ColumnArray<Int32> {
    if let each { return each }
    return count == 0 ? [] : [first]
  }

  /// Lines as `stored` keeps them, for `count` rows; nil when they cannot be.
  init?(stored: ColumnArray<Int32>, count: Int) {
    switch stored.count {
    case count: self.init(stored)
    case 1 where count > 1: self.init(first: stored[0], count: count)
    default: return nil
    }
  }
}

extension RowLines: RandomAccessCollection, Equatable {
  /// The first row, 0.
  public var startIndex: Int { 0 }
  /// Past the last row: the number of rows.
  public var endIndex: Int { count }

  /// The same line for every row, however they are kept.
  public static func == (a: RowLines, b: RowLines) -> Bool { a.elementsEqual(b) }
}
