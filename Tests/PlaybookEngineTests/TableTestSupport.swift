import PlaybookLanguage

@testable import PlaybookEngine

/// Reads CSV or JSON Lines text as a table named `t` from `t.csv` / `t.jsonl`.
func readTable(
  _ text: String, format: TableFormat = .csv, declared: [String: ColumnType] = [:], chunks: Int? = nil
) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
  try readTable(Array(text.utf8), format: format, declared: declared, chunks: chunks)
}

func readTable(
  _ bytes: [UInt8], format: TableFormat = .csv, declared: [String: ColumnType] = [:], chunks: Int? = nil
) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
  try TableReader.read(
    FileBytes(copying: bytes), format: format, name: "t", file: format == .csv ? "t.csv" : "t.jsonl",
    declaredTypes: declared, chunkCount: chunks)
}

extension Table {
  /// Every cell as text (nil for null): numbers as Swift prints them, times in ISO 8601.
  var cells: [[String?]] {
    (0..<rowCount).map { row in columns.map { $0.cell(row) } }
  }

  var types: [ColumnType] { columns.map(\.type) }
  var names: [String] { columns.map(\.name) }
}

extension Column {
  func cell(_ row: Int) -> String? {
    if nulls.isNull(row) { return nil }
    switch values {
    case .integer(let v): return String(v[row])
    case .decimal(let v): return String(v[row])
    case .boolean(let v): return String(v[row])
    case .timestamp(let v): return type == .date ? Timestamp.formatDate(v[row]) : Timestamp.format(v[row])
    case .text(let v): return v.string(row)
    }
  }
}
