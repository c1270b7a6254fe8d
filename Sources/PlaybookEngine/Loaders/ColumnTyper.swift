import PlaybookLanguage

/// Types one column of a chunk: its tally (`TypeTally`), and its values converted on the
/// way while they fit one typed column, so a number or timestamp is read once, and the
/// chunk keeps 8 bytes per value instead of a span that would be read again to build the
/// column. Either all its spans at once once the chunk is read (`type(_:bytes:…)`), or a
/// block of rows at a time as the chunk is read (a `ColumnTyper` value, `typedAsRead`),
/// its values written into the column's slots (`ValueSlots`) and its spans never kept.
///
/// The values kept follow the types every value fits so far: integers while every value
/// is an integer, decimals once one is not, seconds for timestamps and dates, booleans.
/// A value that fits none of those types (a misfit, set aside if the column takes one of
/// them) keeps a placeholder. A column with more misfits than any type allows is text
/// whatever the other chunks hold: typed at once, its text is copied out then, so the
/// chunk no longer needs the file; typed as read, its text is written as it is read when
/// its first block already shows that (`writesText`), and read again otherwise.
/// Conversion stops, the spans kept (or read again) and the tally going on, on a
/// change of kept values other than integers to decimals, and on a `-0` among integers
/// (whose decimal is −0.0, which an integer cannot say); both are rare.
struct ColumnTyper {
  /// How the column's values are read (its zone, its null texts are already spans).
  let reading: ColumnReading
  /// The column's tally so far.
  private var tally = TypeTally()
  /// The types every value so far fits.
  private var every = TypeVotes.all
  /// Whether a value fitting no type at all was met: the column's `TextMisfits` then
  /// judge its every value again (`TextMisfits.tally`), which needs its spans.
  private var everyRanOut = false
  /// The types every value kept so far fits: what `kept` holds.
  private var fitting = TypeVotes.types
  private var kept: KeptValues
  /// The null mask's words, set here and made a mask at the end.
  private var nullWords: [UInt64] = []
  /// The rows typed so far.
  private(set) var rows = 0
  /// No value is judged any more: no type is live, and no year-last date is followed,
  /// so the column is text and its values come from its spans.
  private var doneJudging = false
  /// The column's text, written a block at a time once it is text for certain
  /// (`writesText`), and its misfits' tally, which gave up in the first block.
  private var text: TextPieceWriter?
  private var textMisfits = TextMisfits()

  /// A column about to be typed, of about `capacity` rows (its values are reserved for
  /// that many once a kind of value is kept), its eight-byte values written to `slots`
  /// when given: past their end, conversion stops.
  init(capacity: Int, reading: ColumnReading, slots: ValueSlots.Run? = nil) {
    self.reading = reading
    kept = KeptValues(count: capacity, words: slots)
  }

