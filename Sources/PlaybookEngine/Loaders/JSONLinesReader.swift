import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads JSON Lines: one JSON object per line, blank lines skipped. Keys become
/// columns, in the order first seen in the file. Strings, numbers, booleans and null
/// are values; a nested object or array is kept as its JSON text. A line that is not
/// one object or repeats a key is set aside with its line number; bytes that are not
/// UTF-8 refuse the file at the first of them.
/// An empty string is null, as an empty CSV field is. Lines never span chunks, so the
/// file splits at any line end and chunks read in parallel.
enum JSONLinesReader {
  /// The most distinct keys (columns) a file may have. Every row holds a value (or null)
  /// for every column, so a file whose lines keep adding keys would otherwise cost
  /// lines × keys in time and memory (docs/LANGUAGE.md "Limits").
  static let maxColumns = 1_000

  /// `textColumns` are read as text when the file has them (key and link columns);
  /// `kept` says which columns' values are kept.
  /// `maxColumns` is `JSONLinesReader.maxColumns` but for tests.
  static func read(
    _ bytes: FileBytes, file: String, declared: [String: ColumnType], textColumns: [String] = [],
    rules: ValueRules = ValueRules(), kept: KeptColumns = .all, chunkCount: Int? = nil,
    maxColumns: Int = JSONLinesReader.maxColumns, progress: (any ProgressSink)? = nil
  ) throws(LoadError) -> RawTable {
    let start = try bytes.textStart(file: file)
    var types = declared
    for name in textColumns where types[name] == nil { types[name] = .text }
    var chunks: [RawChunk] = bytes.withUnsafeBufferPointer { b in
      let n = b.count
      let count = CSVChunkReader.chunkCount(bytes: n - start, requested: chunkCount)
      var starts = [start]
      for k in 1..<max(count, 1) {
        var i = max(starts[k - 1], start + (n - start) * k / count)
        while i < n, i > start, b[i - 1] != 10 { i += 1 }
        starts.append(i)
      }
      starts.append(n)
      return Parallel.map(count) { k in
        let chunk = JSONLinesChunkReader(
          file: bytes, bytes: b, declared: types, rules: rules, kept: kept, maxColumns: maxColumns
        )
        .read(from: starts[k], to: starts[k + 1])
        progress?.advance(bytes: starts[k + 1] - starts[k], rows: chunk.lines.count)
        return chunk
      }
    }
    var firstLines = [1]
    for chunk in chunks.dropLast() { firstLines.append(firstLines.last! + chunk.lineCount) }
    if let error = RawTable.notUTF8(chunks, firstLines: firstLines, bytes: bytes, file: file) { throw error }
    var names: [[UInt8]] = []
    var known: Set<[UInt8]> = []
    for (k, chunk) in chunks.enumerated() {
      if let line = chunk.tooManyColumnsAt { throw tooManyColumns(file: file, line: firstLines[k] + line, maxColumns) }
      for name in chunk.names where known.insert(name).inserted {
        names.append(name)
        if names.count > maxColumns { throw tooManyColumns(file: file, line: nil, maxColumns) }
      }
    }
    for k in chunks.indices { align(&chunks[k], to: names) }
    let strings = names.map { String(decoding: $0, as: UTF8.self) }
    _ = try DeclaredTypes.resolve(declared, names: strings, file: file)
    try checkSomeLineRead(chunks, firstLines: firstLines, file: file)
    return RawTable(
      bytes: bytes, names: strings, chunks: chunks, firstLines: firstLines,
      reread: { [types, names] start, limit in
        var chunk = bytes.withUnsafeBufferPointer { b in
          JSONLinesChunkReader(file: bytes, bytes: b, declared: types, rules: rules, maxColumns: maxColumns)
            .read(from: start, to: limit, typing: false)
        }
        align(&chunk, to: names)
        return chunk
      }, rules: rules)
  }

  private static func tooManyColumns(file: String, line: Int?, _ maxColumns: Int) -> LoadError {
    LoadError(
      .badFormat, "more than \(maxColumns) distinct keys: a JSON Lines file has at most \(maxColumns) columns",
      file: file, line: line, hint: "keep the keys that vary inside one nested object, or split the file")
  }

