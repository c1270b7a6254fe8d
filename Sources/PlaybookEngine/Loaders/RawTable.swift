/// One chunk of a file read into field spans: its rows' fields column by column, its
/// rows' lines, the rows set aside and each column's type votes. Chunks are read in
/// parallel and joined in file order.
struct RawChunk: Sendable {
  /// Column names as first seen in this chunk (JSON Lines); CSV chunks leave it empty
  /// and share the header's names.
  var names: [[UInt8]] = []
  var columns: [[FieldSpan]] = []
  /// The line of each kept row, counted from the chunk's first line (0-based).
  var lines: [Int32] = []
  /// Rows set aside, with their line counted as in `lines`.
  var setAside: [(line: Int, reason: String)] = []
  /// Per column, the types every non-null value fits (`TypeVotes`).
  var votes: [TypeVotes] = []
  /// Where the chunk's last row ended, and how many line ends it read up to there.
  var endOffset = 0
  var lineCount = 0

  var rowCount: Int { lines.count }
}

/// A whole file read into spans: the column names and the chunks in file order, with
/// the file's bytes they point into.
struct RawTable: Sendable {
  var bytes: [UInt8]
  var names: [String]
  var chunks: [RawChunk]
  /// The 1-based line of each chunk's first line.
  var firstLines: [Int]

  var rowCount: Int { chunks.reduce(0) { $0 + $1.rowCount } }
}
