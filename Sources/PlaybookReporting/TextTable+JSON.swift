import PlaybookEngine

extension TextTable {
  /// The table as a JSON array with one object per row and per line, keyed by the
  /// headers in order (duckdb's `.mode json`); in a column of numbers, whole numbers are
  /// JSON numbers and empty cells null; every other cell is a string.
  var jsonText: String {
    let aligns = columnAlignments
    let keys = paddedRow(headers)
    let objects = rows.map { row in
      let members = paddedRow(row).enumerated().map { column, text in
        let cell = dataCell(text, column: column, alignments: aligns)
        let value: JSONValue
        if aligns[column] == .right, cell.isEmpty {
          value = .null
        } else if aligns[column] == .right, let number = Int64(cell), String(number) == cell {
          value = .integer(number)
        } else {
          value = .string(cell)
        }
        return JSONMember(keys[column], value)
      }
      return String(decoding: JSONValue.object(members).compactBytes, as: UTF8.self)
    }
    return "[" + objects.joined(separator: ",\n") + "]"
  }
}
