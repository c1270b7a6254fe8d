import PlaybookLanguage

/// PostgreSQL (15 and later): text compared under `COLLATE "C"` (bytes), times through
/// `extract(epoch …)` of a timestamptz (never `interval` arithmetic, which follows the
/// session's time zone across daylight-saving changes), numbers as `double precision`.
struct PostgresDialect: SQLDialect {
  init() {}

  var name: String { "postgres" }

  var database: DatabaseKind? { .postgres }

  var inputNotes: [String] {
    [
      "decimal columns may be numeric; timestamps must be timestamptz (a timestamp without",
      "time zone has lost its offset); times count in whole seconds; keys are unique.",
      "Text compares as bytes (COLLATE \"C\"); times compute as seconds since 1970, so the",
      "session's TimeZone does not matter.",
    ]
  }

  func columnType(_ type: ColumnType) -> String {
    switch type {
    case .integer: "bigint"
    case .decimal: "double precision"
    case .boolean: "boolean"
    case .timestamp: "timestamptz"
    case .date: "date"
    case .text: "text"
    }
  }

  func null(_ type: ColumnType) -> String { "NULL::\(columnType(type))" }

  func identifier(_ name: String) -> String {
    "\"" + doubled("\"", in: name) + "\""
  }

  // Standard-conforming strings (the default since 9.1): a backslash is itself.
  func textLiteral(_ text: String) -> String? {
    guard !text.utf8.contains(0) else { return nil }
    return "'" + doubled("'", in: text) + "'"
  }

  // Swift's description is the shortest text that reads back as the same double, and
  // PostgreSQL reads float8 text correctly rounded.
  func floatLiteral(_ value: Double) -> String {
    "float8 '\(value)'"
  }

  func float(_ sql: String) -> String { "\(sql)::float8" }

  func epochSeconds(_ sql: String, of type: ColumnType) -> String {
    "floor(extract(epoch FROM \(sql)))::bigint"
  }

  func byteOrder(_ sql: String) -> String { "(\(sql)) COLLATE \"C\"" }

  // Under "C", lower() maps only A-Z (asc_tolower): the Kelvin sign and İ stay as they are.
  func asciiLower(_ sql: String) -> String { "lower((\(sql)) COLLATE \"C\")" }

  // strpos, not LIKE: the needle's % _ and \ are plain bytes.
  func occurs(_ needle: String, in haystack: String) -> String {
    "strpos(\(haystack), \(needle)) > 0"
  }

  func affix(_ sql: String, count: Int, atEnd: Bool) -> String {
    "\(atEnd ? "right" : "left")(\(sql), \(count))"
  }

  func integerQuotient(_ dividend: String, by divisor: Int64) -> String { "(\(dividend) / \(divisor))" }

  func isoTime(_ sql: String) -> String {
    "to_char(to_timestamp(\(sql)) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
  }

  func keyText(_ sql: String) -> String { "(\(sql))::text" }

  func trimmed(_ sql: String) -> String { "btrim(\(sql), E' \\t\\n\\x0B\\f\\r')" }

  func calendar(_ field: CalendarField, ofSeconds sql: String) -> String {
    let name =
      switch field {
      case .month: "month"
      case .isoDayOfWeek: "isodow"
      case .hour: "hour"
      }
    return "extract(\(name) FROM to_timestamp(\(sql)) AT TIME ZONE 'UTC')::float8"
  }

  func truncatedInteger(_ sql: String) -> String { "trunc(\(sql))::bigint" }

  /// `text` with every `quote` written twice, as SQL quotes it inside quotes.
  private func doubled(_ quote: Character, in text: String) -> String {
    text.split(separator: quote, omittingEmptySubsequences: false).joined(separator: String(repeating: quote, count: 2))
  }
}
