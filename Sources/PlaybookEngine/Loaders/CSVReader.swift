import PlaybookLanguage

/// Reads RFC 4180 CSV from a file's bytes into spans: a header row of column names,
/// then one record per row. Fields may be quoted (holding commas, `""` for a quote, and
/// line ends); records end with CRLF, LF or a lone CR; a UTF-8 byte-order mark is
/// skipped; blank lines are skipped. A record with the wrong number of fields, an
/// unterminated quote, a stray quote, text after a closing quote or invalid UTF-8 is
/// set aside with the line it starts on.
///
/// Large files are split into chunks read in parallel. Chunk boundaries are guessed from
/// the parity of the quotes before them, then checked: each chunk must end exactly where
/// the next begins, or the rest of the file is read again in one piece. So the result is
/// always what one thread reading the whole file gets.
enum CSVReader {
  /// `textColumns` are read as text when the file has them (key and link columns).
  static func read(
    _ bytes: FileBytes, file: String, declared: [String: ColumnType], textColumns: [String] = [],
    chunkCount: Int? = nil
  ) throws(LoadError) -> RawTable {
    let start = try bytes.textStart(file: file)
    return try bytes.withUnsafeBufferPointer { b throws(LoadError) in
      let scanner = CSVScanner(bytes: b)
      let header = try scanner.header(from: start, file: file)
      var types = try DeclaredTypes.resolve(declared, names: header.names, file: file)
      for (c, name) in header.names.enumerated() where types[c] == nil && textColumns.contains(name) {
        types[c] = .text
      }
      let reader = CSVChunkReader(file: bytes, scanner: scanner, names: header.names, declared: types)
      let chunks = reader.readAll(from: header.end, chunkCount: chunkCount)
      var firstLines = [1 + header.lineEnds]
      for chunk in chunks.dropLast() { firstLines.append(firstLines.last! + chunk.lineCount) }
      return RawTable(
        bytes: bytes, names: header.names, chunks: chunks, firstLines: firstLines,
        reread: { [types] start, limit in
          bytes.withUnsafeBufferPointer { b in
            CSVChunkReader(file: bytes, scanner: CSVScanner(bytes: b), names: header.names, declared: types)
              .read(from: start, to: limit, typing: false)
          }
        })
    }
  }
}

/// The types a `types` statement declares, by column position; nil where inferred.
enum DeclaredTypes {
  static func resolve(_ declared: [String: ColumnType], names: [String], file: String)
    throws(LoadError) -> [ColumnType?]
  {
    for name in declared.keys.sorted() where !names.contains(name) {
      throw LoadError(
        .unknownColumn, "the header has no column \(name)", file: file, hint: NearNames.didYouMean(name, in: names))
    }
    return names.map { declared[$0] }
  }
}

/// Reads records from the bytes of a CSV file.
struct CSVScanner {
  enum Problem { case none, strayQuote, textAfterQuote, unterminated, fieldTooLong }

  struct Record {
    var next: Int
    var count: Int
    var lineEnds: Int
    var problem: Problem
    var nonASCII: Bool
  }

  let bytes: UnsafeBufferPointer<UInt8>

  static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 13, lf: UInt8 = 10

  /// Whether `c` ends an unquoted field's text. Every delimiter sorts at or below the
  /// comma, so most bytes take one test.
  @inline(__always) static func isDelimiter(_ c: UInt8) -> Bool {
    c <= comma && (c == comma || c == lf || c == cr || c == quote)
  }

