import PlaybookLanguage

/// A PostgreSQL column's type for Playloop, from the name of its type (or of a
/// domain's base type) in `pg_type`: the database's own types decide, nothing is inferred.
enum PostgresColumnType {
  /// `int2`/`int4`/`int8` integer; `numeric`/`float4`/`float8` decimal; `bool`
  /// boolean; `text`/`varchar`/`bpchar`/`name`/`uuid`/`citext` text; `timestamptz`
  /// timestamp (its instant, the session being in UTC); `timestamp` timestamp (its wall
  /// time, read in the load's `timezone`, else UTC); `date` date. Nil for any other type,
  /// whose values are read as their text.
  static func type(named name: String) -> ColumnType? {
    switch name {
    case "int2", "int4", "int8": .integer
    case "numeric", "float4", "float8": .decimal
    case "bool": .boolean
    case "text", "varchar", "bpchar", "name", "uuid", "citext": .text
    case "timestamptz", "timestamp": .timestamp
    case "date": .date
    default: nil
    }
  }
}
