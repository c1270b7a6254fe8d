public import PlaybookLanguage

/// Which rows of a database a load reads: a whole table, or one query's result.
public struct DatabaseSelection: Sendable, Equatable {
  /// `table "customers"` or `query "select …"`.
  public enum Rows: Sendable, Equatable {
    case table(String)
    case query(String)
  }

  /// The database kind (`sqlite`), which picks the registered `DatabaseReader`.
  public var kind: DatabaseKind
  /// The rows read.
  public var rows: Rows

  /// A selection of `rows` from a `kind` database.
  public init(kind: DatabaseKind, rows: Rows) {
    self.kind = kind
    self.rows = rows
  }
}

extension DatabaseSelection {
  /// The selection a load's `from sqlite "…" table "…"` (or `query`) states.
  public init?(_ source: DatabaseSource) {
    guard let kind = DatabaseKind(rawValue: source.kind.text) else { return nil }
    if let table = source.table {
      self.init(kind: kind, rows: .table(table.value))
    } else if let query = source.query {
      self.init(kind: kind, rows: .query(query.value))
    } else {
      return nil
    }
  }
}
