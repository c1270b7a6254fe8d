/// A `strptime`-style format a `types` clause states for a timestamp or date column:
/// `types created_at = timestamp "%a %b %d %H:%M:%S %z %Y"`. Compiled once, then read
/// against each value with no allocation.
///
/// Directives: `%Y` year (1–4 digits), `%y` two-digit year (69–99 → 19xx, else 20xx),
/// `%m` month, `%d` and `%e` day, `%j` day of the year, `%H` hour (0–23), `%I` hour
/// (1–12, with `%p`), `%p` AM/PM, `%M` minute, `%S` second, `%f` fraction of a second
/// (dropped), `%b`/`%B`/`%h` month name and `%a`/`%A` weekday name (English, any case,
/// full or three letters; the weekday is not checked against the date), `%z` offset
/// (`+0200`, `+02:00`, `+02`, `Z`), `%Z` zone name (`UTC` or `GMT` only), `%%` a percent
/// sign. Numbers may be unpadded (`9` for `09`); a space matches any run of spaces, even
/// none; other characters match themselves (letters in any case). Parts not in the
/// format default to the first month, the first day, midnight.
public struct TimestampFormat: Sendable, Hashable, CustomStringConvertible {
  /// The format as written.
  public let pattern: String
  private let pieces: [Piece]
  /// Whether the format states an offset or zone (`%z`, `%Z`): its times ignore the
  /// table's `timezone`.
  public let hasOffset: Bool
  /// Whether the format reads an hour: a `date` column's values are cut to the day.
  public let hasTime: Bool

  /// The format as written.
  public var description: String { pattern }

  private enum Piece: Hashable, Sendable {
    case literal(UInt8)
    case spaces
    case year, shortYear, month, day, dayOfYear, hour, hour12, minute, second, fraction
    case monthName, weekdayName, meridiem, offset, zoneName
  }

  /// Why a format cannot be used: an unknown directive, a `%` at the end, or no year.
  public struct Problem: Error, Sendable, Equatable {
    /// What is wrong, e.g. `unknown directive %Q`.
    public var message: String
  }

  /// The directives a format may use, for messages.
  public static let directives = "%Y %y %m %d %e %j %H %I %p %M %S %f %b %B %h %a %A %z %Z %%"

