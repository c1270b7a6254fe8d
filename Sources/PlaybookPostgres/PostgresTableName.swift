import Foundation

/// A table name as a load writes it (`tickets`, `support.tickets`), quoted as SQL
/// identifiers so that any name, however spelt, names only a table.
struct PostgresTableName {
  /// The schema, when the name has one (the text before the first dot).
  var schema: String?
  /// The table.
  var table: String

  /// `support.tickets` is table `tickets` of schema `support`; a name without a dot is
  /// found through the search path.
  init(_ written: String) {
    if let dot = written.firstIndex(of: ".") {
      schema = String(written[..<dot])
      table = String(written[written.index(after: dot)...])
    } else {
      table = written
    }
  }

  /// `"support"."tickets"`, each part in double quotes with its own double quotes doubled.
  var quoted: String {
    [schema, table].compactMap { $0 }.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
      .joined(separator: ".")
  }
}
