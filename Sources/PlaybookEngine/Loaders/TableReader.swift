import PlaybookLanguage

/// Reads one table file into a typed, columnar `Table`, with the rows it set aside.
public enum TableReader {
  /// Reads `path` (CSV or JSON Lines, by extension). Each column's type is inferred
  /// from its values by majority (`TypeTally`) unless `declaredTypes` states it; a value
  /// that does not fit its column's type sets its row aside.
  public static func read(
    name: String, path: String, format: TableFormat? = nil, declaredTypes: [String: ColumnType] = [:]
  ) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
    let bytes = try FileBytes.read(path)
    return try read(
      bytes, format: format ?? TableFormat(path: path), name: name, file: path, declaredTypes: declaredTypes)
  }

  /// `read` over bytes already in memory.
  static func read(
    _ bytes: FileBytes, format: TableFormat, name: String, file: String,
    declaredTypes: [String: ColumnType] = [:], chunkCount: Int? = nil
  ) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
    let raw = try readRaw(bytes, format: format, file: file, declaredTypes: declaredTypes, chunkCount: chunkCount)
    let typing = TableTyping(raw, name: name, file: file, declaredTypes: declaredTypes)
    return build(raw, typing, name: name, file: file)
  }

  /// The file's rows as spans, before typing. `chunkCount` fixes the number of chunks
  /// read in parallel (tests use it to compare with one chunk).
  /// `textColumns` are read as text when the file has them (key and link columns), with
  /// no error when it has not.
  static func readRaw(
    _ bytes: FileBytes, format: TableFormat, file: String, declaredTypes: [String: ColumnType],
    textColumns: [String] = [], chunkCount: Int? = nil
  ) throws(LoadError) -> RawTable {
    switch format {
    case .csv:
      try CSVReader.read(bytes, file: file, declared: declaredTypes, textColumns: textColumns, chunkCount: chunkCount)
    case .jsonLines:
      try JSONLinesReader.read(
        bytes, file: file, declared: declaredTypes, textColumns: textColumns, chunkCount: chunkCount)
    }
  }

  /// Builds every column as `typing` types it (each in parallel over its chunks),
  /// leaving out the rows it set aside; returns the table and every row set aside (the
  /// reader's and the typing's), in line order. Each column's spans are freed once it
  /// is built, and the file's bytes at the end, which keeps the peak memory of a load
  /// near the file's size plus its columns.
  static func build(
    _ raw: consuming RawTable, _ typing: TableTyping, name: String, file: String
  ) -> (table: Table, setAside: [SetAsideRow]) {
    var raw = raw
    var columns: [Column] = []
    for c in raw.names.indices {
      columns.append(ColumnBuilder.build(raw, column: c, type: typing.types[c], dropping: typing.dropped))
      for k in raw.chunks.indices {
        raw.chunks[k].columns[c] = []
        raw.chunks[k].typed[c] = nil
      }
    }
    var lines: [Int32] = []
    lines.reserveCapacity(columns.first?.nulls.count ?? 0)
    for (k, (chunk, first)) in zip(raw.chunks, raw.firstLines).enumerated() {
      let dropped = typing.dropped[k]
      if dropped.isEmpty {
        lines.append(contentsOf: chunk.lines.lazy.map { $0 + Int32(first) })
      } else {
        for row in Table.kept(count: chunk.lines.count, removing: dropped) {
          lines.append(chunk.lines[row] + Int32(first))
        }
      }
    }
    var rows = setAside(raw, name: name, file: file)
    if !typing.setAside.isEmpty {
      rows += typing.setAside
      rows.sort { $0.line < $1.line }
    }
    return (Table(name: name, file: file, rowCount: lines.count, columns: columns, lines: lines), rows)
  }

  /// The rows the reader set aside (they could not be read), in line order.
  static func setAside(_ raw: RawTable, name: String, file: String) -> [SetAsideRow] {
    zip(raw.chunks, raw.firstLines).flatMap { chunk, first in
      chunk.setAside.map { SetAsideRow(table: name, file: file, line: $0.line + first, reason: $0.reason) }
    }
  }
}