  /// A file whose every line was set aside is not JSON Lines (a CSV named `.jsonl`): say
  /// so, with the first reason, rather than fail later for a missing column.
  private static func checkSomeLineRead(_ chunks: [RawChunk], firstLines: [Int], file: String) throws(LoadError) {
    guard chunks.allSatisfy({ $0.rowCount == 0 }),
      let (k, first) = chunks.enumerated().lazy.compactMap({ k, chunk in chunk.setAside.first.map { (k, $0) } }).first
    else { return }
    let rejected = chunks.reduce(0) { $0 + $1.setAside.count }
    throw LoadError(
      .badFormat,
      "no line can be read as JSON Lines: all \(rejected) line\(rejected == 1 ? " was" : "s were") rejected, the first because: \(first.reason)",
      file: file, line: firstLines[k] + first.line,
      hint: "a JSON Lines file holds one JSON object per line; is this a CSV file with the wrong extension?")
  }

  /// Puts a chunk's columns in the file's column order, with nulls for keys the chunk
  /// never saw.
  private static func align(_ chunk: inout RawChunk, to names: [[UInt8]]) {
    var columns: [[FieldSpan]] = []
    var typed: [TypedValues?] = []
    var tallies: [TypeTally] = []
    let locals = Dictionary(chunk.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var misfits: [TextMisfits?] = []
    for name in names {
      if let local = locals[name] {
        columns.append(chunk.columns[local])
        typed.append(chunk.typed[local])
        tallies.append(chunk.tallies[local])
        misfits.append(chunk.misfits[local])
      } else {
        columns.append(Array(repeating: .null, count: chunk.rowCount))
        typed.append(nil)
        tallies.append(TypeTally())
        misfits.append(TextMisfits())
      }
    }
    chunk.columns = columns
    chunk.typed = typed
    chunk.tallies = tallies
    chunk.misfits = misfits
    chunk.names = names
  }
}

/// Reads the lines of one chunk of a JSON Lines file.
struct JSONLinesChunkReader {
  /// The file, whose pages each chunk lets go once read (`FileBytes.release`).
  let file: FileBytes
  let bytes: UnsafeBufferPointer<UInt8>
  let declared: [String: ColumnType]
  /// Which strings are null, and how values are read.
  let rules: ValueRules
  /// Which columns' values are kept (`KeptColumns`).
  var kept = KeptColumns.all
  /// Past this many keys the chunk stops, marking the line (`RawChunk.tooManyColumnsAt`).
  var maxColumns = JSONLinesReader.maxColumns

  private struct Entry {
    var column: Int
    var value: FieldSpan
  }

  private enum Invalid: Error { case notObject, badJSON, trailingText }

