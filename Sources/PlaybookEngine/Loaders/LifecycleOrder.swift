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
    guard let opened = times("opened") else { return }
    let fields = Self.laterFields.filter { times($0) != nil }
    // The later columns' values and nulls apart, so that a row's check copies nothing.
    let values = fields.map { times($0)!.values }
    let nulls = fields.map { times($0)!.nulls }
    // Each row's first backward field, found in parallel over ranges of rows (the other
    // core would wait otherwise: 5M tickets took one core 80 ms), in row order.
    let backwards = Partitions.map(count: table.rowCount) { range in
      var found: [(row: Int, field: Int)] = []
      for row in range where !opened.nulls.isNull(row) {
        let start = opened.values[row]
        if let k = fields.indices.first(where: { !nulls[$0].isNull(row) && values[$0][row] < start }) {
          found.append((row, k))
        }
      }
      return found
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
