/// The databases a `load` reads from (`from sqlite "app.db" table "t"`, `from postgres
/// table "t"`), and the words that say which rows: `table "NAME"` or `query "select …"`.
public enum DatabaseKind: String, CaseIterable, Sendable {
  case sqlite
  /// A PostgreSQL server, reached through libpq's own settings (`PGHOST`, …): the
  /// playbook names no file and holds no connection setting.
  case postgres

  /// Whether the kind is a file the load names (`sqlite "app.db"`); a server is not.
  public var readsAFile: Bool { self == .sqlite }

  /// The words after the database file: `table` and `query`.
  public static let selections = ["table", "query"]
}
