/// How loading one table went: its size and how long reading, typing and linking it
/// took. The benchmark and the shell's timings report it per table.
public struct TableLoad: Sendable, Equatable {
  /// The table name from the playbook (`tickets`).
  public var table: String
  /// The file as the playbook names it, for messages.
  public var file: String
  /// The file's size.
  public var bytes: Int
  /// Rows kept (not set aside).
  public var rows: Int
  /// Wall time spent reading, typing and linking the table, in milliseconds (fractional).
  public var milliseconds: Double
  /// Whether the table came from its snapshot, or why not (`SnapshotUse.off` without a cache).
  public var snapshot: SnapshotUse = .off

  /// A table's load record; `bytes` is the file's size and `rows` the rows kept.
  public init(table: String, file: String, bytes: Int, rows: Int, milliseconds: Double) {
    self.table = table
    self.file = file
    self.bytes = bytes
    self.rows = rows
    self.milliseconds = milliseconds
  }
}
