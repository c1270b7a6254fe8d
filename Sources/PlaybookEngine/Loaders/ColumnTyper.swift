import PlaybookLanguage

/// Types one column of a chunk right after it is read: its votes (`TypeVotes`), and its
/// values converted on the way while every value fits one typed column, so a number or
/// timestamp is read once, and the chunk keeps 8 bytes per value instead of a span
/// that would be read again to build the column.
///
/// The values kept follow the votes: integers while every value is an integer,
/// decimals once one is not, seconds for timestamps and dates, booleans. A column with
/// a value that fits none of them is text whatever the other chunks hold: its text is
/// copied out at once, so the chunk no longer needs the file. Conversion stops, the
/// spans kept and the votes going on, on a change of kept values other than integers to
/// decimals, and on a `-0` among integers (whose decimal is −0.0, which an integer
/// cannot say); both are rare.
enum ColumnTyper {
  private enum Kept { case none, integer, decimal, time, boolean }

  static func type<Spans: RandomAccessCollection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>, declared: ColumnType?
  ) -> (votes: TypeVotes, typed: TypedValues?) {
    if let declared {
      return ([], converted(spans, bytes: bytes, to: declared))
    }
    var votes = TypeVotes.all
    var kept = Kept.none
    var converting = true
    // Each array is reserved in full once it is known to be kept.
    var integers: [Int64] = []
    var decimals: [Double] = []
    var booleans: [Bool] = []
    var nulls = NullMask(count: spans.count)
    for (row, span) in spans.enumerated() {
      if span.isNull {
        nulls.setNull(row)
        switch kept {
        case .integer, .time: integers.append(0)
        case .decimal: decimals.append(0)
        case .boolean: booleans.append(false)
        case .none: break
        }
        continue
      }
      if votes.isEmpty { break }
      let field = UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<span.end])
      // Escapes only occur in text: a value written with one is never a number or time.
      let judged: (votes: TypeVotes, value: Int64) = span.escaped ? ([], 0) : TypeVotes.judge(field, kind: span.kind, within: votes)
      votes.formIntersection(judged.votes)
      guard converting else { continue }
      let next = Self.kept(votes)
      if next != kept {
        switch (kept, next) {
        case (.none, _):
          // Every earlier row was null.
          switch next {
          case .integer, .time: integers = Self.placeholders(0, row, reserving: spans.count)
          case .decimal: decimals = Self.placeholders(0, row, reserving: spans.count)
          case .boolean: booleans = Self.placeholders(false, row, reserving: spans.count)
          case .none: break
          }
        case (.integer, .decimal):
          decimals.reserveCapacity(spans.count)
          decimals.append(contentsOf: integers.lazy.map { Double($0) })
          integers = []
        default:
          converting = false
        }
        kept = next
      }
      switch kept {
      case .integer:
        if judged.value == 0, field[0] == UInt8(ascii: "-") { converting = false }
        integers.append(judged.value)
      case .time: integers.append(judged.value)
      case .decimal:
        if !judged.votes.contains(.integer) {
          decimals.append(Double(bitPattern: UInt64(bitPattern: judged.value)))
        } else {
          // An integer's decimal, correctly rounded as the decimal reader would; `-0` is −0.0.
          decimals.append(judged.value == 0 && field[0] == UInt8(ascii: "-") ? -0.0 : Double(judged.value))
        }
      case .boolean: booleans.append(ValueSyntax.boolean(field) ?? false)
      case .none: converting = false
      }
    }
    if votes.isEmpty { return (votes, converted(spans, bytes: bytes, to: .text)) }
    guard converting else { return (votes, nil) }
    switch kept {
    case .integer: return (votes, TypedValues(values: .integer(integers), nulls: nulls))
    case .decimal: return (votes, TypedValues(values: .decimal(decimals), nulls: nulls))
    case .time: return (votes, TypedValues(values: .timestamp(integers), nulls: nulls))
    case .boolean: return (votes, TypedValues(values: .boolean(booleans), nulls: nulls))
    case .none: return (votes, nil)  // every value null
    }
  }

  private static func placeholders<T>(_ value: T, _ count: Int, reserving capacity: Int) -> [T] {
    var values: [T] = []
    values.reserveCapacity(capacity)
    values.append(contentsOf: repeatElement(value, count: count))
    return values
  }

  /// What is kept for a column with these votes: its inferred type's values.
  private static func kept(_ votes: TypeVotes) -> Kept {
    if votes.contains(.integer) { return .integer }
    if votes.contains(.decimal) { return .decimal }
    if !votes.isDisjoint(with: [.date, .timestamp]) { return .time }
    if votes.contains(.boolean) { return .boolean }
    return .none
  }

  /// The values of `spans` as a column of `type`, each of which already fits it (rows
  /// that did not were set aside): a declared column's, or a chunk's whose spans were
  /// kept. Text is copied out of the file (see `RawChunk.needsBytes`).
  static func converted<Spans: RandomAccessCollection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>, to type: ColumnType
  ) -> TypedValues {
    var nulls = NullMask(count: spans.count)
    for (row, span) in spans.enumerated() where span.isNull { nulls.setNull(row) }
    func values<T>(_ placeholder: T, _ read: (UnsafeBufferPointer<UInt8>) -> T?) -> [T] {
      spans.map { span in
        span.isNull ? placeholder : read(UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<span.end])) ?? placeholder
      }
    }
    let converted: ColumnValues
    switch type {
    case .integer: converted = .integer(values(0) { ValueSyntax.integer($0) })
    case .decimal: converted = .decimal(values(0) { ValueSyntax.decimal($0) })
    case .boolean: converted = .boolean(values(false) { ValueSyntax.boolean($0) })
    case .timestamp, .date: converted = .timestamp(values(0) { Timestamp.parse($0)?.seconds })
    case .text: converted = .text(ColumnBuilder.textPiece(spans, bytes: bytes))
    }
    return TypedValues(values: converted, nulls: nulls)
  }
}