  /// Reads the record starting at `start` (not a blank line), storing up to
  /// `fields.count` spans; `count` is how many fields it really had.
  @inline(__always)
  func record(at start: Int, into fields: UnsafeMutableBufferPointer<FieldSpan>) -> Record {
    let b = bytes
    let n = b.count
    var i = start
    var count = 0
    var lineEnds = 0
    var problem = Problem.none
    var seen: UInt8 = 0
    // The high bits of unquoted fields' bytes, gathered a word at a time.
    var high: UInt64 = 0
    while true {
      var escaped = false
      let fieldStart: Int
      let fieldEnd: Int
      if i < n, b[i] == Self.quote {
        i += 1
        fieldStart = i
        var closed = false
        while i < n {
          let c = b[i]
          seen |= c
          if c == Self.quote {
            if i + 1 < n, b[i + 1] == Self.quote {
              escaped = true
              i += 2
              continue
            }
            closed = true
            break
          }
          if c == Self.lf || (c == Self.cr && (i + 1 == n || b[i + 1] != Self.lf)) { lineEnds += 1 }
          i += 1
        }
        guard closed else {
          return Record(next: n, count: count + 1, lineEnds: lineEnds, problem: .unterminated, nonASCII: true)
        }
        fieldEnd = i
        i += 1
        if i < n, b[i] != Self.comma, b[i] != Self.cr, b[i] != Self.lf {
          problem = .textAfterQuote
          while i < n, b[i] != Self.comma, b[i] != Self.cr, b[i] != Self.lf {
            seen |= b[i]
            i += 1
          }
        }
      } else {
        fieldStart = i
        while true {
          if i &+ 8 <= n {
            let w = ByteWords.load(b, i)
            // Every delimiter sorts below `-`: words of digits, dashes, colons and
            // letters (ids, times, codes) pass with one test; the rest are tested exactly.
            let stops =
              ByteWords.below(w, Self.comma + 1) == 0
              ? 0
              : ByteWords.matches(w, Self.comma) | ByteWords.matches(w, Self.lf) | ByteWords.matches(w, Self.cr)
                | ByteWords.matches(w, Self.quote)
            guard stops != 0 else {
              high |= w
              i &+= 8
              continue
            }
            let before = stops.trailingZeroBitCount &>> 3
            high |= ByteWords.prefix(w, before)
            i &+= before
          } else {
            while i < n, !Self.isDelimiter(b[i]) {
              seen |= b[i]
              i += 1
            }
          }
          // A quote inside an unquoted field is a problem, but the field goes on.
          guard i < n, b[i] == Self.quote else { break }
          problem = .strayQuote
          i += 1
        }
        fieldEnd = i
      }
      if fieldEnd - fieldStart > FieldSpan.maxLength { problem = .fieldTooLong }
      if count < fields.count {
        fields[count] = FieldSpan(
          start: fieldStart, length: min(fieldEnd - fieldStart, FieldSpan.maxLength), kind: .bare,
          escaped: escaped)
      }
      count += 1
      if i < n, b[i] == Self.comma {
        i += 1
        continue
      }
      if i < n {
        i += b[i] == Self.cr && i + 1 < n && b[i + 1] == Self.lf ? 2 : 1
        lineEnds += 1
      }
      return Record(
        next: i, count: count, lineEnds: lineEnds, problem: problem,
        nonASCII: seen & 0x80 != 0 || ByteWords.hasHigh(high))
    }
  }

  /// Where the line holding `start` ends, past its line end.
  func nextLine(after start: Int) -> Int {
    var i = start
    while i < bytes.count, bytes[i] != Self.lf, bytes[i] != Self.cr { i += 1 }
    if i < bytes.count { i += bytes[i] == Self.cr && i + 1 < bytes.count && bytes[i + 1] == Self.lf ? 2 : 1 }
    return i
  }

  /// Reads the header record: the column names, which must be present and distinct.
  func header(from start: Int, file: String) throws(LoadError) -> (names: [String], end: Int, lineEnds: Int) {
    guard start < bytes.count else {
      throw LoadError(.badFormat, "the file is empty: a CSV file needs a header row", file: file)
    }
    let capacity = 10_000
    let fields = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: capacity)
    defer { fields.deallocate() }
    let r = record(at: start, into: fields)
    guard r.problem == .none, r.count <= capacity,
      UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[start..<r.next]))
    else {
      throw LoadError(.badFormat, "the header row cannot be read as UTF-8 CSV", file: file, line: 1)
    }
    var names: [String] = []
    for k in 0..<r.count {
      let name = FieldText.string(fields[k], from: bytes)
      guard !name.isEmpty else {
        throw LoadError(.badFormat, "column \(k + 1) of the header has no name", file: file, line: 1)
      }
      guard !names.contains(name) else {
        throw LoadError(.badFormat, "the header names column \(name) twice", file: file, line: 1)
      }
      names.append(name)
    }
    return (names, r.next, r.lineEnds)
  }

  /// Where the first record after `position` starts, if `position` is inside quotes
  /// exactly when `inQuotes` says so.
  func recordStart(after position: Int, inQuotes: Bool) -> Int {
    var quoted = inQuotes
    var i = position
    let n = bytes.count
    while i < n {
      let c = bytes[i]
      if c == Self.quote {
        quoted.toggle()
      } else if !quoted, c == Self.lf || c == Self.cr {
        return c == Self.cr && i + 1 < n && bytes[i + 1] == Self.lf ? i + 2 : i + 1
      }
      i += 1
    }
    return n
  }

  func quoteCountIsOdd(_ range: Range<Int>) -> Bool {
    var count = 0
    for i in range where bytes[i] == Self.quote { count &+= 1 }
    return count & 1 == 1
  }
}

/// Reads the records of a CSV file's body into chunks of spans.
struct CSVChunkReader {
  /// The file, whose pages each chunk lets go once read (`FileBytes.release`).
  let file: FileBytes
  let scanner: CSVScanner
  let names: [String]
  let declared: [ColumnType?]
  /// The columns declared a type other than text: only their values can misfit.
  let checked: [(column: Int, type: ColumnType)]

  init(file: FileBytes, scanner: CSVScanner, names: [String], declared: [ColumnType?]) {
    self.file = file
    self.scanner = scanner
    self.names = names
    self.declared = declared
    checked = declared.enumerated().compactMap { c, type in
      type.flatMap { $0 == .text ? nil : (c, $0) }
    }
  }

  /// Smallest chunk worth a thread of its own.
  static let minimumChunkBytes = 1 << 22

