public import PlaybookLanguage

/// Why a loaded column has its type, as `describe` tells it: one case per source of a
/// type, so each loader rule that decides one (a declaration, a key, what the values
/// hold) can say so.
public enum TypeReason: Hashable, Sendable {
  /// `types COLUMN = TYPE` on this line of the playbook.
  case declared(line: Int)
  /// The table's key column (`key COLUMN`), read as text and matched by its text.
  case keyColumn
  /// The event table's link column (`link COLUMN`), read as text and matched by its text.
  case linkColumn
  /// A database load's column: the type its declaration states, else how its values
  /// are stored.
  case database
  /// A database load's column of a type Playloop has none for (`jsonb`): its text.
  case databaseText(type: String)
  /// Every non-null value fits this type, and no more specific one.
  case inferred(ColumnType)
  /// Every value is empty (or the table has no rows): nothing to infer from, so text.
  case allNull
  /// Text although most values are of another type: `value`, on `line` of the file, is
  /// the first that is not, and `count` values in all are not.
  case misfit(line: Int, value: String, notA: ColumnType, count: Int)
  /// Text because its values are year-last dates (`03/04/2026`, first on `line`) whose
  /// day and month order is never guessed; `formats` would read them.
  case dayMonth(line: Int, value: String, formats: [String])

  /// The reason in words: `declared on line 4`, `inferred: every value is an integer`,
  /// `text: line 7 holds 'n/a'`.
  public var text: String {
    switch self {
    case .declared(let line): "declared on line \(line)"
    case .keyColumn: "the key column, matched as text"
    case .linkColumn: "the link column, matched as text"
    case .database: "the database's column type"
    case .databaseText(let type): "text: the database's type \(type) has no Playloop type"
    case .inferred(let type): "inferred: " + Self.every(type)
    case .allNull: "text: every value is empty"
    case .misfit(let line, let value, let type, let count):
      "text: line \(line) holds '\(ShownValue.escaped(value))'"
        + (count > 1 ? " (\(count) values are not \(Self.plural(type)))" : "")
    case .dayMonth(let line, let value, let formats):
      "text: line \(line) holds '\(ShownValue.escaped(value))', day and month order unknown; declare "
        + formats.map { "\"\($0)\"" }.joined(separator: " or ")
    }
  }

  /// A short name for the source, for programs: `declared`, `key`, `link`, `database`, `inferred`,
  /// `all_null`, `misfit`, `day_month`.
  public var source: String {
    switch self {
    case .declared: "declared"
    case .keyColumn: "key"
    case .linkColumn: "link"
    case .database, .databaseText: "database"
    case .inferred: "inferred"
    case .allNull: "all_null"
    case .misfit: "misfit"
    case .dayMonth: "day_month"
    }
  }

  private static func every(_ type: ColumnType) -> String {
    switch type {
    case .integer: "every value is an integer"
    case .decimal: "every value is a number"
    case .boolean: "every value is true or false"
    case .timestamp: "every value is a timestamp"
    case .date: "every value is a date"
    case .text: "the values are text"
    }
  }

  private static func plural(_ type: ColumnType) -> String {
    switch type {
    case .integer: "integers"
    case .decimal: "numbers"
    case .boolean: "true or false"
    case .timestamp: "timestamps"
    case .date: "dates"
    case .text: "text"
    }
  }
}
