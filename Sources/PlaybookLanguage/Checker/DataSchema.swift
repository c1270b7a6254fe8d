/// The type of a loaded column, inferred from the data or stated with `types`.
///
/// The raw values are the words a `types` clause takes. `integer` and `decimal` are
/// numbers; `boolean` is `true`/`false` (or `yes`/`no`); `timestamp` is a date-time and `date`
/// a date, read as midnight UTC; `text` is anything else.
public enum ColumnType: String, Hashable, Sendable, CaseIterable {
  case integer, decimal, boolean, timestamp, date, text
}

/// A column's name and type, as the checker sees it.
public struct ColumnSchema: Hashable, Sendable {
  /// The column's name as in the file's header (CSV) or keys (JSON Lines).
  public var name: String
  /// The column's type: stated with `types`, else inferred from the data.
  public var type: ColumnType
  /// A column named `name` of type `type`.
  public init(name: String, type: ColumnType) {
    self.name = name
    self.type = type
  }
}

/// The columns of each loaded table, keyed by table name (`customers`, `tickets`).
/// The engine builds it from the files; tests hand one in.
public struct DataSchema: Hashable, Sendable {
  /// Table name (as in `load TABLE`) → its columns.
  public var tables: [String: [ColumnSchema]]
  /// The schema of `tables`; empty by default, for checking without data.
  public init(tables: [String: [ColumnSchema]] = [:]) {
    self.tables = tables
  }
}
