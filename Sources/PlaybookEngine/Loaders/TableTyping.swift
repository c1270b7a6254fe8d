import PlaybookLanguage

/// Each column's type, decided once every chunk is read: declared, or by majority from
/// the chunks' tallies (`TypeTally`); and the rows set aside because a value misfits the
/// type its column took. A misfit row leaves every column of the table.
struct TableTyping {
  /// Each column's type, in the file's column order.
  var types: [ColumnType]
  /// Whether each column's type was inferred from its values (not declared).
  var inferred: [Bool]
  /// Per chunk, its rows set aside for a misfit (chunk-local, ascending).
  var dropped: [[Int]]
  /// Those rows, in line order: the column, the value and the type it is not, with the
  /// `types` line to write where the column holds text.
  var setAside: [SetAsideRow]

  /// Types `raw`'s columns. `link` is the column naming each row's customer (or the
  /// customers' key), so a row set aside says whose it is.
  init(_ raw: RawTable, name: String, file: String, declaredTypes: [String: ColumnType], link: Int? = nil) {
    var found: [(chunk: Int, row: Int32, column: Int, span: FieldSpan)] = []
    inferred = raw.names.map { declaredTypes[$0] == nil }
    types = raw.names.indices.map { c in
      if let declared = declaredTypes[raw.names[c]] { return declared }
      let type = TypeTally.combined(raw.chunks.lazy.map { $0.tallies[c] }).inferredType
      guard type != .text else { return type }
      for (k, chunk) in raw.chunks.enumerated() {
        for misfit in chunk.tallies[c].misfits where !misfit.votes.fit(type) {
          found.append((k, misfit.row, c, misfit.span))
        }
      }
      return type
    }
    dropped = Array(repeating: [], count: raw.chunks.count)
    setAside = []
    guard !found.isEmpty else { return }
    found.sort { ($0.chunk, $0.row, $0.column) < ($1.chunk, $1.row, $1.column) }
    var start = 0
    while start < found.count {
      let (k, row) = (found[start].chunk, found[start].row)
      var end = start
      while end < found.count, found[end].chunk == k, found[end].row == row { end += 1 }
      let misfits = found[start..<end]
      let reasons = raw.bytes.withUnsafeBufferPointer { bytes in
        misfits.map { Self.reason(raw.names[$0.column], FieldText.string($0.span, from: bytes), types[$0.column]) }
      }
      let column = ASTDump.column(raw.names[misfits.first!.column])
      dropped[k].append(Int(row))
      setAside.append(
        SetAsideRow(
          table: name, file: file, line: Int(raw.chunks[k].lines[Int(row)]) + raw.firstLines[k],
          reason: reasons.joined(separator: "; "),
          hint: "if \(column) holds text, say so on the load: types \(column) = text",
          customer: link.map { Self.text(raw, chunk: k, row: Int(row), column: $0) }))
      start = end
    }
  }

  /// `total 'n/a' is not a decimal`.
  static func reason(_ column: String, _ value: String, _ type: ColumnType) -> String {
    let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
    return "\(ASTDump.column(column)) '\(shown)' is not \(type == .integer ? "an" : "a") \(type.rawValue)"
  }

  /// The text of one row's value (for a message).
  private static func text(_ raw: RawTable, chunk k: Int, row: Int, column c: Int) -> String {
    if case .text(let text)? = raw.chunks[k].typed[c]?.values { return text.string(row) }
    return raw.bytes.withUnsafeBufferPointer { FieldText.string(raw.spans(chunk: k, column: c)[row], from: $0) }
  }
}
