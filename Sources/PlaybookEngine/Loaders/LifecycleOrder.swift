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
    var rows: [Int] = []
    var found: [SetAsideRow] = []
    for row in 0..<table.rowCount where !opened.nulls.isNull(row) {
      let start = opened.values[row]
      for k in fields.indices where !nulls[k].isNull(row) && values[k][row] < start {
        rows.append(row)
        found.append(
          SetAsideRow(
            table: spec.name, file: spec.path, line: Int(table.lines[row]),
            reason: "\(fields[k]) \(Timestamp.format(values[k][row])) is before opened \(Timestamp.format(start))",
            customer: (link ?? keys).string(row)))
        break
      }
    }
    guard !rows.isEmpty else { return }
    setAside(rows, found)
  }
}
