import PlaybookLanguage

/// One chunk of a file read into field spans: its rows' fields column by column, its
/// rows' lines, the rows set aside and each column's type votes. Chunks are read in
/// parallel and joined in file order.
struct RawChunk: Sendable {
  /// Column names as first seen in this chunk (JSON Lines); CSV chunks leave it empty
  /// and share the header's names.
  var names: [[UInt8]] = []
  /// Each column's spans; empty for a column whose values are in `typed`, or that was
  /// typed as it was read (`ColumnTyper.typedAsRead`), or that the load does not keep.
  var columns: [[FieldSpan]] = []
  /// Per column, its values converted as the chunk was read (see `ColumnTyper`): typed
  /// values, or text copied out of the file; nil where the spans are kept.
  var typed: [TypedValues?] = []
  /// The line of each kept row, counted from the chunk's first line (0-based).
  var lines = ChunkLines()
  /// Rows set aside, with their line counted as in `lines`.
  var setAside: [(line: Int, reason: String)] = []
  /// The first row holding bytes that are not UTF-8: its line (counted as in `lines`),
  /// where it starts and where its first bad byte sits. The file is refused for it.
  var notUTF8: (line: Int, rowStart: Int, offset: Int)?
  /// Per column, how its non-null values voted (`TypeTally`); empty for a declared column.
  var tallies: [TypeTally] = []
  /// Per column, whether only some values made it text (`TextMisfits`); nil where they
  /// are to be tallied from the column's spans once asked for (`RawTable.misfits`).
  var misfits: [TextMisfits?] = []
  /// Whether a span kept in `columns` points into the file (not all of them are null):
  /// until then the chunk's bytes can be let go once it is read.
  var needsBytes = false
  /// The byte range the chunk was read from (records starting in `start..<limit`), to
  /// read it again when a typed column's text is needed after all.
  var start = 0
  var limit = 0
  /// Where the chunk's last row ended, and how many line ends it read up to there.
  var endOffset = 0
  var lineCount = 0
  /// The line (counted as in `lines`) where a JSON Lines chunk met more distinct keys
  /// than a file may have, and stopped.
  var tooManyColumnsAt: Int?

  var rowCount: Int { lines.count }

  /// Adds the next column from its spans. With `typing`, the column is typed
  /// (`ColumnTyper`) and its spans dropped when its values could be converted; without,
  /// every span is kept. `declared` is the column's declared type, nil where inferred;
  /// `reading` how its values are read. Without `keeping` (a typed column the load does
  /// not keep: `KeptColumns`), only its tally and misfits are kept: no values, no spans.
  mutating func add<Spans: RandomAccessCollection<FieldSpan>>(
    column spans: Spans, declared: ColumnType?, reading: ColumnReading, typing: Bool,
    bytes: UnsafeBufferPointer<UInt8>, keeping: Bool = true
  ) {
    let result: (tally: TypeTally, typed: TypedValues?, misfits: TextMisfits) =
      typing
      ? ColumnTyper.type(spans, bytes: bytes, declared: declared, reading: reading, keeping: keeping)
      : (TypeTally(), nil, TextMisfits())
    tallies.append(result.tally)
    misfits.append(result.misfits)
    typed.append(result.typed)
    guard keeping || !typing else {
      columns.append([])
      return
    }
    columns.append(result.typed == nil ? Array(spans) : [])
    if result.typed == nil, !needsBytes { needsBytes = spans.contains { !$0.isNull } }
  }
}

extension RawChunk {
  /// Adds the next column, one the load does not keep, as tallied while the chunk was
  /// read (`ColumnTyper.tally`; an empty tally for a declared column): no values, no
  /// spans, and no `TextMisfits`, which only a kept column's reason reads.
  mutating func addLeftOut(tally: TypeTally) {
    tallies.append(tally)
    misfits.append(TextMisfits())
    typed.append(nil)
    columns.append([])
  }

  /// Adds the next column, typed a block of rows at a time as the chunk was read: its
  /// spans were never stored, so where its values or misfits need them
  /// (`ColumnTyper.typedAsRead`), they are read again.
  mutating func add(typedAsRead typer: ColumnTyper) {
    let result = typer.typedAsRead
    tallies.append(result.tally)
    misfits.append(result.misfits)
    typed.append(result.typed)
    columns.append([])
  }

  /// Adds the next column, declared text and written as the chunk was read
  /// (`TextPieceWriter`): nothing in it was judged, and its spans were never stored.
  mutating func add(writtenAsRead text: TypedValues) {
    tallies.append(TypeTally())
    misfits.append(TextMisfits())
    typed.append(text)
    columns.append([])
  }
}

/// A chunk's column converted while reading, nulls holding placeholders (0, false).
struct TypedValues: Sendable {
  var values: ColumnValues
  var nulls: NullMask

  /// The text of a piece converted to text.
  var text: TextColumn {
    guard case .text(let text) = values else { preconditionFailure("not text") }
    return text
  }

