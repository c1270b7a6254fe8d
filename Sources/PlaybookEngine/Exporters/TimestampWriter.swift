import PlaybookLanguage

/// Writes `Timestamp.format` text (`2026-11-01T09:30:00Z`) without making a `String`.
/// Exports write three timestamps per row, so the date part is formatted once per day
/// and remembered in a small direct-mapped cache; the time of day is plain arithmetic.
struct TimestampWriter {
  private static let slots = 1024
  private var days = [Int64](repeating: .min, count: slots)
  private var dates = [UInt8](repeating: 0, count: slots * 10)

  mutating func write(_ seconds: Int64, to out: inout [UInt8]) {
    withText(seconds) { out.append(contentsOf: $0) }
  }

  /// Calls `body` with the text of `seconds`, UTF-8.
  mutating func withText<R>(_ seconds: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let slot = Int(UInt64(bitPattern: day) % UInt64(Self.slots))
    if days[slot] != day {
      // Years outside 0...9999 are not 10 bytes long; leave them to the shared formatter.
      var date = Timestamp.formatDate(seconds)
      guard date.utf8.count == 10 else {
        var text = Timestamp.format(seconds)
        return text.withUTF8(body)
      }
      days[slot] = day
      date.withUTF8 { dates.replaceSubrange(slot * 10..<slot * 10 + 10, with: $0) }
    }
    let rest = Int(seconds - day * 86_400)
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { text in
      dates.withUnsafeBufferPointer { dates in
        for i in 0..<10 { text[i] = dates[slot * 10 + i] }
      }
      text[10] = 84  // T
      Self.twoDigits(rest / 3600, at: 11, in: text)
      text[13] = 58  // :
      Self.twoDigits(rest / 60 % 60, at: 14, in: text)
      text[16] = 58
      Self.twoDigits(rest % 60, at: 17, in: text)
      text[19] = 90  // Z
      return body(UnsafeBufferPointer(text))
    }
  }

  /// Calls `body` with the text of `seconds` on a clock `offset` seconds from UTC, the
  /// offset in place of the `Z`: `2026-12-05T08:00:00-05:00`.
  mutating func withText<R>(_ seconds: Int64, offset: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    withText(seconds + offset) { wall in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wall.count + 5) { text in
        for i in 0..<wall.count - 1 { text[i] = wall[i] }
        var at = wall.count - 1
        text[at] = offset < 0 ? 45 : 43  // - or +
        let minutes = Int(offset.magnitude / 60)
        Self.twoDigits(minutes / 60 % 100, at: at + 1, in: text)
        text[at + 3] = 58  // :
        Self.twoDigits(minutes % 60, at: at + 4, in: text)
        at += 6
        return body(UnsafeBufferPointer(rebasing: text[0..<at]))
      }
    }
  }

  /// `00` to `99`, end to end: a value's two digits are at twice the value.
  private static let pairs: StaticString = """
    00010203040506070809101112131415161718192021222324\
    25262728293031323334353637383940414243444546474849\
    50515253545556575859606162636465666768697071727374\
    75767778798081828384858687888990919293949596979899
    """

  private static func twoDigits(_ value: Int, at i: Int, in text: UnsafeMutableBufferPointer<UInt8>) {
    text[i] = pairs.utf8Start[2 * value]
    text[i + 1] = pairs.utf8Start[2 * value + 1]
  }
}