  /// The column's tally, its values as described above, and whether only some values
  /// made it text: all its spans typed at once. Without `keeping`, the column is judged
  /// but its values not kept (`KeptColumns`): `typed` is nil.
  static func type<Spans: RandomAccessCollection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>, declared: ColumnType?, reading: ColumnReading = ColumnReading(),
    keeping: Bool = true
  ) -> (tally: TypeTally, typed: TypedValues?, misfits: TextMisfits) {
    if let declared {
      return (
        TypeTally(), keeping ? converted(spans, bytes: bytes, to: declared, reading: reading) : nil, TextMisfits()
      )
    }
    var typer = ColumnTyper(capacity: spans.count, reading: reading)
    let typed =
      spans.withContiguousStorageIfAvailable {
        typer.type($0, bytes: bytes)
        return true
      } ?? false
    if !typed { Array(spans).withUnsafeBufferPointer { typer.type($0, bytes: bytes) } }
    let reason = typer.everyRanOut ? TextMisfits.tally(spans, bytes: bytes) : typer.misfits
    guard keeping else { return (typer.tally, nil, reason) }
    if typer.tally.live.isEmpty {
      return (typer.tally, converted(spans, bytes: bytes, to: .text, reading: reading), reason)
    }
    return (typer.tally, typer.values, reason)
  }

  /// Whether the values typed so far are kept converted, with a type still live: once
  /// not, the column's values can only come from its spans.
  var converts: Bool { kept.converting && !tally.live.isEmpty && !everyRanOut }

  /// What typing the column as it was read gave, once its last rows are typed (its
  /// spans were not kept: `CSVChunkReader`): its tally; its values (its text, when
  /// written as read: `writesText`), or nil when they must come from its spans read
  /// again (no type is live, or conversion stopped); and its `TextMisfits`, nil when
  /// they must be tallied from its spans too.
  var typedAsRead: (tally: TypeTally, typed: TypedValues?, misfits: TextMisfits?) {
    if var text { return (tally, text.finished(), textMisfits) }
    let typed: TypedValues?
    if tally.live.isEmpty {
      typed = nil
    } else if tally.values == 0 {
      // Every row null: no spans to read again for that.
      typed = TypedValues(nulls: rows)
    } else {
      typed = values
    }
    return (tally, typed, everyRanOut ? nil : misfits)
  }

  /// The misfits of a column whose every value fits some type.
  private var misfits: TextMisfits { TextMisfits(fitting: every, fits: tally.values) }

  /// The values kept, when conversion went through to the end.
  private var values: TypedValues? {
    kept.typed(nulls: NullMask(words: ColumnArray(nullWords), count: rows)!)
  }

  /// Types the column's next rows.
  mutating func type(_ spans: UnsafeBufferPointer<FieldSpan>, bytes: UnsafeBufferPointer<UInt8>) {
    let base = rows
    rows += spans.count
    if text != nil { text!.append(spans, bytes: bytes) }
    guard !doneJudging else { return }
    let words = (rows + 63) / 64
    if nullWords.count < words {
      if nullWords.isEmpty { nullWords.reserveCapacity((kept.count + 63) / 64) }
      nullWords.append(contentsOf: repeatElement(0, count: words - nullWords.count))
    }
    defer { tally.every = every }
    var i = -1
    while i + 1 < spans.count {
      i += 1
      let row = base + i
      FieldPrefetch.ahead(of: i, in: spans, bytes: bytes)
      let span = spans[i]
      if span.isNull {
        nullWords[row >> 6] |= 1 << UInt64(row & 63)
        kept.appendNull()
        continue
      }
      let live = tally.live
      // Year-last dates (`03/04/2026`) are judged while every value is one, to say why
      // their column is text.
      let days = everyRanOut ? [] : every.intersection(TypeVotes.dayOrders)
      if live.isEmpty && days.isEmpty {
        doneJudging = true
        return
      }
      tally.values += 1
      let field = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
      // Escapes only occur in text: a value written with one is never a number or time.
      let judged: (votes: TypeVotes, value: Int64) =
        span.escaped ? ([], 0) : TypeVotes.judge(field, kind: span.kind, within: live.union(days), zone: reading.zone)
      let missed = live.subtracting(judged.votes)
      if !missed.isEmpty { tally.miss(missed, fitting: judged.votes, row: row, span: span) }
      if !everyRanOut {
        every.formIntersection(judged.votes)
        everyRanOut = every.isEmpty
      }
      guard kept.converting else { continue }
      let next = fitting.intersection(judged.votes)
      if next.isEmpty {
        kept.appendNull()
        continue
      }
      fitting = next
      kept.follow(fitting, row: row)
      kept.append(judged, field: field)
      // A column of times, or of integers, whose every other type is out: the rows after
      // this one are read as `YYYY-MM-DDTHH:MM:SSZ`, or as plain integers, alone while
      // they are written so.
      if every == .timestamp, fitting == .timestamp, tally.live == .timestamp, kept.converting {
        let (last, values) = kept.appendCanonicalTimes(
          spans, after: i, firstRow: base, bytes: bytes, nullWords: &nullWords)
        i = last
        tally.values += values
      } else if every == Self.integers, fitting == Self.integers, tally.live == Self.integers, kept.converting,
        kept.kind == .integer
      {
        let (last, values) = kept.appendPlainIntegers(
          spans, after: i, firstRow: base, bytes: bytes, nullWords: &nullWords)
        i = last
        tally.values += values
      }
    }
  }

  /// The votes an integer casts.
  private static let integers: TypeVotes = [.integer, .decimal]

  /// Writes the column's text as it is read from here on, once its first block (`spans`,
  /// just typed) shows it text for certain: no type live (so it is text whatever the
  /// other chunks hold), a value met that fits no type (so no year-last dates are
  /// followed), and the tally of its misfits given up within the block
  /// (`TextMisfits.givingUp`). Nothing then needs its spans again. False, with nothing
  /// written, otherwise.
  mutating func writesText(first spans: UnsafeBufferPointer<FieldSpan>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard rows == spans.count, !spans.isEmpty, tally.live.isEmpty, everyRanOut,
      let misfits = TextMisfits.givingUp(within: spans, bytes: bytes)
    else { return false }
    textMisfits = misfits
    text = TextPieceWriter(rows: kept.count)
    text!.append(spans, bytes: bytes)
    return true
  }

  /// Tallies `spans`, the rows from `firstRow` on of a chunk's column that the load does
  /// not keep and no type was declared for, into `tally`: the tally `type` would make of
  /// the whole column (its values and rows set aside by majority are all such a column
  /// shows), taken a block of rows at a time as the chunk is read, so the column's spans
  /// are never stored (`CSVChunkReader`). Once no type is live the column is text, and
  /// its values are no longer judged. A value written `YYYY-MM-DDTHH:MM:SSZ` fits a column
  /// only timestamps are live for without being judged, as `KeptValues` reads them.
  static func tally(
    _ spans: UnsafeBufferPointer<FieldSpan>, firstRow: Int, bytes: UnsafeBufferPointer<UInt8>,
    reading: ColumnReading, into tally: inout TypeTally
  ) {
    var times = CanonicalTimes()
    for (i, span) in spans.enumerated() where !span.isNull {
      let live = tally.live
      if live.isEmpty { return }
      tally.values += 1
      let field = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
      if live == .timestamp, times.read(field) != nil { continue }
      // Escapes only occur in text: a value written with one is never a number or time.
      let judged = span.escaped ? [] : TypeVotes.judge(field, kind: span.kind, within: live, zone: reading.zone).votes
      let missed = live.subtracting(judged)
      if !missed.isEmpty { tally.miss(missed, fitting: judged, row: firstRow + i, span: span) }
    }
  }

  /// The converted values of a column being typed: those its votes so far make its
  /// type's, while conversion goes on.
  private struct KeptValues {
    enum Kind { case none, integer, decimal, time, boolean }

    /// About how many rows the column has.
    let count: Int
    var kind = Kind.none
    var converting = true
    /// Integers and times, or decimals as their bits: in slots of the column's own
    /// (`ValueSlots`) when given, else in slots made once a kind is kept.
    var words: ValueSlots.Run?
    var booleans: [Bool] = []

    init(count: Int, words: ValueSlots.Run?) {
      self.count = count
      self.words = words
    }

    /// Adds a word; a column whose shared slots are full stops converting (its values
    /// then come from its spans).
    @inline(__always) mutating func append(word: UInt64) {
      if !words!.append(word) { converting = false }
    }

    @inline(__always) mutating func appendNull() {
      switch kind {
      case .integer, .time, .decimal: append(word: 0)  // 0.0's bits are zero too
      case .boolean: booleans.append(false)
      case .none: break
      }
    }

    /// Keeps the values `votes` call for from here on: converts integers kept so far
    /// to decimals, starts from placeholders when every row before `row` was null, or
    /// stops converting on any other change.
    @inline(__always) mutating func follow(_ votes: TypeVotes, row: Int) {
      let next = Self.kind(votes)
      guard next != kind else { return }
      switch (kind, next) {
      case (.none, _):
        // Every earlier row was null.
        switch next {
        case .integer, .time, .decimal:
          if words == nil { words = ValueSlots.Run(capacity: count) }
          for _ in 0..<row { append(word: 0) }
        case .boolean:
          booleans.reserveCapacity(count)
          booleans.append(contentsOf: repeatElement(false, count: row))
        case .none: break
        }
      case (.integer, .decimal):
        words!.update { Double(Int64(bitPattern: $0)).bitPattern }
      default:
        converting = false
      }
      kind = next
    }

    /// Keeps a value judged fit for the kind kept.
    @inline(__always) mutating func append(
      _ judged: (votes: TypeVotes, value: Int64), field: UnsafeBufferPointer<UInt8>
    ) {
      switch kind {
      case .integer:
        if judged.value == 0, ValueSyntax.trimmed(field)[0] == UInt8(ascii: "-") { converting = false }
        append(word: UInt64(bitPattern: judged.value))
      case .time: append(word: UInt64(bitPattern: judged.value))
      case .decimal:
        if !judged.votes.contains(.integer) {
          append(word: UInt64(bitPattern: judged.value))
        } else {
          // An integer's decimal, correctly rounded as the decimal reader would; `-0` is −0.0.
          let decimal =
            judged.value == 0 && ValueSyntax.trimmed(field)[0] == UInt8(ascii: "-") ? -0.0 : Double(judged.value)
          append(word: decimal.bitPattern)
        }
      case .boolean: booleans.append(judged.value != 0)
      case .none: converting = false
      }
    }

    /// Keeps the times of the rows after `row` while each is null or written
    /// `YYYY-MM-DDTHH:MM:SSZ` (nearly every export's times are), as the general path
    /// would keep them: such a value casts `.timestamp` alone, and its offset makes the
    /// zone no matter. At 1M customers, fifteen million times were read this way, each
    /// for a third of what judging it against every type cost.
    mutating func appendCanonicalTimes(
      _ spans: UnsafeBufferPointer<FieldSpan>, after row: Int, firstRow: Int, bytes: UnsafeBufferPointer<UInt8>,
      nullWords: inout [UInt64]
    ) -> (last: Int, values: Int) {
      var times = CanonicalTimes()
      return appendWhile(spans, after: row, firstRow: firstRow, bytes: bytes, nullWords: &nullWords) { field, span in
        guard !span.escaped, let seconds = times.read(field) else { return nil }
        return UInt64(bitPattern: seconds)
      }
    }

    /// Keeps the integers of the rows after `row` while each is null or a plain integer
    /// (`ValueSyntax.integer`, with no spaces around it, and not `-0`), as the general
    /// path would keep them: such a value casts `.integer` and `.decimal`, which every
    /// value before it cast. At 100k customers (callgrind) the tickets' half million `csat`
    /// values took 31M instructions fewer than judging each one did.
    mutating func appendPlainIntegers(
      _ spans: UnsafeBufferPointer<FieldSpan>, after row: Int, firstRow: Int, bytes: UnsafeBufferPointer<UInt8>,
      nullWords: inout [UInt64]
    ) -> (last: Int, values: Int) {
      appendWhile(spans, after: row, firstRow: firstRow, bytes: bytes, nullWords: &nullWords) { field, span in
        guard !span.escaped, span.kind == .bare || span.kind == .number, let value = ValueSyntax.integer(field),
          value != 0 || field[0] != UInt8(ascii: "-")
        else { return nil }
        return UInt64(bitPattern: value)
      }
    }

    /// Keeps the words `read` gives the rows after `row`, and the nulls among them, until
    /// it gives none (that row is left to the general path). Returns the last row kept
    /// and how many of its values were not null. `spans` are the column's rows from
    /// `firstRow` on; rows are counted in `spans`, null words in the column.
    @inline(__always)
    private mutating func appendWhile(
      _ spans: UnsafeBufferPointer<FieldSpan>, after row: Int, firstRow: Int, bytes: UnsafeBufferPointer<UInt8>,
      nullWords: inout [UInt64], _ read: (UnsafeBufferPointer<UInt8>, FieldSpan) -> UInt64?
    ) -> (last: Int, values: Int) {
      // As many rows as there is room for: past that, the general path finds the slots full.
      let rows = spans.count - row - 1
      guard rows > 0, words!.reserve(rows) || words!.room > 0 else { return (row, 0) }
      let end = row + 1 + min(rows, words!.room)
      var last = row
      var values = 0
      // Written through pointers: appending to arrays value by value checked each
      // array's storage was its own every time (a call per value).
      let out = words!.base + words!.count
      nullWords.withUnsafeMutableBufferPointer { nullWords in
        while last + 1 < end {
          FieldPrefetch.ahead(of: last + 1, in: spans, bytes: bytes)
          let span = spans[last + 1]
          if span.isNull {
            let null = firstRow + last + 1
            nullWords[null >> 6] |= 1 << UInt64(null & 63)
            out[last - row] = 0
          } else {
            guard let word = read(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), span) else { break }
            out[last - row] = word
            values += 1
          }
          last += 1
        }
      }
      words!.added(last - row)
      return (last, values)
    }

    /// The column's values, when conversion went through to the end.
    func typed(nulls: NullMask) -> TypedValues? {
      guard converting else { return nil }
      switch kind {
      case .integer: return TypedValues(values: .integer(words!.values(as: Int64.self)), nulls: nulls)
      case .decimal: return TypedValues(values: .decimal(words!.values(as: Double.self)), nulls: nulls)
      case .time: return TypedValues(values: .timestamp(words!.values(as: Int64.self)), nulls: nulls)
      case .boolean: return TypedValues(values: .boolean(ColumnArray(booleans)), nulls: nulls)
      case .none: return nil  // every value null
      }
    }

    /// What is kept for a column with these votes: its inferred type's values.
    private static func kind(_ votes: TypeVotes) -> Kind {
      if votes.contains(.integer) { return .integer }
      if votes.contains(.decimal) { return .decimal }
      if !votes.isDisjoint(with: [.date, .timestamp]) { return .time }
      if votes.contains(.boolean) { return .boolean }
      return .none
    }
  }

  /// The values of `spans` as a column of `type`, each of which already fits it (rows
  /// that did not were set aside): a declared column's, or a chunk's whose spans were
  /// kept. Text is copied out of the file (see `RawChunk.needsBytes`).
  static func converted<Spans: RandomAccessCollection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>, to type: ColumnType, reading: ColumnReading
  ) -> TypedValues {
    func values<T: BitwiseCopyable>(_ placeholder: T, _ read: (UnsafeBufferPointer<UInt8>, FieldSpan.Kind) -> T?)
      -> ColumnArray<T>
    {
      ColumnArray(
        spans.map { span in
          span.isNull
            ? placeholder
            : read(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), span.kind) ?? placeholder
        })
    }
    let converted: ColumnValues
    switch type {
    case .integer: converted = .integer(values(0) { s, _ in ValueSyntax.integer(ValueSyntax.trimmed(s)) })
    case .decimal: converted = .decimal(values(0) { s, _ in ValueSyntax.decimal(ValueSyntax.trimmed(s)) })
    case .boolean: converted = .boolean(values(false) { s, _ in reading.boolean(s) })
    case .timestamp, .date: converted = .timestamp(values(0) { reading.seconds($0, kind: $1, as: type) })
    case .text: return ColumnBuilder.textPiece(spans, bytes: bytes)  // its nulls with it
    }
    let nulls =
      spans.withContiguousStorageIfAvailable { spans in NullMask(count: spans.count) { spans[$0].isNull } }
      ?? NullMask(count: spans.count) { spans[spans.index(spans.startIndex, offsetBy: $0)].isNull }
    return TypedValues(values: converted, nulls: nulls)
  }
}
