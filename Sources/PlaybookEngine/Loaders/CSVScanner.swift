import PlaybookLanguage

/// Reads records from the bytes of a CSV file, fields separated by `delimiter`.
struct CSVScanner {
  enum Problem { case none, strayQuote, textAfterQuote, unterminated, fieldTooLong }

  struct Record {
    var next: Int
    var count: Int
    var lineEnds: Int
    var problem: Problem
    var nonASCII: Bool
    /// Whether a field may start with a space or tab, so may be blank (a null text):
    /// always, but for a record `plainRecord` read and saw none start so.
    var mayBeBlank = true
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let delimiter: FieldDelimiter

  init(bytes: UnsafeBufferPointer<UInt8>, delimiter: FieldDelimiter = .comma) {
    self.bytes = bytes
    self.delimiter = delimiter
  }

  static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 13, lf: UInt8 = 10

  /// Reads the record starting at `start` (not a blank line), storing up to
  /// `fields.count` spans; `count` is how many fields it really had.
  func record(at start: Int, into fields: UnsafeMutableBufferPointer<FieldSpan>) -> Record {
    switch delimiter {
    case .comma: record(at: start, into: fields, Comma.self)
    case .semicolon: record(at: start, into: fields, Semicolon.self)
    case .tab: record(at: start, into: fields, Tab.self)
    case .pipe: record(at: start, into: fields, Pipe.self)
    }
  }

  /// `record(at:into:)` with the delimiter `S` (the hot loops call this one, compiled for
  /// their delimiter).
  @inline(__always)
  func record<S: SeparatorByte>(
    at start: Int, into fields: UnsafeMutableBufferPointer<FieldSpan>, _: S.Type
  ) -> Record {
    let b = bytes
    let n = b.count
    var p = Progress(at: start)
    var count = 0
    while true {
      let field: (start: Int, end: Int, escaped: Bool)
      if p.i < n, b[p.i] == Self.quote {
        guard let quoted = quotedField(&p, S.self) else {
          return Record(next: n, count: count + 1, lineEnds: p.lineEnds, problem: .unterminated, nonASCII: true)
        }
        field = quoted
      } else {
        field = bareField(&p, S.self)
      }
      if field.end - field.start > FieldSpan.maxLength { p.problem = .fieldTooLong }
      if count < fields.count {
        fields[count] = FieldSpan(
          start: field.start, length: min(field.end - field.start, FieldSpan.maxLength), kind: .bare,
          escaped: field.escaped)
      }
      count += 1
      // A delimiter: another field follows. Else the record ends, with its line.
      if p.i < n, b[p.i] == S.byte {
        p.i += 1
        continue
      }
      if p.i < n {
        p.i += b[p.i] == Self.cr && p.i + 1 < n && b[p.i + 1] == Self.lf ? 2 : 1
        p.lineEnds += 1
      }
      return Record(
        next: p.i, count: count, lineEnds: p.lineEnds, problem: p.problem,
        nonASCII: p.seen & 0x80 != 0 || ByteWords.hasHigh(p.high))
    }
  }

  /// How far a record has been read, and what it has met on the way.
  private struct Progress {
    /// The next byte to read.
    var i: Int
    var lineEnds = 0
    var problem = Problem.none
    /// Bytes of quoted fields and of unquoted fields' short tails, OR'ed together.
    var seen: UInt8 = 0
    /// The high bits of unquoted fields' bytes, gathered a word at a time.
    var high: UInt64 = 0

    init(at start: Int) { i = start }
  }