  /// Reads the lines in `from..<to`. With `typing`, columns are typed as well
  /// (`RawChunk.add`), and the chunk's bytes let go when no span needs them; without,
  /// all kept as spans.
  func read(from: Int, to: Int, typing: Bool = true) -> RawChunk {
    var chunk = RawChunk()
    var columnTypes: [ColumnType?] = []
    var readings: [ColumnReading] = []
    var keys = KeyColumns()
    var entries: [Entry] = []
    // The line each column last had a value on: a key twice on one line is found at once.
    var lastLine: [Int] = []
    var line = 0
    var i = from
    while i < to {
      let end = lineEnd(from: i, to: to)
      let lineStart = i
      var lineEnd = end
      if lineEnd > lineStart, bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
      i = end < to ? end + 1 : end
      defer { line += 1 }
      var scanner = JSONScanner(bytes: bytes, at: lineStart, end: lineEnd)
      scanner.skipSpace()
      if scanner.atEnd { continue }
      entries.removeAll(keepingCapacity: true)
      keys.dropPending()
      var readWhole = false
      let reason: String? = {
        do throws(Invalid) {
          try readObject(&scanner, &keys, &entries)
          readWhole = true
        } catch {
          switch error {
          case .notObject: return "line is not a JSON object"
          case .badJSON: return "line is not valid JSON"
          case .trailingText: return "text after the JSON object"
          }
        }
        // Entries are read by index: iterating the array retained and released it each time.
        if lastLine.count < keys.names.count { lastLine += repeatElement(-1, count: keys.names.count - lastLine.count) }
        for k in entries.indices {
          let entry = entries[k]
          guard lastLine[entry.column] != line else {
            return "key \"\(String(decoding: keys.names[entry.column], as: UTF8.self))\" appears twice"
          }
          lastLine[entry.column] = line
        }
        for k in entries.indices where entries[k].value.kind == .string {
          if rules.nulls.isNull(entries[k].value, in: bytes) { entries[k].value = .null }
        }
        for k in entries.indices {
          let entry = entries[k]
          // A kept column's type and reading were found once, when it was added: finding
          // them by its name for every value cost two lookups and a string each time.
          let type: ColumnType
          let reading: ColumnReading
          if entry.column < chunk.names.count {
            // Text takes any value: its reading is not copied to be asked (the key and link
            // columns are declared text).
            guard let known = columnTypes[entry.column], known != .text else { continue }
            (type, reading) = (known, readings[entry.column])
          } else {
            let new = typeAndReading(ofKey: keys.names[entry.column])
            guard let known = new.type else { continue }
            (type, reading) = (known, new.reading)
          }
          if let reason = RowValues.misfit(
            entry.value, bytes: bytes, declared: type, reading: reading,
            column: String(decoding: keys.names[entry.column], as: UTF8.self))
          {
            return reason
          }
        }
        return nil
      }()
      // A line read whole holds bytes that are not ASCII only in its strings and nested
      // values, where the scanner saw them; a line that is not JSON is checked whole.
      if chunk.notUTF8 == nil, !readWhole || scanner.sawNonASCII {
        let text = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
        if let bad = UTF8Check.firstInvalid(text) {
          // The file will be refused at its first bad byte (as a CSV file is).
          chunk.notUTF8 = (line, lineStart, lineStart + bad)
        }
      }
      if let reason {
        chunk.setAside.append((line, reason))
        continue
      }
      if keys.names.count > maxColumns {
        chunk.tooManyColumnsAt = line
        break
      }
      for name in keys.names[chunk.names.count...] {
        let (type, reading) = typeAndReading(ofKey: name)
        chunk.names.append(name)
        columnTypes.append(type)
        readings.append(reading)
        chunk.columns.append([])
      }
      keys.keepPending()
      // A column is filled with nulls up to a row only when it next has a value (or at
      // the end), so a row costs its own keys, not every column of the file.
      let row = chunk.rowCount
      for k in entries.indices {
        let entry = entries[k]
        let gap = row - chunk.columns[entry.column].count
        if gap > 0 { chunk.columns[entry.column].append(contentsOf: repeatElement(.null, count: gap)) }
        chunk.columns[entry.column].append(entry.value)
      }
      // Clamped: a file with more lines than 32 bits count is refused once read whole.
      chunk.lines.append(Int32(clamping: line))
    }
    chunk.start = from
    chunk.limit = to
    chunk.endOffset = i
    chunk.lineCount = line
    var columns = chunk.columns
    chunk.columns = []
    for c in columns.indices where columns[c].count < chunk.rowCount {
      columns[c].append(contentsOf: repeatElement(.null, count: chunk.rowCount - columns[c].count))
    }
    for (c, spans) in columns.enumerated() {
      chunk.add(
        column: spans, declared: columnTypes[c], reading: readings[c], typing: typing, bytes: bytes,
        keeping: kept.keeps(String(decoding: chunk.names[c], as: UTF8.self)))
    }
    if typing, !chunk.needsBytes { file.release(from..<i) }
    return chunk
  }

  /// The declared type (nil when none) and the reading of the column keyed `name`.
  private func typeAndReading(ofKey name: [UInt8]) -> (type: ColumnType?, reading: ColumnReading) {
    let text = String(decoding: name, as: UTF8.self)
    let type = declared[text]
    return (type, rules.reading(column: text, declared: type))
  }

