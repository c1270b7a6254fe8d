import PlaybookLanguage

/// Turns one column of spans into a typed `Column`, once its type is known. Every
/// value has already been checked to fit, so conversion cannot fail. Chunks convert
/// in parallel, each into its own rows of the result.
enum ColumnBuilder {
  static func build(_ raw: RawTable, column c: Int, type: ColumnType) -> Column {
    var nulls = NullMask(count: raw.rowCount)
    var row = 0
    for chunk in raw.chunks {
      for span in chunk.columns[c] {
        if span.isNull { nulls.setNull(row) }
        row += 1
      }
    }
    let values: ColumnValues
    switch type {
    case .integer: values = .integer(convert(raw, c, 0) { ValueSyntax.integer($0) })
    case .decimal: values = .decimal(convert(raw, c, 0) { ValueSyntax.decimal($0) })
    case .boolean: values = .boolean(convert(raw, c, false) { ValueSyntax.boolean($0) })
    case .timestamp, .date: values = .timestamp(convert(raw, c, 0) { Timestamp.parse($0)?.seconds })
    case .text: values = .text(text(raw, column: c))
    }
    return Column(name: raw.names[c], type: type, values: values, nulls: nulls)
  }

  /// The column's values as text, whatever its type (for keys and links).
  static func text(_ raw: RawTable, column c: Int) -> TextColumn {
    let chunkCount = raw.chunks.count
    let sizes = raw.chunks.map { $0.columns[c].reduce(0) { $0 + $1.length } }
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
            for span in raw.chunks[k].columns[c] {
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

  private static func convert<T: Sendable>(
    _ raw: RawTable, _ c: Int, _ placeholder: T, _ read: @Sendable (UnsafeBufferPointer<UInt8>) -> T?
  ) -> [T] {
    let rowOffsets = offsets(raw.chunks.map { _ in 0 }, raw).rows
    var values = [T](repeating: placeholder, count: raw.rowCount)
    values.withUnsafeMutableBufferPointer { out in
      raw.bytes.withUnsafeBufferPointer { b in
        guard let base = out.baseAddress else { return }
        let shared = SharedBuffer(base)
        _ = Parallel.map(raw.chunks.count) { k in
          var row = rowOffsets[k]
          for span in raw.chunks[k].columns[c] {
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
