public import PlaybookEngine
import PlaybookLanguage
import PlaybookPostgres
public import PlaybookSQL

/// The engine's loaded tables written into a SQL engine as the compiled SQL expects
/// them: one table per load, the engine's column types, the very values the engine read
/// (after keys, links, `types`, null words and rows set aside). `playloop run --engine
/// postgres` copies the loads it cannot read in place this way; the differential tests
/// copy every table.
public enum TableCopy {
  /// `"name" type, …` for a `CREATE TABLE` of `table`'s columns. `textCollation` gives
  /// the text columns a collation other than the database's (the tests use a linguistic
  /// one to show the SQL does not depend on it).
  public static func columns(of table: Table, dialect: any SQLDialect, textCollation: String? = nil) -> String {
    table.columns.map { column in
      var definition = "\(dialect.identifier(column.name)) \(dialect.columnType(column.type))"
      if column.type == .text, let textCollation { definition += " COLLATE \(dialect.identifier(textCollation))" }
      return definition
    }.joined(separator: ", ")
  }

  /// The temporary table a run copies the load `name` into: `pg_temp."playloop_name"`.
  static func temporaryName(of name: String) -> String {
    "pg_temp." + SQLTarget.postgres.dialect.identifier("playloop_" + name)
  }

  /// Copies `table`, the engine's rows of the load `name`, into the temporary table
  /// `copy` of `session`, made for it and dropped when the session's transaction ends.
  static func copy(_ table: Table, of name: String, into copy: String, in session: PostgresSession)
    throws(LoadError)
  {
    let what = "the copy of '\(name)'"
    try session.execute(
      "CREATE TEMPORARY TABLE \(copy) (\(columns(of: table, dialect: SQLTarget.postgres.dialect))) ON COMMIT DROP",
      what: what)
    try session.copyIn("COPY \(copy) FROM STDIN", data: rows(of: table), what: what)
  }

  /// Every row of `table` in COPY's text format: values split by tabs, `\N` for null,
  /// a backslash before a backslash, tab, line feed or carriage return in a value.
  public static func rows(of table: Table) -> [UInt8] {
    var out: [UInt8] = []
    for row in 0..<table.rowCount {
      for (c, column) in table.columns.enumerated() {
        if c > 0 { out.append(UInt8(ascii: "\t")) }
        append(column, row: row, to: &out)
      }
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  /// One value in COPY's text format.
  private static func append(_ column: Column, row: Int, to out: inout [UInt8]) {
    if column.nulls.isNull(row) {
      out += Array("\\N".utf8)
      return
    }
    switch column.values {
    case .integer(let values): out += Array("\(values[row])".utf8)
    case .decimal(let values): out += Array("\(values[row])".utf8)
    case .boolean(let values): out.append(values[row] ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    case .timestamp(let values):
      out += Array((column.type == .date ? Timestamp.formatDate(values[row]) : Timestamp.format(values[row])).utf8)
    case .text(let text):
      text.withUTF8(row) { bytes in
        for byte in bytes {
          switch byte {
          case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
          case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
          case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
          case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
          default: out.append(byte)
          }
        }
      }
    }
  }
}
