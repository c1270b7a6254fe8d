import PlaybookLanguage

/// Reads the records of a CSV file's body into chunks of spans.
struct CSVChunkReader {
  /// The file, whose pages each chunk lets go once read (`FileBytes.release`).
  let file: FileBytes
  let scanner: CSVScanner
  let names: [String]
  let declared: [ColumnType?]
  /// The columns declared a type other than text: only their values can misfit.
  let checked: [(column: Int, type: ColumnType)]
  /// Which texts are null, and how each column's values are read.
  let nulls: NullTexts
  let readings: [ColumnReading]
  /// Whether each column's values are kept (`KeptColumns`).
  let keeping: [Bool]
  /// Told of each block of rows read; reading stops early once it asks to stop.
  let progress: (any ProgressSink)?
  /// Whether kept columns whose type is inferred are typed a block at a time as they are
  /// read (`ColumnTyper`), or, when false, keep their spans and are typed once the chunk
  /// is read: what the tests compare the first way against.
  let typesAsRead: Bool

  init(
    file: FileBytes, scanner: CSVScanner, names: [String], declared: [ColumnType?], rules: ValueRules,
    kept: KeptColumns = .all, typesAsRead: Bool = true, progress: (any ProgressSink)? = nil
  ) {
    self.file = file
    self.typesAsRead = typesAsRead
    self.progress = progress
    self.scanner = scanner
    self.names = names
    self.declared = declared
    checked = declared.enumerated().compactMap { c, type in
      type.flatMap { $0 == .text ? nil : (c, $0) }
    }
    nulls = rules.nulls
    readings = zip(names, declared).map { rules.reading(column: $0, declared: $1) }
    keeping = names.map(kept.keeps)
  }

  /// Smallest chunk worth a thread of its own.
  static let minimumChunkBytes = 1 << 22
  /// Largest chunk: a chunk's text (32-bit row ends, `TextColumn`) stays far below 4 GB,
  /// and a file of many gigabytes is not held as spans a quarter at a time.
  static let maximumChunkBytes = 1 << 30

  /// How many chunks to read `bytes` bytes in, unless a test fixes it: eight per core,
  /// so the core that finishes its share first waits on a small last chunk (with four,
  /// one core of two stood idle for 0.2 s at the end of the tickets at 1M customers).
  static func chunkCount(bytes: Int, requested: Int?) -> Int {
    requested
      ?? max(
        1, min(Parallel.coreCount * 8, bytes / minimumChunkBytes), (bytes + maximumChunkBytes - 1) / maximumChunkBytes)
  }

  func readAll(from start: Int, chunkCount requested: Int?) -> [RawChunk] {
    let n = scanner.bytes.count
    let count = Self.chunkCount(bytes: n - start, requested: requested)
    guard count > 1, n > start else { return [read(from: start, to: n)] }
    let guesses = (0...count).map { start + (n - start) * $0 / count }
    // Counting quotes reads the whole file: its pages go again at once, or the whole
    // file would be resident before the first chunk is read (at 1M customers, 621 MB of
    // tickets beside the customers' columns). Each chunk maps its own back as it reads.
    let marks = Parallel.map(count) { k in
      defer { file.release(guesses[k]..<guesses[k + 1]) }
      return scanner.marks(guesses[k]..<guesses[k + 1])
    }
    var starts = [start]
    var inQuotes = false
    for k in 1..<count {
      inQuotes = inQuotes != marks[k - 1].oddQuotes
      starts.append(max(starts[k - 1], scanner.recordStart(after: guesses[k], inQuotes: inQuotes)))
    }
    starts.append(n)
    // At most as many rows as line ends, plus one, start in a chunk (its records are
    // separated by them); a chunk starts at or after its guess, so the line ends from its
    // guess to the next chunk's start bound it. Each typed column's chunks write their
    // values into the column's slots at those bounds (`ValueSlots`).
    var firstSlot = [0]
    for k in 0..<count {
      let past = starts[k + 1] > guesses[k + 1] ? scanner.marks(guesses[k + 1]..<starts[k + 1]).lineEnds : 0
      firstSlot.append(firstSlot[k] + marks[k].lineEnds + past + 1)
    }
    let slots = (0..<names.count).map { c in typedAsRead(c) ? ValueSlots(capacity: firstSlot[count]) : nil }
    var chunks = Parallel.map(count) { k in
      read(
        from: starts[k], to: starts[k + 1],
        slots: slots.map { $0?.run(from: firstSlot[k], count: firstSlot[k + 1] - firstSlot[k]) })
    }
    // Stopped chunks end early: the caller throws, so they are not read again.
    if progress?.stopRequested == true { return chunks }
    for k in 0..<(count - 1) where chunks[k].endOffset != starts[k + 1] {
      // The guess was wrong (a stray quote upset the parity): read the rest in order,
      // each piece from where the one before ended.
      var rest: [RawChunk] = []
      var at = chunks[k].endOffset
      repeat {
        rest.append(read(from: at, to: min(n, at + Self.maximumChunkBytes)))
        at = rest.last!.endOffset
      } while at < n && progress?.stopRequested != true
      chunks.replaceSubrange((k + 1)..., with: rest)
      break
    }
    return chunks
  }

