/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (H. Hinnant's
/// algorithms), so timestamps are written without Foundation.
enum CivilDate {
  static func from(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]Z` as seconds since 1970 (UTC).
  static func parseTimestamp(_ text: String) -> Int? {
    let b = Array(text.utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= b.count else { return nil }
      var v = 0
      for c in b[from..<(from + count)] {
        guard c >= 48, c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard b.count >= 10, b[4] == 45, b[7] == 45, let year = number(0, 4),
      let month = number(5, 2), let day = number(8, 2), (1...12).contains(month),
      (1...31).contains(day)
    else { return nil }
    var seconds = days(year: year, month: month, day: day) * 86_400
    if b.count == 10 { return seconds }
    guard b.count >= 16, b[10] == 84, b[13] == 58, let hour = number(11, 2),
      let minute = number(14, 2), hour < 24, minute < 60
    else { return nil }
    seconds += hour * 3600 + minute * 60
    var i = 16
    if i < b.count, b[i] == 58 {
      guard let second = number(17, 2), second < 60 else { return nil }
      seconds += second
      i = 19
    }
    if i < b.count, b[i] == 90 { i += 1 }
    return i == b.count ? seconds : nil
  }
}
