import PlaybookLanguage

/// Types one column of a chunk right after it is read: its tally (`TypeTally`), and its
/// values converted on the way while they fit one typed column, so a number or
/// timestamp is read once, and the chunk keeps 8 bytes per value instead of a span
/// that would be read again to build the column.
///
/// The values kept follow the types every value fits so far: integers while every value
/// is an integer, decimals once one is not, seconds for timestamps and dates, booleans.
/// A value that fits none of those types (a misfit, set aside if the column takes one of
/// them) keeps a placeholder. A column with more misfits than any type allows is text
/// whatever the other chunks hold: its text is copied out at once, so the chunk no
/// longer needs the file. Conversion stops, the spans kept and the tally going on, on a
/// change of kept values other than integers to decimals, and on a `-0` among integers
/// (whose decimal is −0.0, which an integer cannot say); both are rare.
enum ColumnTyper {
  /// The column's tally, its values as described above, and whether only some values
  /// made it text. Without `keeping`, the column is judged but its values not kept
  /// (`KeptColumns`): `typed` is nil.
  static func type<Spans: RandomAccessCollection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>, declared: ColumnType?, reading: ColumnReading = ColumnReading(),
    keeping: Bool = true
  ) -> (tally: TypeTally, typed: TypedValues?, misfits: TextMisfits) {
    if let declared {
      return (
        TypeTally(), keeping ? converted(spans, bytes: bytes, to: declared, reading: reading) : nil, TextMisfits()
      )
    }
    var tally = TypeTally()
    // The types every value fits; once none does, `misfits` says whether only some
    // values made the chunk text.
    var every = TypeVotes.all
    var misfits: TextMisfits?
    // The types every value kept so far fits: what `kept` holds.
    var fitting = TypeVotes.types
    var kept = KeptValues(count: spans.count)
    // The null mask's words, set here and made a mask at the end.
    var nullWords = [UInt64](repeating: 0, count: (spans.count + 63) / 64)
    var row = -1
    while row + 1 < spans.count {
      row += 1
      FieldPrefetch.ahead(of: row, in: spans, bytes: bytes)
      let span = spans[spans.index(spans.startIndex, offsetBy: row)]
      if span.isNull {
        nullWords[row >> 6] |= 1 << UInt64(row & 63)
        kept.appendNull()
        continue
      }
      let live = tally.live
      // Year-last dates (`03/04/2026`) are judged while every value is one, to say why
      // their column is text.
      let days = misfits == nil ? every.intersection(TypeVotes.dayOrders) : []
      if live.isEmpty && days.isEmpty { break }
      tally.values += 1
      let field = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
      // Escapes only occur in text: a value written with one is never a number or time.
      let judged: (votes: TypeVotes, value: Int64) =
        span.escaped ? ([], 0) : TypeVotes.judge(field, kind: span.kind, within: live.union(days), zone: reading.zone)
      let missed = live.subtracting(judged.votes)
      if !missed.isEmpty { tally.miss(missed, fitting: judged.votes, row: row, span: span) }
      if misfits == nil {
        every.formIntersection(judged.votes)
        if every.isEmpty { misfits = TextMisfits.tally(spans, bytes: bytes) }
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
      // A column of times whose every other type is out: the rows after this one are
      // read as `YYYY-MM-DDTHH:MM:SSZ` alone while they are written so.
      if every == .timestamp, fitting == .timestamp, tally.live == .timestamp, kept.converting,
        let (last, values) = spans.withContiguousStorageIfAvailable({
          kept.appendCanonicalTimes($0, after: row, bytes: bytes, nullWords: &nullWords)
        })
      {
        row = last
        tally.values += values
      }
    }
    tally.every = every
    let reason = misfits ?? TextMisfits(fitting: every, fits: tally.values)
    guard keeping else { return (tally, nil, reason) }
    if tally.live.isEmpty { return (tally, converted(spans, bytes: bytes, to: .text, reading: reading), reason) }
    return (tally, kept.typed(nulls: NullMask(words: ColumnArray(nullWords), count: spans.count)!), reason)
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
    let times = CanonicalTimes()
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

    /// The rows of the column.
    let count: Int
    var kind = Kind.none
    var converting = true
    // Each array is reserved in full once it is known to be kept.
    var integers: [Int64] = []
    var decimals: [Double] = []
    var booleans: [Bool] = []

    init(count: Int) { self.count = count }

    @inline(__always) mutating func appendNull() {
      switch kind {
      case .integer, .time: integers.append(0)
      case .decimal: decimals.append(0)
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
        case .integer, .time: integers = Self.placeholders(0, row, reserving: count)
        case .decimal: decimals = Self.placeholders(0, row, reserving: count)
        case .boolean: booleans = Self.placeholders(false, row, reserving: count)
        case .none: break
        }
      case (.integer, .decimal):
        decimals.reserveCapacity(count)
        decimals.append(contentsOf: integers.lazy.map { Double($0) })
        integers = []
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
        integers.append(judged.value)
      case .time: integers.append(judged.value)
      case .decimal:
        if !judged.votes.contains(.integer) {
          decimals.append(Double(bitPattern: UInt64(bitPattern: judged.value)))
        } else {
          // An integer's decimal, correctly rounded as the decimal reader would; `-0` is −0.0.
          decimals.append(
            judged.value == 0 && ValueSyntax.trimmed(field)[0] == UInt8(ascii: "-") ? -0.0 : Double(judged.value))
        }
      case .boolean: booleans.append(judged.value != 0)
      case .none: converting = false
      }
    }

    /// Keeps the times of the rows after `row` while each is null or written
    /// `YYYY-MM-DDTHH:MM:SSZ` (nearly every export's times are), as the general path
    /// would keep them: such a value casts `.timestamp` alone, and its offset makes the
    /// zone no matter. Returns the last row kept and how many of its values were not
    /// null. At 1M customers, fifteen million times were read this way, each for a
    /// third of what judging it against every type cost.
    mutating func appendCanonicalTimes(
      _ spans: UnsafeBufferPointer<FieldSpan>, after row: Int, bytes: UnsafeBufferPointer<UInt8>,
      nullWords: inout [UInt64]
    ) -> (last: Int, values: Int) {
      var last = row
      var values = 0
      let times = CanonicalTimes()
      while last + 1 < spans.count {
        FieldPrefetch.ahead(of: last + 1, in: spans, bytes: bytes)
        let span = spans[last + 1]
        if span.isNull {
          nullWords[(last + 1) >> 6] |= 1 << UInt64((last + 1) & 63)
          integers.append(0)
        } else {
          guard !span.escaped,
            let seconds = times.read(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
          else { break }
          integers.append(seconds)
          values += 1
        }
        last += 1
      }
      return (last, values)
    }

    /// The column's values, when conversion went through to the end.
    func typed(nulls: NullMask) -> TypedValues? {
      guard converting else { return nil }
      switch kind {
      case .integer: return TypedValues(values: .integer(ColumnArray(integers)), nulls: nulls)
      case .decimal: return TypedValues(values: .decimal(ColumnArray(decimals)), nulls: nulls)
      case .time: return TypedValues(values: .timestamp(ColumnArray(integers)), nulls: nulls)
      case .boolean: return TypedValues(values: .boolean(ColumnArray(booleans)), nulls: nulls)
      case .none: return nil  // every value null
      }
    }

    private static func placeholders<T>(_ value: T, _ count: Int, reserving capacity: Int) -> [T] {
      var values: [T] = []
      values.reserveCapacity(capacity)
      values.append(contentsOf: repeatElement(value, count: count))
      return values
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
    let nulls =
      spans.withContiguousStorageIfAvailable { spans in NullMask(count: spans.count) { spans[$0].isNull } }
      ?? NullMask(count: spans.count) { spans[spans.index(spans.startIndex, offsetBy: $0)].isNull }
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
    case .text: converted = .text(ColumnBuilder.textPiece(spans, bytes: bytes))
    }
    return TypedValues(values: converted, nulls: nulls)
  }
}
