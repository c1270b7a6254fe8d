/// One bit per row: set when the row's value is null (an empty field, a missing key).
public struct NullMask: Sendable {
  /// The bits, 64 rows per word: row `r` is bit `r % 64` of word `r / 64`.
  public private(set) var words: ColumnArray<UInt64>
  /// The number of rows the mask covers.
  public private(set) var count: Int

  /// A mask of `count` rows, none of them null.
  public init(count: Int = 0) {
    self.count = count
    self.words = ColumnArray(Array(repeating: 0, count: (count + 63) / 64))
  }

  /// A mask of `count` rows over `words` (as `words` holds them), for a snapshot read
  /// back; nil when the words do not fit the count.
  init?(words: ColumnArray<UInt64>, count: Int) {
    guard words.count == (count + 63) / 64 else { return nil }
    self.words = words
    self.count = count
  }

  /// Whether `row` (0-based, below `count`) is null. Always inlined: evaluation asks for
  /// every row, and the call costs more than the test.
  @inlinable @inline(__always) public func isNull(_ row: Int) -> Bool {
    words[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  /// Adds one row at the end, null when `isNull` is true.
  public mutating func append(isNull: Bool) {
    let row = count
    words.modify {
      if row & 63 == 0 { $0.append(0) }
      if isNull { $0[row >> 6] |= 1 << UInt64(row & 63) }
    }
    count += 1
  }

  /// Marks `row` (below `count`) null.
  public mutating func setNull(_ row: Int) {
    words.modify { $0[row >> 6] |= 1 << UInt64(row & 63) }
  }

  /// A mask of `count` rows, null where `isNull` says: the words are set in an array of
  /// their own, then kept.
  init(count: Int, isNull: (Int) -> Bool) {
    var words = [UInt64](repeating: 0, count: (count + 63) / 64)
    words.withUnsafeMutableBufferPointer { words in
      for row in 0..<count where isNull(row) { words[row >> 6] |= 1 << UInt64(row & 63) }
    }
    self.words = ColumnArray(words)
    self.count = count
  }

  /// True when no row is null, so evaluators can skip the test.
  public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

  /// Marks null the rows of `other` that are, shifted down by `offset` rows.
  mutating func setNulls(from other: NullMask, at offset: Int) {
    words.modify {
      $0.withUnsafeMutableBufferPointer { words in
        for (w, word) in other.words.enumerated() where word != 0 {
          var bits = word
          while bits != 0 {
            let row = offset + w * 64 + bits.trailingZeroBitCount
            words[row >> 6] |= 1 << UInt64(row & 63)
            bits &= bits - 1
          }
        }
      }
    }
  }
}

extension NullMask {
  /// Whether `row` is null in a mask's `words` read through a pointer (a loop that must
  /// not retain the mask's buffer: `TextColumn.Pointers`, `Lifecycle.TimeColumn`).
  @inline(__always) static func isNull(_ row: Int, in words: UnsafePointer<UInt64>) -> Bool {
    words[row >> 6] & (1 << UInt64(row & 63)) != 0
  }
}