  /// The quoted field whose opening quote is at `p.i`: the text between the quotes
  /// (`escaped` when it holds a doubled quote), read past the closing quote and any text
  /// after it (a problem); nil when no quote closes it.
  @inline(__always)
  private func quotedField<S: SeparatorByte>(_ p: inout Progress, _: S.Type) -> (start: Int, end: Int, escaped: Bool)? {
    let b = bytes
    let n = b.count
    var i = p.i + 1
    let start = i
    var escaped = false
    var closed = false
    while i < n {
      let c = b[i]
      p.seen |= c
      if c == Self.quote {
        if i + 1 < n, b[i + 1] == Self.quote {
          escaped = true
          i += 2
          continue
        }
        closed = true
        break
      }
      if c == Self.lf || (c == Self.cr && (i + 1 == n || b[i + 1] != Self.lf)) { p.lineEnds += 1 }
      i += 1
    }
    guard closed else { return nil }
    let end = i
    i += 1
    if i < n, b[i] != S.byte, b[i] != Self.cr, b[i] != Self.lf {
      p.problem = .textAfterQuote
      while i < n, b[i] != S.byte, b[i] != Self.cr, b[i] != Self.lf {
        p.seen |= b[i]
        i += 1
      }
    }
    p.i = i
    return (start, end, escaped)
  }

  /// The unquoted field starting at `p.i`, up to the delimiter or line end after it, read
  /// a word at a time.
  @inline(__always)
  private func bareField<S: SeparatorByte>(_ p: inout Progress, _: S.Type) -> (start: Int, end: Int, escaped: Bool) {
    let b = bytes
    let n = b.count
    var i = p.i
    let start = i
    while true {
      if i &+ 8 <= n {
        let w = ByteWords.load(b, i)
        // Line ends and quotes (and a comma or tab delimiter) sort below `-`: words of
        // digits, dashes, colons and letters (ids, times, codes) pass with one test;
        // the rest are tested exactly.
        let stops =
          !S.mayStop(w)
          ? 0
          : ByteWords.matches(w, S.byte) | ByteWords.matches(w, Self.lf) | ByteWords.matches(w, Self.cr)
            | ByteWords.matches(w, Self.quote)
        guard stops != 0 else {
          p.high |= w
          i &+= 8
          continue
        }
        let before = stops.trailingZeroBitCount &>> 3
        p.high |= ByteWords.prefix(w, before)
        i &+= before
      } else {
        while i < n, !S.ends(b[i]) {
          p.seen |= b[i]
          i += 1
        }
      }
      // A quote inside an unquoted field is a problem, but the field goes on.
      guard i < n, b[i] == Self.quote else { break }
      p.problem = .strayQuote
      i += 1
    }
    p.i = i
    return (start, i, false)
  }

