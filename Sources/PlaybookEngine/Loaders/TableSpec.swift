import PlaybookLanguage

/// One `load` statement, resolved: which file to read as which table, and how it links.
public struct TableSpec: Sendable, Equatable {
  /// The table name (`customers`, `tickets`).
  public var name: String
  /// The file, absolute or relative to the current directory (already resolved against
  /// the playbook's folder).
  public var path: String
  /// CSV or JSON Lines; by default from the path's extension.
  public var format: TableFormat
  /// The column holding each row's key (customer id, trigger id).
  public var keyColumn: String
  /// The column naming each event row's customer; nil for the customers table.
  public var linkColumn: String?
  /// Column types stated with `types`; other columns are inferred.
  public var declaredTypes: [String: ColumnType]
  /// Lifecycle field → the column it reads (`opened` → `opened_at`), for an event table:
  /// a row whose `responded` or `resolved` time is before its `opened` one is set aside.
  public var lifecycleColumns: [String: String] = [:]

  /// A spec for the file at `path`; `format` nil takes it from the path's extension, and
  /// `linkColumn` nil makes this the customers table.
  public init(
    name: String, path: String, format: TableFormat? = nil, keyColumn: String = "id",
    linkColumn: String? = nil, declaredTypes: [String: ColumnType] = [:]
  ) {
    self.name = name
    self.path = path
    self.format = format ?? TableFormat(path: path)
    self.keyColumn = keyColumn
    self.linkColumn = linkColumn
    self.declaredTypes = declaredTypes
  }
}
