/// The type of a loaded column, inferred from the data or stated with `types`.
///
/// The raw values are the words a `types` clause takes. `integer` and `decimal` are
/// numbers; `boolean` is `true`/`false` (or `yes`/`no`); `timestamp` is a date-time and `date`
/// a date, read as midnight UTC; `text` is anything else.
public enum ColumnType: String, Hashable, Sendable, CaseIterable {
  case integer, decimal, boolean, timestamp, date, text
}

/// One value of a data file, where it sits: what a reason about the data points at.
public struct DataValue: Hashable, Sendable {
  /// The value's text as the file holds it.
  public var text: String
  /// The file, as the loader names it in messages.
  public var file: String
  /// The 1-based line where the value's row starts.
  public var line: Int
  /// `text` at `line` of `file`.
  public init(_ text: String, file: String, line: Int) {
    self.text = text
    self.file = file
    self.line = line
  }
}

/// Why a column inferred as text is text when the data nearly says otherwise: the
/// checker names it in a type error, with the `types` or `nulls` line that fixes it.
public enum TextReason: Hashable, Sendable {
  /// Most values are of type `wouldBe`, but `first` (the first of `count` such values)
  /// is not one.
  case misfit(wouldBe: ColumnType, first: DataValue, count: Int)
  /// Dates or times that read both day first and month first (`03/04/2026`): which one
  /// is meant is never guessed. `formats` are the `types` formats that would read them.
  case ambiguousDayMonth(first: DataValue, formats: [String])
}

/// A column's name and type, as the checker sees it.
public struct ColumnSchema: Hashable, Sendable {
  /// The column's name as in the file's header (CSV) or keys (JSON Lines).
  public var name: String
  /// The column's type: stated with `types`, else inferred from the data.
  public var type: ColumnType
  /// For a column inferred as text only because of some of its values, which value and
  /// where; nil otherwise.
  public var textReason: TextReason?
  /// A column named `name` of type `type`, text for `textReason` when one is given.
  public init(name: String, type: ColumnType, textReason: TextReason? = nil) {
    self.name = name
    self.type = type
    self.textReason = textReason
  }
}

/// The columns of each loaded table, keyed by table name (`customers`, `tickets`).
/// The engine builds it from the files; tests hand one in.
public struct DataSchema: Hashable, Sendable {
  /// Table name (as in `load TABLE`) → its columns.
  public var tables: [String: [ColumnSchema]]
  /// The schema of `tables`; empty by default, for checking without data.
  public init(tables: [String: [ColumnSchema]] = [:]) {
    self.tables = tables
  }
  /// The time zone names this machine knows (the engine reads them from the system's
  /// tzdata), which the `timezone` statement's default must be one of; empty when not
  /// known (a check without data), and then the default is not checked.
  public var zoneNames: Set<String> = []
}
