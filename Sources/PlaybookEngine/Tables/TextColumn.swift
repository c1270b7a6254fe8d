/// Text values stored end to end in one byte buffer: no `String` per row.
/// Row `i` is `bytes[start(i)..<end(i)]` where `start(i)` is `end(i-1)` (0 for row 0).
public struct TextColumn: Sendable {
  /// Every row's UTF-8 bytes, end to end, with no separators.
  public var bytes: ColumnArray<UInt8>
  /// Where each row's text ends in `bytes`. 32 bits halve the cost of millions of rows;
  /// a loaded column of more than 4 GB of text is refused (`ColumnBuilder.joined`).
  public var ends: ColumnArray<UInt32>

  /// A column over `bytes` cut at `ends` (each end at or after the one before); empty by default.
  public init(bytes: ColumnArray<UInt8> = [], ends: ColumnArray<UInt32> = []) {
    self.bytes = bytes
    self.ends = ends
  }

  /// The number of rows.
  public var count: Int { ends.count }

  /// The offset in `bytes` where `row`'s text starts (the previous row's end; 0 for row 0).
  @inlinable public func start(_ row: Int) -> Int { row == 0 ? 0 : Int(ends[row - 1]) }

  /// The offset in `bytes` just past `row`'s text.
  @inlinable public func end(_ row: Int) -> Int { Int(ends[row]) }

  /// Calls `body` with the UTF-8 bytes of `row`, without copying.
  @inlinable public func withUTF8<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R)
    rethrows -> R
  {
    let lower = start(row)
    let upper = end(row)
    return try bytes.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[lower..<upper]))
    }
  }

  /// The value of `row` as a `String` (for output, not for hot paths).
  public func string(_ row: Int) -> String {
    withUTF8(row) { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends one row holding the bytes `utf8`. Traps past 4 GB of text in one column.
  public mutating func append<C: Collection>(utf8: C) where C.Element == UInt8 {
    let count = bytes.modify {
      $0.append(contentsOf: utf8)
      return $0.count
    }
    precondition(count <= UInt32.max, "a text column holds at most 4 GB")
    ends.modify { $0.append(UInt32(count)) }
  }
}
