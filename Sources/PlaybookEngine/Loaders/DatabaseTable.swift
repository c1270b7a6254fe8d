import Foundation
import PlaybookLanguage

/// A database load's rows as a `RawTable`, so they are typed, built, keyed and linked
/// as a data file's are. A row's "line" is its number in the result (from 1), in the
/// order the database returns it.
enum DatabaseTable {
  /// What reading `spec`'s database gives the loader.
  struct Read {
    var raw: RawTable
    /// Rows whose value does not fit its column's type, named by their key or link.
    var setAside: [SetAsideRow]
    /// Every column's type: the load's `types` over the database's, key and link columns
    /// text unless `types` says otherwise (they are matched by their text).
    var types: [String: ColumnType]
    /// The database file's size.
    var fileBytes: Int
  }

  /// Reads `selection` through the registered reader and sets aside each row with a
  /// value that is not of its column's type. Throws for a load's `types` column the
  /// result lacks, and what the reader throws.
  static func read(
    _ spec: TableSpec, _ selection: DatabaseSelection, rules: ValueRules, progress: (any ProgressSink)?
  ) throws(LoadError) -> Read {
    let size = (try? FileManager.default.attributesOfItem(atPath: spec.path)[.size] as? Int) ?? 0
    progress?.begin(.loading(table: spec.name, file: spec.path, bytes: size))
    let rows = try DatabaseReaders.reader(for: selection.kind, path: spec.path).read(selection, path: spec.path)
    guard rows.text.count < Int(UInt32.max) else {
      throw LoadError(.badFormat, "the rows hold more than 4 GB of text, which Playloop cannot load", file: spec.path)
    }
    _ = try DeclaredTypes.resolve(spec.declaredTypes, names: rows.names, file: spec.path)
    let names = rows.names
    let width = names.count
    let textColumns = [spec.keyColumn, spec.linkColumn].compactMap { $0 }
    let types = names.indices.map { c in
      spec.declaredTypes[names[c]] ?? (textColumns.contains(names[c]) ? .text : rows.types[c])
    }
    let readings = names.indices.map { rules.reading(column: names[$0], declared: types[$0]) }
    let named = names.firstIndex(of: spec.linkColumn ?? spec.keyColumn)
    let key = names.firstIndex(of: spec.keyColumn)
    let bytes = FileBytes(copying: rows.text)
    var kept: [FieldSpan] = []
    kept.reserveCapacity(rows.spans.count)
    var lines: [Int32] = []
    var setAside: [SetAsideRow] = []
    bytes.withUnsafeBufferPointer { b in
      for r in 0..<rows.rowCount {
        let start = kept.count
        for span in rows.spans[(r * width)..<((r + 1) * width)] {
          kept.append(rules.nulls.isNull(span, in: b) ? .null : span)
        }
        var misfit: String?
        for c in 0..<width where misfit == nil && types[c] != .text {
          misfit = RowValues.misfit(
            kept[start + c], bytes: b, declared: types[c], reading: readings[c], column: names[c])
        }
        if let misfit {
          // A database row has no line a person can open: its key says which it is.
          let which = key.map { "\(spec.rowName) \"\(FieldText.string(kept[start + $0], from: b))\": " } ?? ""
          setAside.append(
            SetAsideRow(
              table: spec.name, file: spec.path, line: r + 1, reason: which + misfit,
              customer: named.map { FieldText.string(kept[start + $0], from: b) }))
          kept.removeSubrange(start...)
          continue
        }
        lines.append(Int32(clamping: r))
      }
    }
    progress?.advance(bytes: size, rows: rows.rowCount)
    if progress?.stopRequested == true { throw LoadError.interrupted(file: spec.path) }
    var chunk = RawChunk()
    chunk.lines = lines
    chunk.lineCount = rows.rowCount
    bytes.withUnsafeBufferPointer { b in
      kept.withUnsafeBufferPointer { all in
        for c in 0..<width {
          chunk.add(
            column: ColumnOfRows(rows: all, width: width, column: c), declared: types[c], reading: readings[c],
            typing: true, bytes: b)
        }
      }
    }
    let (spans, keptLines) = (kept, lines)
    let raw = RawTable(
      bytes: bytes, names: names, chunks: [chunk], firstLines: [1],
      reread: { _, _ in
        var untyped = RawChunk()
        untyped.columns = (0..<width).map { c in Swift.stride(from: c, to: spans.count, by: width).map { spans[$0] } }
        untyped.lines = keptLines
        return untyped
      }, rules: rules)
    var declared: [String: ColumnType] = [:]
    for (name, type) in zip(names, types) { declared[name] = type }
    return Read(raw: raw, setAside: setAside, types: declared, fileBytes: size)
  }
}
