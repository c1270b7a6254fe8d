/// ISO 8601 timestamps as seconds since 1970-01-01T00:00:00Z, read and written without
/// Foundation so the lexer and the data loaders share one fast, exact reader.
public enum Timestamp {
  /// Reads `YYYY-MM-DD`, or that followed by `T` (or a space) and `HH:MM[:SS[.fraction]]`
  /// with an optional `Z` or `±HH[:MM]` offset. Without an offset the time is UTC.
  /// Fractions of a second are dropped. Returns nil unless the whole input is one such
  /// value with a valid date and time. `isDate` is true for a bare date.
  public static func parse(_ s: UnsafeBufferPointer<UInt8>) -> (seconds: Int64, isDate: Bool)? {
    guard let read = read(s) else { return nil }
    return (read.seconds, read.isDate)
  }

  /// `parse`, saying whether the text stated its offset (`Z` or `±HH[:MM]`): a loader
  /// puts a time without one in its table's zone. Without an offset `seconds` reads the
  /// wall time as UTC.
  @inline(__always)
  public static func read(_ s: UnsafeBufferPointer<UInt8>) -> (seconds: Int64, isDate: Bool, hasOffset: Bool)? {
    let n = s.count
    var canonical = CanonicalTimes()
    if n == 20, let seconds = canonical.read(s) { return (seconds, false, true) }
    @inline(__always) func digits(_ at: Int, _ count: Int) -> Int? {
      guard at + count <= n else { return nil }
      var v = 0
      for i in at..<(at + count) {
        let d = Int(s[i]) - 48
        guard d >= 0, d <= 9 else { return nil }
        v = v * 10 + d
      }
      return v
    }
    guard n >= 10, let year = digits(0, 4), s[4] == 45, let month = digits(5, 2), s[7] == 45,
      let day = digits(8, 2), (1...12).contains(month), day >= 1,
      day <= daysInMonth(year: year, month: month)
    else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    if n == 10 { return (Int64(days) * 86_400, true, false) }
    guard s[10] == 84 || s[10] == 32 || s[10] == 116, let hour = digits(11, 2), n >= 16, s[13] == 58,
      let minute = digits(14, 2), hour < 24, minute < 60
    else { return nil }
    var i = 16
    var second = 0
    if i < n, s[i] == 58 {
      guard let sec = digits(i + 1, 2), sec < 61 else { return nil }
      second = min(sec, 59)
      i += 3
      if i < n, s[i] == 46 || s[i] == 44 {
        i += 1
        let fractionStart = i
        while i < n, s[i] >= 48, s[i] <= 57 { i += 1 }
        guard i > fractionStart else { return nil }
      }
    }
    var offset = 0
    let hasOffset = i < n
    if i < n {
      if s[i] == 90 || s[i] == 122 {
        i += 1
      } else if s[i] == 43 || s[i] == 45 {
        let sign = s[i] == 45 ? -1 : 1
        guard let oh = digits(i + 1, 2), oh < 24 else { return nil }
        i += 3
        var om = 0
        if i < n {
          if s[i] == 58 { i += 1 }
          guard let m = digits(i, 2), m < 60 else { return nil }
          om = m
          i += 2
        }
        offset = sign * (oh * 3600 + om * 60)
      } else {
        return nil
      }
    }
    guard i == n else { return nil }
    let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
    return (seconds, false, hasOffset)
  }

  /// Whether every byte of `w` selected by `mask` (whole bytes of 0xFF) is an ASCII digit:
  /// its high nibble is 3, and adding 6 does not carry out of its low nibble.
  @inlinable @inline(__always)
  static func isDigits(_ w: UInt64, _ mask: UInt64) -> Bool {
    let highNibbles = mask & 0xF0F0_F0F0_F0F0_F0F0
    let threes = mask & 0x3030_3030_3030_3030
    return w & highNibbles == threes && (w & mask &+ (mask & 0x0606_0606_0606_0606)) & highNibbles == threes
  }

  /// `parse` over a string's UTF-8.
  public static func parse(_ text: String) -> (seconds: Int64, isDate: Bool)? {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  /// `2026-11-01T09:30:00Z`: UTC, whole seconds.
  public static func format(_ seconds: Int64) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = Int(seconds - days * 86_400)
    let (y, m, d) = civil(fromDays: Int(days))
    return
      "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
  }

  /// `2026-11-01`: the UTC date of an instant.
  public static func formatDate(_ seconds: Int64) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let (y, m, d) = civil(fromDays: Int(days))
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  private static func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  @inlinable
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic
  // Gregorian calendar, no tables.
  @inlinable @inline(__always)
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The (year, month, day) of a count of days since 1970-01-01.
  public static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
