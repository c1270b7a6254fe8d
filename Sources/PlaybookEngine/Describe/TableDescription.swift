/// One loaded table as `describe` shows it, like DuckDB's `DESCRIBE` and `sniff_csv`:
/// the file, the rows loaded and set aside, and each column. Built from a loaded
/// `Dataset` and the playbook's `load` statements; it knows nothing of terminals.
public struct TableDescription: Hashable, Sendable {
  /// The table name (`tickets`).
  public var table: String
  /// The file it was read from, as the playbook's folder resolves it.
  public var file: String
  /// Rows loaded (not set aside).
  public var rowsLoaded: Int
  /// How many rows were set aside.
  public var setAsideCount: Int
  /// The first rows set aside (at most `shownSetAside`), in line order.
  public var setAside: [SetAsideRow]
  /// The columns in the file's header order.
  public var columns: [ColumnDescription]

  /// How many set-aside rows a description lists; the rest are counted.
  public static let shownSetAside = 5

  /// A table's description.
  public init(
    table: String, file: String, rowsLoaded: Int, setAsideCount: Int, setAside: [SetAsideRow],
    columns: [ColumnDescription]
  ) {
    self.table = table
    self.file = file
    self.rowsLoaded = rowsLoaded
    self.setAsideCount = setAsideCount
    self.setAside = setAside
    self.columns = columns
  }
}
