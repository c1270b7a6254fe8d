/// The type of a loaded column, inferred from the data or stated with `types`.
public enum ColumnType: String, Hashable, Sendable, CaseIterable {
  case integer, decimal, boolean, timestamp, date, text
}

/// A column's name and type, as the checker sees it.
public struct ColumnSchema: Hashable, Sendable {
  public var name: String
  public var type: ColumnType
  public init(name: String, type: ColumnType) {
    self.name = name
    self.type = type
  }
}

/// The columns of each loaded table, keyed by table name (`customers`, `tickets`).
/// The engine builds it from the files; tests hand one in.
public struct DataSchema: Hashable, Sendable {
  public var tables: [String: [ColumnSchema]]
  public init(tables: [String: [ColumnSchema]] = [:]) {
    self.tables = tables
  }
}
