/// One column of row-major spans, read in place.
struct ColumnOfRows: RandomAccessCollection {
  let rows: UnsafeBufferPointer<FieldSpan>
  let width: Int
  let column: Int

  var startIndex: Int { 0 }
  var endIndex: Int { rows.count / width }
  @inline(__always) subscript(row: Int) -> FieldSpan { rows[row &* width &+ column] }
}
