/// How loading one table went: its size and how long reading, typing and linking it
/// took. The benchmark and the shell's timings report it per table.
public struct TableLoad: Sendable, Equatable {
  public var table: String
  public var file: String
  /// The file's size.
  public var bytes: Int
  /// Rows kept (not set aside).
  public var rows: Int
  public var milliseconds: Double

  public init(table: String, file: String, bytes: Int, rows: Int, milliseconds: Double) {
    self.table = table
    self.file = file
    self.bytes = bytes
    self.rows = rows
    self.milliseconds = milliseconds
  }
}
