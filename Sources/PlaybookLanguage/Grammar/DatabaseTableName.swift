/// A table name as a load writes it (`tickets`, `support.tickets`), quoted as SQL
/// identifiers so that any name, however spelt, names only a table. Shared by the
/// PostgreSQL reader and the SQL a playbook compiles to, so both read the same table.
public struct DatabaseTableName: Sendable {
  /// The schema, when the name has one (the text before the first dot).
  public var schema: String?
  /// The table.
  public var table: String

  /// `support.tickets` is table `tickets` of schema `support`; a name without a dot is
  /// found through the search path.
  public init(_ written: String) {
    if let dot = written.firstIndex(of: ".") {
      schema = String(written[..<dot])
      table = String(written[written.index(after: dot)...])
    } else {
      table = written
    }
  }

  /// `"support"."tickets"`, each part in double quotes with its own double quotes doubled.
  public var quoted: String {
    [schema, table].compactMap { $0 }.map { "\"" + String($0.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\"" }
      .joined(separator: ".")
  }
}

extension DatabaseSource {
  /// A load's `query "select …"` without the semicolons and white space that may close
  /// it: the query is read in parentheses (`COPY (…)`, a subquery), where they cannot stand.
  public static func enclosable(_ query: String) -> String {
    var trimmed = Substring(query)
    while let last = trimmed.last, last == ";" || last.isWhitespace { trimmed.removeLast() }
    return String(trimmed)
  }
}
