import GRDBSQLite
import PlaybookLanguage

/// A SQLite column's type for Playloop: from its declared type, by SQLite's own
/// affinity rules sharpened by the names people give booleans and times; else from how
/// its values are stored.
enum SQLiteColumnType {
  /// The type a column declared `declared` holds, nil when the declaration does not
  /// say (none, `BLOB`, or a name SQLite gives no text or number meaning):
  /// `…BOOL…` boolean; `DATETIME`, `TIMESTAMP…` timestamp; `DATE` date; `…INT…`
  /// integer; `…CHAR…`, `…CLOB…`, `…TEXT…` text; `…REAL…`, `…FLOA…`, `…DOUB…`,
  /// `NUMERIC`, `DECIMAL…` decimal. Times are read from ISO 8601 text, as in a data file.
  static func type(declared: String) -> ColumnType? {
    let name = declared.uppercased()
    func has(_ parts: String...) -> Bool { parts.contains { name.contains($0) } }
    if has("BOOL") { return .boolean }
    if has("DATETIME", "TIMESTAMP") { return .timestamp }
    if name == "DATE" { return .date }
    if has("INT") { return .integer }
    if has("CHAR", "CLOB", "TEXT") { return .text }
    if has("REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL") { return .decimal }
    return nil
  }

  /// How a column's values are stored, for a column whose declaration does not say.
  struct Stored {
    private var integers = false
    private var reals = false
    private var texts = false

    /// Notes one value's storage class (`SQLITE_INTEGER`, …).
    mutating func note(_ storage: Int32) {
      switch storage {
      case SQLITE_INTEGER: integers = true
      case SQLITE_FLOAT: reals = true
      case SQLITE_NULL: break
      default: texts = true
      }
    }

    /// Text when any value is text or a blob, else decimal when any is a real, else
    /// integer; text for a column of nulls only.
    var type: ColumnType {
      if texts || !(integers || reals) { return .text }
      return reals ? .decimal : .integer
    }
  }
}
