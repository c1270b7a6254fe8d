/// A chunk's text column, written as its rows come: a block of rows at a time while a
/// CSV file is read (`ColumnTyper`, once a column is text for certain), or all of a
/// chunk's spans at once (`ColumnBuilder.textPiece`). Both give the same column: each
/// distinct value kept once (`TextDictionary`) while that pays, checked at every power
/// of two rows from `TextDictionary.minimumRows` and at the end, else every row's text
/// (escapes undone, empty for null).
///
/// A dictionary given up is written out as every row's text from the values it kept,
/// so the rows before are not read from the file again: a column written as it is read
/// keeps no spans to read them from.
struct TextPieceWriter {
  /// The distinct values kept while the dictionary pays; then every row's text.
  private var text: GrowingBuffer<UInt8>
  private var dictionary: TextDictionary?
  /// While the dictionary pays: each row's value's number.
  private var codes: GrowingBuffer<UInt32>
  /// Once it does not: where each row's text ends.
  private var ends: GrowingBuffer<UInt32>?
  /// The bytes of every row's text so far.
  private var total = 0
  /// The rows written, and which are null (64 a word).
  private(set) var rows = 0
  private var nullWords: [UInt64] = []
  /// About how many rows the column will have.
  private let expected: Int

  /// A column of about `rows` rows: room for their text is made at the first rows'
  /// bytes per row, and a quarter more (room never written costs nothing, and a row
  /// past it makes more).
  init(rows: Int) {
    expected = rows
    text = GrowingBuffer(capacity: 0)
    codes = GrowingBuffer(capacity: rows)
    dictionary = TextDictionary()
    nullWords.reserveCapacity((rows + 63) / 64)
  }

  /// Writes the rows of `spans`, fields of `bytes`.
  mutating func append(_ spans: UnsafeBufferPointer<FieldSpan>, bytes: UnsafeBufferPointer<UInt8>) {
    let words = (rows + spans.count + 63) / 64
    if nullWords.count < words { nullWords.append(contentsOf: repeatElement(0, count: words - nullWords.count)) }
    // Undoing escapes never makes text longer, so the spans' lengths bound the text.
    var length = 0
    nullWords.withUnsafeMutableBufferPointer { nullWords in
      for (i, span) in spans.enumerated() {
        length &+= span.length
        if span.isNull { nullWords[(rows &+ i) >> 6] |= 1 << UInt64((rows &+ i) & 63) }
      }
    }
    text.reserve(rows > 0 || spans.isEmpty ? length : max(length, length * expected / spans.count * 5 / 4 + 4096))
    var row = 0
    if dictionary != nil {
      codes.reserve(spans.count)
      row = appendCoded(spans, bytes: bytes)
      // Not given up (every row written, no check failed).
      if dictionary != nil { return }
      text.reserve(spans[row...].reduce(0) { $0 + $1.length })
    }
    appendPlain(UnsafeBufferPointer(rebasing: spans[row...]), bytes: bytes)
  }

  /// Writes rows of `spans` as numbers into the dictionary until it stops paying at one
  /// of its checks, then gives it up (`writeOut`); returns how many rows were written.
  /// (The checks fall on the last row of a block of 1,024, so a block written whole can
  /// still give it up.)
  private mutating func appendCoded(_ spans: UnsafeBufferPointer<FieldSpan>, bytes: UnsafeBufferPointer<UInt8>)
    -> Int
  {
    let dictionary = dictionary!
    let base = text.base
    let numbers = codes.base + codes.count
    var at = text.count
    var written = spans.count
    var paying = true
    for (i, span) in spans.enumerated() {
      FieldPrefetch.ahead(of: i, in: spans, bytes: bytes)
      // A value with escapes is written out (past the kept values) to be compared.
      let value = span.escaped ? UnsafePointer(base + at) : bytes.baseAddress! + span.start
      let length = span.escaped ? FieldText.write(span, from: bytes, to: base + at) : span.length
      total += length
      let (number, isNew) = dictionary.number(of: value, length: length, keepingAt: at, in: base)
      if isNew { at += length }
      numbers[i] = number
      let seen = rows + i + 1
      if seen >= TextDictionary.minimumRows, seen & (seen - 1) == 0,
        !TextDictionary.pays(kept: at, count: dictionary.count, of: total)
      {
        written = i + 1
        paying = false
        break
      }
    }
    text.count = at
    codes.count += written
    rows += written
    if !paying { writeOut() }
    return written
  }

  /// Writes every row of `spans` as its text.
  private mutating func appendPlain(_ spans: UnsafeBufferPointer<FieldSpan>, bytes: UnsafeBufferPointer<UInt8>) {
    let ends = ends!
    ends.reserve(spans.count)
    let (out, rowEnds) = (text.base, ends.base + ends.count)
    var at = text.count
    for (i, span) in spans.enumerated() {
      FieldPrefetch.ahead(of: i, in: spans, bytes: bytes)
      if !span.isNull { at += FieldText.write(span, from: bytes, to: out + at) }
      rowEnds[i] = UInt32(truncatingIfNeeded: at)
    }
    total += at - text.count
    text.count = at
    ends.count += spans.count
    rows += spans.count
  }

  /// Gives up the dictionary: every row written so far as its text, from the values kept.
  private mutating func writeOut() {
    guard let dictionary else { return }
    // Room for every row's text so far (and the guess for the rest), and every row's end.
    let plain = GrowingBuffer<UInt8>(capacity: max(text.capacity, total))
    let rowEnds = GrowingBuffer<UInt32>(capacity: codes.capacity)
    var at = 0
    for row in 0..<rows {
      let (lower, upper) = dictionary.bounds(Int(codes.base[row]))
      FieldText.copy(text.base + lower, to: plain.base + at, count: upper - lower)
      at += upper - lower
      rowEnds.base[row] = UInt32(truncatingIfNeeded: at)
    }
    plain.count = at
    rowEnds.count = rows
    (text, ends, self.dictionary) = (plain, rowEnds, nil)
    codes = GrowingBuffer(capacity: 0)
  }

  /// The column written, and its nulls.
  mutating func finished() -> TypedValues {
    TypedValues(values: .text(column()), nulls: NullMask(words: ColumnArray(nullWords), count: rows)!)
  }

  private mutating func column() -> TextColumn {
    if let dictionary, rows >= TextDictionary.minimumRows,
      TextDictionary.pays(kept: text.count, count: dictionary.count, of: total)
    {
      // The kept values alone: the text's room was made for every row's.
      let kept = ColumnArray<UInt8>(count: text.count) { out, count in
        out.baseAddress?.initialize(from: text.base, count: text.count)
        count = text.count
      }
      return TextColumn(
        bytes: kept, ends: ColumnArray(dictionary.ends),
        codes: TextCodes(narrowing: codes.values, values: dictionary.count))
    }
    writeOut()
    return TextColumn(bytes: text.values, ends: ends!.values)
  }
}
