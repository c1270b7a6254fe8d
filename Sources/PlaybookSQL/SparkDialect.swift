import PlaybookLanguage

/// Spark SQL (4.x, as `spark-sql` runs it): text under `COLLATE UTF8_BINARY` (UTF-8 bytes,
/// whatever collation a column or the session has), times as `unix_micros` of a
/// TIMESTAMP and formatted by arithmetic on whole days (never through the session's time
/// zone), whole-day division with `div` (Spark's `/` always divides as floats), and date
/// seconds in BIGINT (`unix_date(d) * 86400` overflows INT after 2038).
///
/// The SQL means the same with ANSI mode on or off: every cast in it is one that cannot
/// fail, and integer arithmetic stays within the language's time bounds.
struct SparkDialect: SQLDialect {
  init() {}

  var name: String { "spark" }

  var database: DatabaseKind? { nil }

  var inputNotes: [String] {
    [
      "decimal columns may be DECIMAL; timestamps must be TIMESTAMP (not TIMESTAMP_NTZ, which",
      "has lost its offset); times count in whole seconds; keys are unique. Run with",
      "spark.sql.caseSensitive=true and spark.sql.parser.escapedStringLiterals=false (the default).",
      "Text compares as bytes (COLLATE UTF8_BINARY); times compute as seconds since 1970, so",
      "spark.sql.session.timeZone does not matter.",
    ]
  }

  func columnType(_ type: ColumnType) -> String {
    switch type {
    case .integer: "BIGINT"
    case .decimal: "DOUBLE"
    case .boolean: "BOOLEAN"
    case .timestamp: "TIMESTAMP"
    case .date: "DATE"
    case .text: "STRING"
    }
  }

  func identifier(_ name: String) -> String {
    "`" + name.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`"
  }

  // Spark unescapes backslashes in literals (spark.sql.parser.escapedStringLiterals is
  // off by default); a NUL byte is written as an escape, so the SQL text holds none.
  func textLiteral(_ text: String) -> String? {
    var out = "'"
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "'": out += "\\'"
      case "\0": out += "\\u0000"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "'"
  }

  // Swift's description is the shortest text that reads back as the same double; Spark
  // casts text to DOUBLE with Java's correctly rounded parser.
  func floatLiteral(_ value: Double) -> String {
    "CAST('\(value)' AS DOUBLE)"
  }

  func float(_ sql: String) -> String { "CAST(\(sql) AS DOUBLE)" }

  func null(_ type: ColumnType) -> String { "CAST(NULL AS \(columnType(type)))" }

  // Floor to the second, as PostgreSQL's floor(extract(epoch …)), from microseconds.
  func epochSeconds(_ sql: String, of type: ColumnType) -> String {
    if type == .date { return "CAST(unix_date(\(sql)) AS BIGINT) * 86400" }
    return "((unix_micros(\(sql)) - pmod(unix_micros(\(sql)), 1000000)) div 1000000)"
  }

  func byteOrder(_ sql: String) -> String { "(\(sql)) COLLATE UTF8_BINARY" }

  // Spark's lower() maps the Kelvin sign to k and İ to i̇ (Java's case mapping); translate
  // maps only A-Z.
  func asciiLower(_ sql: String) -> String {
    "translate((\(sql)) COLLATE UTF8_BINARY, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
  }

  // contains, not LIKE: the needle's % _ and \ are plain bytes.
  func occurs(_ needle: String, in haystack: String) -> String {
    "contains(\(haystack), \(needle))"
  }

  func affix(_ sql: String, count: Int, atEnd: Bool) -> String {
    "\(atEnd ? "right" : "left")(\(sql), \(count))"
  }

  func integerQuotient(_ dividend: String, by divisor: Int64) -> String {
    "(\(dividend) div \(divisor))"
  }

  func isoTime(_ sql: String) -> String {
    let second = "pmod(\(sql), 86400)"
    return "format_string('%sT%02d:%02d:%02dZ', CAST(\(date(ofSeconds: sql)) AS STRING), \(second) div 3600, "
      + "pmod(\(sql), 3600) div 60, pmod(\(sql), 60))"
  }

  // Keys join as bytes too, whatever collation the key column has.
  func keyText(_ sql: String) -> String { "CAST(\(sql) AS STRING) COLLATE UTF8_BINARY" }

  func trimmed(_ sql: String) -> String { "trim(BOTH ' \\t\\n\\u000B\\u000C\\r' FROM \(sql))" }

  func calendar(_ field: CalendarField, ofSeconds sql: String) -> String {
    switch field {
    case .month: "CAST(month(\(date(ofSeconds: sql))) AS DOUBLE)"
    // 1970-01-01 (day 0) was a Thursday, ISO day 4.
    case .isoDayOfWeek: "CAST(pmod(\(day(ofSeconds: sql)) + 3, 7) + 1 AS DOUBLE)"
    case .hour: "CAST(pmod(\(sql), 86400) div 3600 AS DOUBLE)"
    }
  }

  func truncatedInteger(_ sql: String) -> String { "CAST(\(sql) AS BIGINT)" }

  /// Whole days since 1970-01-01 of `sql` seconds, rounded down.
  private func day(ofSeconds sql: String) -> String {
    "((\(sql) - pmod(\(sql), 86400)) div 86400)"
  }

  /// The UTC date of `sql` seconds, without the session's time zone.
  private func date(ofSeconds sql: String) -> String {
    "date_from_unix_date(CAST(\(day(ofSeconds: sql)) AS INT))"
  }
}
