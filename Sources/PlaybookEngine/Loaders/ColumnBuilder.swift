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

  /// The column's values as text, whatever its type (for keys and links).
  static func text(_ raw: RawTable, column c: Int) -> TextColumn {
    let chunkCount = raw.chunks.count
    let spans = Parallel.map(chunkCount) { raw.spans(chunk: $0, column: c) }
    let sizes = spans.map { $0.reduce(0) { $0 + $1.length } }
    let (byteOffsets, rowOffsets) = offsets(sizes, raw)
    var ends = [UInt32](repeating: 0, count: raw.rowCount)
    var written: [Int] = []
    var bytes = [UInt8](unsafeUninitializedCapacity: byteOffsets[chunkCount]) { out, count in
      ends.withUnsafeMutableBufferPointer { ends in
        raw.bytes.withUnsafeBufferPointer { b in
          guard let outBase = out.baseAddress, let endsBase = ends.baseAddress else { return }
          let text = SharedBuffer(outBase)
          let rowEnds = SharedBuffer(endsBase)
          written = Parallel.map(chunkCount) { k in
            var at = byteOffsets[k]
            var row = rowOffsets[k]
            for span in spans[k] {
              if !span.isNull { at += FieldText.write(span, from: b, to: text.base + at) }
              rowEnds.base[row] = UInt32(truncatingIfNeeded: at)
              row += 1
            }
            return at - byteOffsets[k]
          }
        }
      }
      count = byteOffsets[chunkCount]
    }
    // Escapes make text shorter than its span: close the gaps they leave between chunks.
    var shift = 0
    for k in 0..<chunkCount {
      if shift > 0 {
        bytes.withUnsafeMutableBufferPointer { all in
          let from = all.baseAddress! + byteOffsets[k]
          (from - shift).update(from: from, count: written[k])
        }
        for row in rowOffsets[k]..<rowOffsets[k + 1] { ends[row] -= UInt32(shift) }
      }
      shift += sizes[k] - written[k]
    }
    bytes.removeLast(shift)
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
