import PlaybookLanguage

extension KeyedTable {
  /// The later lifecycle fields, in the order a row is checked.
  private static let laterFields = ["responded", "resolved"]

  /// Sets aside the rows whose `responded` or `resolved` time is before their `opened`
  /// time: such a row would read as resolved in minus three hours. Only timestamp and
  /// date columns are compared; a null time is never out of order.
  mutating func setAsideBackwardsLifecycles(_ spec: TableSpec) {
    func times(_ field: String) -> (values: ColumnArray<Int64>, nulls: NullMask)? {
      guard let name = spec.lifecycleColumns[field], let c = table.columnIndex(name),
        case .timestamp(let values) = table.columns[c].values
      else { return nil }
      return (values, table.columns[c].nulls)
    }
    guard table.rowCount > 0, let opened = times("opened") else { return }
    let fields = Self.laterFields.filter { times($0) != nil }
    // The later columns' values and nulls apart, so that a row's check copies nothing.
    let values = fields.map { times($0)!.values }
    let nulls = fields.map { times($0)!.nulls }
    // Each row's first backward field, found in parallel over ranges of rows (the other
    // core would wait otherwise: 5M tickets took one core 80 ms), in row order. Read
    // through pointers: taking a column out of the lists for every row and field counted
    // a reference on it each time.
    let openedTimes = Times(opened.values, opened.nulls)
    let later = zip(values, nulls).map { Times($0, $1) }
    let backwards = withExtendedLifetime((opened, values, nulls)) {
      Partitions.map(count: table.rowCount) { range in
        var found: [(row: Int, field: Int)] = []
        later.withUnsafeBufferPointer { later in
          for row in range where !openedTimes.isNull(row) {
            let start = openedTimes.values[row]
            if let k = later.indices.first(where: { !later[$0].isNull(row) && later[$0].values[row] < start }) {
              found.append((row, k))
            }
          }
        }
        return found
      }
    }
    guard !backwards.isEmpty else { return }
    let found = backwards.map { row, k in
      SetAsideRow(
        table: spec.name, file: spec.path, line: Int(table.lines[row]),
        reason:
          "\(fields[k]) \(Timestamp.format(values[k][row])) is before opened \(Timestamp.format(opened.values[row]))",
        customer: (link ?? keys).string(row))
    }
    setAside(backwards.map(\.row), found)
  }
}

/// A time column's values and null words through plain pointers, valid while the column
/// lives (`setAsideBackwardsLifecycles` keeps it alive).
private struct Times: @unchecked Sendable {
  let values: UnsafePointer<Int64>
  let nulls: UnsafePointer<UInt64>

  /// A column of at least one row.
  init(_ values: ColumnArray<Int64>, _ nulls: NullMask) {
    self.values = values.buffer.baseAddress!
    self.nulls = nulls.words.buffer.baseAddress!
  }

  @inline(__always) func isNull(_ row: Int) -> Bool { NullMask.isNull(row, in: nulls) }
}
