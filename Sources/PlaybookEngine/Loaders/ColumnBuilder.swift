import PlaybookLanguage

/// Turns one column of spans into a typed `Column`, once its type is known. Every
/// value has already been checked to fit, so conversion cannot fail.
enum ColumnBuilder {
  static func build(_ raw: RawTable, column c: Int, type: ColumnType) -> Column {
    let count = raw.rowCount
    var nulls = NullMask(count: count)
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
    var size = 0
    for chunk in raw.chunks { for span in chunk.columns[c] { size += span.length } }
    var row = 0
    var ends = [Int](repeating: 0, count: raw.rowCount)
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { out, count in
      var written = 0
      raw.bytes.withUnsafeBufferPointer { b in
        ends.withUnsafeMutableBufferPointer { ends in
          for chunk in raw.chunks {
            for span in chunk.columns[c] {
              if !span.isNull { written += FieldText.write(span, from: b, to: out.baseAddress! + written) }
              ends[row] = written
              row += 1
            }
          }
        }
      }
      count = written
    }
    return TextColumn(bytes: bytes, ends: ends)
  }

  private static func convert<T>(
    _ raw: RawTable, _ c: Int, _ placeholder: T, _ read: (UnsafeBufferPointer<UInt8>) -> T?
  ) -> [T] {
    var values = [T](repeating: placeholder, count: raw.rowCount)
    values.withUnsafeMutableBufferPointer { out in
      raw.bytes.withUnsafeBufferPointer { b in
        var row = 0
        for chunk in raw.chunks {
          for span in chunk.columns[c] {
            if !span.isNull, let v = read(UnsafeBufferPointer(rebasing: b[Int(span.start)..<span.end])) {
              out[row] = v
            }
            row += 1
          }
        }
      }
    }
    return values
  }
}
