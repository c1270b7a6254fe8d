/// Where the bytes that can end a CSV field lie (the delimiter, a line end, a quote), one
/// bit per byte, in one aligned 64-byte window of a file; and its bytes that are not
/// ASCII. `CSVScanner.plainRecord` reads a record from stop to stop with it: one step per
/// field instead of a test per word of each field, and the windows are found with
/// 16-byte vector compares (`ByteWords.bits`).
///
/// Held from record to record by the loop that reads a chunk, so a window holding the
/// end of one record and the start of the next is worked out once.
struct CSVStops {
  /// Where the window starts (a multiple of 64); -1 before the first.
  private(set) var base = -1
  /// Its stops, and its bytes that are not ASCII.
  private(set) var stops: UInt64 = 0
  private(set) var highs: UInt64 = 0

  /// Moves the window to the one holding `p`; false when that is the file's last
  /// partial window, which `record(at:into:_:)` reads.
  @inline(__always)
  mutating func enter<S: SeparatorByte>(_ p: Int, in b: UnsafeBufferPointer<UInt8>, _: S.Type) -> Bool {
    let w = p & ~63
    guard w != base else { return true }
    guard w &+ 64 <= b.count else { return false }
    load(b, at: w, S.self)
    return true
  }

  /// The first stop at or after `p`, moving the window along; nil when that needs bytes
  /// from the file's last partial window, which `record(at:into:_:)` reads. Bits of the
  /// bytes from `p` to the stop that are not ASCII are added to `high`.
  @inline(__always)
  mutating func next<S: SeparatorByte>(
    from p: Int, in b: UnsafeBufferPointer<UInt8>, high: inout UInt64, _: S.Type
  ) -> Int? {
    var w = p & ~63
    var from = ~UInt64(0) &<< UInt64(p & 63)
    while true {
      if w != base {
        guard w &+ 64 <= b.count else { return nil }
        load(b, at: w, S.self)
      }
      let m = stops & from
      if m != 0 {
        // `m ^ (m - 1)`: the bits up to the stop, itself included. (Most windows are all
        // ASCII: a test, not the masking.)
        if highs != 0 { high |= highs & from & (m ^ (m &- 1)) }
        return w &+ m.trailingZeroBitCount
      }
      if highs != 0 { high |= highs & from }
      w &+= 64
      from = ~0
    }
  }

  private mutating func load<S: SeparatorByte>(_ b: UnsafeBufferPointer<UInt8>, at w: Int, _: S.Type) {
    let raw = UnsafeRawPointer(b.baseAddress! + w)
    let separator = SIMD16<UInt8>(repeating: S.byte)
    let lf = SIMD16<UInt8>(repeating: CSVScanner.lf)
    let cr = SIMD16<UInt8>(repeating: CSVScanner.cr)
    let quote = SIMD16<UInt8>(repeating: CSVScanner.quote)
    var found: UInt64 = 0
    var any = SIMD16<UInt8>()
    for k in 0..<4 {
      let v = raw.loadUnaligned(fromByteOffset: 16 &* k, as: SIMD16<UInt8>.self)
      let hits = (v .== separator) .| (v .== lf) .| (v .== cr) .| (v .== quote)
      found |= ByteWords.bits(hits) &<< UInt64(16 &* k)
      any |= v
    }
    base = w
    stops = found
    highs = 0
    // Most windows are all ASCII: their high bits are not gathered.
    guard ByteWords.highBits(any) != 0 else { return }
    for k in 0..<4 {
      highs |=
        ByteWords.highBits(raw.loadUnaligned(fromByteOffset: 16 &* k, as: SIMD16<UInt8>.self)) &<< UInt64(16 &* k)
    }
  }
}

extension CSVScanner {
  /// The record at `start` (not a blank line) read from stop to stop (`CSVStops`), when
  /// it is plain: its fields unquoted, or quoted with any quotes inside doubled and no
  /// line end inside, none longer than `FieldSpan.maxLength`, and a line end after it.
  /// Nil for anything else (a problem to report, a field over two lines, the file's last
  /// bytes), which `record(at:into:_:)` reads byte by byte; where both read a record,
  /// they read it the same.
  @inline(__always)
  func plainRecord<S: SeparatorByte>(
    at start: Int, into fields: UnsafeMutableBufferPointer<FieldSpan>, stops: inout CSVStops, _: S.Type
  ) -> Record? {
    let b = bytes
    var high: UInt64 = 0
    // Bytes at or below a space (a space or tab: line ends are stops) that start a field.
    var lowStart: UInt8 = 0xFF
    var count = 0
    var fieldStart = start
    guard stops.enter(start, in: b, S.self) else { return nil }
    // The window's bits from where the record's part in it starts (its bytes that are
    // not ASCII are gathered from there), and its stops not yet taken. An unquoted field
    // ends at the next stop: the stops are taken off the mask one by one, so finding the
    // next is one step that does not wait on the last field's end.
    var from = ~UInt64(0) &<< UInt64(start & 63)
    var m = stops.stops & from
    while true {
      while m == 0 {
        high |= stops.highs & from
        guard stops.enter(stops.base &+ 64, in: b, S.self) else { return nil }
        from = ~0
        m = stops.stops
      }
      var at = stops.base &+ m.trailingZeroBitCount
      var first = fieldStart
      var last = at
      var escaped = false
      if b[at] == Self.quote {
        // A quote inside an unquoted field: a problem.
        guard at == fieldStart else { return nil }
        // The bytes before the quote, then the quoted field's own (`next` gathers those).
        high |= stops.highs & from & ~(~UInt64(0) &<< UInt64(at & 63))
        first = at &+ 1
        // The closing quote is the first one not doubled; delimiters before it are text.
        while true {
          guard let q = stops.next(from: at &+ 1, in: b, high: &high, S.self) else { return nil }
          at = q
          let c = b[q]
          if c == S.byte { continue }
          guard c == Self.quote, q &+ 1 < b.count else { return nil }
          guard b[q &+ 1] == Self.quote else { break }
          escaped = true
          at = q &+ 1
        }
        last = at
        // The field must end right after its closing quote.
        guard let after = stops.next(from: at &+ 1, in: b, high: &high, S.self), after == at &+ 1 else {
          return nil
        }
        at = after
        // On from the stop after the quote, in its window.
        from = ~UInt64(0) &<< UInt64(at & 63)
        m = stops.stops & from
      }
      guard last &- first <= FieldSpan.maxLength else { return nil }
      if last > first { lowStart = min(lowStart, b[first]) }
      if count < fields.count {
        fields[count] = FieldSpan(start: first, length: last &- first, kind: .bare, escaped: escaped)
      }
      count &+= 1
      if b[at] == S.byte {
        fieldStart = at &+ 1
        m &= m &- 1
        continue
      }
      let stop = m & (0 &- m)
      high |= stops.highs & from & (stop | (stop &- 1))
      let next = at &+ (b[at] == Self.cr && at &+ 1 < b.count && b[at &+ 1] == Self.lf ? 2 : 1)
      return Record(
        next: next, count: count, lineEnds: 1, problem: .none, nonASCII: high != 0,
        mayBeBlank: lowStart <= UInt8(ascii: " "))
    }
  }
}
