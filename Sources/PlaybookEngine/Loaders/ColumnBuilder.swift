import PlaybookLanguage

/// Joins one column's chunks into a typed `Column`, once its type is known: values the
/// chunks converted while reading are copied; spans are converted here. Every value
/// has already been checked to fit, so conversion cannot fail. Chunks convert in
/// parallel, each into its own rows of the result.
enum ColumnBuilder {
  static func build(_ raw: RawTable, column c: Int, type: ColumnType) -> Column {
    if type == .text {
      let text = text(raw, column: c)
      var nulls = NullMask(count: raw.rowCount)
      for row in 0..<text.count where text.start(row) == text.end(row) { nulls.setNull(row) }
      return Column(name: raw.names[c], type: type, values: .text(text), nulls: nulls)
    }
    var nulls = NullMask(count: raw.rowCount)
    var row = 0
    for chunk in raw.chunks {
      if let typed = chunk.typed[c] {
        nulls.setNulls(from: typed.nulls, at: row)
      } else {
        for span in chunk.columns[c] {
          if span.isNull { nulls.setNull(row) }
          row += 1
        }
        continue
      }
      row += chunk.rowCount
    }
    let values: ColumnValues
    switch type {
    case .integer:
      values = .integer(convert(raw, c, 0, { ValueSyntax.integer($0) }) { if case .integer(let v) = $0 { v } else { nil } })
    case .decimal:
      values = .decimal(
        convert(raw, c, 0, { ValueSyntax.decimal($0) }) {
          switch $0 {
          case .decimal(let v): v
          case .integer(let v): v.map { Double($0) }
          default: nil
          }
        })
    case .boolean:
      values = .boolean(convert(raw, c, false, { ValueSyntax.boolean($0) }) { if case .boolean(let v) = $0 { v } else { nil } })
    case .timestamp, .date:
      values = .timestamp(
        convert(raw, c, 0, { Timestamp.parse($0)?.seconds }) { if case .timestamp(let v) = $0 { v } else { nil } })
    case .text: preconditionFailure("handled above")
    }
    return Column(name: raw.names[c], type: type, values: values, nulls: nulls)
  }

  /// The column's values as text, whatever its type (for keys and links): each chunk's
  /// text (made while reading, or now from its spans), joined.
  static func text(_ raw: RawTable, column c: Int) -> TextColumn {
    let pieces = Parallel.map(raw.chunks.count) { k in
      if case .text(let piece)? = raw.chunks[k].typed[c]?.values { return piece }
      return raw.bytes.withUnsafeBufferPointer { textPiece(raw.spans(chunk: k, column: c), bytes: $0) }
    }
    return joined(pieces)
  }

  /// The text of `spans` (escapes undone), one row per span, empty for null.
  static func textPiece<Spans: Collection<FieldSpan>>(_ spans: Spans, bytes: UnsafeBufferPointer<UInt8>)
    -> TextColumn
  {
    // Undoing escapes never makes text longer, so the spans' lengths bound it.
    let capacity = spans.reduce(0) { $0 + $1.length }
    var ends = [UInt32](repeating: 0, count: spans.count)
    let text = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
      ends.withUnsafeMutableBufferPointer { ends in
        var at = 0
        for (row, span) in spans.enumerated() {
          if !span.isNull { at += FieldText.write(span, from: bytes, to: out.baseAddress! + at) }
          ends[row] = UInt32(truncatingIfNeeded: at)
        }
        count = at
      }
    }
    return TextColumn(bytes: text, ends: ends)
  }

  /// The pieces end to end, copied in parallel.
  static func joined(_ pieces: [TextColumn]) -> TextColumn {
    if pieces.count == 1 { return pieces[0] }
    var byteOffsets = [0]
    var rowOffsets = [0]
    for piece in pieces {
      byteOffsets.append(byteOffsets.last! + piece.bytes.count)
      rowOffsets.append(rowOffsets.last! + piece.count)
    }
    let (totalBytes, totalRows) = (byteOffsets.last!, rowOffsets.last!)
    precondition(totalBytes <= UInt32.max, "a text column holds at most 4 GB")
    let bytes = [UInt8](unsafeUninitializedCapacity: totalBytes) { out, count in
      if let base = out.baseAddress {
        let text = SharedBuffer(base)
        _ = Parallel.map(pieces.count) { k in
          pieces[k].bytes.withUnsafeBufferPointer {
            if let piece = $0.baseAddress { (text.base + byteOffsets[k]).update(from: piece, count: $0.count) }
          }
          return true
        }
      }
      count = totalBytes
    }
    let ends = [UInt32](unsafeUninitializedCapacity: totalRows) { out, count in
      if let base = out.baseAddress {
        let rowEnds = SharedBuffer(base)
        _ = Parallel.map(pieces.count) { k in
          let shift = UInt32(byteOffsets[k])
          for (row, end) in pieces[k].ends.enumerated() { rowEnds.base[rowOffsets[k] + row] = end + shift }
          return true
        }
      }
      count = totalRows
    }
    return TextColumn(bytes: bytes, ends: ends)
  }

  private static func offsets(_ sizes: [Int], _ raw: RawTable) -> (bytes: [Int], rows: [Int]) {
    var bytes = [0]
    var rows = [0]
    for (size, chunk) in zip(sizes, raw.chunks) {
      bytes.append(bytes.last! + size)
      rows.append(rows.last! + chunk.rowCount)
    }
    return (bytes, rows)
  }

  /// The column's values: each chunk's converted values (`typed` picks them out of a
  /// chunk's `ColumnValues`) copied, or its spans read with `read`.
  private static func convert<T: Sendable>(
    _ raw: RawTable, _ c: Int, _ placeholder: T, _ read: @Sendable (UnsafeBufferPointer<UInt8>) -> T?,
    typed: @Sendable (ColumnValues) -> [T]?
  ) -> [T] {
    let rowOffsets = offsets(raw.chunks.map { _ in 0 }, raw).rows
    var values = [T](repeating: placeholder, count: raw.rowCount)
    values.withUnsafeMutableBufferPointer { out in
      raw.bytes.withUnsafeBufferPointer { b in
        guard let base = out.baseAddress else { return }
        let shared = SharedBuffer(base)
        _ = Parallel.map(raw.chunks.count) { k in
          let chunk = raw.chunks[k]
          if let converted = chunk.typed[c].flatMap({ typed($0.values) }) {
            converted.withUnsafeBufferPointer { (shared.base + rowOffsets[k]).update(from: $0.baseAddress!, count: $0.count) }
            return true
          }
          var row = rowOffsets[k]
          for span in raw.spans(chunk: k, column: c) {
            if !span.isNull, let v = read(UnsafeBufferPointer(rebasing: b[Int(span.start)..<span.end])) {
              shared.base[row] = v
            }
            row += 1
          }
          return true
        }
      }
    }
    return values
  }
}

extension NullMask {
  /// Marks null the rows of `other` that are, shifted down by `offset` rows.
  mutating func setNulls(from other: NullMask, at offset: Int) {
    for (w, word) in other.words.enumerated() where word != 0 {
      var bits = word
      while bits != 0 {
        setNull(offset + w * 64 + bits.trailingZeroBitCount)
        bits &= bits - 1
      }
    }
  }
}