  /// Compiles `pattern`; throws for an unknown directive, a lone `%` at the end, `%I`
  /// without `%p`, or a format with no year.
  public init(_ pattern: String) throws(Problem) {
    var pieces: [Piece] = []
    var bytes = Array(pattern.utf8)[...]
    while let b = bytes.popFirst() {
      if b == UInt8(ascii: " ") {
        if pieces.last != .spaces { pieces.append(.spaces) }
        continue
      }
      guard b == UInt8(ascii: "%") else {
        pieces.append(.literal(b))
        continue
      }
      guard let d = bytes.popFirst() else { throw Problem(message: "the format ends with a lone %") }
      switch d {
      case UInt8(ascii: "Y"): pieces.append(.year)
      case UInt8(ascii: "y"): pieces.append(.shortYear)
      case UInt8(ascii: "m"): pieces.append(.month)
      case UInt8(ascii: "d"), UInt8(ascii: "e"): pieces.append(.day)
      case UInt8(ascii: "j"): pieces.append(.dayOfYear)
      case UInt8(ascii: "H"): pieces.append(.hour)
      case UInt8(ascii: "I"): pieces.append(.hour12)
      case UInt8(ascii: "p"): pieces.append(.meridiem)
      case UInt8(ascii: "M"): pieces.append(.minute)
      case UInt8(ascii: "S"): pieces.append(.second)
      case UInt8(ascii: "f"): pieces.append(.fraction)
      case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "h"): pieces.append(.monthName)
      case UInt8(ascii: "a"), UInt8(ascii: "A"): pieces.append(.weekdayName)
      case UInt8(ascii: "z"): pieces.append(.offset)
      case UInt8(ascii: "Z"): pieces.append(.zoneName)
      case UInt8(ascii: "%"): pieces.append(.literal(UInt8(ascii: "%")))
      default:
        let directive = String(decoding: [UInt8(ascii: "%"), d], as: UTF8.self)
        throw Problem(message: "unknown directive \(directive) (known: \(Self.directives))")
      }
    }
    guard pieces.contains(.year) || pieces.contains(.shortYear) else {
      throw Problem(message: "the format has no year (%Y or %y)")
    }
    if pieces.contains(.hour12) != pieces.contains(.meridiem) {
      throw Problem(message: "%I (a 12-hour clock) and %p (AM or PM) go together")
    }
    self.pattern = pattern
    self.pieces = pieces
    hasOffset = pieces.contains(.offset) || pieces.contains(.zoneName)
    hasTime = pieces.contains(.hour) || pieces.contains(.hour12)
  }

  /// Reads the whole of `s` by this format: the seconds since 1970-01-01T00:00:00Z, the
  /// wall time read as UTC when the format states no offset. Nil unless every piece
  /// matches and the date and time are valid.
  public func read(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
    var c = DateCursor(s)
    var year = 1970
    var month = 1
    var day = 1
    var dayOfYear: Int?
    var hour = 0
    var minute = 0
    var second = 0
    var pm: Bool?
    var offset = 0
    for piece in pieces {
      switch piece {
      case .literal(let b):
        guard c.i < s.count, s[c.i] == b || (isASCIILetter(b) && s[c.i] | 0x20 == b | 0x20) else { return nil }
        c.i += 1
      case .spaces: c.skipSpaces()
      case .year:
        guard let v = c.number(min: 1, max: 4) else { return nil }
        year = v
      case .shortYear:
        guard let v = c.number(min: 2, max: 2) else { return nil }
        year = v < 69 ? 2000 + v : 1900 + v
      case .month:
        guard let v = c.number(min: 1, max: 2) else { return nil }
        month = v
      case .day:
        c.skipSpaces()
        guard let v = c.number(min: 1, max: 2) else { return nil }
        day = v
      case .dayOfYear:
        guard let v = c.number(min: 1, max: 3) else { return nil }
        dayOfYear = v
      case .hour, .hour12:
        guard let v = c.number(min: 1, max: 2) else { return nil }
        hour = v
      case .minute:
        guard let v = c.number(min: 1, max: 2) else { return nil }
        minute = v
      case .second:
        guard let v = c.number(min: 1, max: 2) else { return nil }
        second = v
      case .fraction:
        guard c.number(min: 1, max: Int.max) != nil else { return nil }
      case .monthName:
        guard let v = c.name(in: Self.months) else { return nil }
        month = v + 1
      case .weekdayName:
        guard c.name(in: Self.weekdays) != nil else { return nil }
      case .meridiem:
        if c.takeWord("am") {
          pm = false
        } else if c.takeWord("pm") {
          pm = true
        } else {
          return nil
        }
      case .offset:
        guard let v = c.offset() else { return nil }
        offset = v
      case .zoneName:
        guard c.takeWord("utc") || c.takeWord("gmt") else { return nil }
      }
    }
    guard c.atEnd else { return nil }
    if let pm {
      guard (1...12).contains(hour) else { return nil }
      hour = hour % 12 + (pm ? 12 : 0)
    }
    guard hour < 24, minute < 60, second < 61 else { return nil }
    let days: Int
    if let dayOfYear {
      let length = Timestamp.daysInMonth(year: year, month: 2) == 29 ? 366 : 365
      guard (1...length).contains(dayOfYear) else { return nil }
      days = Timestamp.daysFromCivil(year: year, month: 1, day: 1) + dayOfYear - 1
    } else {
      guard (1...12).contains(month), day >= 1, day <= Timestamp.daysInMonth(year: year, month: month) else {
        return nil
      }
      days = Timestamp.daysFromCivil(year: year, month: month, day: day)
    }
    return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59) - offset)
  }

  /// `read` over a string's UTF-8.
  public func read(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { read($0) }
  }

  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ].map { Array($0.utf8) }
  private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    .map { Array($0.utf8) }
}

extension DateCursor {
  /// The index in `names` (lower-case) of the name written next, in full or as its first
  /// three letters, in any case.
  mutating func name(in names: [[UInt8]]) -> Int? {
    for (index, name) in names.enumerated() {
      for length in [name.count, 3] where matches(name, length) {
        i += length
        return index
      }
    }
    return nil
  }

  private func matches(_ name: [UInt8], _ length: Int) -> Bool {
    guard i + length <= s.count else { return false }
    for k in 0..<length where s[i + k] | 0x20 != name[k] { return false }
    return true
  }
}

@inline(__always) private func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
