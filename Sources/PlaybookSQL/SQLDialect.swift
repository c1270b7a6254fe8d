import PlaybookLanguage

/// What differs between the SQL engines a playbook compiles to: spelling, not meaning.
/// The compiler writes every construct through these, so a new engine (Spark) is a new
/// dialect and the refusals its engine needs, not a second compiler.
public protocol SQLDialect: Sendable {
  /// The name `--to` takes and messages use: `postgres`.
  var name: String { get }
  /// The database the SQL runs in: loads from it are read where they are.
  var database: DatabaseKind? { get }
  /// The header's last lines: what the input tables' types and the session must be.
  var inputNotes: [String] { get }
  /// The input column type a column of `type` is expected to have.
  func columnType(_ type: ColumnType) -> String
  /// A null of `type`.
  func null(_ type: ColumnType) -> String
  /// `name` quoted as an identifier.
  func identifier(_ name: String) -> String
  /// `text` as a string literal; nil when the engine's text cannot hold it (a NUL byte).
  func textLiteral(_ text: String) -> String?
  /// `value` as a 64-bit float, read back to the very same bits.
  func floatLiteral(_ value: Double) -> String
  /// A column of the input table converted to the engine's number: a 64-bit float.
  func float(_ sql: String) -> String
  /// A timestamp (`type` `.timestamp`) or date column as whole seconds since 1970-01-01
  /// UTC, rounded down, whatever the session's time zone.
  func epochSeconds(_ sql: String, of type: ColumnType) -> String
  /// `sql` (text) with byte-order comparison and sorting.
  func byteOrder(_ sql: String) -> String
  /// `sql` (text) with ASCII letters lower-cased and every other byte kept, as the
  /// engine folds text for `contains`, `starts with` and `ends with`.
  func asciiLower(_ sql: String) -> String
  /// Whether `needle` (text) occurs in `haystack` (text), byte for byte; null when either is.
  func occurs(_ needle: String, in haystack: String) -> String
  /// The first (or, `atEnd`, last) `count` characters of `sql`.
  func affix(_ sql: String, count: Int, atEnd: Bool) -> String
  /// 64-bit integers divided, rounded toward zero (`divisor` is positive).
  func integerQuotient(_ dividend: String, by divisor: Int64) -> String
  /// Seconds since 1970-01-01 UTC (bigint) as ISO 8601 text in UTC: `2026-11-01T00:00:00Z`.
  func isoTime(_ sql: String) -> String
  /// A key or link column as text.
  func keyText(_ sql: String) -> String
  /// `sql` (text) without the ASCII white space (space, tab, line feed, vertical tab, form
  /// feed, carriage return) at either end, as the engine's `trim`.
  func trimmed(_ sql: String) -> String
  /// A part of the time `sql` (seconds since 1970-01-01 UTC) on the UTC wall clock, as a float.
  func calendar(_ field: CalendarField, ofSeconds sql: String) -> String
  /// A 64-bit float truncated toward zero to a 64-bit integer.
  func truncatedInteger(_ sql: String) -> String
}

/// The dialects `playloop compile --to` takes.
public enum SQLTarget: String, CaseIterable, Sendable {
  case postgres
  case spark

  /// The dialect that writes this target's SQL.
  public var dialect: any SQLDialect {
    switch self {
    case .postgres: PostgresDialect()
    case .spark: SparkDialect()
    }
  }
}