  /// Where the line holding `start` ends, past its line end.
  func nextLine(after start: Int) -> Int {
    var i = start
    while i < bytes.count, bytes[i] != Self.lf, bytes[i] != Self.cr { i += 1 }
    if i < bytes.count { i += bytes[i] == Self.cr && i + 1 < bytes.count && bytes[i + 1] == Self.lf ? 2 : 1 }
    return i
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

  /// Whether `range` holds an odd number of quotes, and how many line ends (a line feed,
  /// or a carriage return not followed by one): at least the records that start in the
  /// range, less one. One pass over the bytes, 16 at a time, each test's hits added up
  /// in a vector of byte counters that is emptied into the totals before any can
  /// overflow; a range holding both line feeds and carriage returns is read again for
  /// the returns followed by a feed (`returnsBeforeFeeds`), which end one line each.
  func marks(_ range: Range<Int>) -> (oddQuotes: Bool, lineEnds: Int) {
    let b = bytes
    var (quotes, feeds, returns) = (0, 0, 0)
    var i = range.lowerBound
    let quote = SIMD16<UInt8>(repeating: Self.quote)
    let (lf, cr) = (SIMD16<UInt8>(repeating: Self.lf), SIMD16<UInt8>(repeating: Self.cr))
    var blocks = (range.upperBound - i) / 16
    while blocks > 0 {
      let steps = min(blocks, 255)
      var (quoteHits, feedHits, returnHits) = (SIMD16<UInt8>(), SIMD16<UInt8>(), SIMD16<UInt8>())
      for _ in 0..<steps {
        let v = ByteWords.vector(b, i)
        // A hit's lane is all ones: subtracting it adds one.
        quoteHits &-= unsafeBitCast(v .== quote, to: SIMD16<UInt8>.self)
        feedHits &-= unsafeBitCast(v .== lf, to: SIMD16<UInt8>.self)
        returnHits &-= unsafeBitCast(v .== cr, to: SIMD16<UInt8>.self)
        i &+= 16
      }
      blocks -= steps
      quotes += Int(SIMD16<UInt16>(truncatingIfNeeded: quoteHits).wrappedSum())
      feeds += Int(SIMD16<UInt16>(truncatingIfNeeded: feedHits).wrappedSum())
      returns += Int(SIMD16<UInt16>(truncatingIfNeeded: returnHits).wrappedSum())
    }
    for c in b[i..<range.upperBound] {
      if c == Self.quote { quotes += 1 }
      if c == Self.lf { feeds += 1 }
      if c == Self.cr { returns += 1 }
    }
    let pairs = feeds > 0 && returns > 0 ? returnsBeforeFeeds(range) : 0
    return (quotes & 1 == 1, feeds + returns - pairs)
  }

  /// How many carriage returns in `range` a line feed follows (the range's last byte's
  /// next byte may lie past it).
  private func returnsBeforeFeeds(_ range: Range<Int>) -> Int {
    let b = bytes
    var pairs = 0
    var i = range.lowerBound
    let (lf, cr) = (SIMD16<UInt8>(repeating: Self.lf), SIMD16<UInt8>(repeating: Self.cr))
    // Each byte's next is read too: `i + 16` stays in the file.
    var blocks = (min(range.upperBound, b.count - 1) - i) / 16
    while blocks > 0 {
      let steps = min(blocks, 255)
      var hits = SIMD16<UInt8>()
      for _ in 0..<steps {
        let pair = (ByteWords.vector(b, i) .== cr) .& (ByteWords.vector(b, i &+ 1) .== lf)
        hits &-= unsafeBitCast(pair, to: SIMD16<UInt8>.self)
        i &+= 16
      }
      blocks -= steps
      pairs += Int(SIMD16<UInt16>(truncatingIfNeeded: hits).wrappedSum())
    }
    for j in i..<range.upperBound where b[j] == Self.cr && j + 1 < b.count && b[j + 1] == Self.lf { pairs += 1 }
    return pairs
  }
}

/// A delimiter as a type, so the scanner's loops are compiled for each with its byte a
/// constant.
protocol SeparatorByte {
  static var byte: UInt8 { get }
}

enum Comma: SeparatorByte { static var byte: UInt8 { 0x2C } }
enum Semicolon: SeparatorByte { static var byte: UInt8 { 0x3B } }
enum Tab: SeparatorByte { static var byte: UInt8 { 0x09 } }
enum Pipe: SeparatorByte { static var byte: UInt8 { 0x7C } }

/// The tests a delimiter's loops make on bytes and words.
extension SeparatorByte {
  /// Whether `c` ends an unquoted field's text: the delimiter, a line end or a quote.
  @inline(__always) static func ends(_ c: UInt8) -> Bool {
    // Line ends and the quote sort at or below the comma, so with a comma or a tab
    // most bytes take one test.
    byte <= CSVScanner.comma
      ? c <= CSVScanner.comma && (c == byte || c == CSVScanner.lf || c == CSVScanner.cr || c == CSVScanner.quote)
      : c == byte || (c <= CSVScanner.quote && (c == CSVScanner.lf || c == CSVScanner.cr || c == CSVScanner.quote))
  }

  /// Whether any byte of `w` may end a field (false means none does): one test when the
  /// delimiter sorts at or below the comma, two for `;` and `|`.
  @inline(__always) static func mayStop(_ w: UInt64) -> Bool {
    byte <= CSVScanner.comma
      ? ByteWords.below(w, CSVScanner.comma + 1) != 0
      : ByteWords.below(w, CSVScanner.quote + 1) | ByteWords.matches(w, byte) != 0
  }
}
