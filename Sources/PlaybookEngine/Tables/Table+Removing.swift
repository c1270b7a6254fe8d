extension Table {
  /// The table without `rows` (ascending): rows set aside after it was built.
  func removing(_ rows: [Int]) -> Table {
    let kept = Self.kept(count: rowCount, removing: rows)
    let columns = columns.map { column in
      let values = TypedValues(values: column.values, nulls: column.nulls).removing(rows)
      return Column(name: column.name, type: column.type, values: values.values, nulls: values.nulls)
    }
    return Table(
      name: name, file: file, rowCount: kept.count, columns: columns,
      lines: RowLines(ColumnArray(kept.map { lines[$0] })))
  }

  /// The rows of `0..<count` not in `rows` (ascending).
  static func kept(count: Int, removing rows: [Int]) -> [Int] {
    var kept: [Int] = []
    kept.reserveCapacity(count - rows.count)
    var next = 0
    for row in 0..<count {
      if next < rows.count, rows[next] == row {
        next += 1
      } else {
        kept.append(row)
      }
    }
    return kept
  }
}

extension TextColumn {
  /// The column without `rows` (ascending): the text between them copied a run at a
  /// time, or, for a column keeping each distinct value once, the other rows' numbers.
  func removing(_ rows: [Int]) -> TextColumn {
    guard !rows.isEmpty else { return self }
    if let codes {
      let kept = Table.kept(count: count, removing: rows)
      guard !kept.isEmpty else { return TextColumn() }
      return TextColumn(bytes: bytes, ends: ends, codes: codes.selecting(kept))
    }
    var ends: [UInt32] = []
    ends.reserveCapacity(count - rows.count)
    var removedBytes = 0
    var next = 0
    for row in 0..<count {
      if next < rows.count, rows[next] == row {
        removedBytes += end(row) - start(row)
        next += 1
      } else {
        ends.append(UInt32(end(row) - removedBytes))
      }
    }
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count - removedBytes)
    var from = 0
    for row in rows {
      kept.append(contentsOf: bytes[from..<start(row)])
      from = end(row)
    }
    kept.append(contentsOf: bytes[from...])
    return TextColumn(bytes: ColumnArray(kept), ends: ColumnArray(ends))
  }
}
