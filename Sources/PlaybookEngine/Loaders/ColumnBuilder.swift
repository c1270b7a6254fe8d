import PlaybookLanguage

/// Joins one column's chunks into a typed `Column`, once its type is known: each
/// chunk's values as converted while reading, or, where a chunk kept its spans (or
/// holds values of a type the column turned out not to be), converted now. Every value
/// has already been checked to fit, so conversion cannot fail; the rows of a value that
/// does not (`TableTyping.dropped`, per chunk) are left out. Chunks are converted and
/// copied in parallel.
///
/// A column is never held twice over: `build` takes its chunks out of the raw table, and
/// each chunk's piece is freed as soon as it is copied into the column, so a load's peak
/// is its columns plus the pieces being copied. (At 10M customers, the calls' transcripts
/// alone are 1.6 GB; held twice while joining, they made the load's peak.)
enum ColumnBuilder {
  /// Takes column `c`'s chunks out of `raw` (its spans and typed values are left empty).
  /// Refused (with `file` named) when the column's text would pass 4 GB.
  static func build(_ raw: inout RawTable, column c: Int, type: ColumnType, dropping dropped: [[Int]], file: String)
    throws(LoadError) -> Column
  {
    let pieces = Parallel.map(raw.chunks.count) { [raw] in
      piece(raw, chunk: $0, column: c, as: type).removing(dropped[$0])
    }
    for k in raw.chunks.indices {
      raw.chunks[k].columns[c] = []
      raw.chunks[k].typed[c] = nil
    }
    let rowCount = pieces.reduce(0) { $0 + $1.nulls.count }
    var nulls = NullMask(count: rowCount)
    var row = 0
    for piece in pieces {
      nulls.setNulls(from: piece.nulls, at: row)
      row += piece.nulls.count
    }
    let values: ColumnValues
    switch type {
    case .integer: values = .integer(joined(consume pieces) { if case .integer(let v) = $0 { v } else { [] } })
    case .decimal: values = .decimal(joined(consume pieces) { if case .decimal(let v) = $0 { v } else { [] } })
    case .boolean: values = .boolean(joined(consume pieces) { if case .boolean(let v) = $0 { v } else { [] } })
    case .timestamp, .date:
      values = .timestamp(joined(consume pieces) { if case .timestamp(let v) = $0 { v } else { [] } })
    case .text: values = .text(try joined((consume pieces).map(\.text), column: raw.names[c], file: file))
    }
    return Column(name: raw.names[c], type: type, values: values, nulls: nulls)
  }

  /// The column's values as text, whatever its type (for keys and links), without the
  /// `dropped` rows (per chunk; none when empty).
  static func text(_ raw: RawTable, column c: Int, dropping dropped: [[Int]] = [], file: String)
    throws(LoadError) -> TextColumn
  {
    try joined(
      Parallel.map(raw.chunks.count) {
        piece(raw, chunk: $0, column: c, as: .text).removing(dropped.isEmpty ? [] : dropped[$0]).text
      }, column: raw.names[c], file: file)
  }

  /// Chunk `k`'s values of column `c` as a column of `type`.
  private static func piece(_ raw: RawTable, chunk k: Int, column c: Int, as type: ColumnType) -> TypedValues {
    if let fitting = raw.chunks[k].typed[c]?.fitting(type) { return fitting }
    let reading = raw.rules.reading(column: raw.names[c], declared: type)
    return raw.bytes.withUnsafeBufferPointer {
      ColumnTyper.converted(raw.spans(chunk: k, column: c), bytes: $0, to: type, reading: reading)
    }
  }

  /// The text of `spans` (escapes undone), one row per span, empty for null; each
  /// distinct value kept once where that pays (`TextPieceWriter`).
  static func textPiece<Spans: RandomAccessCollection<FieldSpan>>(_ spans: Spans, bytes: UnsafeBufferPointer<UInt8>)
    -> TypedValues
  {
    func written(_ spans: UnsafeBufferPointer<FieldSpan>) -> TypedValues {
      var writer = TextPieceWriter(rows: spans.count)
      writer.append(spans, bytes: bytes)
      return writer.finished()
    }
    return spans.withContiguousStorageIfAvailable(written) ?? Array(spans).withUnsafeBufferPointer(written)
  }

