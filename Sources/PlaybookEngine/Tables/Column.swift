public import PlaybookLanguage

/// The values of one column, in a typed array. Timestamps and dates are seconds since
/// 1970-01-01T00:00:00Z (a date is its midnight UTC). A null row holds a placeholder
/// value (0, false, empty text); `Column.nulls` says which rows are null.
public enum ColumnValues: Sendable {
  case integer(ColumnArray<Int64>)
  case decimal(ColumnArray<Double>)
  case boolean(ColumnArray<Bool>)
  case timestamp(ColumnArray<Int64>)
  case text(TextColumn)
}

/// One named, typed column of a table.
public struct Column: Sendable {
  /// The column's header as it appears in the file (`csat`, `opened_at`).
  public var name: String
  /// The type declared with `types` or inferred from the values; it decides the case of
  /// `values` (a `date` column is held as `.timestamp`, at midnight UTC).
  public var type: ColumnType
  /// One value per row, in file order; a null row holds a placeholder.
  public var values: ColumnValues
  /// Which rows of `values` are null; its count is the row count.
  public var nulls: NullMask
  /// For a column inferred as text though its values nearly say otherwise — some values
  /// that do not fit, or dates whose day and month order is not known — which value and
  /// where (the checker and `describe` say so); nil otherwise.
  public var textReason: TextReason?
  /// For a database load's column of a type Playloop has none for (`jsonb`,
  /// `interval`), the database's name of that type: the column holds its values' text.
  public var databaseType: String?

  /// A column of `values`, which must have as many rows as `nulls` and the case `type` stores.
  public init(name: String, type: ColumnType, values: ColumnValues, nulls: NullMask) {
    self.name = name
    self.type = type
    self.values = values
    self.nulls = nulls
  }
}
