/// `from sqlite "app.db" table "customers"`, `from sqlite "app.db" query "select …"` or
/// `from postgres table "customers"`: a load's rows read from a database rather than a
/// data file. `Load.path` is a SQLite database's file, nil for a PostgreSQL server;
/// exactly one of `table` and `query` is set.
public struct DatabaseSource: Hashable, Sendable {
  /// The database kind as written (`sqlite`, `postgres`); the parser accepts only `DatabaseKind`s.
  public var kind: Name
  /// `table "customers"`: every row and column of that table.
  public var table: StringLiteral?
  /// `query "select …"`: the rows and columns of one read-only SQL query.
  public var query: StringLiteral?

  /// A table's rows (`table`) or a query's (`query`).
  public init(kind: Name, table: StringLiteral? = nil, query: StringLiteral? = nil) {
    self.kind = kind
    self.table = table
    self.query = query
  }
}