  /// The pieces end to end, copied in parallel, each freed once copied; refused past
  /// `limit` bytes of text (a column's row ends are 32-bit: `TextColumn`; tests pass a
  /// smaller limit). Pieces that all keep their distinct values once make a column that
  /// does; otherwise every row's text is written out.
  static func joined(_ pieces: consuming [TextColumn], column: String, file: String, limit: Int = Int(UInt32.max))
    throws(LoadError) -> TextColumn
  {
    let tooLong = LoadError(
      .badFormat, "the column \"\(column)\" holds more than 4 GB of text, which Playloop cannot load", file: file,
      hint: "split the file, or load fewer rows at a time")
    if pieces.count == 1, pieces[0].bytes.count <= limit { return pieces[0] }
    if pieces.allSatisfy({ $0.codes != nil }) {
      guard let joined = TextDictionary.joined(pieces, limit: limit) else { throw tooLong }
      return joined
    }
    var expanded = Parallel.map(pieces.count) { [pieces] in pieces[$0].expanded }
    _ = consume pieces
    var byteOffsets = [0]
    var rowOffsets = [0]
    for piece in expanded {
      byteOffsets.append(byteOffsets.last! + piece.bytes.count)
      rowOffsets.append(rowOffsets.last! + piece.count)
    }
    let (totalBytes, totalRows) = (byteOffsets.last!, rowOffsets.last!)
    guard totalBytes <= limit else { throw tooLong }
    var ends: [UInt32] = []
    let bytes = [UInt8](unsafeUninitializedCapacity: totalBytes) { text, textCount in
      ends = [UInt32](unsafeUninitializedCapacity: totalRows) { rowEnds, endsCount in
        // No text (every row empty), or no rows: no buffer to write into.
        let (text, rowEnds) = (text.baseAddress.map(SharedBuffer.init), rowEnds.baseAddress.map(SharedBuffer.init))
        expanded.withUnsafeMutableBufferPointer { pieces in
          let pieces = SharedBuffer(pieces.baseAddress!)
          _ = Parallel.map(byteOffsets.count - 1) { k in
            pieces.base[k].bytes.withUnsafeBufferPointer {
              if let text, let piece = $0.baseAddress {
                (text.base + byteOffsets[k]).update(from: piece, count: $0.count)
              }
            }
            let shift = UInt32(byteOffsets[k])
            if let rowEnds {
              for (row, end) in pieces.base[k].ends.enumerated() { rowEnds.base[rowOffsets[k] + row] = end + shift }
            }
            pieces.base[k] = TextColumn()
            return true
          }
        }
        endsCount = totalRows
      }
      textCount = totalBytes
    }
    return TextColumn(bytes: ColumnArray(bytes), ends: ColumnArray(ends))
  }

  /// The pieces' values (`values` picks them out) end to end, copied in parallel, each
  /// freed once copied.
  private static func joined<T: BitwiseCopyable>(
    _ pieces: consuming [TypedValues], _ values: @Sendable (ColumnValues) -> ColumnArray<T>
  ) -> ColumnArray<T> {
    var arrays = pieces.map { values($0.values) }
    _ = consume pieces
    if let joined = ValueSlots.joined(arrays) { return joined }
    var offsets = [0]
    for array in arrays { offsets.append(offsets.last! + array.count) }
    return ColumnArray(count: offsets.last!) { out, count in
      if let base = out.baseAddress {
        let shared = SharedBuffer(base)
        arrays.withUnsafeMutableBufferPointer { arrays in
          let arrays = SharedBuffer(arrays.baseAddress!)
          _ = Parallel.map(offsets.count - 1) { k in
            arrays.base[k].withUnsafeBufferPointer {
              if let from = $0.baseAddress { (shared.base + offsets[k]).initialize(from: from, count: $0.count) }
            }
            arrays.base[k] = ColumnArray()
            return true
          }
        }
      }
      count = offsets.last!
    }
  }
}
