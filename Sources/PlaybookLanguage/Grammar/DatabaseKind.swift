/// The databases a `load` reads from (`from sqlite "app.db" table "t"`), and the words
/// that say which rows: `table "NAME"` or `query "select …"`.
public enum DatabaseKind: String, CaseIterable, Sendable {
  case sqlite

  /// The words after the database file: `table` and `query`.
  public static let selections = ["table", "query"]
}
