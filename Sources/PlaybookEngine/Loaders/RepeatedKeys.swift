extension KeyedTable {
  /// Sets aside every row whose key repeats an earlier row's (docs/LANGUAGE.md, "Rows set
  /// aside"): an event is one row, and file order, which a database table does not have,
  /// must not pick between two. The first row of a key is kept; each later one is set
  /// aside naming the key and the first one's line. An empty key names no event and is
  /// not compared. Returns the index of the keys kept, for tables other tables link to.
  mutating func setAsideRepeatedKeys(_ spec: TableSpec) -> KeyIndex {
    let built = KeyIndex.build(keys)
    let repeated = built.duplicates.filter { keys.start($0.row) != keys.end($0.row) }
    guard !repeated.isEmpty else { return built.index }
    let found = repeated.map { duplicate in
      SetAsideRow(
        table: spec.name, file: spec.path, line: Int(table.lines[duplicate.row]),
        reason: repeatedKey(duplicate, spec, rowName: spec.rowName), customer: (link ?? keys).string(duplicate.row))
    }
    setAside(repeated.map(\.row), found)
    return KeyIndex.build(keys).index
  }
}