  /// Where the line from `i` ends: at its newline, or `to`. (`memchr` looks at many
  /// bytes a step; lines are hundreds of bytes long.)
  private func lineEnd(from i: Int, to: Int) -> Int {
    guard i < to, let base = bytes.baseAddress, let found = memchr(base + i, 10, to - i) else { return to }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// Reads `{ "key": value, ... }` and nothing after it. Keys are matched to columns by
  /// their bytes, trying the column at the same position first: lines usually repeat
  /// the previous lines' key order, so the usual cost is one comparison.
  private func readObject(
    _ s: inout JSONScanner, _ keys: inout KeyColumns, _ entries: inout [Entry]
  ) throws(Invalid) {
    guard s.take(UInt8(ascii: "{")) else { throw .notObject }
    s.skipSpace()
    if s.take(UInt8(ascii: "}")) {
      s.skipSpace()
      guard s.atEnd else { throw .trailingText }
      return
    }
    while true {
      s.skipSpace()
      let position = entries.count
      let column: Int
      // The key the previous lines had here, read by comparing its bytes, without a scan.
      if let after = keys.name(at: position, isAt: s.i, in: bytes, end: s.end) {
        column = position
        s.i = after
      } else {
        guard let key = s.string() else { throw .badJSON }
        column = try Self.column(of: key, at: position, in: bytes, &keys)
      }
      s.skipSpace()
      guard s.take(UInt8(ascii: ":")) else { throw .badJSON }
      s.skipSpace()
      guard let value = s.value() else { throw .badJSON }
      entries.append(Entry(column: column, value: value))
      s.skipSpace()
      if s.take(UInt8(ascii: ",")) { continue }
      guard s.take(UInt8(ascii: "}")) else { throw .badJSON }
      s.skipSpace()
      guard s.atEnd else { throw .trailingText }
      return
    }
  }

  /// The column of the key `key` (a string's span), the entry at `position` on its line.
  private static func column(
    of key: FieldSpan, at position: Int, in bytes: UnsafeBufferPointer<UInt8>, _ keys: inout KeyColumns
  ) throws(Invalid) -> Int {
    let column: Int
    if key.escaped {
      var decoded: [UInt8] = []
      FieldText.append(key, from: bytes, to: &decoded)
      column = decoded.withUnsafeBufferPointer { keys.column($0, position) }
    } else {
      column = keys.column(UnsafeBufferPointer(rebasing: bytes[key.start..<key.end]), position)
    }
    return column
  }
}

/// A chunk's columns by key: those kept so far, then those first seen on the line being
/// read (pending until the line is kept, dropped if it is set aside). Lookups are by
/// hash, so a file with many keys costs no more per key than one with few.
struct KeyColumns {
  /// Every column's key, kept ones first, then the pending ones.
  private(set) var names: [[UInt8]] = []
  /// Whether each key's JSON string is its bytes alone, all ASCII: no quote, backslash or
  /// control byte, which a string writes escaped, and none the line's UTF-8 check must see
  /// in a string (`name(at:isAt:in:end:)`).
  private var plain: [Bool] = []
  private var index: [[UInt8]: Int] = [:]
  private var kept = 0

  /// The column of `key`: the one at `position` when it is that key (lines usually
  /// repeat the previous lines' key order, so this is the usual cost), else a known or
  /// pending one, else a new pending one.
  mutating func column(_ key: UnsafeBufferPointer<UInt8>, _ position: Int) -> Int {
    if position < names.count, Self.same(names[position], key) { return position }
    // A few columns are searched in place; more are hashed (which copies the key).
    if names.count <= 16 {
      if let found = names.firstIndex(where: { Self.same($0, key) }) { return found }
    }
    let bytes = Array(key)
    if let found = index[bytes] { return found }
    names.append(bytes)
    plain.append(!bytes.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 >= 0x80 })
    index[bytes] = names.count - 1
    return names.count - 1
  }

  /// Where the string at `i` (before `end`) ends, past its closing quote, when it is the
  /// key at `position` written as it reads, byte for byte (a plain key, so the bytes
  /// equal to it hold no escape); nil otherwise, for `column` to find.
  @inline(__always)
  func name(at position: Int, isAt i: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
    guard position < names.count, plain[position] else { return nil }
    let count = names[position].count
    let close = i &+ 1 &+ count
    guard close < end, bytes[i] == UInt8(ascii: "\""), bytes[close] == UInt8(ascii: "\""),
      Self.same(names[position], UnsafeBufferPointer(rebasing: bytes[(i &+ 1)..<close]))
    else { return nil }
    return close &+ 1
  }

  /// The line was kept: its new keys become columns.
  mutating func keepPending() { kept = names.count }

  /// The line was set aside (or a new one starts): forget its new keys.
  mutating func dropPending() {
    // Most lines add no key: removing nothing still went through the generic removal.
    guard kept < names.count else { return }
    for name in names[kept...] { index[name] = nil }
    names.removeSubrange(kept...)
    plain.removeSubrange(kept...)
  }

  /// Keys are short: compared a word or two at a time (`TextDictionary.same`), not by a
  /// call to `memcmp` for each of every line's keys.
  @inline(__always)
  private static func same(_ name: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard name.count == key.count else { return false }
    return key.isEmpty
      || name.withUnsafeBufferPointer { TextDictionary.same($0.baseAddress!, key.baseAddress!, key.count) }
  }
}

/// A cursor over one line of JSON.
struct JSONScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var i: Int
  let end: Int
  /// The bytes of the strings and nested values read, or-ed together: a vector's worth at
  /// a time, and the rest one by one (`sawNonASCII`).
  private var seen = SIMD16<UInt8>()
  private var seenByte: UInt8 = 0

