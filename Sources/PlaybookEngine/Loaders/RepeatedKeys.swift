extension KeyedTable {
  /// Sets aside every row whose key repeats an earlier row's (docs/LANGUAGE.md, "Rows set
  /// aside"): an event is one row, and file order, which a database table does not have,
  /// must not pick between two. The first row of a key is kept; each later one is set
  /// aside naming the key and the first one's line (`ticket "T-1" is already on line 2`;
  /// a database's rows are numbered in `DatabaseTable.canonicalOrder`, so the row kept is
  /// the first by its other columns' bytes). An empty key names no event and is not compared.
  mutating func setAsideRepeatedKeys(_ spec: TableSpec) {
    // Keys in ascending byte order (as exports sorted by id are) cannot repeat: one
    // pass proves it, without the index a hash of every key would need.
    guard !Self.ascending(keys) else { return }
    let repeated = KeyIndex.build(keys).duplicates.filter { keys.start($0.row) != keys.end($0.row) }
    guard !repeated.isEmpty else { return }
    let found = repeated.map { duplicate in
      let first = table.lines[duplicate.earlierRow]
      return SetAsideRow(
        table: spec.name, file: spec.path, line: Int(table.lines[duplicate.row]),
        reason:
          "\(spec.rowName) \"\(keys.string(duplicate.row))\" is already on \(spec.database == nil ? "line" : "row") \(first)",
        customer: (link ?? keys).string(duplicate.row))
    }
    setAside(repeated.map(\.row), found)
  }

  /// Whether each key of `keys` is after the one before it in `ByteOrder`.
  private static func ascending(_ keys: TextColumn) -> Bool {
    guard keys.count > 1 else { return true }
    // Read through pointers, each key once: an event table's keys are millions, checked
    // on one core while the other reads the next table.
    return withExtendedLifetime(keys) {
      let text = TextColumn.Pointers(keys)
      var previous = text.utf8(0)
      for row in 1..<keys.count {
        let key = text.utf8(row)
        guard ByteOrder.sign(previous, key) < 0 else { return false }
        previous = key
      }
      return true
    }
  }
}