  /// These values as a column of `type`, when they can serve as one: integers serve a
  /// decimal column too; nil for values another chunk's showed not to fit.
  func fitting(_ type: ColumnType) -> TypedValues? {
    if case .text(let text) = values, text.bytes.isEmpty, type != .text,
      (0..<nulls.count).allSatisfy(nulls.isNull)
    {
      let values: ColumnValues =
        switch type {
        case .integer: .integer(ColumnArray(Array(repeating: 0, count: nulls.count)))
        case .decimal: .decimal(ColumnArray(Array(repeating: 0, count: nulls.count)))
        case .boolean: .boolean(ColumnArray(Array(repeating: false, count: nulls.count)))
        case .timestamp, .date, .text: .timestamp(ColumnArray(Array(repeating: 0, count: nulls.count)))
        }
      return TypedValues(values: values, nulls: nulls)
    }
    switch (values, type) {
    case (.integer, .integer), (.decimal, .decimal), (.boolean, .boolean), (.timestamp, .timestamp),
      (.timestamp, .date), (.text, .text):
      return self
    case (.integer(let integers), .decimal):
      return TypedValues(values: .decimal(ColumnArray(integers.map { Double($0) })), nulls: nulls)
    default: return nil
    }
  }

  /// These values without `rows` (ascending): the rows of a chunk set aside for a misfit.
  func removing(_ rows: [Int]) -> TypedValues {
    guard !rows.isEmpty else { return self }
    let kept = Table.kept(count: nulls.count, removing: rows)
    let keptNulls = NullMask(count: kept.count) { nulls.isNull(kept[$0]) }
    switch values {
    case .integer(let v): return TypedValues(values: .integer(ColumnArray(kept.map { v[$0] })), nulls: keptNulls)
    case .decimal(let v): return TypedValues(values: .decimal(ColumnArray(kept.map { v[$0] })), nulls: keptNulls)
    case .boolean(let v): return TypedValues(values: .boolean(ColumnArray(kept.map { v[$0] })), nulls: keptNulls)
    case .timestamp(let v): return TypedValues(values: .timestamp(ColumnArray(kept.map { v[$0] })), nulls: keptNulls)
    case .text(let text): return TypedValues(values: .text(text.removing(rows)), nulls: keptNulls)
    }
  }
}

extension TypedValues {
  /// `count` rows, every one null: no text, which `fitting` makes any type's placeholders.
  init(nulls count: Int) {
    self.init(
      values: .text(TextColumn(bytes: [], ends: ColumnArray(Array(repeating: 0, count: count)))),
      nulls: NullMask(count: count) { _ in true })
  }
}

/// A whole file read into spans: the column names and the chunks in file order, with
/// the file's bytes they point into.
struct RawTable: Sendable {
  var bytes: FileBytes
  var names: [String]
  var chunks: [RawChunk]
  /// The 1-based line of each chunk's first line.
  var firstLines: [Int]
  /// What the reader did that a person should know, e.g. columns named by position.
  var warnings: [LoadError] = []
  /// Reads the records starting in a byte range again, every column kept as spans.
  let reread: @Sendable (_ start: Int, _ limit: Int) -> RawChunk
  /// How the file's values are read (null texts, zone, declared formats).
  var rules = ValueRules()

  var rowCount: Int { chunks.reduce(0) { $0 + $1.rowCount } }

  /// The error for the file's first byte that is not UTF-8, if a chunk met one.
  func notUTF8(file: String) -> LoadError? {
    Self.notUTF8(chunks, firstLines: firstLines, bytes: bytes, file: file)
  }

  /// The error for the first byte that is not UTF-8 any of `chunks` met, with their
  /// first lines (1-based).
  static func notUTF8(_ chunks: [RawChunk], firstLines: [Int], bytes: FileBytes, file: String) -> LoadError? {
    guard let k = chunks.firstIndex(where: { $0.notUTF8 != nil }), let bad = chunks[k].notUTF8 else { return nil }
    return bytes.withUnsafeBufferPointer { b in
      LoadError.notUTF8(b, at: bad.offset, line: firstLines[k] + bad.line, lineStart: bad.rowStart, file: file)
    }
  }

  /// Column `c` of chunk `k` as spans: those kept (one per row), or, for a column
  /// converted or typed while reading (needed as text after all: another chunk holds
  /// text, or it is a key), the chunk read again. Not for a column the load does not
  /// keep (`KeptColumns`), which has neither.
  func spans(chunk k: Int, column c: Int) -> [FieldSpan] {
    let chunk = chunks[k]
    if chunk.typed[c] == nil, chunk.columns[c].count == chunk.rowCount { return chunk.columns[c] }
    return reread(chunk.start, chunk.limit).columns[c]
  }

  /// Whether only some values made column `c` of chunk `k` text (`TextMisfits`): as
  /// tallied when it was read, or now from its spans.
  func misfits(chunk k: Int, column c: Int) -> TextMisfits {
    if let misfits = chunks[k].misfits[c] { return misfits }
    return bytes.withUnsafeBufferPointer { TextMisfits.tally(spans(chunk: k, column: c), bytes: $0) }
  }
}
