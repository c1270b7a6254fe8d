import PlaybookEngine
import PlaybookPushdown
import PlaybookSQL

/// The engine's loaded tables as a psql script, written as `run --engine postgres`
/// writes its copies (`TableCopy`), but into a schema of the test's own.
enum SchemaScript {
  private static let dialect = SQLTarget.postgres.dialect

  /// A psql script creating `schema` afresh, with every table of `dataset` in it, and
  /// leaving it on the search path. `textCollation` gives the text columns a collation
  /// other than the database's (a linguistic one, to show the SQL does not depend on it).
  static func script(_ dataset: Dataset, schema: String, textCollation: String? = nil) -> String {
    var out = "SET client_min_messages = warning;\nDROP SCHEMA IF EXISTS \(schema) CASCADE;\n"
    out += "CREATE SCHEMA \(schema);\nSET search_path = \(schema);\n"
    for table in [dataset.customers] + dataset.events.values.sorted(by: { $0.name < $1.name }) {
      let columns = TableCopy.columns(of: table, dialect: dialect, textCollation: textCollation)
      out += "CREATE TABLE \(dialect.identifier(table.name)) (\(columns));\n"
      out += "COPY \(dialect.identifier(table.name)) FROM STDIN;\n"
      out += String(decoding: TableCopy.rows(of: table), as: UTF8.self) + "\\.\n"
    }
    return out
  }
}
