import Foundation
public import PlaybookEngine
import PlaybookLanguage
import PlaybookSQL

/// A dataset's tables as Spark reads them: one JSON Lines file per table, read through a
/// temporary view with an explicit schema in `FAILFAST` mode, so a value that does not
/// fit its column stops the run instead of becoming a null (Spark's default, PERMISSIVE).
///
/// JSON rather than CSV: it tells a null from empty text and holds any byte of text (line
/// breaks, NUL) without a convention of our own. Times are written as whole seconds since
/// 1970 (Spark reads a JSON number into a TIMESTAMP as such, with no format and no time
/// zone), dates as `yyyy-MM-dd`, floats as the shortest text that reads back the same.
public enum SparkInput {
  private static let dialect = SQLTarget.spark.dialect

  /// Writes every table of `dataset` into `folder`, but those `staged` already (table →
  /// its file), and returns the statements that make them views named as the loads.
  /// `textCollation` declares the text columns with a collation other than Spark's
  /// default (to show the SQL compares bytes regardless).
  static func stage(
    _ dataset: Dataset, in folder: String, textCollation: String? = nil, staged: [String: String] = [:]
  ) throws -> String {
    var statements = ""
    for table in [dataset.customers] + dataset.events.values.sorted(by: { $0.name < $1.name }) {
      let path = staged[table.name] ?? folder + "/" + fileName(table.name)
      if staged[table.name] == nil { try write(table, to: path) }
      let columns = table.columns.map { column in
        "\(dialect.identifier(column.name)) \(dialect.columnType(column.type))"
          + (column.type == .text ? textCollation.map { " COLLATE \($0)" } ?? "" : "")
      }
      statements +=
        "CREATE OR REPLACE TEMPORARY VIEW \(dialect.identifier(table.name)) (\(columns.joined(separator: ", ")))\n"
        + "  USING json OPTIONS (path \(dialect.textLiteral(path) ?? "''"), mode 'FAILFAST');\n"
    }
    return statements
  }

  /// A file name for a table: its name's letters and digits, then its bytes in hex, so two
  /// names never share a file.
  public static func fileName(_ table: String) -> String {
    let safe = table.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    let hex = table.utf8.map { String($0, radix: 16) }.joined()
    return String(String.UnicodeScalarView(safe)) + "-" + hex + ".jsonl"
  }

  private static func write(_ table: Table, to path: String) throws {
    var out: [UInt8] = []
    out.reserveCapacity(table.rowCount * 64)
    for row in 0..<table.rowCount {
      out.append(UInt8(ascii: "{"))
      for (index, column) in table.columns.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        JSONString.append(column.name, to: &out)
        out.append(UInt8(ascii: ":"))
        value(column, row: row, to: &out)
      }
      out.append(contentsOf: "}\n".utf8)
    }
    try Data(out).write(to: URL(fileURLWithPath: path))
  }

  private static func value(_ column: Column, row: Int, to out: inout [UInt8]) {
    if column.nulls.isNull(row) { return out.append(contentsOf: "null".utf8) }
    switch column.values {
    case .integer(let values): out.append(contentsOf: String(values[row]).utf8)
    case .decimal(let values):
      let value = values[row]
      // Spark's JSON reader takes NaN and ±Infinity unquoted (allowNonNumericNumbers).
      let text =
        value.isNaN ? "NaN" : value.isInfinite ? (value < 0 ? "-Infinity" : "Infinity") : "\(value)"
      out.append(contentsOf: text.utf8)
    case .boolean(let values): out.append(contentsOf: (values[row] ? "true" : "false").utf8)
    case .timestamp(let values):
      if column.type == .date {
        JSONString.append(Timestamp.formatDate(values[row]), to: &out)
      } else {
        out.append(contentsOf: String(values[row]).utf8)
      }
    case .text(let text): JSONString.append(text.string(row), to: &out)
    }
  }
}
