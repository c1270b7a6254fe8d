import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Conditions evaluated a column at a time: one tight loop over a column instead of a
/// closure call per row. Used where a condition is evaluated for every row of a table
/// (a `define`'s filters), for the shapes where it pays; other conditions go row by row.
enum RowMask {
  /// Each row's truth (unknown counts as false) of `filter` when it compares a text
  /// column of the row in the `.row` slot with a literal for (in)equality, as in
  /// `ticket.kind == "complaint"`; nil for any other condition. A null value makes the
  /// comparison unknown, as it does row by row.
  static func textEquality(_ filter: CompiledExpr, rowCount: Int) -> [Bool]? {
    guard case .binary(let op, _, _) = filter.expr.kind, op == .equal || op == .notEqual,
      filter.children.count == 2
    else { return nil }
    let column: TextColumn
    let nulls: NullMask
    let literal: [UInt8]
    switch (filter.children[0].evaluation, filter.children[1].evaluation) {
    case (.text(.column(let c, let n, .row)), .text(.literal(let l))),
      (.text(.literal(let l)), .text(.column(let c, let n, .row))):
      (column, nulls, literal) = (c, n, l)
    default:
      return nil
    }
    guard column.count == rowCount else { return nil }
    let wanted = op == .equal
    // A column keeping each distinct value once compares each value once (unless its
    // values outnumber its rows: a link column's are every customer's key).
    if let codes = column.codes, column.ends.count <= rowCount {
      let values = column.dictionary
      let equal = equalities(values, literal, rows: 0..<values.count)
      return Partitions.map(count: rowCount) { range in
        var out = [Bool](repeating: false, count: range.count)
        codes.forEachNumber(in: range) { row, value in
          out[row - range.lowerBound] = !nulls.isNull(row) && equal[value] == wanted
        }
        return out
      }
    }
    return Partitions.map(count: rowCount) { range in
      zip(range, equalities(column, literal, rows: range)).map { row, equal in !nulls.isNull(row) && equal == wanted }
    }
  }

  /// Whether each row of `column` in `rows` is `literal`.
  private static func equalities(_ column: TextColumn, _ literal: [UInt8], rows: Range<Int>) -> [Bool] {
    column.bytes.withUnsafeBufferPointer { bytes in
      literal.withUnsafeBufferPointer { literal in
        [Bool](unsafeUninitializedCapacity: rows.count) { out, count in
          for (k, row) in rows.enumerated() {
            let start = column.start(row)
            let length = column.end(row) &- start
            var equal = length == literal.count
            if equal, length > 0 {
              equal = memcmp(bytes.baseAddress! + start, literal.baseAddress!, length) == 0
            }
            out[k] = equal
          }
          count = rows.count
        }
      }
    }
  }
}
