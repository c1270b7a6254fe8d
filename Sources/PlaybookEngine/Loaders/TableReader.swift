import PlaybookLanguage

/// The format of a table file, from its extension: `.jsonl` and `.ndjson` are JSON
/// Lines, anything else is CSV.
public enum TableFormat: Sendable, Equatable {
  case csv, jsonLines

  public init(path: String) {
    let lower = path.lowercased()
    self = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonLines : .csv
  }
}

/// Reads one table file into a typed, columnar `Table`, with the rows it set aside.
public enum TableReader {
  /// Reads `path` (CSV or JSON Lines, by extension). Each column's type is inferred
  /// from all its values unless `declaredTypes` states it; a value that does not fit a
  /// declared type sets its row aside.
  public static func read(
    name: String, path: String, format: TableFormat? = nil, declaredTypes: [String: ColumnType] = [:]
  ) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
    let bytes = try FileBytes.read(path)
    return try read(bytes, format: format ?? TableFormat(path: path), name: name, file: path, declaredTypes: declaredTypes)
  }

  /// `read` over bytes already in memory.
  static func read(
    _ bytes: [UInt8], format: TableFormat, name: String, file: String,
    declaredTypes: [String: ColumnType] = [:], chunkCount: Int? = nil
  ) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
    let raw = try readRaw(bytes, format: format, file: file, declaredTypes: declaredTypes, chunkCount: chunkCount)
    return (build(raw, name: name, file: file, declaredTypes: declaredTypes), setAside(raw, name: name, file: file))
  }

  /// The file's rows as spans, before typing. `chunkCount` fixes the number of chunks
  /// read in parallel (tests use it to compare with one chunk).
  static func readRaw(
    _ bytes: [UInt8], format: TableFormat, file: String, declaredTypes: [String: ColumnType],
    chunkCount: Int? = nil
  ) throws(LoadError) -> RawTable {
    switch format {
    case .csv: try CSVReader.read(bytes, file: file, declared: declaredTypes, chunkCount: chunkCount)
    case .jsonLines: try JSONLinesReader.read(bytes, file: file, declared: declaredTypes, chunkCount: chunkCount)
    }
  }

  /// Types and builds every column, in parallel.
  static func build(_ raw: RawTable, name: String, file: String, declaredTypes: [String: ColumnType]) -> Table {
    let columns = Parallel.map(raw.names.count) { c in
      let votes = raw.chunks.reduce(TypeVotes.all) { $0.intersection($1.votes[c]) }
      let type = declaredTypes[raw.names[c]] ?? votes.inferredType
      return ColumnBuilder.build(raw, column: c, type: type)
    }
    var lines: [Int32] = []
    lines.reserveCapacity(raw.rowCount)
    for (chunk, first) in zip(raw.chunks, raw.firstLines) {
      lines.append(contentsOf: chunk.lines.lazy.map { $0 + Int32(first) })
    }
    return Table(name: name, file: file, rowCount: raw.rowCount, columns: columns, lines: lines)
  }

  static func setAside(_ raw: RawTable, name: String, file: String) -> [SetAsideRow] {
    zip(raw.chunks, raw.firstLines).flatMap { chunk, first in
      chunk.setAside.map { SetAsideRow(table: name, file: file, line: $0.line + first, reason: $0.reason) }
    }
  }
}
