import PlaybookEngine
import PlaybookLanguage
import PlaybookSQL

/// The engine's loaded tables written into PostgreSQL as the compiled SQL expects them:
/// one table per load, the engine's column types, the very values the engine read.
enum TableCopy {
  private static let dialect = SQLTarget.postgres.dialect

  /// A psql script creating `schema` afresh, with every table of `dataset` in it, and
  /// leaving it on the search path. `textCollation` gives the text columns a collation
  /// other than the database's (a linguistic one, to show the SQL does not depend on it).
  static func script(_ dataset: Dataset, schema: String, textCollation: String? = nil) -> String {
    var out = "SET client_min_messages = warning;\nDROP SCHEMA IF EXISTS \(schema) CASCADE;\n"
    out += "CREATE SCHEMA \(schema);\nSET search_path = \(schema);\n"
    for table in [dataset.customers] + dataset.events.values.sorted(by: { $0.name < $1.name }) {
      let columns = table.columns.map { column in
        var definition = "\(dialect.identifier(column.name)) \(dialect.columnType(column.type))"
        if column.type == .text, let textCollation { definition += " COLLATE \(dialect.identifier(textCollation))" }
        return definition
      }
      out += "CREATE TABLE \(dialect.identifier(table.name)) (\(columns.joined(separator: ", ")));\n"
      out += "COPY \(dialect.identifier(table.name)) FROM STDIN;\n"
      for row in 0..<table.rowCount {
        out += table.columns.map { field($0, row: row) }.joined(separator: "\t") + "\n"
      }
      out += "\\.\n"
    }
    return out
  }

  /// One value in COPY's text format.
  private static func field(_ column: Column, row: Int) -> String {
    if column.nulls.isNull(row) { return "\\N" }
    switch column.values {
    case .integer(let values): return "\(values[row])"
    case .decimal(let values): return "\(values[row])"
    case .boolean(let values): return values[row] ? "t" : "f"
    case .timestamp(let values):
      return column.type == .date ? Timestamp.formatDate(values[row]) : Timestamp.format(values[row])
    case .text(let text):
      var escaped = ""
      for c in text.string(row).unicodeScalars {
        switch c {
        case "\\": escaped += "\\\\"
        case "\t": escaped += "\\t"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        default: escaped.unicodeScalars.append(c)
        }
      }
      return escaped
    }
  }
}