  /// Whether column `c` is typed as it is read (`ColumnTyper`): kept, its type inferred.
  private func typedAsRead(_ c: Int) -> Bool { typesAsRead && keeping[c] && declared[c] == nil }

  /// Reads the records that start in `from..<to`; the last may run past `to`. With
  /// `typing`, columns are typed as well (`RawChunk.add`), and the chunk's bytes let go
  /// when no span needs them; without, all kept as spans. A column typed as it is read
  /// writes its eight-byte values to its run of `slots` when given one.
  func read(from: Int, to: Int, typing: Bool = true, slots: [ValueSlots.Run?] = []) -> RawChunk {
    // One choice per chunk: each delimiter gets its own copy of the loop below, with
    // its byte a constant, so the comma's is the loop it was before delimiters.
    switch scanner.delimiter {
    case .comma: read(from: from, to: to, typing: typing, slots: slots, Comma.self)
    case .semicolon: read(from: from, to: to, typing: typing, slots: slots, Semicolon.self)
    case .tab: read(from: from, to: to, typing: typing, slots: slots, Tab.self)
    case .pipe: read(from: from, to: to, typing: typing, slots: slots, Pipe.self)
    }
  }

  private func read<S: SeparatorByte>(
    from: Int, to: Int, typing: Bool, slots: [ValueSlots.Run?], _: S.Type
  ) -> RawChunk {
    let b = scanner.bytes
    let n = b.count
    let width = names.count
    var chunk = RawChunk()
    // Rows are read into a block of row-major spans, which is small enough to stay in
    // the cache; each full block is turned into column-major spans, one array per
    // column, so that typing a column at the end (`RawChunk.add`) reads its spans end
    // to end. Reading one column out of a chunk's row-major spans instead read every
    // cache line of them once per column.
    var columns = [[FieldSpan]](repeating: [], count: width)
    // A column the load does not keep is tallied a block at a time instead (`ColumnTyper.tally`),
    // or, declared, not at all: its spans are never stored.
    let leftOut = (0..<width).map { typing && !keeping[$0] }
    var leftOutTallies = [TypeTally](repeating: TypeTally(), count: width)
    // A kept column whose type is inferred is typed a block at a time too, while its
    // first block's values could all be converted; its spans are then never stored.
    var typers = [ColumnTyper?](repeating: nil, count: width)
    let typedAsRead = (0..<width).map { typing && self.typedAsRead($0) }
    func typer(_ c: Int, rows: Int) -> ColumnTyper {
      ColumnTyper(capacity: rows, reading: readings[c], slots: slots.isEmpty ? nil : slots[c])
    }
    // A kept column declared text has its text written as it is read: nothing in it is
    // judged, and its spans are never stored either.
    var writers = [TextPieceWriter?](repeating: nil, count: width)
    let writtenAsRead = (0..<width).map { typing && typesAsRead && keeping[$0] && declared[$0] == .text }
    func startTyping(rows: Int) {
      for c in 0..<width {
        if typedAsRead[c] { typers[c] = typer(c, rows: rows) }
        if writtenAsRead[c] { writers[c] = TextPieceWriter(rows: rows) }
      }
    }
    var rowsBefore = 0
    var reserved = false
    let blockRows = 1024
    let block = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: max(1, width) * blockRows)
    defer { block.deallocate() }
    let gathered = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: blockRows)
    defer { gathered.deallocate() }
    var rowsInBlock = 0
    var lines = ChunkLines()
    var stops = CSVStops()
    var line = 0
    var i = from
    var reported = from
    while i < to {
      let c = b[i]
      if c == CSVScanner.lf || c == CSVScanner.cr {
        i += c == CSVScanner.cr && i + 1 < n && b[i + 1] == CSVScanner.lf ? 2 : 1
        line += 1
        continue
      }
      let rowLine = line
      let fields = UnsafeMutableBufferPointer(rebasing: block[(rowsInBlock * width)..<((rowsInBlock + 1) * width)])
      let r =
        scanner.plainRecord(at: i, into: fields, stops: &stops, S.self) ?? scanner.record(at: i, into: fields, S.self)
      if r.nonASCII, chunk.notUTF8 == nil {
        // The file will be refused at its first bad byte; the rest is read as usual.
        let end = r.problem == .unterminated ? scanner.nextLine(after: i) : r.next
        if let bad = UTF8Check.firstInvalid(UnsafeBufferPointer(rebasing: b[i..<end])) {
          chunk.notUTF8 = (rowLine, i, i + bad)
        }
      }
      if r.problem == .unterminated {
        chunk.setAside.append((rowLine, "unterminated quote: no closing quote before the end of the file"))
        // Carry on from the next line, so one stray quote costs one row, not the file.
        i = scanner.nextLine(after: i)
        line = rowLine + 1
        continue
      }
      // Only now are the fields' spans all written (an unterminated quote stops early).
      // Without tokens only a blank field is null, and it starts with a space or tab.
      if r.mayBeBlank || nulls.hasTokens { nulls.nullify(fields, count: min(r.count, width), in: b) }
      i = r.next
      line += r.lineEnds
      if let reason = problem(r, fields: fields) {
        chunk.setAside.append((rowLine, reason))
        continue
      }
      // Clamped: a file with more lines than 32 bits count is refused once read whole.
      lines.append(Int32(clamping: rowLine))
      rowsInBlock += 1
      if rowsInBlock == blockRows {
        // Room for the rows the chunk holds at the first block's bytes per row: in each
        // typer, and, once the first block has shown which columns keep spans, in theirs.
        let rows = reserved ? 0 : (to - from) / max(1, (i - from) / blockRows) + blockRows
        if !reserved { startTyping(rows: rows) }
        transpose(
          block, rows: blockRows, after: rowsBefore, through: gathered, into: &columns, leftOut: leftOut,
          tallies: &leftOutTallies, typers: &typers, writers: &writers)
        if !reserved {
          for c in 0..<width where !leftOut[c] && typers[c] == nil && writers[c] == nil {
            columns[c].reserveCapacity(rows)
          }
          reserved = true
        }
        rowsBefore += blockRows
        rowsInBlock = 0
        if let progress {
          progress.advance(bytes: i - reported, rows: blockRows)
          reported = i
          if progress.stopRequested { break }
        }
      }
    }
    if let progress {
      progress.advance(bytes: i - reported, rows: rowsInBlock)
      // Stopped: the caller throws the chunk away, so its columns are not typed.
      if progress.stopRequested { return chunk }
    }
    if !reserved { startTyping(rows: rowsInBlock) }
    transpose(
      block, rows: rowsInBlock, after: rowsBefore, through: gathered, into: &columns, leftOut: leftOut,
      tallies: &leftOutTallies, typers: &typers, writers: &writers)
    chunk.start = from
    chunk.limit = to
    chunk.endOffset = i
    chunk.lineCount = line
    chunk.lines = lines
    for c in 0..<width {
      if leftOut[c] {
        chunk.addLeftOut(tally: leftOutTallies[c])
        continue
      }
      if let typer = typers[c] {
        chunk.add(typedAsRead: typer)
        continue
      }
      if var writer = writers[c] {
        chunk.add(writtenAsRead: writer.finished())
        continue
      }
      chunk.add(
        column: columns[c], declared: declared[c], reading: readings[c], typing: typing, bytes: b, keeping: keeping[c])
      // Typed, the column's spans are no longer needed (kept, `chunk` shares them).
      columns[c] = []
    }
    if typing, !chunk.needsBytes { file.release(from..<i) }
    return chunk
  }

  /// Appends the first `rows` rows of a block of row-major spans (the chunk's rows from
  /// `after` on) to `columns`, one array per column; a column `leftOut` is tallied into
  /// `tallies` instead (undeclared) or skipped (declared); a column with a writer (declared
  /// text) is written by it; a column with a typer is typed
  /// by it instead, unless this is its first block and its values can neither all be
  /// kept converted (`ColumnTyper.converts`) nor its text written as read
  /// (`ColumnTyper.writesText`): the typer is then dropped and the column's spans kept,
  /// to be typed once the chunk is read. Each column's spans are
  /// gathered into `gathered` (a block's rows long) first, so that they are appended as
  /// one contiguous copy: appending the strided spans as a collection went element by
  /// element through its iterator.
  private func transpose(
    _ block: UnsafeMutableBufferPointer<FieldSpan>, rows: Int, after: Int,
    through gathered: UnsafeMutableBufferPointer<FieldSpan>, into columns: inout [[FieldSpan]], leftOut: [Bool],
    tallies: inout [TypeTally], typers: inout [ColumnTyper?], writers: inout [TextPieceWriter?]
  ) {
    let width = names.count
    for c in 0..<width where !(leftOut[c] && declared[c] != nil) {
      var at = c
      for r in 0..<rows {
        gathered[r] = block[at]
        at &+= width
      }
      let spans = UnsafeBufferPointer(rebasing: gathered[0..<rows])
      if leftOut[c] {
        ColumnTyper.tally(spans, firstRow: after, bytes: scanner.bytes, reading: readings[c], into: &tallies[c])
        continue
      }
      if writers[c] != nil {
        writers[c]!.append(spans, bytes: scanner.bytes)
        continue
      }
      if typers[c] != nil {
        typers[c]!.type(spans, bytes: scanner.bytes)
        if after > 0 || typers[c]!.converts || typers[c]!.writesText(first: spans, bytes: scanner.bytes) { continue }
        typers[c] = nil
      }
      columns[c].append(contentsOf: spans)
    }
  }

  private func problem(_ r: CSVScanner.Record, fields: UnsafeMutableBufferPointer<FieldSpan>) -> String? {
    switch r.problem {
    case .none: break
    case .strayQuote: return "a quote inside an unquoted field (quote the whole field and double the quote)"
    case .textAfterQuote: return "text after the closing quote of a field"
    case .unterminated: return "unterminated quote"
    case .fieldTooLong: return "a field longer than 16 MB"
    }
    if r.count != names.count {
      return "expected \(names.count) fields, found \(r.count)"
    }
    for (c, type) in checked {
      if let reason = RowValues.misfit(
        fields[c], bytes: scanner.bytes, declared: type, reading: readings[c], column: names[c])
      {
        return reason
      }
    }
    return nil
  }
}
