import PlaybookLanguage

/// Writes `Timestamp.format` text (`2026-11-01T09:30:00Z`) straight into a byte buffer.
/// Exports write three timestamps per row, so the date part is formatted once per day
/// and remembered in a small direct-mapped cache; the time of day is plain arithmetic.
struct TimestampWriter {
  private static let slots = 1024
  private var days = [Int64](repeating: .min, count: slots)
  private var dates = [UInt8](repeating: 0, count: slots * 10)

  mutating func write(_ seconds: Int64, to out: inout [UInt8]) {
    let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let slot = Int(UInt64(bitPattern: day) % UInt64(Self.slots))
    if days[slot] != day {
      // Years outside 0...9999 are not 10 bytes long; leave them to the shared formatter.
      let date = Array(Timestamp.formatDate(seconds).utf8)
      guard date.count == 10 else { return out.append(contentsOf: Timestamp.format(seconds).utf8) }
      days[slot] = day
      dates.replaceSubrange(slot * 10..<slot * 10 + 10, with: date)
    }
    out.append(contentsOf: dates[slot * 10..<slot * 10 + 10])
    let rest = Int(seconds - day * 86_400)
    out.append(84)
    twoDigits(rest / 3600, to: &out)
    out.append(58)
    twoDigits(rest / 60 % 60, to: &out)
    out.append(58)
    twoDigits(rest % 60, to: &out)
    out.append(90)
  }

  private func twoDigits(_ value: Int, to out: inout [UInt8]) {
    out.append(UInt8(48 + value / 10))
    out.append(UInt8(48 + value % 10))
  }
}
