/// One loaded table's rows: those read, and those set aside as unreadable.
public struct TableCount: Hashable, Sendable {
  /// The table name (`tickets`).
  public var name: String
  /// The file as the playbook names it, for messages.
  public var file: String
  /// Rows loaded, not counting those set aside.
  public var rows: Int
  /// Rows set aside as unreadable or unlinkable (listed in the report).
  public var setAside: Int

  /// A table's counts; `rows` excludes the `setAside` rows.
  public init(name: String, file: String, rows: Int, setAside: Int) {
    self.name = name
    self.file = file
    self.rows = rows
    self.setAside = setAside
  }

  /// Each table's count, customers first then event tables in the order given (the
  /// playbook's load order), with set-aside rows counted by table name; a table left in
  /// its database counts the rows there (`Dataset.rowsInPlace`).
  public static func counts(of dataset: Dataset, eventTableOrder: [String]) -> [TableCount] {
    var setAside: [String: Int] = [:]
    for row in dataset.setAside { setAside[row.table, default: 0] += 1 }
    let tables = [dataset.customers] + eventTableOrder.compactMap { dataset.events[$0] }
    return tables.map {
      TableCount(
        name: $0.name, file: $0.file, rows: dataset.rowsInPlace[$0.name] ?? $0.rowCount,
        setAside: setAside[$0.name] ?? 0)
    }
  }
}