  func readAll(from start: Int, chunkCount requested: Int?) -> [RawChunk] {
    let n = scanner.bytes.count
    let count = requested ?? max(1, min(Parallel.coreCount * 4, (n - start) / Self.minimumChunkBytes))
    guard count > 1, n > start else { return [read(from: start, to: n)] }
    let guesses = (0...count).map { start + (n - start) * $0 / count }
    let odd = Parallel.map(count) { k in scanner.quoteCountIsOdd(guesses[k]..<guesses[k + 1]) }
    var starts = [start]
    var inQuotes = false
    for k in 1..<count {
      inQuotes = inQuotes != odd[k - 1]
      starts.append(max(starts[k - 1], scanner.recordStart(after: guesses[k], inQuotes: inQuotes)))
    }
    starts.append(n)
    var chunks = Parallel.map(count) { k in read(from: starts[k], to: starts[k + 1]) }
    for k in 0..<(count - 1) where chunks[k].endOffset != starts[k + 1] {
      // The guess was wrong (a stray quote upset the parity): read the rest in one piece.
      chunks.replaceSubrange((k + 1)..., with: [read(from: chunks[k].endOffset, to: n)])
      break
    }
    return chunks
  }

  /// Reads the records that start in `from..<to`; the last may run past `to`. With
  /// `typing`, columns are typed as well (`RawChunk.add`), and the chunk's bytes let go
  /// when no span needs them; without, all kept as spans.
  func read(from: Int, to: Int, typing: Bool = true) -> RawChunk {
    let b = scanner.bytes
    let n = b.count
    let width = names.count
    var chunk = RawChunk()
    // Rows are read into a block of row-major spans, appended to `spans` a block at a
    // time; at the end each column is typed from them in place (`RawChunk.add`).
    var spans: [FieldSpan] = []
    spans.reserveCapacity((to - from) / 8)
    let blockRows = 1024
    let block = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: max(1, width) * blockRows)
    defer { block.deallocate() }
    var rowsInBlock = 0
    var lines: [Int32] = []
    var line = 0
    var i = from
    while i < to {
      let c = b[i]
      if c == CSVScanner.lf || c == CSVScanner.cr {
        i += c == CSVScanner.cr && i + 1 < n && b[i + 1] == CSVScanner.lf ? 2 : 1
        line += 1
        continue
      }
      let rowLine = line
      let fields = UnsafeMutableBufferPointer(rebasing: block[(rowsInBlock * width)..<((rowsInBlock + 1) * width)])
      let r = scanner.record(at: i, into: fields)
      if r.problem == .unterminated {
        chunk.setAside.append((rowLine, "unterminated quote: no closing quote before the end of the file"))
        // Carry on from the next line, so one stray quote costs one row, not the file.
        i = scanner.nextLine(after: i)
        line = rowLine + 1
        continue
      }
      let rowStart = i
      i = r.next
      line += r.lineEnds
      if let reason = problem(r, rowStart: rowStart, fields: fields) {
        chunk.setAside.append((rowLine, reason))
        continue
      }
      lines.append(Int32(rowLine))
      rowsInBlock += 1
      if rowsInBlock == blockRows {
        spans.append(contentsOf: block)
        rowsInBlock = 0
      }
    }
    spans.append(contentsOf: block[0..<(rowsInBlock * width)])
    chunk.start = from
    chunk.limit = to
    chunk.endOffset = i
    chunk.lineCount = line
    chunk.lines = lines
    spans.withUnsafeBufferPointer { all in
      for c in 0..<width {
        chunk.add(column: ColumnOfRows(rows: all, width: width, column: c), declared: declared[c], typing: typing, bytes: b)
      }
    }
    if typing, !chunk.needsBytes { file.release(from..<i) }
    return chunk
  }

  private func problem(
    _ r: CSVScanner.Record, rowStart: Int, fields: UnsafeMutableBufferPointer<FieldSpan>
  ) -> String? {
    switch r.problem {
    case .none: break
    case .strayQuote: return "a quote inside an unquoted field (quote the whole field and double the quote)"
    case .textAfterQuote: return "text after the closing quote of a field"
    case .unterminated: return "unterminated quote"
    case .fieldTooLong: return "a field longer than 256 MB"
    }
    if r.count != names.count {
      return "expected \(names.count) fields, found \(r.count)"
    }
    if r.nonASCII, !UTF8Check.isValid(UnsafeBufferPointer(rebasing: scanner.bytes[rowStart..<r.next])) {
      return "invalid UTF-8 (is the file saved in another encoding?)"
    }
    for (c, type) in checked {
      if let reason = RowValues.misfit(fields[c], bytes: scanner.bytes, declared: type, column: names[c]) {
        return reason
      }
    }
    return nil
  }
}

/// One column of row-major spans, read in place.
struct ColumnOfRows: RandomAccessCollection {
  let rows: UnsafeBufferPointer<FieldSpan>
  let width: Int
  let column: Int

  var startIndex: Int { 0 }
  var endIndex: Int { rows.count / width }
  @inline(__always) subscript(row: Int) -> FieldSpan { rows[row &* width &+ column] }
}
