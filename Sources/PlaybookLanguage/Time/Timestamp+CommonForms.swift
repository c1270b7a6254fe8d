extension Timestamp {
  /// Dates and times whose order is plain but which are not ISO 8601's padded form, read
  /// without a format: the year first, then month and day, each separated by the same
  /// `/`, `-` or `.` (`2012/10/9`, `2026-1-5`, `2012.10.09`), optionally followed by `T`
  /// or a space and a time as `H:MM[:SS[.fraction]]` (`2012/10/9 14:50:17`), optionally
  /// followed (after a space or not) by `Z`, `UTC`, `GMT` or `±HH[:MM]`. Month, day and
  /// hour may be one digit. Tried only after `read`, which covers the padded forms.
  public static func readCommon(_ s: UnsafeBufferPointer<UInt8>) -> (seconds: Int64, isDate: Bool, hasOffset: Bool)? {
    var c = DateCursor(s)
    guard let year = c.number(min: 4, max: 4), let separator = c.separator(), let month = c.number(min: 1, max: 2),
      c.take(separator), let day = c.number(min: 1, max: 2), (1...12).contains(month), day >= 1,
      day <= daysInMonth(year: year, month: month)
    else { return nil }
    let days = Int64(daysFromCivil(year: year, month: month, day: day))
    if c.atEnd { return (days * 86_400, true, false) }
    guard let time = c.timeTail() else { return nil }
    return (days * 86_400 + time.seconds, false, time.hasOffset)
  }

  /// The orders a date written with its year last could be in: `03/04/2026` either,
  /// `25/04/2026` day first only, `04/25/2026` month first only. Nil unless the text is
  /// day or month, `/`, `-` or `.`, the other, the same separator and a four-digit year,
  /// optionally followed by a time as in `readCommon`, and at least one order is a real date.
  /// Such a date is never read without a format: which order a file uses is not guessed.
  public static func dayMonthOrders(_ s: UnsafeBufferPointer<UInt8>) -> DayMonthOrders? {
    var c = DateCursor(s)
    guard let first = c.number(min: 1, max: 2), let separator = c.separator(),
      let second = c.number(min: 1, max: 2), c.take(separator), let year = c.number(min: 4, max: 4)
    else { return nil }
    if !c.atEnd {
      guard c.timeTail() != nil else { return nil }
    }
    func valid(day: Int, month: Int) -> Bool {
      (1...12).contains(month) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }
    var orders: DayMonthOrders = []
    if valid(day: first, month: second) { orders.insert(.dayFirst) }
    if valid(day: second, month: first) { orders.insert(.monthFirst) }
    return orders.isEmpty ? nil : orders
  }

  /// Which of day-first and month-first a date with its year last can be read as.
  public struct DayMonthOrders: OptionSet, Sendable, Hashable {
    /// The option set's bits.
    public var rawValue: UInt8
    /// An option set of `rawValue`'s bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `25/04/2026`: day, month, year.
    public static let dayFirst = DayMonthOrders(rawValue: 1)
    /// `04/25/2026`: month, day, year.
    public static let monthFirst = DayMonthOrders(rawValue: 2)
  }
}

/// Reads the pieces of a date or time left to right, for the readers that are not
/// ISO 8601's.
struct DateCursor {
  let s: UnsafeBufferPointer<UInt8>
  var i = 0

  init(_ s: UnsafeBufferPointer<UInt8>) { self.s = s }

  var atEnd: Bool { i == s.count }

  /// `min` to `max` digits, as many as there are.
  mutating func number(min: Int, max: Int) -> Int? {
    var v = 0
    let start = i
    while i < s.count, i - start < max, isASCIIDigit(s[i]) {
      v = v * 10 + Int(s[i] - 48)
      i += 1
    }
    return i - start >= min ? v : nil
  }

  mutating func take(_ byte: UInt8) -> Bool {
    guard i < s.count, s[i] == byte else { return false }
    i += 1
    return true
  }

  /// A date's separator: `/`, `-` or `.`.
  mutating func separator() -> UInt8? {
    guard i < s.count, s[i] == UInt8(ascii: "/") || s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: ".")
    else { return nil }
    i += 1
    return s[i - 1]
  }

  mutating func skipSpaces() {
    while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
  }

  /// Whether the next letters are `word` (lower-case ASCII), in any case; takes them if so.
  mutating func takeWord(_ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard i + n <= s.count else { return false }
    for k in 0..<n where s[i + k] | 0x20 != word.utf8Start[k] { return false }
    i += n
    return true
  }

  /// `Z`, `UTC`, `GMT`, or `±HH`, `±HHMM`, `±HH:MM`: the offset in seconds east of UTC.
  mutating func offset() -> Int? {
    if takeWord("utc") || takeWord("gmt") { return 0 }
    if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
    guard i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return nil }
    let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
    i += 1
    guard let hours = number(min: 2, max: 2), hours < 24 else { return nil }
    var minutes = 0
    let colon = take(UInt8(ascii: ":"))
    if colon || (i < s.count && isASCIIDigit(s[i])) {
      guard let m = number(min: 2, max: 2), m < 60 else { return nil }
      minutes = m
    }
    return sign * (hours * 3600 + minutes * 60)
  }

  /// The rest of the text as `T` or spaces, `H:MM[:SS[.fraction]]`, and an optional
  /// offset after optional spaces: seconds into the day minus the offset.
  mutating func timeTail() -> (seconds: Int64, hasOffset: Bool)? {
    guard take(UInt8(ascii: "T")) || take(UInt8(ascii: " ")) else { return nil }
    skipSpaces()
    guard let hour = number(min: 1, max: 2), take(UInt8(ascii: ":")), let minute = number(min: 2, max: 2),
      hour < 24, minute < 60
    else { return nil }
    var second = 0
    if take(UInt8(ascii: ":")) {
      guard let sec = number(min: 2, max: 2), sec < 61 else { return nil }
      second = Swift.min(sec, 59)
      if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
        guard number(min: 1, max: Int.max) != nil else { return nil }
      }
    }
    skipSpaces()
    var offset = 0
    let hasOffset = !atEnd
    if hasOffset {
      guard let stated = self.offset(), atEnd else { return nil }
      offset = stated
    }
    return (Int64(hour * 3600 + minute * 60 + second - offset), hasOffset)
  }
}

@inline(__always) func isASCIIDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
