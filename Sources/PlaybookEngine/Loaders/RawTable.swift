import PlaybookLanguage

/// One chunk of a file read into field spans: its rows' fields column by column, its
/// rows' lines, the rows set aside and each column's type votes. Chunks are read in
/// parallel and joined in file order.
struct RawChunk: Sendable {
  /// Column names as first seen in this chunk (JSON Lines); CSV chunks leave it empty
  /// and share the header's names.
  var names: [[UInt8]] = []
  /// Each column's spans; empty for a column whose values are in `typed`.
  var columns: [[FieldSpan]] = []
  /// Per column, its values converted as the chunk was read, when every one of them
  /// fits a typed column (see `ColumnTyper`); nil for text.
  var typed: [TypedValues?] = []
  /// The line of each kept row, counted from the chunk's first line (0-based).
  var lines: [Int32] = []
  /// Rows set aside, with their line counted as in `lines`.
  var setAside: [(line: Int, reason: String)] = []
  /// Per column, the types every non-null value fits (`TypeVotes`).
  var votes: [TypeVotes] = []
  /// The byte range the chunk was read from (records starting in `start..<limit`), to
  /// read it again when a typed column's text is needed after all.
  var start = 0
  var limit = 0
  /// Where the chunk's last row ended, and how many line ends it read up to there.
  var endOffset = 0
  var lineCount = 0

  var rowCount: Int { lines.count }

  /// Types every column (`ColumnTyper`), dropping the spans of those it converts.
  /// `declared` holds each column's declared type, nil where inferred.
  mutating func type(declared: [ColumnType?], bytes: UnsafeBufferPointer<UInt8>) {
    votes = []
    typed = []
    for c in columns.indices {
      let result = ColumnTyper.type(columns[c], bytes: bytes, declared: declared[c])
      votes.append(result.votes)
      typed.append(result.typed)
      if result.typed != nil { columns[c] = [] }
    }
  }
}

/// A chunk's column converted while reading, nulls holding placeholders (0, false).
struct TypedValues: Sendable {
  var values: ColumnValues
  var nulls: NullMask
}

/// A whole file read into spans: the column names and the chunks in file order, with
/// the file's bytes they point into.
struct RawTable: Sendable {
  var bytes: [UInt8]
  var names: [String]
  var chunks: [RawChunk]
  /// The 1-based line of each chunk's first line.
  var firstLines: [Int]
  /// Reads the records starting in a byte range again, every column kept as spans.
  let reread: @Sendable (_ start: Int, _ limit: Int) -> RawChunk

  var rowCount: Int { chunks.reduce(0) { $0 + $1.rowCount } }

  /// Column `c` of chunk `k` as spans: those kept, or, for a column converted while
  /// reading (needed as text after all: another chunk holds text, or it is a key), the
  /// chunk read again.
  func spans(chunk k: Int, column c: Int) -> [FieldSpan] {
    let chunk = chunks[k]
    guard chunk.typed[c] != nil else { return chunk.columns[c] }
    return reread(chunk.start, chunk.limit).columns[c]
  }
}
