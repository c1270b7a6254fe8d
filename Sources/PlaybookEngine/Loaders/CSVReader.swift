import PlaybookLanguage

/// Reads RFC 4180 CSV from a file's bytes into spans: a header row of column names,
/// then one record per row. Fields are separated by a comma, semicolon, tab or pipe (as
/// stated, else detected from the header: `CSVScanner.detectedDelimiter`) and may be
/// quoted (holding delimiters, `""` for a quote, and line ends); records end with CRLF,
/// LF or a lone CR; a UTF-8 byte-order mark is skipped; blank lines are skipped. A
/// record with the wrong number of fields, an unterminated quote, a stray quote or text
/// after a closing quote is set aside with the line it starts on; bytes that are not
/// UTF-8 refuse the file at the first of them.
///
/// Large files are split into chunks read in parallel. Chunk boundaries are guessed from
/// the parity of the quotes before them, then checked: each chunk must end exactly where
/// the next begins, or the rest of the file is read again in one piece. So the result is
/// always what one thread reading the whole file gets.
enum CSVReader {
  /// `textColumns` are read as text when the file has them (key and link columns);
  /// `delimiter` nil detects it; `kept` says which columns' values are kept.
  static func read(
    _ bytes: FileBytes, file: String, declared: [String: ColumnType], textColumns: [String] = [],
    delimiter: FieldDelimiter? = nil, rules: ValueRules = ValueRules(), kept: KeptColumns = .all,
    chunkCount: Int? = nil, typesAsRead: Bool = true, progress: (any ProgressSink)? = nil
  ) throws(LoadError) -> RawTable {
    let start = try bytes.textStart(file: file)
    return try bytes.withUnsafeBufferPointer { b throws(LoadError) in
      let delimiter = delimiter ?? CSVScanner(bytes: b).detectedDelimiter(from: start)
      let scanner = CSVScanner(bytes: b, delimiter: delimiter)
      let header = try scanner.header(from: start, file: file)
      var types = try DeclaredTypes.resolve(declared, names: header.names, file: file)
      for (c, name) in header.names.enumerated() where types[c] == nil && textColumns.contains(name) {
        types[c] = .text
      }
      let reader = CSVChunkReader(
        file: bytes, scanner: scanner, names: header.names, declared: types, rules: rules, kept: kept,
        typesAsRead: typesAsRead, progress: progress)
      let chunks = reader.readAll(from: header.end, chunkCount: chunkCount)
      var firstLines = [1 + header.lineEnds]
      for chunk in chunks.dropLast() { firstLines.append(firstLines.last! + chunk.lineCount) }
      let raw = RawTable(
        bytes: bytes, names: header.names, chunks: chunks, firstLines: firstLines,
        warnings: header.renamed.map { [$0] } ?? [],
        reread: { [types] start, limit in
          bytes.withUnsafeBufferPointer { b in
            CSVChunkReader(
              file: bytes, scanner: CSVScanner(bytes: b, delimiter: delimiter), names: header.names, declared: types,
              rules: rules
            )
            .read(from: start, to: limit, typing: false)
          }
        }, rules: rules)
      if let error = raw.notUTF8(file: file) { throw error }
      return raw
    }
  }
}
