/// One bit per row: set when the row's value is null (an empty field, a missing key).
public struct NullMask: Sendable {
  public private(set) var words: [UInt64]
  public private(set) var count: Int

  public init(count: Int = 0) {
    self.count = count
    self.words = Array(repeating: 0, count: (count + 63) / 64)
  }

  @inlinable public func isNull(_ row: Int) -> Bool {
    words[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  public mutating func append(isNull: Bool) {
    if count & 63 == 0 { words.append(0) }
    if isNull { words[count >> 6] |= 1 << UInt64(count & 63) }
    count += 1
  }

  public mutating func setNull(_ row: Int) {
    words[row >> 6] |= 1 << UInt64(row & 63)
  }

  /// True when no row is null, so evaluators can skip the test.
  public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

  /// Marks null the rows of `other` that are, shifted down by `offset` rows.
  mutating func setNulls(from other: NullMask, at offset: Int) {
    for (w, word) in other.words.enumerated() where word != 0 {
      var bits = word
      while bits != 0 {
        setNull(offset + w * 64 + bits.trailingZeroBitCount)
        bits &= bits - 1
      }
    }
  }
}
