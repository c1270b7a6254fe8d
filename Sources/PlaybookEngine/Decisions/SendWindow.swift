import PlaybookLanguage

/// A channel's `quiet` hours and `days`, read on the customer's wall clock: when a send
/// may go out, and the next moment it may when it would fall outside.
struct SendWindow: Sendable {
  /// Quiet from this minute of the day (included) …
  let quietStart: Int
  /// … to this one (excluded); equal to `quietStart` when there are no quiet hours.
  let quietEnd: Int
  /// Bit `Weekday.index` (0 Monday) set for each day the channel sends.
  let dayMask: UInt8
  /// `quiet hours 21:00-08:00`, `days mon-fri`: why a send was moved, in words.
  let quietText: String
  let daysText: String

  static let secondsPerDay: Int64 = 86_400

  /// The window of `channel`; nil when it has neither `quiet` nor `days`.
  init?(_ channel: Channel) {
    guard channel.hasSendWindow else { return nil }
    quietStart = channel.quiet?.start.minutes ?? 0
    quietEnd = channel.quiet?.end.minutes ?? 0
    dayMask = channel.days?.mask ?? 0x7F
    quietText = channel.quiet.map { "quiet hours " + $0.text } ?? ""
    daysText = channel.days.map { "days " + $0.text } ?? ""
  }

  /// Whether the minute of the day `minute` is in the quiet hours.
  @inline(__always) func isQuiet(minute: Int) -> Bool {
    quietStart < quietEnd
      ? minute >= quietStart && minute < quietEnd
      : quietStart != quietEnd && (minute >= quietStart || minute < quietEnd)
  }

  @inline(__always) func sends(onWeekday weekday: Int) -> Bool { dayMask & (1 << weekday) != 0 }

  /// The wall clock's day number (days since 1970-01-01), weekday (0 Monday) and minute
  /// of the day at `instant` in `zone`.
  static func wallClock(_ instant: Int64, _ zone: ZoneOffsets) -> (day: Int64, weekday: Int, minute: Int) {
    let wall = instant + zone.offset(atInstant: instant)
    var day = wall / secondsPerDay
    if wall % secondsPerDay < 0 { day -= 1 }
    // 1970-01-01 was a Thursday (3, counting Monday as 0).
    var weekday = Int((day + 3) % 7)
    if weekday < 0 { weekday += 7 }
    return (day, weekday, Int(wall - day * secondsPerDay) / 60)
  }

  /// `instant` when the customer's clock in `zone` is then inside the window; else the
  /// next moment it opens: the end of the quiet hours (or midnight, when midnight is not
  /// quiet) on the next day the channel sends.
  func opening(atOrAfter instant: Int64, in zone: ZoneOffsets) -> Int64 {
    let (day, weekday, minute) = Self.wallClock(instant, zone)
    let sendsToday = sends(onWeekday: weekday)
    if sendsToday, !isQuiet(minute: minute) { return instant }
    // Quiet now, and the quiet hours end later today.
    if sendsToday, quietEnd > minute {
      return zone.firstInstant(atOrAfterWall: day * Self.secondsPerDay + Int64(quietEnd) * 60)
    }
    let opensAt = Int64(isQuiet(minute: 0) ? quietEnd : 0) * 60
    for ahead in 1...7 where sends(onWeekday: (weekday + ahead) % 7) {
      return zone.firstInstant(atOrAfterWall: (day + Int64(ahead)) * Self.secondsPerDay + opensAt)
    }
    // `days` always names a day, so some day within a week sends.
    return instant
  }

  /// Why a send at `instant` was moved to `opening`: its quiet hours when it fell in
  /// them, its days when it fell on a day the channel does not send or waited past one.
  func reason(movedFrom instant: Int64, to opening: Int64, in zone: ZoneOffsets) -> String {
    let (day, weekday, minute) = Self.wallClock(instant, zone)
    let openingDay = Self.wallClock(opening, zone).day
    var parts: [String] = []
    if isQuiet(minute: minute) { parts.append(quietText) }
    if !daysText.isEmpty, !sends(onWeekday: weekday) || openingDay > day + 1 { parts.append(daysText) }
    return parts.joined(separator: ", ")
  }
}
