public import PlaybookLanguage

/// A loaded table, held column by column.
public struct Table: Sendable {
  /// The table name from the playbook (`tickets`).
  public var name: String
  /// The file it was read from, as given (for messages).
  public var file: String
  /// Rows kept after reading (rows set aside are not counted); every column has this many.
  public var rowCount: Int
  /// The columns in the file's header order.
  public var columns: [Column]
  /// The 1-based line in `file` where each row starts, for messages about a row.
  public var lines: RowLines

  /// A table of these columns, each `rowCount` rows long, with one entry of `lines` per row.
  public init(name: String, file: String, rowCount: Int, columns: [Column], lines: RowLines) {
    self.name = name
    self.file = file
    self.rowCount = rowCount
    self.columns = columns
    self.lines = lines
  }

  /// The index of the column called `name`, if any. For compiling plans, not per row.
  public func columnIndex(_ name: String) -> Int? {
    columns.firstIndex { $0.name == name }
  }

  /// The schema the checker needs.
  public var schema: [ColumnSchema] {
    columns.map { ColumnSchema(name: $0.name, type: $0.type, textReason: $0.textReason) }
  }
}
