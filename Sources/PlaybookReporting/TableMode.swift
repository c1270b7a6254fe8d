/// How result tables are printed, as psql's `\pset format` and duckdb's `.mode` choose.
public enum TableMode: String, CaseIterable, Equatable, Sendable {
  /// Aligned columns fitted to the terminal (`TextTable.render(width:)`).
  case table
  /// RFC 4180 CSV with a header row, as `:export` writes it.
  case csv
  /// A JSON array of objects, one object per line, as duckdb's `.mode json`.
  case json
  /// A Markdown pipe table.
  case markdown
  /// One `column = value` per line, records separated by a blank line (duckdb's `.mode line`).
  case line
}

/// Whether a table-mode table prints one record per block, as psql's `\x [on|off|auto]`.
public enum ExpandedDisplay: String, CaseIterable, Equatable, Sendable {
  /// Rows and columns.
  case off
  /// One record per block.
  case on
  /// One record per block when the columns do not fit the terminal without cutting text
  /// short (below `TextTable.readableWidth`).
  case auto
}

extension TextTable {
  /// The table in `mode`; `expanded` prints a table-mode table one record per block
  /// (psql's `\x`). Only the table mode is fitted to `width`.
  public func render(_ mode: TableMode, width: Int? = nil, expanded: ExpandedDisplay = .off) -> String {
    switch mode {
    case .table:
      expanded == .on || (expanded == .auto && !fitsReadably(width))
        ? expandedText(width: width) : render(width: width)
    case .csv: csvText
    case .json: jsonText
    case .markdown: markdownText
    case .line: lineText
    }
  }

  /// A cell as data for csv and json: a number's grouping commas dropped (`1,013` →
  /// `1013`) in a column of numbers, so a spreadsheet or a JSON reader sees a number.
  func dataCell(_ text: String, column: Int, alignments: [Alignment]) -> String {
    guard alignments[column] == .right, Self.isNumber(text), text.contains(",") else { return text }
    return text.filter { $0 != "," }
  }

  /// The row with every column's cell, empty where the row is short.
  func paddedRow(_ row: [String]) -> [String] {
    (0..<columnCount).map { $0 < row.count ? row[$0] : "" }
  }
}
