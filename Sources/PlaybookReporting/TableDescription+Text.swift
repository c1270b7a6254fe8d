import PlaybookEngine
import PlaybookLanguage

extension DataDescription {
  /// Every table's description, a blank line between tables, fitted to `width` when given.
  public func text(width: Int? = nil) -> String {
    tables.map { $0.text(width: width) }.joined(separator: "\n\n") + "\n"
  }
}

extension TableDescription {
  /// The table as a person reads it: the heading, the columns, then the rows set aside.
  ///
  /// ```
  /// orders: orders.csv, 3 rows loaded, 1 set aside
  /// column                 type     why                                nulls  examples
  /// id                     text     the key column, matched as text        0  'O-1', 'O-2'
  /// total = "Order Total"  decimal  inferred: every value is a number      1  '12.5', '7'
  /// set aside:
  ///   line 4: customer "C-9" does not exist
  /// ```
  public func text(width: Int? = nil) -> String {
    ([heading, columnTable.render(width: width)] + setAsideLines).joined(separator: "\n")
  }

  /// `orders: orders.csv, 3 rows loaded, 1 set aside`.
  public var heading: String {
    let loaded = "\(rowsLoaded) \(rowsLoaded == 1 ? "row" : "rows") loaded"
    return "\(table): \(file), \(loaded), \(setAsideCount) set aside"
  }

  /// One row per column: how the playbook reaches it (`total = "Order Total"` when a
  /// `with` maps it), its type, why, its null count and two examples.
  public var columnTable: TextTable {
    TextTable(
      headers: ["column", "type", "why", "nulls", "examples"],
      rows: columns.map { column in
        let spelled = ASTDump.column(column.column)
        let reached = column.fields.isEmpty ? spelled : column.fields.joined(separator: ", ") + " = " + spelled
        return [
          reached, column.type.rawValue, column.why.text, String(column.nulls),
          column.examples.map { "'\(ShownValue.escaped($0))'" }.joined(separator: ", "),
        ]
      },
      alignments: [.left, .left, .left, .right, .left])
  }

  /// `set aside:` and a line per row shown, with a count of the rest; none when no row
  /// was set aside.
  public var setAsideLines: [String] {
    guard setAsideCount > 0 else { return [] }
    var lines = ["set aside:"]
    lines += setAside.map { "  line \($0.line): \(ShownValue.escaped($0.reason))" }
    if setAsideCount > setAside.count { lines.append("  … and \(setAsideCount - setAside.count) more") }
    return lines
  }
}