  init(bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) {
    self.bytes = bytes
    self.i = start
    self.end = end
  }

  var atEnd: Bool { i >= end }

  /// Whether a string or nested value read so far holds a byte that is not ASCII.
  var sawNonASCII: Bool { ByteWords.highBits(seen) != 0 || seenByte >= 0x80 }

  mutating func skipSpace() {
    while i < end, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 13 { i += 1 }
  }

  mutating func take(_ byte: UInt8) -> Bool {
    guard i < end, bytes[i] == byte else { return false }
    i += 1
    return true
  }

  /// A string's contents (without its quotes), checking its escapes.
  mutating func string() -> FieldSpan? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = i
    var escaped = false
    while i < end {
      // Sixteen bytes a step while they are in the line: quotes, backslashes and
      // control bytes stop it.
      if i &+ 16 <= end {
        let v = ByteWords.vector(bytes, i)
        seen |= v
        let stops = ByteWords.bits(
          (v .== SIMD16(repeating: UInt8(ascii: "\""))) .| (v .== SIMD16(repeating: UInt8(ascii: "\\")))
            .| (v .< SIMD16(repeating: 0x20)))
        guard stops != 0 else {
          i &+= 16
          continue
        }
        i &+= stops.trailingZeroBitCount
      }
      let c = bytes[i]
      // Lower-case letters and most UTF-8 bytes sort above every special byte.
      if c > UInt8(ascii: "\\") {
        seenByte |= c
        i += 1
        continue
      }
      if c == UInt8(ascii: "\"") {
        let span = FieldSpan(start: start, length: i - start, kind: .string, escaped: escaped)
        i += 1
        return i - 1 - start > FieldSpan.maxLength ? nil : span
      }
      if c < 0x20 { return nil }
      if c == UInt8(ascii: "\\") {
        escaped = true
        guard i + 1 < end else { return nil }
        switch bytes[i + 1] {
        case UInt8(ascii: "u"):
          guard i + 6 <= end else { return nil }
          for k in (i + 2)..<(i + 6) where !isHexDigit(bytes[k]) { return nil }
          i += 6
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          i += 2
        default: return nil
        }
        continue
      }
      i += 1
    }
    return nil
  }

  /// One value: a string, number, `true`, `false`, `null` (an empty span), or a nested
  /// object or array (its JSON text).
  mutating func value() -> FieldSpan? {
    guard i < end else { return nil }
    let start = i
    switch bytes[i] {
    case UInt8(ascii: "\""): return string()
    case UInt8(ascii: "t"): return literal("true", kind: .boolean)
    case UInt8(ascii: "f"): return literal("false", kind: .boolean)
    case UInt8(ascii: "n"): return literal("null", kind: .bare).map { _ in .null }
    case UInt8(ascii: "{"), UInt8(ascii: "["): return nested()
    default:
      while i < end, isNumberByte(bytes[i]) { i += 1 }
      guard i > start, ValueSyntax.isDecimal(UnsafeBufferPointer(rebasing: bytes[start..<i])) else {
        return nil
      }
      return FieldSpan(start: start, length: i - start, kind: .number, escaped: false)
    }
  }

  private mutating func literal(_ word: StaticString, kind: FieldSpan.Kind) -> FieldSpan? {
    let n = word.utf8CodeUnitCount
    guard i + n <= end else { return nil }
    for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return nil }
    defer { i += n }
    return FieldSpan(start: i, length: n, kind: kind, escaped: false)
  }

  /// Skips a balanced object or array, minding strings; its text is kept as is.
  private mutating func nested() -> FieldSpan? {
    let start = i
    var depth = 0
    while i < end {
      let c = bytes[i]
      seenByte |= c
      if c == UInt8(ascii: "\"") {
        guard string() != nil else { return nil }
        continue
      }
      if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
      if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
        depth -= 1
        if depth == 0 {
          i += 1
          return i - start > FieldSpan.maxLength
            ? nil : FieldSpan(start: start, length: i - start, kind: .nested, escaped: false)
        }
      }
      i += 1
    }
    return nil
  }

  private func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 102) }
  private func isNumberByte(_ c: UInt8) -> Bool {
    isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
      || c | 0x20 == UInt8(ascii: "e")
  }
}
