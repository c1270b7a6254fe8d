import PlaybookLanguage

/// Reads one table file into a typed, columnar `Table`, with the rows it set aside.
public enum TableReader {
  /// Reads `path` (CSV or JSON Lines, by extension). Each column's type is inferred
  /// from its values by majority (`TypeTally`) unless `declaredTypes` states it; a value
  /// that does not fit its column's type sets its row aside.
  /// A `.gz` file is read inflated; `delimiter` nil detects a CSV file's delimiter;
  /// `encoding` is the text's when the file has no byte-order mark.
  public static func read(
    name: String, path: String, format: TableFormat? = nil, declaredTypes: [String: ColumnType] = [:],
    delimiter: FieldDelimiter? = nil, encoding: TextEncoding = .utf8
  ) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
    let bytes = try FileBytes.read(path)
    return try read(
      bytes, format: format ?? TableFormat(path: path), name: name, file: path, declaredTypes: declaredTypes,
      delimiter: delimiter, encoding: encoding)
  }

  /// `read` over bytes already in memory.
  static func read(
    _ bytes: FileBytes, format: TableFormat, name: String, file: String,
    declaredTypes: [String: ColumnType] = [:], delimiter: FieldDelimiter? = nil, encoding: TextEncoding = .utf8,
    rules: ValueRules = ValueRules(), chunkCount: Int? = nil
  ) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
    let raw = try readRaw(
      bytes, format: format, file: file, declaredTypes: declaredTypes, delimiter: delimiter, encoding: encoding,
      rules: rules, chunkCount: chunkCount)
    let typing = TableTyping(raw, name: name, file: file, declaredTypes: declaredTypes)
    return try build(raw, typing, name: name, file: file)
  }

  /// The file's rows as spans, before typing. `chunkCount` fixes the number of chunks
  /// read in parallel (tests use it to compare with one chunk).
  /// `textColumns` are read as text when the file has them (key and link columns), with
  /// no error when it has not. `rules` say what values mean (`nulls`, `timezone`, formats).
  /// The bytes are first made UTF-8 (`TextDecoding`), by their byte-order mark or
  /// `encoding`. `maxLines` is `TableReader.maxLines` but for tests. `progress` is told
  /// of the rows read, and may stop the reading (`LoadError.Kind.interrupted`). `kept`
  /// says which columns' values are kept (`build` must be given the same).
  static func readRaw(
    _ bytes: FileBytes, format: TableFormat, file: String, declaredTypes: [String: ColumnType],
    textColumns: [String] = [], delimiter: FieldDelimiter? = nil, encoding: TextEncoding = .utf8,
    rules: ValueRules = ValueRules(), kept: KeptColumns = .all, chunkCount: Int? = nil,
    maxLines: Int = TableReader.maxLines, typesAsRead: Bool = true, progress: (any ProgressSink)? = nil
  ) throws(LoadError) -> RawTable {
    let bytes = try TextDecoding.utf8(bytes, encoding: encoding, file: file)
    let raw =
      switch format {
      case .csv:
        try CSVReader.read(
          bytes, file: file, declared: declaredTypes, textColumns: textColumns, delimiter: delimiter, rules: rules,
          kept: kept, chunkCount: chunkCount, typesAsRead: typesAsRead, progress: progress)
      case .jsonLines:
        try JSONLinesReader.read(
          bytes, file: file, declared: declaredTypes, textColumns: textColumns, rules: rules, kept: kept,
          chunkCount: chunkCount, progress: progress)
      }
    if progress?.stopRequested == true { throw LoadError.interrupted(file: file) }
    progress?.fileRead()
    let lines = (raw.firstLines.last ?? 1) - 1 + (raw.chunks.last?.lineCount ?? 0)
    guard lines <= maxLines else {
      throw LoadError(
        .badFormat, "the file has \(lines) lines; Playloop loads at most \(maxLines) lines from one file",
        file: file, hint: "split the file, or load fewer lines at a time")
    }
    return raw
  }

  /// The most lines one data file may have: line numbers are kept in 32 bits (a file may
  /// hold up to 64 GB, so line ends alone can outnumber them).
  static let maxLines = Int(Int32.max)

  /// Builds every column as `typing` types it (each in parallel over its chunks),
  /// leaving out the rows it set aside; returns the table and every row set aside (the
  /// reader's and the typing's), in line order. A column inferred as text says why when
  /// only some values made it so (`TextMisfits`). Each column's chunks are freed as it
  /// is built (`ColumnBuilder`), and the file's bytes at the end, which keeps the peak memory of a load
  /// near the file's size plus its columns. Columns `kept` leaves out (as it left them
  /// out of `raw`) are not in the table; their rows set aside still are.
  static func build(
    _ raw: consuming RawTable, _ typing: TableTyping, name: String, file: String, kept: KeptColumns = .all
  ) throws(LoadError) -> (table: Table, setAside: [SetAsideRow]) {
    var raw = raw
    var columns: [Column] = []
    // Text columns of year-last dates, given their reason once their rows' lines are known.
    var dayMonth: [(column: Int, orders: Timestamp.DayMonthOrders)] = []
    for c in raw.names.indices where kept.keeps(raw.names[c]) {
      var column = try ColumnBuilder.build(
        &raw, column: c, type: typing.types[c], dropping: typing.dropped, file: file)
      if typing.inferred[c], typing.types[c] == .text {
        column.textReason = TextMisfits.reason(raw.chunks.indices.map { raw.misfits(chunk: $0, column: c) }, file: file)
        { k, row in
          Int(raw.chunks[k].lines[row]) + raw.firstLines[k]
        }
        let orders = TypeTally.combined(raw.chunks.lazy.map { $0.tallies[c] }).every.dayMonthOrders
        if column.textReason == nil, !orders.isEmpty { dayMonth.append((columns.count, orders)) }
      }
      columns.append(column)
      // The column's pieces are freed, but they sit in the worker threads' arenas, where
      // the next column (larger than any piece) cannot reuse them (`FreedMemory`).
      FreedMemory.releaseWhileLoading()
    }
    let lines = rowLines(raw, dropping: typing.dropped)
    for (c, orders) in dayMonth {
      guard case .text(let text) = columns[c].values,
        let row = (0..<text.count).first(where: { !columns[c].nulls.isNull($0) })
      else { continue }
      columns[c].textReason = .ambiguousDayMonth(
        example: DataValue(text.string(row), file: file, line: Int(lines[row])), orders: orders)
    }
    var rows = setAside(raw, name: name, file: file)
    if !typing.setAside.isEmpty {
      rows += typing.setAside
      rows.sort { $0.line < $1.line }
    }
    return (Table(name: name, file: file, rowCount: lines.count, columns: columns, lines: lines), rows)
  }

  /// The line of each row kept: the first alone when each follows the one before (no
  /// array made: `RowLines`), else one per row.
  private static func rowLines(_ raw: RawTable, dropping dropped: [[Int]]) -> RowLines {
    let chunks = zip(raw.chunks, raw.firstLines)
    let count = raw.chunks.reduce(0) { $0 + $1.lines.count }
    if let first = chunks.first(where: { !$0.0.lines.isEmpty }).map({ $0.0.lines[0] + Int32($0.1) }),
      dropped.allSatisfy(\.isEmpty)
    {
      // Each chunk knows whether its own lines follow one another (`ChunkLines`).
      var next = first
      let consecutive = chunks.allSatisfy { chunk, start in
        guard chunk.lines.isEmpty || chunk.lines.consecutiveFrom.map({ $0 + Int32(start) }) == next else {
          return false
        }
        next += Int32(truncatingIfNeeded: chunk.lines.count)
        return true
      }
      if consecutive { return RowLines(first: first, count: count) }
    }
    var lines: [Int32] = []
    lines.reserveCapacity(count)
    for (k, (chunk, first)) in chunks.enumerated() {
      if dropped[k].isEmpty {
        lines.append(contentsOf: chunk.lines.lazy.map { $0 + Int32(first) })
      } else {
        for row in Table.kept(count: chunk.lines.count, removing: dropped[k]) {
          lines.append(chunk.lines[row] + Int32(first))
        }
      }
    }
    return RowLines(ColumnArray(lines))
  }

  /// The rows the reader set aside (they could not be read), in line order.
  static func setAside(_ raw: RawTable, name: String, file: String) -> [SetAsideRow] {
    zip(raw.chunks, raw.firstLines).flatMap { chunk, first in
      chunk.setAside.map { SetAsideRow(table: name, file: file, line: $0.line + first, reason: $0.reason) }
    }
  }
}
