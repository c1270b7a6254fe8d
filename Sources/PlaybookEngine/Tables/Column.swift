public import PlaybookLanguage

/// The values of one column, in a typed array. Timestamps and dates are seconds since
/// 1970-01-01T00:00:00Z (a date is its midnight UTC). A null row holds a placeholder
/// value (0, false, empty text); `Column.nulls` says which rows are null.
public enum ColumnValues: Sendable {
  case integer([Int64])
  case decimal([Double])
  case boolean([Bool])
  case timestamp([Int64])
  case text(TextColumn)
}

/// One named, typed column of a table.
public struct Column: Sendable {
  public var name: String
  public var type: ColumnType
  public var values: ColumnValues
  public var nulls: NullMask

  public init(name: String, type: ColumnType, values: ColumnValues, nulls: NullMask) {
    self.name = name
    self.type = type
    self.values = values
    self.nulls = nulls
  }
}
