import PlaybookEngine
import PlaybookLanguage

extension SendMove {
  /// `moved from 22:40 to 08:00 local (quiet hours 21:00-08:00)`; with the days named
  /// when the send waits past the next day: `moved from Fri 22:40 to Mon 08:00 local …`.
  func text(to sendAt: Int64) -> String {
    let before = Self.wallClock(from + fromOffset)
    let after = Self.wallClock(sendAt + toOffset)
    let naming = after.day - before.day > 1
    func shown(_ clock: (day: Int64, weekday: Int, time: String)) -> String {
      naming ? Self.weekdays[clock.weekday] + " " + clock.time : clock.time
    }
    return "moved from \(shown(before)) to \(shown(after)) local (\(reason))"
  }

  private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

  /// The day number, weekday (0 Monday) and `HH:MM` of a wall-clock time in seconds.
  private static func wallClock(_ wall: Int64) -> (day: Int64, weekday: Int, time: String) {
    let day = (wall - (wall < 0 ? 86_399 : 0)) / 86_400
    let minutes = Int(wall - day * 86_400) / 60
    let weekday = Int(((day + 3) % 7 + 7) % 7)
    return (day, weekday, ClockTime.text(minutes: minutes))
  }
}
