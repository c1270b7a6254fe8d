/// Text values stored end to end in one byte buffer: no `String` per row.
///
/// Values are cut from `bytes` at `ends`: value `v` is `bytes[start..<ends[v]]`, where
/// `start` is the value before's end (0 for value 0). A column of few distinct values (a
/// ticket's `kind`, a call's agent, subjects made from templates) keeps each distinct
/// value once and a number per row saying which (`codes`), as does a link column, whose
/// values are the customers' keys (`KeyedTable.shareLinkText`): at 1M customers the
/// loaded tables fall from 1,159 MB to 732 MB. Other columns keep one value per row, in
/// row order. Readers go through `start(_:)`, `end(_:)` and `withUTF8(_:_:)`, which mean
/// the same in both.
public struct TextColumn: Sendable {
  /// The values' UTF-8 bytes, end to end, with no separators.
  public var bytes: ColumnArray<UInt8>
  /// Where each value ends in `bytes`. 32 bits halve the cost of millions of rows;
  /// a loaded column of more than 4 GB of text is refused (`ColumnBuilder.joined`).
  public var ends: ColumnArray<UInt32>
  /// Per row, the number of its value (an index into `ends`), when the column keeps each
  /// distinct value once; nil when row `i` is value `i`.
  public var codes: TextCodes?

  /// A column over `bytes` cut at `ends` (each end at or after the one before), a value
  /// per row, or the values `codes` name (each below `ends.count`); empty by default.
  public init(bytes: ColumnArray<UInt8> = [], ends: ColumnArray<UInt32> = [], codes: TextCodes? = nil) {
    self.bytes = bytes
    self.ends = ends
    self.codes = codes
  }

  /// The number of rows.
  public var count: Int { codes?.count ?? ends.count }

  /// The distinct values, one per row, when the column keeps each once; else the column.
  public var dictionary: TextColumn { TextColumn(bytes: bytes, ends: ends) }

  /// The number of `row`'s value in `ends`.
  @inlinable public func value(_ row: Int) -> Int {
    if let codes { return codes[row] }
    return row
  }

  /// The offset in `bytes` where `row`'s text starts (the previous value's end; 0 for value 0).
  @inlinable public func start(_ row: Int) -> Int {
    let v = value(row)
    return v == 0 ? 0 : Int(ends[v - 1])
  }

  /// The offset in `bytes` just past `row`'s text.
  @inlinable public func end(_ row: Int) -> Int { Int(ends[value(row)]) }

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

  /// Appends one row holding the bytes `utf8` (a column of a value per row, as one made
  /// empty is). Traps past 4 GB of text in one column.
  public mutating func append<C: Collection>(utf8: C) where C.Element == UInt8 {
    precondition(codes == nil, "rows are appended to a column of a value per row")
    let count = bytes.modify {
      $0.append(contentsOf: utf8)
      return $0.count
    }
    precondition(count <= UInt32.max, "a text column holds at most 4 GB")
    ends.modify { $0.append(UInt32(count)) }
  }

  /// The same rows with a value per row, in row order.
  public var expanded: TextColumn {
    guard let codes else { return self }
    let total = (0..<codes.count).reduce(0) { $0 + end($1) - start($1) }
    var rowEnds = [UInt32](repeating: 0, count: codes.count)
    let text = [UInt8](unsafeUninitializedCapacity: total) { out, count in
      bytes.withUnsafeBufferPointer { all in
        var at = 0
        for row in 0..<codes.count {
          let (lower, upper) = (start(row), end(row))
          if upper > lower { (out.baseAddress! + at).update(from: all.baseAddress! + lower, count: upper - lower) }
          at += upper - lower
          rowEnds[row] = UInt32(truncatingIfNeeded: at)
        }
        count = at
      }
    }
    return TextColumn(bytes: ColumnArray(text), ends: ColumnArray(rowEnds))
  }
}
