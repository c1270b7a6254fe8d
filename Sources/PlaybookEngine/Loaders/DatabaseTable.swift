import Foundation
import PlaybookLanguage

/// A database load's rows as a `RawTable`, so they are typed, built, keyed and linked
/// as a data file's are. A database keeps rows in no set order, so they are put in one
/// that only their values decide (`canonicalOrder`); a row's "line" is its number in
/// that order (from 1). Which of two rows with one key is kept, and every message, thus
/// never depends on how the table happens to be stored.
enum DatabaseTable {
  /// What reading `spec`'s database gives the loader.
  struct Read {
    var raw: RawTable
    /// Rows whose value does not fit its column's type, named by their key or link.
    var setAside: [SetAsideRow]
    /// Every column's type: the load's `types` over the database's, key and link columns
    /// text unless `types` says otherwise (they are matched by their text).
    var types: [String: ColumnType]
    /// The database file's size; for a server, the bytes of text read.
    var fileBytes: Int
    /// Column name → the database's name of its type, for a column of a type Playloop
    /// has none for (read as text).
    var unmappedTypes: [String: String]
  }

  /// Reads `selection` through the run's session with its kind of database and sets
  /// aside each row with a value that is not of its column's type. Throws for two
  /// result columns of one name, a load's `types` column the result lacks, and what the
  /// reader throws.
  static func read(
    _ spec: TableSpec, _ selection: DatabaseSelection, sessions: DatabaseSessions, rules: ValueRules,
    progress: (any ProgressSink)?
  ) throws(LoadError) -> Read {
    let fileSize = (try? FileManager.default.attributesOfItem(atPath: spec.path)[.size] as? Int) ?? 0
    progress?.begin(.loading(table: spec.name, file: spec.path, bytes: fileSize))
    let rows = try sessions.session(for: selection.kind, source: spec.path).read(selection, source: spec.path)
    let size = selection.kind.readsAFile ? fileSize : rows.text.count
    guard rows.text.count < Int(UInt32.max) else {
      throw LoadError(.badFormat, "the rows hold more than 4 GB of text, which Playloop cannot load", file: spec.path)
    }
    guard !rows.hasOverlongValue else {
      throw LoadError(.badFormat, "a value is longer than 16 MB, which Playloop cannot load", file: spec.path)
    }
    var seen: Set<String> = []
    for name in rows.names where !seen.insert(name).inserted {
      throw LoadError(
        .badDatabase, "the result has two columns named '\(name)'", file: spec.path,
        hint: "name them apart: select … AS other_name")
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
      for (position, r) in canonicalOrder(rows, bytes: b).enumerated() {
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
              table: spec.name, file: spec.path, line: position + 1, reason: which + misfit,
              customer: named.map { FieldText.string(kept[start + $0], from: b) }))
          kept.removeSubrange(start...)
          continue
        }
        lines.append(Int32(clamping: position))
      }
    }
    progress?.advance(bytes: size, rows: rows.rowCount)
    if progress?.stopRequested == true { throw LoadError.interrupted(file: spec.path) }
    var chunk = RawChunk()
    chunk.lines = ChunkLines(lines)
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
        untyped.lines = ChunkLines(keptLines)
        return untyped
      }, rules: rules)
    var declared: [String: ColumnType] = [:]
    var unmapped: [String: String] = [:]
    for c in names.indices {
      declared[names[c]] = types[c]
      if types[c] == .text, let type = rows.unmappedTypes[c] { unmapped[names[c]] = type }
    }
    return Read(raw: raw, setAside: setAside, types: declared, fileBytes: size, unmappedTypes: unmapped)
  }

  /// The numbers of `rows`' rows in byte order of their values, the first column first,
  /// then the next (a null or empty value before any other); rows equal in every value
  /// keep the reader's order, which cannot tell them apart. Rows with one key are thus
  /// ordered by their other columns, and the first of them is kept
  /// (`KeyedTable.setAsideRepeatedKeys`).
  static func canonicalOrder(_ rows: DatabaseRows, bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    let width = rows.names.count
    return rows.spans.withUnsafeBufferPointer { spans in
      func sign(_ a: Int, _ b: Int) -> Int {
        for c in 0..<width {
          let x = spans[a * width + c]
          let y = spans[b * width + c]
          let s = ByteOrder.sign(
            UnsafeBufferPointer(rebasing: bytes[x.start..<x.end]),
            UnsafeBufferPointer(rebasing: bytes[y.start..<y.end]))
          if s != 0 { return s }
        }
        return 0
      }
      let all = Array(0..<rows.rowCount)
      // Tables read in key order (or by a query's `order by`) are in order already: one
      // pass proves it, without the sort.
      if (1..<max(1, all.count)).allSatisfy({ sign($0 - 1, $0) <= 0 }) { return all }
      return all.sorted { a, b in
        let s = sign(a, b)
        return s != 0 ? s < 0 : a < b
      }
    }
  }
}
